.class public Lcom/example/holdout/Scanner;
.super Ljava/lang/Thread;


.field private final ctx:Landroid/content/Context;

.method public constructor <init>(Landroid/content/Context;)V
    .registers 2
    invoke-direct {p0}, Ljava/lang/Thread;-><init>()V
    iput-object p1, p0, Lcom/example/holdout/Scanner;->ctx:Landroid/content/Context;
    return-void
.end method

.method public run()V
    .registers 4
    :top
    iget-object v1, p0, Lcom/example/holdout/Scanner;->ctx:Landroid/content/Context;
    const-string v0, "location"
    invoke-virtual {v1, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/location/LocationManager;
    const-string v1, "passive"
    invoke-virtual {v0, v1}, Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;
    const-wide/16 v0, 0x12c
    invoke-static {v0, v1}, Landroid/os/SystemClock;->sleep(J)V
    goto :top
.end method
