# Demo-only stub written for the auditor test fixture: real SDK class name, our own code.
.class public interface abstract Lcom/tencent/mm/opensdk/openapi/IWXAPI;
.super Ljava/lang/Object;
.source "IWXAPI.java"


.method public abstract registerApp(Ljava/lang/String;)Z
.end method
