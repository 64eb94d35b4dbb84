.class public Lcom/igexin/sdk/PushManager;
.super Ljava/lang/Object;


.method public static getInstance()Lcom/igexin/sdk/PushManager;
    .registers 1
    const/4 v0, 0x0
    return-object v0
.end method

.method public preInit(Landroid/content/Context;)Z
    .registers 3
    invoke-static {p1}, Lcom/igexin/push/core/Dev;->imei(Landroid/content/Context;)V
    const/4 v0, 0x1
    return v0
.end method

.method public initialize(Landroid/content/Context;)V
    .registers 2
    invoke-static {p1}, Lcom/igexin/push/core/Dev;->imsi(Landroid/content/Context;)V
    return-void
.end method
