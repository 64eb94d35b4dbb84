# Demo-only code written for the auditor test fixture (no vendor code).
.class public Lcom/example/shopdemo/DemoApp;
.super Landroid/app/Application;
.source "DemoApp.java"


.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/app/Application;-><init>()V

    return-void
.end method

# Runs at process start, before any activity: everything it calls is "startup".
.method public onCreate()V
    .locals 4

    invoke-super {p0}, Landroid/app/Application;->onCreate()V

    const/4 v0, 0x1
    invoke-static {v0}, Lcn/jpush/android/api/JPushInterface;->setDebugMode(Z)V

    # JPushInterface.init reads the IMEI (TelephonyManager.getDeviceId)
    invoke-static {p0}, Lcn/jpush/android/api/JPushInterface;->init(Landroid/content/Context;)V

    # UMConfigure.init reads Settings.Secure "android_id"
    const-string v0, "5f1a2b3c4d5e6f7a8b9c0d1e"
    const-string v1, "official"
    const/4 v2, 0x1
    const/4 v3, 0x0
    invoke-static {p0, v0, v1, v2, v3}, Lcom/umeng/commonsdk/UMConfigure;->init(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)V

    # CrashReport.initCrashReport reads the IMEI through reflection
    const-string v0, "demo0a1b2c"
    const/4 v1, 0x0
    invoke-static {p0, v0, v1}, Lcom/tencent/bugly/crashreport/CrashReport;->initCrashReport(Landroid/content/Context;Ljava/lang/String;Z)V

    return-void
.end method
