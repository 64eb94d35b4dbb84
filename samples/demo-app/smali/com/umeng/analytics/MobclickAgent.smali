# Demo-only stub written for the auditor test fixture: real SDK class name, our own code.
.class public Lcom/umeng/analytics/MobclickAgent;
.super Ljava/lang/Object;
.source "MobclickAgent.java"


.method public static onResume(Landroid/content/Context;)V
    .locals 0

    return-void
.end method

.method public static onPause(Landroid/content/Context;)V
    .locals 0

    return-void
.end method
