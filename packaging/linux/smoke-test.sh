#!/usr/bin/env bash
# Install the .deb into a clean Debian root that has never seen the project's Python packages, then use it:
# --version, import and decide a sample headless, open --demo under Xvfb and take a screenshot.
#   packaging/linux/smoke-test.sh [path/to/arbiter.deb]     (root; needs debootstrap, and network to Debian)
# The minbase root is cached as packaging/out/minbase-bookworm.tar (about 30 s to make the first time).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/packaging/out
DEB=${1:-$(ls -t "$OUT"/arbiter_*.deb 2>/dev/null | head -n 1)}
[ -f "$DEB" ] || { echo "smoke-test: no .deb (run packaging/linux/build-deb.sh first)" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "smoke-test: must run as root (debootstrap, chroot)" >&2; exit 1; }
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
CACHE=$OUT/minbase-bookworm.tar
CH=$OUT/smoke-root
SHOT=${SMOKE_SCREENSHOT:-$OUT/smoke-demo.png}
start=$(date +%s)

cleanup() {
  for m in "$CH/dev/pts" "$CH/dev" "$CH/proc" "$CH/sys"; do mountpoint -q "$m" 2>/dev/null && umount -l "$m" || true; done
}
trap cleanup EXIT

command -v debootstrap >/dev/null || { apt-get update -qq; apt-get install -y -qq debootstrap >/dev/null; }
if [ ! -f "$CACHE" ]; then
  echo "smoke-test: debootstrap --variant=minbase bookworm" >&2
  rm -rf "$OUT/minbase-tmp"
  debootstrap --variant=minbase bookworm "$OUT/minbase-tmp" "$MIRROR" >/dev/null
  tar -C "$OUT/minbase-tmp" -cf "$CACHE" .
  rm -rf "$OUT/minbase-tmp"
fi
cleanup
rm -rf "$CH"; mkdir -p "$CH"
tar -C "$CH" -xf "$CACHE"
cp /etc/resolv.conf "$CH/etc/resolv.conf"
mount -t proc proc "$CH/proc"
mount --bind /dev "$CH/dev"
cp "$DEB" "$CH/tmp/arbiter.deb"

in_root() { chroot "$CH" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

echo "smoke-test: python in the clean root before install: $(in_root sh -c 'command -v python3 || echo none')" >&2
in_root apt-get update -qq
# The package itself, plus what the test needs to look at it: an X server and a screen grabber.
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/arbiter.deb xvfb x11-apps fonts-wqy-microhei >/dev/null'
echo "smoke-test: installed size $(in_root du -sh /opt/arbiter | cut -f1)" >&2
if in_root sh -c 'command -v python3 >/dev/null'; then
  echo "smoke-test: note: python3 present in the root (pulled in by a dependency), arbiter does not use it" >&2
fi
in_root sh -c 'python3 -c "import arbiter" 2>/dev/null' && { echo "smoke-test: FAIL: arbiter importable by a system python" >&2; exit 1; }

fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }
version=$(in_root arbiter --version) || fail "arbiter --version"
echo "smoke-test: $version" >&2
expected=$(python3 -c 'import tomllib,sys;print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' "$ROOT/pyproject.toml")
[ "$version" = "arbiter $expected" ] || fail "version '$version' is not 'arbiter $expected'"

SAMPLES=/opt/arbiter/_internal/resources/samples
ANSWERS=/opt/arbiter/_internal/resources/sample-answers
in_root sh -c "arbiter --db sqlite:////tmp/smoke.db import $SAMPLES/*.arbcase" || fail "import samples"
first=$(in_root sh -c "ls $SAMPLES/*.arbcase | head -n 1")
name=$(basename "$first" .arbcase)
in_root arbiter decide "$first" --answers "$ANSWERS/$name.answers.json" --json > "$OUT/smoke-decision.json" \
  || fail "decide $name"
grep -q '"format": "arbiter.decision/1"' "$OUT/smoke-decision.json" || fail "decision record"
in_root arbiter decide "$first" --answers "$ANSWERS/$name.answers.json" --notice /tmp/notice.pdf \
  || fail "notice"
head -c 4 "$CH/tmp/notice.pdf" | grep -q '%PDF' || fail "notice is not a PDF"
# A refused bundle: one line, non-zero exit.
echo "not a zip" > "$CH/tmp/bad.arbcase"
if in_root arbiter --db sqlite:////tmp/smoke.db import /tmp/bad.arbcase 2>"$OUT/smoke-refused.txt"; then
  fail "a broken bundle was accepted"
fi
[ "$(wc -l < "$OUT/smoke-refused.txt")" -eq 1 ] || fail "refusal is not one line: $(cat "$OUT/smoke-refused.txt")"

# The workstation on the demo cases, on a virtual screen.
in_root sh -c 'Xvfb :77 -screen 0 1366x768x24 -nolisten tcp >/tmp/xvfb.log 2>&1 &'
sleep 2
in_root sh -c 'DISPLAY=:77 QT_QPA_PLATFORM=xcb HOME=/root arbiter --demo >/tmp/demo.log 2>&1 &'
sleep "${SMOKE_WAIT:-8}"
in_root sh -c 'pgrep -f "arbiter --demo" >/dev/null' || { cat "$CH/tmp/demo.log" >&2; fail "arbiter --demo exited"; }
in_root sh -c 'xwd -root -display :77 -silent > /tmp/demo.xwd' || fail "screenshot"
in_root sh -c 'pkill -f "arbiter --demo"; pkill Xvfb' || true
if command -v convert >/dev/null && convert -version 2>/dev/null | grep -q ImageMagick; then
  convert "$CH/tmp/demo.xwd" "$SHOT"
else
  cp "$CH/tmp/demo.xwd" "${SHOT%.png}.xwd"; SHOT="${SHOT%.png}.xwd"
fi
end=$(date +%s)
echo "smoke-test: PASS in $((end - start)) s; screenshot $SHOT" >&2
