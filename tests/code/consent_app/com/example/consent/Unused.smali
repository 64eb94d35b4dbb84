.class public Lcom/example/consent/Unused;
.super Ljava/lang/Object;


.method public static readAccounts(Landroid/accounts/AccountManager;)V
    .registers 1
    invoke-virtual {p0}, Landroid/accounts/AccountManager;->getAccounts()[Landroid/accounts/Account;
    return-void
.end method
