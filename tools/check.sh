#!/usr/bin/env bash
# The test command: notebooks clean, musicnb/ exported, README in step with index.ipynb, docs preprocessing,
# then nbdev-test over every notebook. The last line is "N passed, N failed" (notebooks).
set -uo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
export PATH="$PWD/$bin:$PATH"
state() { cat nbs/*.ipynb musicnb/*.py 2>/dev/null | sha1sum; }
fail=0
s0=$(state); $bin/nbdev-clean; s1=$(state)
[ "$s0" != "$s1" ] && { echo "FAIL: notebooks were not clean (nbdev-clean changed them; commit the cleaned notebooks)"; fail=1; }
$bin/nbdev-export; s2=$(state)
[ "$s1" != "$s2" ] && { echo "FAIL: musicnb/ was not what nbdev-export makes of the notebooks (exported now; commit it)"; fail=1; }
$bin/python tools/readme.py --check || fail=1
$bin/python tools/check_import_cells.py || fail=1
noq=""; command -v quarto >/dev/null || noq="$PWD/tools/noquarto:"  # without Quarto, stop nbdev from downloading it
if PATH="$noq$PATH" $bin/nbdev-proc-nbs >/tmp/musicnb-proc.log 2>&1 && ! grep -q "^Exception\|Error in notebook" /tmp/musicnb-proc.log; then echo "nbdev-proc-nbs: ok"
else echo "FAIL: nbdev-proc-nbs (docs preprocessing)"; tail -20 /tmp/musicnb-proc.log; fail=1; fi
$bin/python tools/count_tests.py "$@" || fail=1
exit $fail
