.class public Lcom/example/consent/ClipProvider;
.super Landroid/content/ContentProvider;


.method public onCreate()Z
    .registers 3
    invoke-virtual {p0}, Landroid/content/ContentProvider;->getContext()Landroid/content/Context;
    move-result-object v1
    const-string v0, "clipboard"
    invoke-virtual {v1, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/content/ClipboardManager;
    invoke-virtual {v0}, Landroid/content/ClipboardManager;->getPrimaryClip()Landroid/content/ClipData;
    const/4 v0, 0x1
    return v0
.end method
