.class public Lcom/example/consent/SyncWorker;
.super Landroidx/work/Worker;


.method public doWork()Landroidx/work/ListenableWorker$Result;
    .registers 2
    const/4 v0, 0x0
    invoke-virtual {v0}, Landroid/telephony/TelephonyManager;->getAllCellInfo()Ljava/util/List;
    return-object v0
.end method
