.class public Lcom/example/fix/Ids;
.super Ljava/lang/Object;

.method public static imei(Landroid/content/Context;)Ljava/lang/String;
    .registers 3
    const-string v0, "phone"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method

.method public static androidId(Landroid/content/Context;)Ljava/lang/String;
    .registers 3
    invoke-virtual {p0}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    const-string v1, "android_id"
    invoke-static {v0, v1}, Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method

# Settings.Secure.getString without "android_id": not a call site
.method public static otherSetting(Landroid/content/Context;)Ljava/lang/String;
    .registers 3
    invoke-virtual {p0}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    const-string v1, "bluetooth_name"
    invoke-static {v0, v1}, Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method

# payloads in the middle of the code: the decoder must step over them to find the later reads
.method public static serial(I)Ljava/lang/String;
    .registers 4
    const/4 v0, 3
    new-array v0, v0, [I
    fill-array-data v0, :array
    packed-switch p0, :switch
    sparse-switch p0, :sparse
    goto :after
    :array
    .array-data 4
        0x1 0x2 0x3
    .end array-data
    :switch
    .packed-switch 0x0
        :after
        :after
    .end packed-switch
    :sparse
    .sparse-switch
        0x10 -> :after
        0x2000 -> :after
    .end sparse-switch
    :after
    const-wide v2, 0x123456789abcdefL
    sget-object v0, Landroid/os/Build;->SERIAL:Ljava/lang/String;
    const-string/jumbo v1, "content://sms/inbox"
    return-object v0
.end method
