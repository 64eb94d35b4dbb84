.class public Lcom/example/holdout/HoldApp;
.super Landroid/app/Application;


.field public static sUserAgreed:Z

.method public onCreate()V
    .registers 6
    invoke-super {p0}, Landroid/app/Application;->onCreate()V
    invoke-static {p0}, Lcom/example/holdout/Store;->isAccepted(Landroid/content/Context;)Z
    move-result v0
    if-eqz v0, :a
    invoke-static {p0}, Lcom/example/holdout/Ids;->serialLike(Landroid/content/Context;)V
    :a
    invoke-static {p0}, Lcom/example/holdout/Prefs;->viaDataStore(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/example/holdout/Prefs;->inverted(Landroid/content/Context;)V
    new-instance v0, Lcom/example/holdout/Ticker;
    invoke-direct {v0, p0}, Lcom/example/holdout/Ticker;-><init>(Landroid/content/Context;)V
    const/4 v1, 0x1
    invoke-virtual {v0, v1}, Lcom/example/holdout/Ticker;->sendEmptyMessage(I)Z
    const/4 v1, 0x1
    invoke-static {p0, v1}, Lcom/baidu/mapapi/SDKInitializer;->setAgreePrivacy(Landroid/content/Context;Z)V
    invoke-static {p0}, Lcom/baidu/mapapi/SDKInitializer;->initialize(Landroid/content/Context;)V
    invoke-static {}, Lcom/igexin/sdk/PushManager;->getInstance()Lcom/igexin/sdk/PushManager;
    move-result-object v0
    invoke-virtual {v0, p0}, Lcom/igexin/sdk/PushManager;->preInit(Landroid/content/Context;)Z
    const-string v0, "clipboard"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/content/ClipboardManager;
    invoke-virtual {v0}, Landroid/content/ClipboardManager;->getText()Ljava/lang/CharSequence;
    new-instance v0, Lcom/example/holdout/Scanner;
    invoke-direct {v0, p0}, Lcom/example/holdout/Scanner;-><init>(Landroid/content/Context;)V
    invoke-virtual {v0}, Lcom/example/holdout/Scanner;->start()V
    sget-boolean v0, Lcom/example/holdout/HoldApp;->sUserAgreed:Z
    if-eqz v0, :b
    invoke-static {p0}, Lcom/example/holdout/Init;->all(Landroid/content/Context;)V
    :b
    return-void
.end method
