# Demo-only stub written for the auditor test fixture: real SDK class name, our own code.
.class public Lcom/bumptech/glide/RequestManager;
.super Ljava/lang/Object;
.source "RequestManager.java"
