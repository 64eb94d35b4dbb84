.class public Lcom/example/consent/SyncService;
.super Landroid/app/Service;


.method public onStartCommand(Landroid/content/Intent;II)I
    .registers 7
    :loop
    const/4 v0, 0x0
    invoke-virtual {v0}, Landroid/net/wifi/WifiInfo;->getSSID()Ljava/lang/String;
    const-wide/16 v1, 0x7d0
    invoke-static {v1, v2}, Ljava/lang/Thread;->sleep(J)V
    goto :loop
.end method
