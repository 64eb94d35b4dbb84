.class public Lcom/example/consent/MainActivity$Agree;
.super Ljava/lang/Object;
.implements Landroid/content/DialogInterface$OnClickListener;


.field final a:Lcom/example/consent/MainActivity;

.method public constructor <init>(Lcom/example/consent/MainActivity;)V
    .registers 2
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lcom/example/consent/MainActivity$Agree;->a:Lcom/example/consent/MainActivity;
    return-void
.end method

.method public onClick(Landroid/content/DialogInterface;I)V
    .registers 7
    invoke-static {}, Lcom/example/consent/App;->onAgreeClicked()V
    iget-object v0, p0, Lcom/example/consent/MainActivity$Agree;->a:Lcom/example/consent/MainActivity;
    const/4 v1, 0x1
    invoke-static {v0, v1}, Lcn/jiguang/api/utils/JCollectionAuth;->setAuth(Landroid/content/Context;Z)V
    const-string v2, "key"
    invoke-static {v0, v2, v2, v1, v2}, Lcom/umeng/commonsdk/UMConfigure;->init(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;)V
    return-void
.end method
