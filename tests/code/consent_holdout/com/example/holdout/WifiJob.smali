.class public Lcom/example/holdout/WifiJob;
.super Landroid/app/job/JobService;


.method public onStartJob(Landroid/app/job/JobParameters;)Z
    .registers 3
    const/4 v0, 0x0
    invoke-virtual {v0}, Landroid/net/wifi/WifiInfo;->getSSID()Ljava/lang/String;
    const/4 v0, 0x0
    return v0
.end method
