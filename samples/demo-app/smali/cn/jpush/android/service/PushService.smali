# Demo-only stub written for the auditor test fixture: real SDK class name, our own code.
.class public Lcn/jpush/android/service/PushService;
.super Landroid/app/Service;
.source "PushService.java"


.method static constructor <clinit>()V
    .locals 1

    const-string v0, "jcore-demo"
    invoke-static {v0}, Ljava/lang/System;->loadLibrary(Ljava/lang/String;)V

    return-void
.end method

.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/app/Service;-><init>()V

    return-void
.end method

# implemented in lib/x86_64/libjcore-demo.so (Java_cn_jpush_android_service_PushService_init)
.method private static native init(Landroid/content/Context;)I
.end method

.method public onCreate()V
    .locals 0

    invoke-super {p0}, Landroid/app/Service;->onCreate()V
    invoke-static {p0}, Lcn/jpush/android/service/PushService;->init(Landroid/content/Context;)I

    return-void
.end method

.method public onBind(Landroid/content/Intent;)Landroid/os/IBinder;
    .locals 1

    const/4 v0, 0x0
    return-object v0
.end method
