#!/usr/bin/env bash
# The HTML report in a real browser: `sanad check --format html` of fixtures/articles plus
# fixtures/hostile/markup_in_text.txt (article text, title and source full of <script>,
# "><img src=x onerror=...>, event-handler attributes) is loaded in headless Debian chromium
# by tests/browser/check_html.sh, which checks the DOM and writes a screenshot. On top of it:
#   - every claim id of the JSON report of the same inputs is a highlight in the DOM
#     (an element of class "claim" with data-claim="ID"), and no highlight names another id;
#   - the hostile article's claims are among them and its markup is shown as text;
#   - no element of the DOM carries an event-handler attribute (on...=) or autofocus.
# The screenshot is SCRATCH/browser/report.png.
# Chromium not installed (scripts/setup --with-validators installs it): a loud SKIP and
# exit 77, which CTest reports as skipped (SKIP_RETURN_CODE in tests/CMakeLists.txt).
# Arguments: $1 sanad binary, $2 source dir, $3 scratch dir.
set -u
bin=$1 src=$2 scratch=$3
cd "$src" || exit 2
rm -rf "$scratch"
mkdir -p "$scratch"
model=validator/data/model/csto.json
inputs=(fixtures/articles fixtures/hostile/markup_in_text.txt)
hostile_id=hostile_markup_in_text
pass=0 fail=0
ok()  { echo "ok:   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL: $1"; fail=$((fail + 1)); }

for fmt in html json; do
  "$bin" check -q --model "$model" --format "$fmt" "${inputs[@]}" >"$scratch/report.$fmt" 2>"$scratch/$fmt.err"
  rc=$?
  if { [ $rc -eq 0 ] || [ $rc -eq 1 ]; } && [ -s "$scratch/report.$fmt" ]; then ok "rendered report.$fmt (exit $rc)"
  else bad "sanad check --format $fmt exited $rc"; cat "$scratch/$fmt.err"; fi
done
[ "$fail" -eq 0 ] || { echo "$pass passed, $fail failed"; exit 1; }

# Claim ids of the JSON report, one a line.
jq -r '.documents[] | (.claims // [])[] | .id' "$scratch/report.json" | sort -u >"$scratch/claims.want"
claims=$(grep -c . "$scratch/claims.want")
if [ "$claims" -gt 0 ]; then ok "the JSON report has $claims claims"; else bad "the JSON report has no claim"; fi
if grep -q "^$hostile_id#" "$scratch/claims.want"; then ok "the hostile article has claims ($(grep -c "^$hostile_id#" "$scratch/claims.want"))"
else bad "no claim from the hostile article $hostile_id: its markup is not tested next to highlights"; fi

bash tests/browser/check_html.sh "$scratch/report.html" "$scratch/browser" "$claims"
rc=$?
if [ $rc -eq 77 ]; then
  echo "################################################################"
  echo "SKIP: chromium unavailable: the HTML report was not loaded in a browser"
  echo "      (run scripts/setup --with-validators)"
  echo "################################################################"
  exit 77
fi
if [ $rc -eq 0 ]; then ok "tests/browser/check_html.sh"; else bad "tests/browser/check_html.sh exited $rc"; fi

dom=$scratch/browser/dom.html
if [ ! -s "$dom" ]; then
  bad "chromium wrote no DOM ($scratch/browser/chromium.log):"; tail -n 20 "$scratch/browser/chromium.log"
  echo "$pass passed, $fail failed"; exit 1
fi

# Highlights: start tags of class "claim ..." and their data-claim, entity-decoded.
grep -o '<[a-z][a-z0-9]*[^>]*>' "$dom" | grep 'class="claim ' |
  sed -n 's/.*data-claim="\([^"]*\)".*/\1/p' |
  sed -e 's/&quot;/"/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&#39;/'"'"'/g' -e 's/&amp;/\&/g' |
  sort -u >"$scratch/claims.got"
missing=$(comm -23 "$scratch/claims.want" "$scratch/claims.got")
extra=$(comm -13 "$scratch/claims.want" "$scratch/claims.got")
if [ -z "$missing" ]; then ok "every one of the $claims claim ids is highlighted in the DOM"
else bad "claims of the JSON report with no highlight in the DOM: $(tr '\n' ' ' <<<"$missing" | cut -c1-400)"; fi
if [ -z "$extra" ]; then ok "no highlight for a claim the JSON report does not have"
else bad "highlights for unknown claim ids: $(tr '\n' ' ' <<<"$extra" | cut -c1-400)"; fi

# The article's markup is text, and nothing in the DOM can run on an event.
if grep -qF "&lt;script&gt;document.title='pwned'&lt;/script&gt;" "$dom"; then ok "the article's <script> is shown as text"
else bad "the article's <script> is not in the DOM as text"; fi
if grep -qF '"&gt;&lt;img src=x onerror=alert(1)&gt;' "$dom"; then ok "the article's \"><img onerror> is shown as text"
else bad "the article's \"><img onerror> is not in the DOM as text"; fi
handlers=$(grep -o '<[a-z][a-z0-9]*[^>]*>' "$dom" | grep -Eio '[[:space:]](on[a-z]+|autofocus)(=|[[:space:]>])' | sort -u | tr '\n' ' ')
if [ -z "$handlers" ]; then ok "no element has an event-handler or autofocus attribute"
else bad "event-handler attributes in the DOM: $handlers"; fi
if [ -s "$scratch/browser/report.png" ]; then ok "screenshot: $scratch/browser/report.png"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
