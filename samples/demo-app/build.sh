#!/usr/bin/env bash
# Rebuild samples/demo-app.apk from the sources in this directory (all our own code).
# Needs: smali (libsmali-java), aapt, zipalign, apksigner, android-framework-res, gcc, java.
# Usage: samples/demo-app/build.sh [OUTPUT.apk]      (default: samples/demo-app.apk)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:-$HERE/../demo-app.apk}"
B="$HERE/build"                      # ignored by git (.gitignore: build/)
FRAMEWORK=/usr/share/android-framework-res/framework-res.apk
KS="$HERE/demo-keystore.p12"         # throwaway, demo-only key (password: demo-only)

if command -v smali >/dev/null 2>&1; then SMALI=(smali); else SMALI=(java -jar /usr/share/java/smali.jar); fi
for t in aapt zipalign apksigner gcc; do
  command -v "$t" >/dev/null 2>&1 || { echo "build.sh: $t missing (run scripts/setup.sh)" >&2; exit 1; }
done
[ -f "$FRAMEWORK" ] || { echo "build.sh: $FRAMEWORK missing (android-framework-res)" >&2; exit 1; }

rm -rf "$B"
mkdir -p "$B/stage/lib/x86_64" "$B/stage/META-INF" "$B/stage/assets"

echo "[demo-app] smali -> classes.dex"
"${SMALI[@]}" assemble --api 21 -o "$B/stage/classes.dex" "$HERE/smali"

echo "[demo-app] gcc -> lib/x86_64/libjcore-demo.so"
gcc -shared -fPIC -Os -nostdlib -fvisibility=hidden \
    -Wl,--build-id=none -Wl,-soname,libjcore-demo.so -Wl,-z,noseparate-code -Wl,--hash-style=both -s \
    -o "$B/stage/lib/x86_64/libjcore-demo.so" "$HERE/native/jcore_demo.c"

cp "$HERE/meta-inf/com.google.zxing_core.version" "$B/stage/META-INF/"
cp "$HERE/assets/jpush_config.json" "$B/stage/assets/"

echo "[demo-app] aapt package + add"
aapt package -f -M "$HERE/AndroidManifest.xml" -I "$FRAMEWORK" -F "$B/unsigned.apk"
(cd "$B/stage" && aapt add "$B/unsigned.apk" \
    classes.dex lib/x86_64/libjcore-demo.so META-INF/com.google.zxing_core.version assets/jpush_config.json >/dev/null)

echo "[demo-app] zipalign + apksigner"
zipalign -f -p 4 "$B/unsigned.apk" "$B/aligned.apk"
apksigner sign --ks "$KS" --ks-type PKCS12 --ks-pass pass:demo-only --ks-key-alias demo \
    --key-pass pass:demo-only --v1-signer-name CERT --out "$OUT" "$B/aligned.apk"
apksigner verify "$OUT"
rm -f "$OUT.idsig"
rm -rf "$B"
echo "[demo-app] wrote $OUT ($(stat -c %s "$OUT") bytes)"
