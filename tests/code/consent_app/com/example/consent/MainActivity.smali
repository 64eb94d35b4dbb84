.class public Lcom/example/consent/MainActivity;
.super Landroid/app/Activity;


.method protected onCreate(Landroid/os/Bundle;)V
    .registers 9
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    new-instance v0, Landroid/os/Handler;
    invoke-direct {v0}, Landroid/os/Handler;-><init>()V
    new-instance v1, Lcom/example/consent/Poller;
    invoke-direct {v1, p0, v0}, Lcom/example/consent/Poller;-><init>(Landroid/content/Context;Landroid/os/Handler;)V
    invoke-virtual {v0, v1}, Landroid/os/Handler;->post(Ljava/lang/Runnable;)Z
    const-string v0, "alarm"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/app/AlarmManager;
    new-instance v1, Landroid/content/Intent;
    const-class v2, Lcom/example/consent/AlarmReceiver;
    invoke-direct {v1, p0, v2}, Landroid/content/Intent;-><init>(Landroid/content/Context;Ljava/lang/Class;)V
    const/4 v2, 0x0
    invoke-static {p0, v2, v1, v2}, Landroid/app/PendingIntent;->getBroadcast(Landroid/content/Context;ILandroid/content/Intent;I)Landroid/app/PendingIntent;
    move-result-object v6
    const/4 v1, 0x0
    const-wide/16 v2, 0x0
    const-wide/32 v4, 0xdbba0
    invoke-virtual/range {v0 .. v6}, Landroid/app/AlarmManager;->setRepeating(IJJLandroid/app/PendingIntent;)V
    new-instance v0, Lcom/example/consent/MainActivity$Agree;
    invoke-direct {v0, p0}, Lcom/example/consent/MainActivity$Agree;-><init>(Lcom/example/consent/MainActivity;)V
    return-void
.end method
