# Demo-only stub written for the auditor test fixture: real SDK class name, our own code.
.class public Lcom/amap/api/location/APSService;
.super Landroid/app/Service;
.source "APSService.java"


.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/app/Service;-><init>()V

    return-void
.end method

.method public onBind(Landroid/content/Intent;)Landroid/os/IBinder;
    .locals 1

    const/4 v0, 0x0
    return-object v0
.end method
