.class public Lcn/jpush/android/InitProvider;
.super Landroid/content/ContentProvider;

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Landroid/content/ContentProvider;-><init>()V
    return-void
.end method

.method public onCreate()Z
    .registers 3
    invoke-virtual {p0}, Landroid/content/ContentProvider;->getContext()Landroid/content/Context;
    move-result-object v0
    invoke-static {v0}, Lcn/jpush/android/Collector;->collect(Landroid/content/Context;)V
    const/4 v0, 1
    return v0
.end method
