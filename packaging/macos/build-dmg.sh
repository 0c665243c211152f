#!/usr/bin/env bash
# Build Arbiter.app and a .dmg. NOT RUN HERE: needs macOS 11+, Python 3.11+ (python.org universal2 or
# Homebrew; the app is built for the Mac's own architecture), Xcode command line tools (hdiutil, codesign).
#   packaging/macos/build-dmg.sh        -> packaging/out/Arbiter-<version>.dmg
# Signing and notarisation for distribution: set CODESIGN_IDENTITY ("Developer ID Application: ..."), then
#   xcrun notarytool submit packaging/out/Arbiter-<version>.dmg --keychain-profile <profile> --wait
#   xcrun stapler staple packaging/out/Arbiter-<version>.dmg
# Without a signature, Gatekeeper makes reviewers right-click > Open the first time.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
OUT=$ROOT/packaging/out
VENV=$ROOT/.venv-mac
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
# Re-installed every time so the package metadata (the version the app shows) matches pyproject.toml.
"$VENV/bin/python" -m pip install -q -e ".[package,postgres]"
VERSION=$("$VENV/bin/python" -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')

# The icon: the spec uses resources/icons/arbiter.icns if present, else converts the PNG with Pillow.
"$VENV/bin/pyinstaller" --noconfirm --distpath "$OUT/dist" --workpath "$OUT/build" packaging/arbiter.spec
APP=$OUT/dist/Arbiter.app

# Smoke test of the frozen app before packing it.
got=$("$APP/Contents/MacOS/arbiter" --version)
[ "$got" = "arbiter $VERSION" ] || { echo "frozen --version says '$got', pyproject.toml says $VERSION" >&2; exit 1; }
rm -f "$OUT/smoke.db"
"$APP/Contents/MacOS/arbiter" --db "sqlite:///$OUT/smoke.db" import resources/samples/*.arbcase >/dev/null

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  # PyInstaller has already signed every binary ad hoc; re-sign the bundle with the hardened runtime.
  codesign --force --deep --timestamp --options runtime --sign "$CODESIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict "$APP"
fi
STAGE=$(mktemp -d)
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$OUT/Arbiter-$VERSION.dmg"
hdiutil create -volname "Arbiter $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$OUT/Arbiter-$VERSION.dmg"
rm -rf "$STAGE"
echo "$OUT/Arbiter-$VERSION.dmg"
