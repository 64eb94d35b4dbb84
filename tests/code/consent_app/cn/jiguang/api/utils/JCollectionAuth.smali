.class public Lcn/jiguang/api/utils/JCollectionAuth;
.super Ljava/lang/Object;

.method public static setAuth(Landroid/content/Context;Z)V
    .registers 2
    return-void
.end method
