"""The fixed vocabularies every part of the auditor shares.

Data types are what personal data is called everywhere: in catalog entries (``data_collected``), in the
policy reader's output, in call-site findings. SDK categories classify catalog entries. Both are closed
sets: the catalog validator rejects anything else, so a typo cannot invent a new data type.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One vocabulary term with its labels."""

    id: str
    """Stable kebab-case identifier used in data files and JSON."""
    en: str
    """English label, as a disclosure table would print it."""
    zh: str
    """Simplified Chinese label, as a disclosure table would print it."""


DATA_TYPES: tuple[Term, ...] = (
    Term("imei", "IMEI", "IMEI（国际移动设备识别码）"),
    Term("meid", "MEID", "MEID"),
    Term("imsi", "IMSI", "IMSI（国际移动用户识别码）"),
    Term("iccid", "SIM card serial number (ICCID)", "SIM卡序列号（ICCID）"),
    Term("phone-number", "Phone number", "手机号码"),
    Term("android-id", "Android ID", "Android ID"),
    Term("oaid", "OAID", "OAID（匿名设备标识符）"),
    Term("advertising-id", "Advertising ID (GAID/IDFA)", "广告标识符（GAID/IDFA）"),
    Term("serial", "Device serial number", "设备序列号"),
    Term("mac", "MAC address", "MAC地址"),
    Term("ip", "IP address", "IP地址"),
    Term("wifi-info", "Wi-Fi information (SSID, BSSID, scan results)", "WLAN信息（SSID、BSSID、扫描结果）"),
    Term("cell-info", "Cell / base-station information", "基站信息"),
    Term("network-state", "Network type and carrier", "网络类型与运营商信息"),
    Term("phone-state", "Phone and call state", "电话状态（通话状态）"),
    Term("location-fine", "Precise location", "精确位置信息"),
    Term("location-coarse", "Approximate location", "粗略位置信息"),
    Term("installed-apps", "Installed app list", "已安装应用列表"),
    Term("running-apps", "Running apps and processes", "运行中的应用与进程"),
    Term("clipboard", "Clipboard content", "剪切板内容"),
    Term("contacts", "Contacts", "通讯录"),
    Term("sms", "SMS messages", "短信"),
    Term("call-log", "Call log", "通话记录"),
    Term("calendar", "Calendar", "日历"),
    Term("accounts", "Device accounts", "设备账户信息"),
    Term("camera", "Camera", "摄像头"),
    Term("microphone", "Microphone / audio recording", "麦克风（录音）"),
    Term("photos", "Photos and media files", "相册（照片与视频）"),
    Term("storage", "Files on device storage", "存储空间中的文件"),
    Term("sensors", "Motion and other sensors", "传感器信息"),
    Term("bluetooth", "Bluetooth and nearby devices", "蓝牙信息"),
    Term("device-model", "Device model, brand and OS version", "设备型号、品牌与系统版本"),
)

DATA_TYPE_IDS: frozenset[str] = frozenset(t.id for t in DATA_TYPES)

CATEGORIES: tuple[Term, ...] = (
    Term("push", "Push notifications", "消息推送"),
    Term("analytics", "Analytics", "统计分析"),
    Term("ads", "Advertising", "广告"),
    Term("attribution", "Install attribution and deep links", "归因与深度链接"),
    Term("rtc-video", "Real-time audio/video", "实时音视频"),
    Term("live-streaming", "Live streaming", "直播"),
    Term("player", "Media player", "播放器"),
    Term("media", "Media processing", "音视频处理"),
    Term("login-share", "Login and sharing", "登录与分享"),
    Term("social", "Social features", "社交"),
    Term("payment", "Payment", "支付"),
    Term("map-location", "Maps and location", "地图与定位"),
    Term("crash", "Crash reporting", "崩溃监测"),
    Term("apm", "Performance monitoring", "性能监测"),
    Term("translation", "Translation", "翻译"),
    Term("speech", "Speech recognition and synthesis", "语音识别与合成"),
    Term("ocr", "Text and document recognition", "文字识别"),
    Term("ar", "Augmented reality", "增强现实"),
    Term("ml", "Machine learning", "机器学习"),
    Term("image", "Image loading", "图片加载"),
    Term("webview", "WebView engine", "浏览器内核"),
    Term("device-id", "Device identifiers", "设备标识"),
    Term("network", "Networking", "网络请求"),
    Term("security", "Security and hardening", "安全加固"),
    Term("anti-fraud", "Risk control and anti-fraud", "风控与反欺诈"),
    Term("im", "Instant messaging", "即时通讯"),
    Term("customer-service", "Customer service", "在线客服"),
    Term("cloud-storage", "Cloud storage and sync", "云存储"),
    Term("identity", "Identity verification and one-tap login", "身份认证与一键登录"),
    Term("framework", "App framework and runtime", "应用框架与运行时"),
    Term("game-engine", "Game engine", "游戏引擎"),
    Term("game-services", "Game services: account, payment and channel (联运) SDKs", "游戏服务与联运"),
    Term("ui", "UI components", "界面组件"),
    Term("utility", "Utility library", "工具库"),
    Term("database", "Database", "数据库"),
    Term("serialization", "Serialization", "数据序列化"),
    Term("scan", "Barcode and QR scanning", "扫码"),
    Term("feedback", "Feedback and surveys", "用户反馈"),
    Term("update", "App updates and hotfix", "应用更新与热修复"),
    Term("dev-tools", "Developer tools and testing", "开发与测试工具"),
    Term("other", "Other", "其他"),
)

CATEGORY_IDS: frozenset[str] = frozenset(t.id for t in CATEGORIES)


def data_type(term_id: str) -> Term:
    """Return the data-type term for ``term_id`` (raises ``KeyError`` for unknown ids)."""
    for term in DATA_TYPES:
        if term.id == term_id:
            return term
    raise KeyError(term_id)


def category(term_id: str) -> Term:
    """Return the category term for ``term_id`` (raises ``KeyError`` for unknown ids)."""
    for term in CATEGORIES:
        if term.id == term_id:
            return term
    raise KeyError(term_id)
