# Demo-only stub written for the auditor test fixture: real SDK class name, our own code.
.class public Lcom/bumptech/glide/Glide;
.super Ljava/lang/Object;
.source "Glide.java"


.method public static with(Landroid/content/Context;)Lcom/bumptech/glide/RequestManager;
    .locals 1

    const/4 v0, 0x0
    return-object v0
.end method
