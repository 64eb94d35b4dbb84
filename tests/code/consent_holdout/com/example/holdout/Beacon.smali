.class public Lcom/example/holdout/Beacon;
.super Ljava/lang/Object;
.implements Ljava/lang/Runnable;


.field private final ctx:Landroid/content/Context;

.method public constructor <init>(Landroid/content/Context;)V
    .registers 2
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lcom/example/holdout/Beacon;->ctx:Landroid/content/Context;
    return-void
.end method

.method public run()V
    .registers 3
    iget-object v0, p0, Lcom/example/holdout/Beacon;->ctx:Landroid/content/Context;
    invoke-virtual {v0}, Landroid/content/Context;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v0
    const-string v1, "android_id"
    invoke-static {v0, v1}, Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;
    return-void
.end method
