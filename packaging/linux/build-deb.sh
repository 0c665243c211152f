#!/usr/bin/env bash
# Build the Linux installer: a self-contained PyInstaller folder in /opt/arbiter, packed as a .deb.
#   packaging/linux/build-deb.sh            -> packaging/out/arbiter_<version>_<arch>.deb (path on stdout)
# Needs: Debian/Ubuntu build host (the oldest you target: PyInstaller copies host libraries), python3-venv,
# dpkg-deb, binutils (readelf). Uses ./dev's venv (ARBITER_VENV, default .venv) and adds PyInstaller to it.
# DEB_COMPRESSION=xz gives a smaller .deb (about 20 % smaller, 2-3 min slower here) than the default zstd
# (dpkg >= 1.21.18: Debian 12, Ubuntu 22.04 and later read zstd packages).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
VENV=${ARBITER_VENV:-$ROOT/.venv}
OUT=$ROOT/packaging/out
start=$(date +%s)
die() { echo "build-deb: ERROR: $*" >&2; exit 1; }

VERSION=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
ARCH=$(dpkg --print-architecture)

# The venv: PyInstaller present, and the installed metadata carrying *this* pyproject's version (the frozen app
# reads its version from that metadata, so a stale editable install would ship a wrong --version).
[ -x "$VENV/bin/python" ] || { echo "build-deb: creating $VENV" >&2; python3 -m venv "$VENV"; }
installed=$("$VENV/bin/python" -c 'from importlib.metadata import version;print(version("arbiter"))' 2>/dev/null || true)
if [ ! -x "$VENV/bin/pyinstaller" ] || [ "$installed" != "$VERSION" ]; then
  echo "build-deb: installing arbiter $VERSION and PyInstaller into $VENV" >&2
  "$VENV/bin/python" -m pip install -q -e ".[package,postgres]"
fi

ls resources/samples/*.arbcase >/dev/null 2>&1 \
  || echo "build-deb: WARNING: resources/samples has no bundles: --demo will open an empty queue" >&2

echo "build-deb: PyInstaller (version $VERSION, $ARCH)" >&2
t0=$(date +%s)
rm -rf "$OUT/build" "$OUT/dist"
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$OUT/dist" --workpath "$OUT/build" \
  packaging/arbiter.spec
t1=$(date +%s)
APP=$OUT/dist/arbiter

# Checks on the frozen folder before packing it.
[ -z "$(find "$APP" -xtype l)" ] || die "dangling links in the app folder: $(find "$APP" -xtype l | sed -n 1,5p)"
for must in _internal/resources/policies _internal/resources/fonts _internal/arbiter/store/migrations/env.py \
            _internal/PySide6/Qt/plugins/platforms/libqxcb.so _internal/tzdata \
            _internal/PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so _internal/pypdfium2_raw/libpdfium.so; do
  [ -e "$APP/$must" ] || die "missing from the app folder: $must"
done
got=$(env -i PATH=/usr/bin:/bin "$APP/arbiter" --version) || die "frozen arbiter --version failed"
[ "$got" = "arbiter $VERSION" ] || die "frozen --version says '$got', pyproject.toml says $VERSION"

# Every library the app needs but does not carry must come from a package named in Depends (linux/control.in).
depends=$(sed -n 's/^Depends: //p' packaging/linux/control.in | tr ',' '\n' | sed 's/^ *//; s/[ (].*//')
missing_pkgs=()
while read -r soname; do
  [ -n "$soname" ] || continue
  [ -n "$(find "$APP/_internal" -name "$soname" -print -quit)" ] && continue
  # (awk reads to the end: an early exit would SIGPIPE ldconfig, which set -o pipefail turns into a failure)
  path=$(ldconfig -p | awk -v n="$soname" '$1 == n && /x86-64|x32|AArch64|arm|i386/ && !f {print $NF; f=1}')
  [ -n "$path" ] || path=$(ldconfig -p | awk -v n="$soname" '$1 == n && !f {print $NF; f=1}')
  [ -n "$path" ] || die "$soname is needed by the app, neither bundled nor on this build host"
  real=$(readlink -f "$path")
  pkg=$( (dpkg -S "$path" 2>/dev/null || dpkg -S "$real" 2>/dev/null || dpkg -S "${real#/usr}" 2>/dev/null) \
         | sed -n 1p | cut -d: -f1)
  [ -n "$pkg" ] || die "$soname ($path) belongs to no Debian package"
  case "$pkg" in libc6|libc6-*) continue ;; esac
  grep -qx "$pkg" <<<"$depends" || missing_pkgs+=("$pkg ($soname)")
done < <(find "$APP" -type f \( -name '*.so*' -o -name arbiter \) -exec readelf -d {} + 2>/dev/null \
           | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
[ ${#missing_pkgs[@]} -eq 0 ] || die "add to Depends in packaging/linux/control.in: ${missing_pkgs[*]}"

PKG=$OUT/deb-root
rm -rf "$PKG"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
         "$PKG/usr/share/icons/hicolor/256x256/apps" "$PKG/usr/share/doc/arbiter"
cp -a "$APP" "$PKG/opt/arbiter"
ln -s /opt/arbiter/arbiter "$PKG/usr/bin/arbiter"
install -m 644 packaging/linux/arbiter.desktop "$PKG/usr/share/applications/arbiter.desktop"
if [ -f resources/icons/arbiter-256.png ]; then
  install -m 644 resources/icons/arbiter-256.png "$PKG/usr/share/icons/hicolor/256x256/apps/arbiter.png"
elif [ -f resources/icons/arbiter.png ]; then
  install -m 644 resources/icons/arbiter.png "$PKG/usr/share/icons/hicolor/256x256/apps/arbiter.png"
fi
if [ -f resources/icons/arbiter.svg ]; then
  mkdir -p "$PKG/usr/share/icons/hicolor/scalable/apps"
  install -m 644 resources/icons/arbiter.svg "$PKG/usr/share/icons/hicolor/scalable/apps/arbiter.svg"
fi
install -m 644 packaging/linux/copyright "$PKG/usr/share/doc/arbiter/copyright"
SIZE_KB=$(du -sk "$PKG" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE_KB/" \
  packaging/linux/control.in > "$PKG/DEBIAN/control"
grep -q '@[A-Z_]*@' "$PKG/DEBIAN/control" && die "unfilled placeholder in DEBIAN/control"
install -m 755 packaging/linux/postinst "$PKG/DEBIAN/postinst"
install -m 755 packaging/linux/postrm "$PKG/DEBIAN/postrm"

DEB=$OUT/arbiter_${VERSION}_${ARCH}.deb
rm -f "$OUT"/arbiter_*.deb
case "${DEB_COMPRESSION:-zstd}" in
  xz) dpkg-deb --build --root-owner-group -Zxz "$PKG" "$DEB" >/dev/null ;;
  *)  dpkg-deb --build --root-owner-group -Zzstd -z9 "$PKG" "$DEB" >/dev/null ;;
esac
end=$(date +%s)
echo "build-deb: $DEB ($(du -h "$DEB" | cut -f1) packed, $((SIZE_KB / 1024)) MiB installed);" \
     "PyInstaller $((t1 - t0)) s, total $((end - start)) s" >&2
echo "$DEB"
