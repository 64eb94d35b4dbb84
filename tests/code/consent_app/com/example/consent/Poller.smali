.class public Lcom/example/consent/Poller;
.super Ljava/lang/Object;
.implements Ljava/lang/Runnable;


.field private final ctx:Landroid/content/Context;
.field private final handler:Landroid/os/Handler;

.method public constructor <init>(Landroid/content/Context;Landroid/os/Handler;)V
    .registers 3
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lcom/example/consent/Poller;->ctx:Landroid/content/Context;
    iput-object p2, p0, Lcom/example/consent/Poller;->handler:Landroid/os/Handler;
    return-void
.end method

.method public run()V
    .registers 4
    iget-object v1, p0, Lcom/example/consent/Poller;->ctx:Landroid/content/Context;
    const-string v0, "phone"
    invoke-virtual {v1, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/TelephonyManager;
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    iget-object v0, p0, Lcom/example/consent/Poller;->handler:Landroid/os/Handler;
    const-wide/16 v1, 0x1f4
    invoke-virtual {v0, p0, v1, v2}, Landroid/os/Handler;->postDelayed(Ljava/lang/Runnable;J)Z
    return-void
.end method
