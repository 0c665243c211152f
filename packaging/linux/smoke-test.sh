#!/usr/bin/env bash
# Install the .deb into a clean Debian root that has never seen the project's Python packages, then use it as a
# reviewer would: --version, import every sample and decide one headless (record + notice PDFs), a refused
# bundle, the database in the user's data folder, --demo under Xvfb with a screenshot, and an uninstall that
# leaves the database behind.
#   packaging/linux/smoke-test.sh [path/to/arbiter.deb]     (root; needs debootstrap, and network to Debian)
# The minbase root is cached as packaging/out/minbase-bookworm.tar (about 30-60 s to make the first time).
# SMOKE_KEEP=1 keeps the root (packaging/out/smoke-root) for a look afterwards. Screenshots:
# packaging/out/smoke-demo.png (English) and smoke-demo-zh.png (Chinese); logs and records beside them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/packaging/out
DEB=${1:-$(ls -t "$OUT"/arbiter_*.deb 2>/dev/null | sed -n 1p)}
[ -f "$DEB" ] || { echo "smoke-test: no .deb (run packaging/linux/build-deb.sh first)" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "smoke-test: must run as root (debootstrap, chroot)" >&2; exit 1; }
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
CACHE=$OUT/minbase-bookworm.tar
CH=$OUT/smoke-root
SHOT=${SMOKE_SCREENSHOT:-$OUT/smoke-demo.png}
start=$(date +%s)
PIDS=()

cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 0.5
  for m in "$CH/dev/pts" "$CH/dev" "$CH/proc" "$CH/sys"; do
    mountpoint -q "$m" 2>/dev/null && umount -l "$m" || true
  done
}
trap cleanup EXIT
say() { echo "smoke-test: $*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

command -v debootstrap >/dev/null || { apt-get update -qq; apt-get install -y -qq debootstrap >/dev/null; }
if [ ! -f "$CACHE" ]; then
  say "debootstrap --variant=minbase bookworm (cached afterwards in $CACHE)"
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
mount --bind /dev/pts "$CH/dev/pts"
cp "$DEB" "$CH/tmp/arbiter.deb"

# Run in the root with a clean environment: as root (ROOTCMD) or as the reviewer (USERCMD, a normal user).
in_root() { chroot "$CH" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
as_user() {
  chroot --userspec=reviewer:reviewer "$CH" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/reviewer \
    LANG=C.UTF-8 "$@"
}

in_root sh -c 'command -v python3' >/dev/null 2>&1 && fail "the clean root already has a python3"
say "clean root: no python3 before install"
in_root useradd -m -s /bin/sh reviewer
in_root apt-get update -qq
# The package (with its Depends, no Recommends: the app must bring its own CJK font), plus what the test needs
# to look at it: an X server and a screen grabber.
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  /tmp/arbiter.deb xvfb x11-apps >/dev/null' || fail "apt-get install"
say "installed size of /opt/arbiter: $(in_root du -sh /opt/arbiter | cut -f1)"
# PDF and video evidence: PDFium and Qt Multimedia (its FFmpeg plugin) find every library they need here,
# from the app folder or from the packages the .deb depends on
for lib in _internal/pypdfium2_raw/libpdfium.so _internal/PySide6/QtMultimedia.abi3.so \
           _internal/PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so; do
  missing=$(in_root env LD_LIBRARY_PATH=/opt/arbiter/_internal:/opt/arbiter/_internal/PySide6/Qt/lib \
            ldd "/opt/arbiter/$lib" | grep "not found" || true)
  [ -z "$missing" ] || fail "$lib needs what is not there: $missing"
done
say "PDF and video libraries resolve in the clean root"
if in_root sh -c 'command -v python3' >/dev/null 2>&1; then
  say "note: a dependency pulled in python3; arbiter does not use it"
  in_root python3 -c 'import arbiter' 2>/dev/null && fail "arbiter is importable by the system python"
fi

version=$(as_user arbiter --version) || fail "arbiter --version"
expected=$(python3 -c 'import tomllib,sys;print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' \
  "$ROOT/pyproject.toml")
[ "$version" = "arbiter $expected" ] || fail "version '$version' is not 'arbiter $expected'"
say "$version"

SAMPLES=/opt/arbiter/_internal/resources/samples
ANSWERS=/opt/arbiter/_internal/resources/sample-answers
n=$(in_root sh -c "ls $SAMPLES/*.arbcase | wc -l")
[ "$n" -gt 0 ] || fail "no sample bundles in $SAMPLES"
# No --db: the database goes to the reviewer's data folder.
as_user sh -c "arbiter import $SAMPLES/*.arbcase" > "$OUT/smoke-import.txt" || fail "import samples"
[ "$(wc -l < "$OUT/smoke-import.txt")" -ge "$n" ] || fail "import printed fewer than $n lines"
DB=/home/reviewer/.local/share/arbiter/arbiter.db
[ -s "$CH$DB" ] || fail "no database at $DB"
say "imported $n samples into $DB"
# Importing the same bundles again changes nothing (same revision).
as_user sh -c "arbiter import $SAMPLES/*.arbcase" >/dev/null || fail "re-import samples"

first=$(in_root sh -c "ls $SAMPLES/*.arbcase | head -n 1")
name=$(basename "$first" .arbcase)
as_user arbiter decide "$first" --answers "$ANSWERS/$name.answers.json" --json > "$OUT/smoke-decision.json" \
  || fail "decide $name"
grep -q '"format": *"arbiter.decision/1"' "$OUT/smoke-decision.json" || fail "decision record"
as_user arbiter decide "$first" --answers "$ANSWERS/$name.answers.json" --notice /tmp/notice.pdf >/dev/null \
  || fail "notice"
for pdf in /tmp/notice.pdf /tmp/notice.seller.pdf; do
  [ "$(head -c 5 "$CH$pdf")" = "%PDF-" ] || fail "$pdf is not a PDF"
done
cp "$CH/tmp/notice.pdf" "$OUT/smoke-notice.pdf"
say "decided $name: outcome $(sed -n 's/.*"outcome": *"\([a-z_]*\)".*/\1/p' "$OUT/smoke-decision.json" | sed -n 1p); notices written"

# Video evidence: the installed app decodes key frames with Qt's own FFmpeg libraries (forensics/ffdecode.py).
# Four bundles made on the host (PyAV is a test dependency, not in the app): a photo, a video showing it, that
# video re-encoded, an unrelated video. The three related items must be matched; a broken decoder gives none.
VB=$OUT/smoke-video-bundles
rm -rf "$VB"
(cd "$ROOT" && "${ARBITER_VENV:-$ROOT/.venv}/bin/python" -m tests.forensics.video_bundles "$VB" >/dev/null) \
  || fail "making the video bundles (the test venv needs PyAV: pip install -e '.[test]')"
mkdir -p "$CH/tmp/video-bundles"; cp "$VB"/*.arbcase "$CH/tmp/video-bundles/"; chmod -R a+rX "$CH/tmp/video-bundles"
as_user sh -c "arbiter --db sqlite:////tmp/video.db import /tmp/video-bundles/*.arbcase" >/dev/null \
  || fail "import video bundles"
as_user arbiter --db sqlite:////tmp/video.db evidence matches > "$OUT/smoke-video-matches.txt" \
  || fail "evidence matches"
expected=$(cd "$ROOT" && "${ARBITER_VENV:-$ROOT/.venv}/bin/python" -c \
  'from tests.forensics.video_bundles import EXPECTED_PAIRS; print("\n".join(EXPECTED_PAIRS))')
got=$(sed 's/ distance=.*//' "$OUT/smoke-video-matches.txt")
[ "$got" = "$expected" ] || fail "video key frames: expected pairs
$expected
got
$(cat "$OUT/smoke-video-matches.txt")"
say "video key frames decoded: $(wc -l < "$OUT/smoke-video-matches.txt") expected pairs matched"

# A refused bundle: one line on stderr, non-zero exit, nothing imported.
echo "not a zip" > "$CH/tmp/bad.arbcase"; chmod 644 "$CH/tmp/bad.arbcase"
if as_user arbiter import /tmp/bad.arbcase 2>"$OUT/smoke-refused.txt"; then
  fail "a broken bundle was accepted"
fi
[ "$(wc -l < "$OUT/smoke-refused.txt")" -eq 1 ] || fail "refusal is not one line: $(cat "$OUT/smoke-refused.txt")"
say "refused: $(cat "$OUT/smoke-refused.txt")"

# The workstation on the demo cases, on a virtual screen. Processes are started from here, so their ids are ours.
rm -f "$CH/tmp/.X11-unix/X77"
chroot "$CH" /usr/bin/env -i PATH=/usr/bin:/bin Xvfb :77 -screen 0 1366x768x24 -nolisten tcp \
  >"$OUT/smoke-xvfb.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do [ -S "$CH/tmp/.X11-unix/X77" ] && break; sleep 0.2; done
[ -S "$CH/tmp/.X11-unix/X77" ] || fail "Xvfb did not start: $(tail -n 3 "$OUT/smoke-xvfb.log")"
# English (the screenshot the issue asks for), then Simplified Chinese: no CJK font is installed in the root,
# so readable Chinese proves the bundled font and translations are used.
shots=()
for lang in en zh; do
  shot=$SHOT; [ "$lang" = en ] || shot=${SHOT%.png}-$lang.png
  locale=C.UTF-8; [ "$lang" = en ] || locale=zh_CN.UTF-8
  chroot --userspec=reviewer:reviewer "$CH" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/reviewer \
    LANG=$locale DISPLAY=:77 QT_QPA_PLATFORM=xcb arbiter --demo >"$OUT/smoke-demo-$lang.log" 2>&1 &
  DEMO=$!
  PIDS+=("$DEMO")
  sleep "${SMOKE_WAIT:-10}"
  kill -0 "$DEMO" 2>/dev/null || { cat "$OUT/smoke-demo-$lang.log" >&2; fail "arbiter --demo ($lang) exited"; }
  chroot "$CH" /usr/bin/env -i PATH=/usr/bin:/bin xwd -root -display :77 -silent > "$OUT/smoke-capture.xwd" \
    || fail "screenshot"
  if grep -q Traceback "$OUT/smoke-demo-$lang.log"; then
    cat "$OUT/smoke-demo-$lang.log" >&2; fail "a Python traceback in --demo ($lang)"
  fi
  kill "$DEMO" 2>/dev/null || true
  wait "$DEMO" 2>/dev/null || true
  if command -v convert >/dev/null && convert -version 2>/dev/null | grep -q ImageMagick; then
    convert "$OUT/smoke-capture.xwd" "$shot"
    colours=$(convert "$shot" -format %k info:)
    [ "$colours" -ge 16 ] || fail "the $lang screenshot is (nearly) blank: $colours colours"
    say "screenshot ($lang) $shot ($colours colours)"
  else
    shot=${shot%.png}.xwd; cp "$OUT/smoke-capture.xwd" "$shot"
    say "screenshot ($lang) $shot (no ImageMagick on the host to convert it)"
  fi
  shots+=("$shot")
done
for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
wait 2>/dev/null || true
PIDS=()

# Uninstall: the program goes, the reviewer's database stays.
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq arbiter >/dev/null' || fail "apt-get purge"
[ ! -e "$CH/opt/arbiter" ] && [ ! -e "$CH/usr/bin/arbiter" ] || fail "purge left the program behind"
[ -s "$CH$DB" ] || fail "purge removed the reviewer's database"
say "purged: /opt/arbiter gone, $DB kept"

cleanup
[ "${SMOKE_KEEP:-}" = 1 ] || rm -rf "$CH"
end=$(date +%s)
say "PASS in $((end - start)) s; screenshots ${shots[*]}"
