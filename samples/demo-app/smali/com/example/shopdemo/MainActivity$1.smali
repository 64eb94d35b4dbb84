# Demo-only code written for the auditor test fixture (no vendor code).
.class final Lcom/example/shopdemo/MainActivity$1;
.super Ljava/lang/Object;
.source "MainActivity.java"

# interfaces
.implements Landroid/view/View$OnClickListener;

# annotations
.annotation system Ldalvik/annotation/EnclosingMethod;
    value = Lcom/example/shopdemo/MainActivity;->onCreate(Landroid/os/Bundle;)V
.end annotation

.annotation system Ldalvik/annotation/InnerClass;
    accessFlags = 0x0
    name = null
.end annotation


# instance fields
.field final synthetic this$0:Lcom/example/shopdemo/MainActivity;


.method constructor <init>(Lcom/example/shopdemo/MainActivity;)V
    .locals 0

    iput-object p1, p0, Lcom/example/shopdemo/MainActivity$1;->this$0:Lcom/example/shopdemo/MainActivity;
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    return-void
.end method

.method public onClick(Landroid/view/View;)V
    .locals 1

    iget-object v0, p0, Lcom/example/shopdemo/MainActivity$1;->this$0:Lcom/example/shopdemo/MainActivity;
    invoke-virtual {v0}, Lcom/example/shopdemo/MainActivity;->pasteCoupon()Ljava/lang/String;

    return-void
.end method
