.class public Lcom/umeng/commonsdk/UMConfigure;
.super Ljava/lang/Object;

.method public static preInit(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;)V
    .registers 3
    invoke-static {p0}, Lcom/umeng/commonsdk/internal/Device;->imei(Landroid/content/Context;)V
    return-void
.end method

.method public static init(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)V
    .registers 5
    invoke-static {p0}, Lcom/umeng/commonsdk/internal/Device;->androidId(Landroid/content/Context;)V
    return-void
.end method
