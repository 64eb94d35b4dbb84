.class public Lcom/example/fix/MacTask;
.super Ljava/lang/Object;
.implements Ljava/lang/Runnable;

.field private final ctx:Landroid/content/Context;

.method public constructor <init>(Landroid/content/Context;)V
    .registers 2
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lcom/example/fix/MacTask;->ctx:Landroid/content/Context;
    return-void
.end method

.method public run()V
    .registers 2
    const/4 v0, 0
    invoke-virtual {v0}, Landroid/net/wifi/WifiInfo;->getMacAddress()Ljava/lang/String;
    return-void
.end method
