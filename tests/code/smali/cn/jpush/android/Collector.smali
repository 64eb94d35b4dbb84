.class public Lcn/jpush/android/Collector;
.super Ljava/lang/Object;

.method public static collect(Landroid/content/Context;)V
    .registers 2
    const/4 v0, 0
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getSubscriberId()Ljava/lang/String;
    return-void
.end method
