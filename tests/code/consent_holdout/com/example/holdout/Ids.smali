.class public Lcom/example/holdout/Ids;
.super Ljava/lang/Object;


.method public static serialLike(Landroid/content/Context;)V
    .registers 2
    const-string v0, "phone"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getSimSerialNumber()Ljava/lang/String;
    return-void
.end method

.method private static smsDead()V
    .registers 1
    const-string v0, "content://sms/inbox"
    return-void
.end method
