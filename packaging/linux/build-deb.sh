#!/usr/bin/env bash
# Build the Linux installer: a self-contained PyInstaller folder in /opt/arbiter, packed as a .deb.
#   packaging/linux/build-deb.sh            -> packaging/out/arbiter_<version>_amd64.deb
# Needs: Debian/Ubuntu build host (the oldest you target: PyInstaller copies host libraries), python3-venv,
# dpkg-deb. Uses ./dev's venv (ARBITER_VENV, default .venv) and adds PyInstaller to it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
VENV=${ARBITER_VENV:-$ROOT/.venv}
OUT=$ROOT/packaging/out
start=$(date +%s)

[ -x "$VENV/bin/python" ] || ./dev help >/dev/null   # ./dev creates the venv on its first real task
if [ ! -x "$VENV/bin/pyinstaller" ]; then
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q -e ".[package,postgres]"
fi
VERSION=$("$VENV/bin/python" -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
ARCH=$(dpkg --print-architecture)

echo "build-deb: PyInstaller (version $VERSION, $ARCH)" >&2
rm -rf "$OUT/build" "$OUT/dist"
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$OUT/dist" --workpath "$OUT/build" \
  packaging/arbiter.spec

PKG=$OUT/deb-root
rm -rf "$PKG"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
         "$PKG/usr/share/icons/hicolor/256x256/apps" "$PKG/usr/share/doc/arbiter"
cp -a "$OUT/dist/arbiter" "$PKG/opt/arbiter"
ln -s /opt/arbiter/arbiter "$PKG/usr/bin/arbiter"
install -m 644 packaging/linux/arbiter.desktop "$PKG/usr/share/applications/arbiter.desktop"
if [ -f resources/icons/arbiter-256.png ]; then
  install -m 644 resources/icons/arbiter-256.png "$PKG/usr/share/icons/hicolor/256x256/apps/arbiter.png"
elif [ -f resources/icons/arbiter.png ]; then
  install -m 644 resources/icons/arbiter.png "$PKG/usr/share/icons/hicolor/256x256/apps/arbiter.png"
fi
install -m 644 packaging/linux/copyright "$PKG/usr/share/doc/arbiter/copyright"
SIZE_KB=$(du -sk "$PKG/opt" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE_KB/" \
  packaging/linux/control.in > "$PKG/DEBIAN/control"
install -m 755 packaging/linux/postinst "$PKG/DEBIAN/postinst"
install -m 755 packaging/linux/postrm "$PKG/DEBIAN/postrm"

DEB=$OUT/arbiter_${VERSION}_${ARCH}.deb
dpkg-deb --build --root-owner-group -Zxz "$PKG" "$DEB" >/dev/null
end=$(date +%s)
echo "build-deb: $DEB ($(du -h "$DEB" | cut -f1) packed, $((SIZE_KB / 1024)) MiB installed) in $((end - start)) s" >&2
echo "$DEB"
