.class public Lcom/igexin/push/core/Dev;
.super Ljava/lang/Object;


.method public static imei(Landroid/content/Context;)V
    .registers 2
    const/4 v0, 0x0
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    return-void
.end method

.method public static imsi(Landroid/content/Context;)V
    .registers 2
    const/4 v0, 0x0
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getSubscriberId()Ljava/lang/String;
    return-void
.end method
