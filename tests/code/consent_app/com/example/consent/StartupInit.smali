.class public Lcom/example/consent/StartupInit;
.super Ljava/lang/Object;
.implements Landroidx/startup/Initializer;


.method public create(Landroid/content/Context;)Ljava/lang/Object;
    .registers 4
    invoke-virtual {p1}, Landroid/content/Context;->getPackageManager()Landroid/content/pm/PackageManager;
    move-result-object v0
    const/4 v1, 0x0
    invoke-virtual {v0, v1}, Landroid/content/pm/PackageManager;->getInstalledPackages(I)Ljava/util/List;
    return-object v1
.end method
