.class public Lcom/example/holdout/Ticker;
.super Landroid/os/Handler;


.field private final ctx:Landroid/content/Context;

.method public constructor <init>(Landroid/content/Context;)V
    .registers 2
    invoke-direct {p0}, Landroid/os/Handler;-><init>()V
    iput-object p1, p0, Lcom/example/holdout/Ticker;->ctx:Landroid/content/Context;
    return-void
.end method

.method public handleMessage(Landroid/os/Message;)V
    .registers 5
    const/4 v0, 0x0
    invoke-virtual {v0}, Landroid/net/wifi/WifiInfo;->getMacAddress()Ljava/lang/String;
    const/4 v0, 0x1
    const-wide/16 v1, 0x320
    invoke-virtual {p0, v0, v1, v2}, Lcom/example/holdout/Ticker;->sendEmptyMessageDelayed(IJ)Z
    return-void
.end method
