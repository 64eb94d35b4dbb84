.class public Lcn/jpush/android/api/JPushInterface;
.super Ljava/lang/Object;

.method public static init(Landroid/content/Context;)V
    .registers 1
    invoke-static {p0}, Lcn/jiguang/core/Collector;->collect(Landroid/content/Context;)V
    return-void
.end method
