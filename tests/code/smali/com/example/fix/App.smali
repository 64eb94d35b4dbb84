.class public Lcom/example/fix/App;
.super Landroid/app/Application;

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Landroid/app/Application;-><init>()V
    return-void
.end method

.method public onCreate()V
    .registers 2
    invoke-super {p0}, Landroid/app/Application;->onCreate()V
    invoke-static {p0}, Lcom/example/fix/Ids;->imei(Landroid/content/Context;)Ljava/lang/String;
    return-void
.end method
