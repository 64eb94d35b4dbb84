.class public Lcom/baidu/mapapi/SDKInitializer;
.super Ljava/lang/Object;


.method public static setAgreePrivacy(Landroid/content/Context;Z)V
    .registers 2
    return-void
.end method

.method public static initialize(Landroid/content/Context;)V
    .registers 1
    invoke-static {p0}, Lcom/baidu/mapapi/common/Loc;->last(Landroid/content/Context;)V
    return-void
.end method
