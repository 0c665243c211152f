#!/bin/sh
# Refresh the translation sources from the code and compile them:
#   lupdate: every tr()/translate() string under arbiter/ui -> resources/translations/arbiter_<lang>.ts
#            (existing translations are kept; new strings appear as "unfinished" for a translator)
#   lrelease: .ts -> .qm, loaded at run time by arbiter/ui/i18n.py
# Translate with Qt Linguist (pyside6-linguist) or any editor of the .ts XML, then run this again.
set -eu
cd "$(dirname "$0")/.."
BIN="${PYSIDE6_BIN:-}"
if [ -z "$BIN" ]; then
    for candidate in ./.venv/bin ../venv/bin /work/venv/bin; do
        if [ -x "$candidate/pyside6-lupdate" ]; then BIN="$candidate"; break; fi
    done
fi
LUPDATE="${BIN:+$BIN/}pyside6-lupdate"
LRELEASE="${BIN:+$BIN/}pyside6-lrelease"
SOURCES=$(find arbiter/ui -name '*.py' | sort)
for lang in zh_CN; do
    ts="resources/translations/arbiter_${lang}.ts"
    # shellcheck disable=SC2086
    "$LUPDATE" -locations none -target-language "$lang" $SOURCES -ts "$ts"
    "$LRELEASE" "$ts" -qm "resources/translations/arbiter_${lang}.qm"
done
