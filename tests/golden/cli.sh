#!/usr/bin/env bash
# Golden test of the command line's contract: bad input is reported per document and never
# dropped, exit codes follow DESIGN.md §2, and outputs are written atomically.
# Arguments: $1 sanad binary, $2 source dir, $3 scratch dir.
set -u
bin=$1 src=$2 scratch=$3
mkdir -p "$scratch"
cd "$src" || exit 2
failed=0 count=0
check() {  # description expected-rc actual-rc
  count=$((count + 1))
  if [ "$2" != "$3" ]; then echo "FAIL $1: exit $3, expected $2"; failed=$((failed + 1)); fi
}
expect_in() {  # description file pattern
  count=$((count + 1))
  if ! grep -qF -- "$3" "$2"; then echo "FAIL $1: '$3' not in $2"; cat "$2"; failed=$((failed + 1)); fi
}

# Every bad input becomes a rejected document with file, offset and reason; the rest load.
"$bin" check -q --fail-on refuted --format json fixtures/bad-input >"$scratch/bad.json" 2>"$scratch/bad.err"
check "bad-input folder" 3 $?
expect_in "latin1 rejected" "$scratch/bad.err" "latin1.txt: byte 22: invalid UTF-8 sequence (0xE9)"
expect_in "NUL rejected" "$scratch/bad.err" "nul.txt: byte 8: NUL byte"
expect_in "empty rejected" "$scratch/bad.err" "empty.txt: empty document"
expect_in "bad JSONL line" "$scratch/bad.err" "corpus.jsonl:3: malformed JSON"
expect_in "BOM+CRLF accepted" "$scratch/bad.json" '"id":	"bom-crlf"'
"$bin" check -q --max-bytes 64 fixtures/bad-input/oversize.txt >"$scratch/big.txt" 2>"$scratch/big.err"
check "oversized file" 3 $?
expect_in "oversized reason" "$scratch/big.err" "exceeds the 64-byte limit (--max-bytes)"
"$bin" check -q fixtures/does-not-exist.txt fixtures/articles/004_6644079558f78279.txt >"$scratch/missing.txt" 2>"$scratch/missing.err"
check "missing path with findings elsewhere" 1 $?
expect_in "missing path reported" "$scratch/missing.err" "does-not-exist.txt: cannot read: No such file or directory"
expect_in "other document still checked" "$scratch/missing.txt" "== 004_6644079558f78279  [ok]"

# Exit codes and options.
"$bin" check -q --fail-on none fixtures/articles/000_aa12c8155f0d4d94.txt >/dev/null 2>&1
check "--fail-on none" 0 $?
"$bin" check -q fixtures/articles/028_chair_russia_2026.txt >/dev/null 2>&1
check "clean article" 0 $?
"$bin" check --format yaml >/dev/null 2>"$scratch/usage.err"
check "unknown format" 2 $?
expect_in "usage message" "$scratch/usage.err" "unknown format 'yaml'"
"$bin" check --model fixtures/models/bad-date.json fixtures/articles >/dev/null 2>"$scratch/model.err"
check "broken model" 2 $?
"$bin" check -q --as-of 2016-07-04 --format json fixtures/articles/000_aa12c8155f0d4d94.txt >"$scratch/asof.json" 2>/dev/null
expect_in "--as-of dates an undated article" "$scratch/asof.json" '"from":	"as-of"'
printf 'سازمان پیمان امنیت جمعی در دوم دسامبر 2004 به عنوان عضو ناظر در مجمع عمومی سازمان ملل متحد پذیرفته شد.\n' |
  "$bin" check -q - >"$scratch/stdin.txt" 2>&1
check "stdin" 0 $?
expect_in "stdin claim" "$scratch/stdin.txt" "[supported] un_observer"

# --output is atomic and complete; baselines suppress known findings, stale ones are reported.
"$bin" check -q --output "$scratch/out.json" --format json --write-baseline "$scratch/base.json" fixtures/articles/004_6644079558f78279.txt >/dev/null 2>&1
check "write baseline" 1 $?
expect_in "output written" "$scratch/out.json" '"schema":	"sanad-report/1"'
sed -i 's/known finding: explain why it is accepted/IRNA reported the next day; accepted/' "$scratch/base.json"
"$bin" check -q --baseline "$scratch/base.json" fixtures/articles/004_6644079558f78279.txt >"$scratch/based.txt" 2>&1
check "baseline suppresses" 0 $?
"$bin" check -q --baseline "$scratch/base.json" fixtures/articles/028_chair_russia_2026.txt >"$scratch/stale.txt" 2>&1
expect_in "stale baseline entry" "$scratch/stale.txt" "stale baseline entry"
sed -i 's/"expires":	null/"expires":	"2000-01-01"/' "$scratch/base.json"
"$bin" check -q --baseline "$scratch/base.json" fixtures/articles/004_6644079558f78279.txt >"$scratch/expired.txt" 2>&1
check "expired baseline fails" 1 $?

echo "$((count - failed)) passed, $failed failed"
[ $failed -eq 0 ]
