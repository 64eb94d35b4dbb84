.class public Landroidx/core/Helper;
.super Ljava/lang/Object;

.method public static id(Landroid/telephony/TelephonyManager;)Ljava/lang/String;
    .registers 2
    invoke-virtual {p0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method
