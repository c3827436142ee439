#!/usr/bin/env bash
# Golden test: every article fixture through `sanad extract` and `sanad check --format json`,
# and the whole folder through one corpus-level check, compared byte for byte with
# expected/check/. With SANAD_UPDATE_GOLDEN=1 it writes expected/check/ instead (that is what
# scripts/regen-expected does); review `git diff expected/` like code.
# Arguments: $1 sanad binary, $2 source dir, $3 scratch dir.
set -u
bin=$1 src=$2 scratch=$3
mkdir -p "$scratch"
cd "$src" || exit 2
model=validator/data/model/csto.json
want=expected/check
update=${SANAD_UPDATE_GOLDEN:-0}
[ "$update" = 1 ] && mkdir -p "$want"
failed=0 count=0

compare() {  # name produced-file
  local name=$1 got=$2
  count=$((count + 1))
  if [ "$update" = 1 ]; then
    cp "$got" "$want/$name"
  elif ! cmp -s "$got" "$want/$name"; then
    echo "FAIL $name differs from $want/$name:"
    diff -u "$want/$name" "$got" | head -40
    failed=$((failed + 1))
  fi
}

for article in fixtures/articles/*.txt fixtures/articles/*.jsonl; do
  [ -e "$article" ] || continue
  base=$(basename "$article"); base=${base%.*}
  "$bin" extract -q --model "$model" "$article" >"$scratch/$base.claims.jsonl" 2>"$scratch/$base.err"
  rc=$?
  if [ $rc -ne 0 ]; then echo "FAIL $article: extract exit $rc"; cat "$scratch/$base.err"; failed=$((failed + 1)); fi
  compare "$base.claims.jsonl" "$scratch/$base.claims.jsonl"
  "$bin" check -q --model "$model" --format json "$article" >"$scratch/$base.report.json" 2>"$scratch/$base.err"
  rc=$?
  if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then echo "FAIL $article: check exit $rc"; failed=$((failed + 1)); fi
  compare "$base.report.json" "$scratch/$base.report.json"
done

"$bin" check -q --model "$model" --format json fixtures/articles >"$scratch/corpus.report.json" 2>"$scratch/corpus.err"
rc=$?
if [ $rc -ne 1 ]; then echo "FAIL corpus: expected exit 1 (findings), got $rc"; failed=$((failed + 1)); fi
compare corpus.report.json "$scratch/corpus.report.json"
"$bin" check -q --model "$model" fixtures/articles >"$scratch/corpus.report.txt" 2>"$scratch/corpus.err"
compare corpus.report.txt "$scratch/corpus.report.txt"

echo "$((count - failed)) passed, $failed failed"
[ $failed -eq 0 ]
