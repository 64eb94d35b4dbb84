.class public Lcom/example/consent/App;
.super Landroid/app/Application;

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Landroid/app/Application;-><init>()V
    return-void
.end method

.field public static ok:Z

.method public static onAgreeClicked()V
    .registers 1
    const/4 v0, 0x1
    sput-boolean v0, Lcom/example/consent/App;->ok:Z
    return-void
.end method

.method protected attachBaseContext(Landroid/content/Context;)V
    .registers 3
    invoke-super {p0, p1}, Landroid/app/Application;->attachBaseContext(Landroid/content/Context;)V
    sget-boolean v0, Lcom/example/consent/App;->ok:Z
    if-eqz v0, :skip
    invoke-static {p1}, Lcom/example/consent/Ids;->oaid(Landroid/content/Context;)Ljava/lang/String;
    :skip
    return-void
.end method

.method public onCreate()V
    .registers 7
    invoke-super {p0}, Landroid/app/Application;->onCreate()V
    const-string v0, "settings"
    const/4 v1, 0x0
    invoke-virtual {p0, v0, v1}, Lcom/example/consent/App;->getSharedPreferences(Ljava/lang/String;I)Landroid/content/SharedPreferences;
    move-result-object v0
    const-string v2, "privacy_agreed"
    invoke-interface {v0, v2, v1}, Landroid/content/SharedPreferences;->getBoolean(Ljava/lang/String;Z)Z
    move-result v0
    if-eqz v0, :no_consent
    invoke-static {p0}, Lcom/example/consent/Ids;->imei(Landroid/content/Context;)Ljava/lang/String;
    :no_consent
    invoke-static {p0}, Lcom/example/consent/Analytics;->start(Landroid/content/Context;)V
    const/4 v1, 0x0
    invoke-static {p0, v1}, Lcn/jiguang/api/utils/JCollectionAuth;->setAuth(Landroid/content/Context;Z)V
    invoke-static {p0}, Lcn/jpush/android/api/JPushInterface;->init(Landroid/content/Context;)V
    new-instance v0, Ljava/util/Timer;
    invoke-direct {v0}, Ljava/util/Timer;-><init>()V
    new-instance v1, Lcom/example/consent/LocTask;
    invoke-direct {v1, p0}, Lcom/example/consent/LocTask;-><init>(Landroid/content/Context;)V
    const-wide/16 v2, 0x0
    const-wide/32 v4, 0xea60
    invoke-virtual/range {v0 .. v5}, Ljava/util/Timer;->scheduleAtFixedRate(Ljava/util/TimerTask;JJ)V
    const-string v0, "key"
    const-string v1, "channel"
    invoke-static {p0, v0, v1}, Lcom/umeng/commonsdk/UMConfigure;->preInit(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;)V
    invoke-static {p0}, Lcom/example/consent/Phone;->maybeRead(Landroid/content/Context;)V
    new-instance v0, Landroidx/work/PeriodicWorkRequest$Builder;
    const-class v1, Lcom/example/consent/SyncWorker;
    const-wide/16 v2, 0xf
    sget-object v4, Ljava/util/concurrent/TimeUnit;->MINUTES:Ljava/util/concurrent/TimeUnit;
    invoke-direct {v0, v1, v2, v3, v4}, Landroidx/work/PeriodicWorkRequest$Builder;-><init>(Ljava/lang/Class;JLjava/util/concurrent/TimeUnit;)V
    new-instance v0, Lcom/example/consent/NetReceiver;
    invoke-direct {v0}, Lcom/example/consent/NetReceiver;-><init>()V
    new-instance v1, Landroid/content/IntentFilter;
    const-string v2, "android.net.conn.CONNECTIVITY_CHANGE"
    invoke-direct {v1, v2}, Landroid/content/IntentFilter;-><init>(Ljava/lang/String;)V
    invoke-virtual {p0, v0, v1}, Lcom/example/consent/App;->registerReceiver(Landroid/content/BroadcastReceiver;Landroid/content/IntentFilter;)Landroid/content/Intent;
    return-void
.end method
