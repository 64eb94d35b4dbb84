.class public Lcom/example/holdout/BeaconService;
.super Landroid/app/Service;


.method public onCreate()V
    .registers 8
    invoke-super {p0}, Landroid/app/Service;->onCreate()V
    const/4 v0, 0x1
    invoke-static {v0}, Ljava/util/concurrent/Executors;->newScheduledThreadPool(I)Ljava/util/concurrent/ScheduledExecutorService;
    move-result-object v0
    new-instance v1, Lcom/example/holdout/Beacon;
    invoke-direct {v1, p0}, Lcom/example/holdout/Beacon;-><init>(Landroid/content/Context;)V
    const-wide/16 v2, 0x0
    const-wide/16 v4, 0x5
    sget-object v6, Ljava/util/concurrent/TimeUnit;->SECONDS:Ljava/util/concurrent/TimeUnit;
    invoke-interface/range {v0 .. v6}, Ljava/util/concurrent/ScheduledExecutorService;->scheduleWithFixedDelay(Ljava/lang/Runnable;JJLjava/util/concurrent/TimeUnit;)Ljava/util/concurrent/ScheduledFuture;
    return-void
.end method
