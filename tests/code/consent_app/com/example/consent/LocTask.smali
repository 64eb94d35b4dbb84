.class public Lcom/example/consent/LocTask;
.super Ljava/util/TimerTask;


.field private final ctx:Landroid/content/Context;

.method public constructor <init>(Landroid/content/Context;)V
    .registers 2
    invoke-direct {p0}, Ljava/util/TimerTask;-><init>()V
    iput-object p1, p0, Lcom/example/consent/LocTask;->ctx:Landroid/content/Context;
    return-void
.end method

.method public run()V
    .registers 3
    iget-object v1, p0, Lcom/example/consent/LocTask;->ctx:Landroid/content/Context;
    const-string v0, "location"
    invoke-virtual {v1, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/location/LocationManager;
    const-string v1, "network"
    invoke-virtual {v0, v1}, Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;
    return-void
.end method
