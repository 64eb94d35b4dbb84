.class public Lcom/example/fix/Unused;
.super Ljava/lang/Object;

.method public static where(Landroid/location/LocationManager;)V
    .registers 2
    const-string v0, "gps"
    invoke-virtual {p0, v0}, Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;
    return-void
.end method

.method public static reflect()V
    .registers 4
    const-string v0, "android.telephony.TelephonyManager"
    invoke-static {v0}, Ljava/lang/Class;->forName(Ljava/lang/String;)Ljava/lang/Class;
    move-result-object v0
    const-string v1, "getImei"
    const/4 v2, 0
    new-array v2, v2, [Ljava/lang/Class;
    invoke-virtual {v0, v1, v2}, Ljava/lang/Class;->getMethod(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;
    return-void
.end method
