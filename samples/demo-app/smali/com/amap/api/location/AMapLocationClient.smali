# Demo-only stub written for the auditor test fixture: real SDK class name, our own code.
.class public Lcom/amap/api/location/AMapLocationClient;
.super Ljava/lang/Object;
.source "AMapLocationClient.java"


.method public constructor <init>(Landroid/content/Context;)V
    .locals 0

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public startLocation()V
    .locals 0

    return-void
.end method
