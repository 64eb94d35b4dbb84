.class public Lcom/example/holdout/Store;
.super Ljava/lang/Object;


.method public static isAccepted(Landroid/content/Context;)Z
    .registers 4
    const-string v0, "app_prefs"
    const/4 v1, 0x0
    invoke-virtual {p0, v0, v1}, Landroid/content/Context;->getSharedPreferences(Ljava/lang/String;I)Landroid/content/SharedPreferences;
    move-result-object v0
    const-string v2, "user_agreement_accepted"
    invoke-interface {v0, v2, v1}, Landroid/content/SharedPreferences;->getBoolean(Ljava/lang/String;Z)Z
    move-result v0
    return v0
.end method
