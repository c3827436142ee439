#!/usr/bin/env bash
# Golden test of `sanad score`: every case under fixtures/claims/ (gold + pred, each a .jsonl
# file or a folder) is scored in each mode as JSON and compared byte for byte with
# expected/score/CASE.MODE.json; one case is also checked as text, with its stderr, and
# through the --min-f1 gate. Usage: score.sh SANAD SOURCE_DIR SCRATCH_DIR
# SANAD_UPDATE_GOLDEN=1 rewrites expected/score/ instead of comparing.
set -u
sanad=$1 src=$2 scratch=$3
mkdir -p "$scratch"
cd "$src" || exit 2   # relative paths, so the reports do not depend on where the tree is
update=${SANAD_UPDATE_GOLDEN:-0}
fail=0 pass=0

side() {  # side CASE gold|pred -> the file or folder
  if [ -d "fixtures/claims/$1/$2" ]; then echo "fixtures/claims/$1/$2"; else echo "fixtures/claims/$1/$2.jsonl"; fi
}

check() {  # check NAME ACTUAL_FILE
  local want="expected/score/$1"
  if [ "$update" = 1 ]; then
    cp "$2" "$want"
  elif cmp -s "$2" "$want"; then
    pass=$((pass + 1))
  else
    echo "FAIL: $1 differs from $want:"
    diff -u "$want" "$2" | head -40
    fail=$((fail + 1))
  fi
}

status() {  # status NAME GOT WANT
  if [ "$2" = "$3" ]; then pass=$((pass + 1)); else echo "FAIL: $1: exit $2, expected $3"; fail=$((fail + 1)); fi
}

before=$(find fixtures/claims -type f -exec sha256sum {} + | sort)

for dir in fixtures/claims/*/; do
  case=$(basename "$dir")
  gold=$(side "$case" gold) pred=$(side "$case" pred)
  for mode in strict value lenient; do
    "$sanad" score --gold "$gold" --pred "$pred" --mode "$mode" --format json \
      >"$scratch/$case.$mode.json" 2>"$scratch/$case.$mode.err"
    status "$case.$mode" $? 0
    check "$case.$mode.json" "$scratch/$case.$mode.json"
  done
done

g=fixtures/claims/outcomes/gold.jsonl p=fixtures/claims/outcomes/pred.jsonl
"$sanad" score --gold $g --pred $p --mode lenient >"$scratch/outcomes.lenient.txt" 2>"$scratch/outcomes.stderr"
status outcomes.text $? 0
check outcomes.lenient.txt "$scratch/outcomes.lenient.txt"
check outcomes.stderr "$scratch/outcomes.stderr"

# --min-f1: lenient F1 is 0.4706 on this case.
"$sanad" score --gold $g --pred $p --mode lenient --min-f1 0.4706 >/dev/null 2>&1
status gate.pass $? 0
"$sanad" score --gold $g --pred $p --mode lenient --min-f1 0.4707 >/dev/null 2>&1
status gate.fail $? 1
"$sanad" score --gold $g --pred "$scratch/does-not-exist.jsonl" >/dev/null 2>&1
status unreadable.path $? 2
"$sanad" score --gold $g >/dev/null 2>&1
status usage.no-pred $? 2

# --output writes the same report as standard output.
rm -f "$scratch/out.json"
"$sanad" score --gold $g --pred $p --mode lenient --format json --output "$scratch/out.json" 2>/dev/null
status output.exit $? 0
check outcomes.lenient.json "$scratch/out.json"

after=$(find fixtures/claims -type f -exec sha256sum {} + | sort)
if [ "$before" = "$after" ]; then pass=$((pass + 1)); else echo "FAIL: the scorer modified its inputs"; fail=$((fail + 1)); fi

[ "$update" = 1 ] && echo "updated expected/score/"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
