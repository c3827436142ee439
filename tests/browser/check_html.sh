#!/usr/bin/env bash
# Open a sanad HTML report in headless Debian chromium and check what a reader would get:
#   - the DOM has at least MIN_CLAIMS highlighted claims (elements with class "claim");
#   - nothing from article text became an element: no <img src="x">, no script from the text;
#   - the page's own inline script ran (it sets the title to "sanad report · interactive"),
#     and the article's `<script>document.title='pwned'…` did not;
#   - a screenshot is written to OUT_DIR/report.png for a person to look at.
# Usage: tests/browser/check_html.sh FILE.html OUT_DIR MIN_CLAIMS
# Exit: 0 pass, 1 a check failed, 77 chromium is not installed (run scripts/setup-validators).
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 FILE.html OUT_DIR MIN_CLAIMS" >&2
  exit 2
fi
html=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$2
min_claims=$3
expected_title="sanad report · interactive"

browser=""
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
  echo "SKIP: chromium unavailable (run scripts/setup-validators)" >&2
  exit 77
fi

mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$profile")

timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$html" >"$out/dom.html" 2>"$out/chromium.log"
timeout 120 "$browser" "${flags[@]}" --screenshot="$out/report.png" --window-size=1280,2000 \
  "file://$html" >>"$out/chromium.log" 2>&1

status=0
check() {   # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@"; then echo "ok:   $what"; else echo "FAIL: $what" >&2; status=1; fi
}

claims=$(grep -o 'class="claim [^"]*"' "$out/dom.html" | wc -l)
# The first <title> is the page's (the SVG timeline has more); sed quits there, no pipe to
# head: under pipefail, head closing early would kill the script with SIGPIPE.
title=$(sed -n '/<title>/{s:.*<title>\(.*\)</title>.*:\1:p;q}' "$out/dom.html")
scripts=$(grep -o '<script' "$out/dom.html" | wc -l)

check "DOM has $claims highlighted claims (need >= $min_claims)" test "$claims" -ge "$min_claims"
check "no <img> element from article text" bash -c '! grep -q "<img" "$1"' _ "$out/dom.html"
check "exactly one <script> element (the page's own)" test "$scripts" -eq 1
check "title is \"$expected_title\" (page script ran, article script did not): \"$title\"" \
  test "$title" = "$expected_title"
check "article text is shown as text" grep -q '&lt;img src=x onerror=alert(1)&gt;' "$out/dom.html"
check "screenshot written" test -s "$out/report.png"
exit $status
