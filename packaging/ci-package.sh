#!/usr/bin/env bash
# CI: build the Linux .deb and install it into a clean Debian root (packaging/linux/smoke-test.sh).
# .ci/run calls it after the test suite. Needs root, debootstrap and network to a Debian mirror; measured here
# at about 2 min for the build (venv already made by ./dev test) and 3 min for the smoke test (first
# debootstrap included), well inside CI's 90 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export ARBITER_VENV="${ARBITER_VENV:-$PWD/.venv}"
[ "$(id -u)" -eq 0 ] || { echo "ci-package: needs root (debootstrap, chroot)" >&2; exit 1; }
start=$(date +%s)
deb=$(./dev deb)
built=$(date +%s)
packaging/linux/smoke-test.sh "$deb"
end=$(date +%s)
echo "ci-package: $(basename "$deb") built in $((built - start)) s, smoke test $((end - built)) s" >&2
