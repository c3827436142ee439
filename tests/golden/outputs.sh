#!/usr/bin/env bash
# Real consumers read sanad's outputs: the reports of fixtures/articles (and of the hostile and
# bad-input fixtures) as JSON, JUnit XML and SARIF go through scripts/validate-outputs
# (ajv-cli against sanad-report-1.schema.json, xmllint --schema junit.xsd, Microsoft's SARIF
# Multitool); every line of `sanad extract` is validated with ajv against
# sanad-claim-1.schema.json and every `sanad score --format json` report of fixtures/claims
# against score-report.schema.json. Broken files of each kind must be rejected, so a validator
# that accepts anything fails the test too.
# A validator that is not installed at all (scripts/setup --with-validators installs them) is
# reported with a loud "SKIP: <tool> unavailable" and the test exits 77 (CTest: skipped) once
# everything else passed; any invalid file fails it.
# Arguments: $1 sanad binary, $2 source dir, $3 scratch dir.
set -u
bin=$1 src=$2 scratch=$3
cd "$src" || exit 2
root=$(pwd)
export TOOLS=${TOOLS:-$root/.tools}
model=validator/data/model/csto.json
schemas=$root/validator/data/schema
rm -rf "$scratch"
mkdir -p "$scratch/reports" "$scratch/broken" "$scratch/claims" "$scratch/broken-claims" "$scratch/score"
pass=0 fail=0 skipped=()

ok()   { echo "ok:   $1"; pass=$((pass + 1)); }
bad()  { echo "FAIL: $1"; fail=$((fail + 1)); }
skip() {  # skip TOOL WHAT
  echo "################################################################"
  echo "SKIP: $1 unavailable: $2 not validated (run scripts/setup --with-validators)"
  echo "################################################################"
  skipped+=("$1")
}

