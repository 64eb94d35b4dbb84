.class public Lcom/example/holdout/Init;
.super Ljava/lang/Object;


.method public static all(Landroid/content/Context;)V
    .registers 1
    invoke-static {p0}, Lcom/example/holdout/Init;->sensors(Landroid/content/Context;)V
    return-void
.end method

.method static sensors(Landroid/content/Context;)V
    .registers 2
    const/4 v0, 0x0
    invoke-virtual {v0}, Landroid/accounts/AccountManager;->getAccounts()[Landroid/accounts/Account;
    return-void
.end method
