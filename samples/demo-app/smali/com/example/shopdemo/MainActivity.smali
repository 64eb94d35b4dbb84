# Demo-only code written for the auditor test fixture (no vendor code).
.class public Lcom/example/shopdemo/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"


.method public constructor <init>()V
    .locals 0

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method

# Launcher activity: runs when the user opens the app (not at process start).
.method protected onCreate(Landroid/os/Bundle;)V
    .locals 4

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    # a button whose click handler (MainActivity$1.onClick) reads the clipboard
    new-instance v0, Landroid/widget/Button;
    invoke-direct {v0, p0}, Landroid/widget/Button;-><init>(Landroid/content/Context;)V
    const-string v1, "Paste coupon code"
    invoke-virtual {v0, v1}, Landroid/widget/Button;->setText(Ljava/lang/CharSequence;)V
    new-instance v1, Lcom/example/shopdemo/MainActivity$1;
    invoke-direct {v1, p0}, Lcom/example/shopdemo/MainActivity$1;-><init>(Lcom/example/shopdemo/MainActivity;)V
    invoke-virtual {v0, v1}, Landroid/widget/Button;->setOnClickListener(Landroid/view/View$OnClickListener;)V
    invoke-virtual {p0, v0}, Lcom/example/shopdemo/MainActivity;->setContentView(Landroid/view/View;)V

    # app code reads the last known GPS location
    const-string v1, "location"
    invoke-virtual {p0, v1}, Lcom/example/shopdemo/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v1
    check-cast v1, Landroid/location/LocationManager;
    const-string v2, "gps"
    invoke-virtual {v1, v2}, Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;
    move-result-object v2

    # WeChat OpenSDK
    const-string v1, "wx0123456789abcdef"
    invoke-static {p0, v1}, Lcom/tencent/mm/opensdk/openapi/WXAPIFactory;->createWXAPI(Landroid/content/Context;Ljava/lang/String;)Lcom/tencent/mm/opensdk/openapi/IWXAPI;
    move-result-object v3
    invoke-interface {v3, v1}, Lcom/tencent/mm/opensdk/openapi/IWXAPI;->registerApp(Ljava/lang/String;)Z

    # AMap location client
    new-instance v1, Lcom/amap/api/location/AMapLocationClient;
    invoke-virtual {p0}, Lcom/example/shopdemo/MainActivity;->getApplicationContext()Landroid/content/Context;
    move-result-object v2
    invoke-direct {v1, v2}, Lcom/amap/api/location/AMapLocationClient;-><init>(Landroid/content/Context;)V
    invoke-virtual {v1}, Lcom/amap/api/location/AMapLocationClient;->startLocation()V

    # Glide + ZXing
    invoke-static {p0}, Lcom/bumptech/glide/Glide;->with(Landroid/content/Context;)Lcom/bumptech/glide/RequestManager;
    new-instance v1, Lcom/google/zxing/MultiFormatReader;
    invoke-direct {v1}, Lcom/google/zxing/MultiFormatReader;-><init>()V
    invoke-virtual {v1}, Lcom/google/zxing/MultiFormatReader;->reset()V

    return-void
.end method

.method protected onResume()V
    .locals 0

    invoke-super {p0}, Landroid/app/Activity;->onResume()V
    invoke-static {p0}, Lcom/umeng/analytics/MobclickAgent;->onResume(Landroid/content/Context;)V

    return-void
.end method

.method protected onPause()V
    .locals 0

    invoke-super {p0}, Landroid/app/Activity;->onPause()V
    invoke-static {p0}, Lcom/umeng/analytics/MobclickAgent;->onPause(Landroid/content/Context;)V

    return-void
.end method

# Called only from the click handler MainActivity$1.onClick.
.method public pasteCoupon()Ljava/lang/String;
    .locals 2

    const-string v0, "clipboard"
    invoke-virtual {p0, v0}, Lcom/example/shopdemo/MainActivity;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/content/ClipboardManager;
    invoke-virtual {v0}, Landroid/content/ClipboardManager;->getPrimaryClip()Landroid/content/ClipData;
    move-result-object v1
    if-nez v1, :has_clip

    const/4 v0, 0x0
    return-object v0

    :has_clip
    invoke-virtual {v1}, Landroid/content/ClipData;->toString()Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method