# --- render ------------------------------------------------------------------------------
# render NAME EXT FORMAT INPUT...: exit 0, 1 (findings) and 3 (rejected input) are reports.
render() {
  local name=$1 ext=$2 fmt=$3; shift 3
  local out="$scratch/reports/$name.$ext"
  "$bin" check -q --model "$model" --format "$fmt" "$@" >"$out" 2>"$scratch/$name.$ext.err"
  local rc=$?
  if { [ $rc -eq 0 ] || [ $rc -eq 1 ] || [ $rc -eq 3 ]; } && [ -s "$out" ]; then
    ok "rendered $name.$ext (exit $rc)"
  else
    bad "sanad check --format $fmt $* exited $rc or wrote nothing"; cat "$scratch/$name.$ext.err"
  fi
}
for f in json:json junit:xml sarif:sarif; do
  fmt=${f%%:*} ext=${f##*:}
  render fixtures "$ext" "$fmt" fixtures/articles
  render hostile "$ext" "$fmt" fixtures/hostile/markup_in_text.txt
  render bad-input "$ext" "$fmt" fixtures/bad-input
done

# --- scripts/validate-outputs --------------------------------------------------------------
# validate DIR EXPECT_RC: runs it, then reads its "N valid, N invalid, N not checked" line.
validate() {
  local dir=$1 want_rc=$2 files out rc counts valid invalid unchecked n
  files=$(find "$dir" -maxdepth 1 -type f \( -name '*.json' -o -name '*.xml' -o -name '*.sarif' \) | wc -l)
  out=$(scripts/validate-outputs "$dir" 2>&1); rc=$?
  printf '%s\n' "$out" | sed 's/^/  | /' | cut -c1-200
  counts=$(sed -n 's/^validate-outputs: \([0-9]*\) valid, \([0-9]*\) invalid, \([0-9]*\) not checked$/\1 \2 \3/p' <<<"$out")
  read -r valid invalid unchecked <<<"${counts:-x x x}"
  if [ "$valid" = x ]; then bad "scripts/validate-outputs $dir printed no summary (exit $rc)"; return; fi
  if [ "$unchecked" -gt 0 ]; then
    local t
    for t in sarif-multitool ajv xmllint; do
      n=$(sed -n "s/^SKIP: $t unavailable (\([0-9]*\) file.*/\1/p" <<<"$out")
      [ -n "$n" ] && skip "$t" "$n file(s) in $dir"
    done
  fi
  if [ "$want_rc" -eq 0 ]; then
    if [ $rc -eq 0 ] && [ "$invalid" -eq 0 ] && [ $((valid + unchecked)) -eq "$files" ]; then
      ok "$valid of $files report files valid ($dir)"
    else
      bad "$invalid of $files report files invalid ($dir, exit $rc)"
    fi
  else   # the broken controls: every checked one must be rejected
    if [ "$valid" -eq 0 ] && [ $((invalid + unchecked)) -eq "$files" ] && { [ "$invalid" -eq 0 ] || [ $rc -ne 0 ]; }; then
      ok "validators reject all $invalid checked broken file(s) ($dir)"
    else
      bad "a validator accepted a broken file ($valid of $files valid, $dir)"
    fi
  fi
}
validate "$scratch/reports" 0

# Broken controls, one per validator: SARIF without tool.driver.name, a report without its
# required members, JUnit with a testcase directly under testsuites.
echo '{"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": []}]}' >"$scratch/broken/broken.sarif"
echo '{"schema": "sanad-report/1", "tool": "sanad"}' >"$scratch/broken/broken.json"
printf '<?xml version="1.0"?>\n<testsuites><testcase name="x"/></testsuites>\n' >"$scratch/broken/broken.xml"
validate "$scratch/broken" 1

# --- claims JSONL and score reports: ajv directly -----------------------------------------
ajv=""
if [ -x "$TOOLS/node_modules/.bin/ajv" ]; then ajv=$TOOLS/node_modules/.bin/ajv
elif command -v ajv >/dev/null 2>&1; then ajv=$(command -v ajv); fi
command -v node >/dev/null 2>&1 || ajv=""

# ajv_dir SCHEMA DIR WANT: one ajv run over DIR/*.json (ajv expands the glob itself);
# WANT valid: every file valid; WANT invalid: every file rejected.
ajv_dir() {
  local schema=$schemas/$1 dir=$2 want=$3 s n out rc nvalid ninvalid refs=()
  for s in "$schemas"/*.schema.json; do [ "$s" = "$schema" ] || refs+=(-r "$s"); done
  n=$(find "$dir" -maxdepth 1 -name '*.json' | wc -l)
  # --strict=false: the schemas carry informative keywords (version) that strict mode rejects.
  out=$("$ajv" validate --spec=draft2020 --strict=false -c ajv-formats -s "$schema" "${refs[@]}" \
          -d "$dir/*.json" --errors=text 2>&1); rc=$?
  nvalid=$(grep -c ' valid$' <<<"$out")
  ninvalid=$(grep -c ' invalid$' <<<"$out")
  if [ "$want" = valid ] && [ $rc -eq 0 ] && [ "$n" -gt 0 ] && [ "$nvalid" -eq "$n" ]; then
    ok "all $n files in $(basename "$dir") valid against $1 (ajv)"
  elif [ "$want" = invalid ] && [ $rc -ne 0 ] && [ "$n" -gt 0 ] && [ "$ninvalid" -eq "$n" ]; then
    ok "ajv rejects all $n broken file(s) in $(basename "$dir") against $1"
  else
    bad "$(basename "$dir"): $nvalid valid, $ninvalid invalid of $n against $1 (want all $want, ajv exit $rc)"
    grep -A1 ' invalid$' <<<"$out" | grep -v -e '^--$' | head -n 20
    echo "  distinct errors (count, message):"
    grep -A1 ' invalid$' <<<"$out" | grep -v -e ' invalid$' -e '^--$' | sort | uniq -c | sort -rn | head -n 10
  fi
}

# One file per claim line, so ajv reports the line that breaks the schema.
"$bin" extract -q --model "$model" fixtures/articles fixtures/hostile/markup_in_text.txt \
  >"$scratch/claims.jsonl" 2>"$scratch/claims.err"
rc=$?
lines=$(grep -c . "$scratch/claims.jsonl")
if [ $rc -eq 0 ] && [ "$lines" -gt 0 ]; then ok "sanad extract wrote $lines claims"
else bad "sanad extract exited $rc with $lines claims"; cat "$scratch/claims.err"; fi
split -l 1 -a 4 -d --additional-suffix=.json "$scratch/claims.jsonl" "$scratch/claims/line-"
# Broken control: the first claim without its required "doc".
head -n 1 "$scratch/claims.jsonl" | sed 's/"doc":"[^"]*",//' >"$scratch/broken-claims/no-doc.json"

for dir in fixtures/claims/*/; do
  case=$(basename "$dir")
  gold=fixtures/claims/$case/gold pred=fixtures/claims/$case/pred
  [ -d "$gold" ] || gold=$gold.jsonl
  [ -d "$pred" ] || pred=$pred.jsonl
  for mode in strict value lenient; do
    "$bin" score --gold "$gold" --pred "$pred" --mode "$mode" --format json \
      >"$scratch/score/$case.$mode.json" 2>/dev/null
    rc=$?
    [ $rc -eq 0 ] || bad "sanad score $case --mode $mode exited $rc"
  done
done

if [ -n "$ajv" ]; then
  ajv_dir sanad-claim-1.schema.json "$scratch/claims" valid
  ajv_dir sanad-claim-1.schema.json "$scratch/broken-claims" invalid
  ajv_dir score-report.schema.json "$scratch/score" valid
else
  skip ajv "$lines claim lines and $(find "$scratch/score" -name '*.json' | wc -l) score reports"
fi

if [ ${#skipped[@]} -gt 0 ]; then
  echo "################################################################"
  echo "SKIP: not validated for want of: $(printf '%s\n' "${skipped[@]}" | sort -u | tr '\n' ' ')"
  echo "################################################################"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] || exit 1
[ ${#skipped[@]} -eq 0 ] || exit 77
exit 0
