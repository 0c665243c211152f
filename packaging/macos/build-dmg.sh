#!/usr/bin/env bash
# Build Arbiter.app and a .dmg. NOT RUN HERE: needs macOS 11+, Python 3.11 (python.org universal2 or
# Homebrew), Xcode command line tools (hdiutil, codesign).
#   packaging/macos/build-dmg.sh        -> packaging/out/Arbiter-<version>.dmg
# Signing and notarisation: set CODESIGN_IDENTITY (and run xcrun notarytool afterwards) for distribution.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
VENV=$ROOT/.venv-mac
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q -e ".[package,postgres]"
VERSION=$("$VENV/bin/python" -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
if [ -f resources/icons/arbiter-1024.png ] && [ ! -f resources/icons/arbiter.icns ]; then
  ICONSET=$(mktemp -d)/arbiter.iconset; mkdir -p "$ICONSET"
  for s in 16 32 128 256 512; do
    sips -z $s $s resources/icons/arbiter-1024.png --out "$ICONSET/icon_${s}x${s}.png" >/dev/null
    sips -z $((s*2)) $((s*2)) resources/icons/arbiter-1024.png --out "$ICONSET/icon_${s}x${s}@2x.png" >/dev/null
  done
  iconutil -c icns "$ICONSET" -o resources/icons/arbiter.icns
fi
"$VENV/bin/pyinstaller" --noconfirm --distpath packaging/out/dist --workpath packaging/out/build packaging/arbiter.spec
APP=packaging/out/dist/Arbiter.app
"$APP/Contents/MacOS/arbiter" --version
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --deep --force --options runtime --sign "$CODESIGN_IDENTITY" "$APP"
fi
STAGE=$(mktemp -d)
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "Arbiter $VERSION" -srcfolder "$STAGE" -ov -format UDZO "packaging/out/Arbiter-$VERSION.dmg"
echo "packaging/out/Arbiter-$VERSION.dmg"
