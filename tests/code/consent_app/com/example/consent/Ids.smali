.class public Lcom/example/consent/Ids;
.super Ljava/lang/Object;


.method public static imei(Landroid/content/Context;)Ljava/lang/String;
    .registers 2
    const-string v0, "phone"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method

.method public static oaid(Landroid/content/Context;)Ljava/lang/String;
    .registers 2
    const/4 v0, 0x0
    invoke-interface {v0}, Lcom/bun/miitmdid/interfaces/IdSupplier;->getOAID()Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method
