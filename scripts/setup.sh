#!/usr/bin/env bash
# Prepare a machine (fresh Debian 12 + Python 3.11, run as root) for development and tests.
# Idempotent: apt is skipped when every tool is already there; pip install -e is cheap when done.
#
#   scripts/setup.sh              # system tools + pip install -e '.[test]'
#   scripts/setup.sh --prefetch   # ... and fetch the real-file corpus + build the corpus APKs into the
#                                 #     cache (${AUDITOR_CORPUS_CACHE:-~/.cache/auditor-corpus})
# Env: PYTHON (default python3), SKIP_APT=1, SKIP_PIP=1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
PREFETCH=0
for arg in "$@"; do
  case "$arg" in
    --prefetch) PREFETCH=1 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

log() { echo "[setup] $*"; }

# ---------------------------------------------------------------- system packages
# tool check -> Debian package providing it
declare -A NEED=(
  [aapt]=aapt
  [apksigner]=apksigner
  [zipalign]=zipalign
  [dexdump]=dexdump
  [java]=default-jre-headless
  [javac]=default-jdk-headless
  [jmod]=default-jdk-headless
  [keytool]=default-jre-headless
  [npm]=npm
  [gcc]=gcc
  [chromium]=chromium
)
missing=()
for tool in "${!NEED[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${NEED[$tool]}")
done
[ -f /usr/share/java/smali.jar ] || missing+=(libsmali-java)
[ -f /usr/share/android-framework-res/framework-res.apk ] || missing+=(android-framework-res)
# CJK glyphs for the HTML report's Chinese disclosure tables in headless Chromium screenshots
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)

if [ "${SKIP_APT:-0}" = 1 ]; then
  log "apt: skipped (SKIP_APT=1)"
elif [ "${#missing[@]}" -eq 0 ]; then
  log "apt: all tools present (aapt apksigner zipalign dexdump smali framework-res java npm gcc chromium fonts)"
else
  # de-duplicate, always include ca-certificates
  mapfile -t pkgs < <(printf '%s\n' "${missing[@]}" ca-certificates | sort -u)
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup.sh: need root (or sudo) to install: ${pkgs[*]}" >&2; exit 1; }
    SUDO=sudo
  fi
  log "apt: installing ${pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  log "apt: done"
fi

# ---------------------------------------------------------------- python package
"$PYTHON" - <<'PY'
import sys
if sys.version_info < (3, 11):
    sys.exit(f"setup.sh: Python >= 3.11 needed, got {sys.version.split()[0]}")
PY
if [ "${SKIP_PIP:-0}" = 1 ]; then
  log "pip: skipped (SKIP_PIP=1)"
else
  log "pip: installing -e '.[test,batch,remote,lint]' with $("$PYTHON" --version 2>&1)"
  (cd "$ROOT" && "$PYTHON" -m pip install --disable-pip-version-check -q -e ".[test,batch,remote,lint]")
  log "pip: done"
fi

# ---------------------------------------------------------------- sanity + optional prefetch
(cd "$ROOT" && "$PYTHON" - <<'PY'
from tests.corpus import tools
for name in ("aapt", "apksigner", "zipalign", "dexdump", "java", "keytool"):
    getattr(tools, name)()
tools.smali_cmd(); tools.framework_res()
print("[setup] tools: ok")
PY
)
if [ "$PREFETCH" = 1 ]; then
  log "corpus: fetching all pinned files (first run downloads ~22 packages)"
  (cd "$ROOT" && "$PYTHON" -m tests.corpus fetch --all >/dev/null)
  log "corpus: building the predefined APKs"
  (cd "$ROOT" && "$PYTHON" -m tests.corpus build --all)
fi
log "ready. Run: cd $ROOT && $PYTHON -m pytest   (corpus tests: -m corpus)"
