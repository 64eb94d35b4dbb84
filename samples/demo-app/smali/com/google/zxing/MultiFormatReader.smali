# Demo-only stub written for the auditor test fixture: real SDK class name, our own code.
.class public final Lcom/google/zxing/MultiFormatReader;
.super Ljava/lang/Object;
.source "MultiFormatReader.java"


.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public reset()V
    .locals 0

    return-void
.end method
