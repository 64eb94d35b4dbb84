.class public Lcom/example/consent/Phone;
.super Ljava/lang/Object;


.method public static maybeRead(Landroid/content/Context;)V
    .registers 3
    invoke-static {}, Lcom/tencent/mmkv/MMKV;->defaultMMKV()Lcom/tencent/mmkv/MMKV;
    move-result-object v0
    const-string v1, "agree_policy"
    invoke-virtual {v0, v1}, Lcom/tencent/mmkv/MMKV;->decodeBool(Ljava/lang/String;)Z
    move-result v0
    if-nez v0, :go
    return-void
    :go
    const-string v0, "phone"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getLine1Number()Ljava/lang/String;
    return-void
.end method
