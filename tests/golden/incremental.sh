#!/usr/bin/env bash
# Golden test of incremental runs (--changed-from, --claims-cache): a run that checks only the
# changed documents and takes the others from the claims cache must report exactly what a full
# run over the same corpus reports (byte for byte: JSON, SARIF and text), so conflicts across
# documents are still found. Also: removed documents are reported, a corrupt cache entry is a
# miss with a warning, and editing the model invalidates the cache.
# Arguments: $1 sanad binary, $2 source dir, $3 scratch dir.
set -u
bin=$1 src=$2 scratch=$3
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac   # the test changes folder
case $scratch in /*) ;; *) scratch=$PWD/$scratch ;; esac
rm -rf "$scratch"
mkdir -p "$scratch"
cd "$src" || exit 2
failed=0 count=0
fail() { echo "FAIL $1"; failed=$((failed + 1)); }
same() {  # description expected-file produced-file
  count=$((count + 1))
  if ! cmp -s "$2" "$3"; then fail "$1: $3 differs from $2"; diff -u "$2" "$3" | head -40; fi
}
expect_in() {  # description file pattern
  count=$((count + 1))
  if ! grep -qF -- "$3" "$2"; then fail "$1: '$3' not in $2"; cat "$2"; fi
}
expect_rc() {  # description expected actual
  count=$((count + 1))
  [ "$2" = "$3" ] || fail "$1: exit $3, expected $2"
}
cache=$scratch/cache
article=016_masadykov_from_2026.txt

# 1. A full run over the fixtures fills the cache.
"$bin" check -q --format json --claims-cache "$cache" fixtures/articles >"$scratch/before.json" 2>"$scratch/fill.err"
expect_rc "full run with a cache" 1 $?
count=$((count + 1))
entries=$(find "$cache" -name '*.json' | wc -l)
[ "$entries" -ge 20 ] || fail "cache filled: only $entries entries"

# 2. Copy the fixtures, change a date in one article, list it as git would.
mkdir -p "$scratch/repo"
cp -R fixtures/articles "$scratch/repo/articles"
(cd "$scratch/repo" && "$bin" check -q --format json articles >"$scratch/unedited.json" 2>/dev/null)
sed -i 's/ژانویه ۲۰۲۶/ژانویه ۲۰۲۵/' "$scratch/repo/articles/$article"
count=$((count + 1))
cmp -s "fixtures/articles/$article" "$scratch/repo/articles/$article" && fail "the article was not edited"
cat >"$scratch/repo/changed.txt" <<EOF
# git diff --name-only before after

articles/$article
articles/${article%.txt}.meta.json
scripts/build
EOF

# 3. Incremental run over the edited copy vs a full run (no cache) over it.
cd "$scratch/repo" || exit 2
for fmt in json sarif text; do
  "$bin" check -q --format $fmt articles >"$scratch/full.$fmt" 2>/dev/null
  full_rc=$?
  "$bin" check --format $fmt --changed-from changed.txt --claims-cache "$cache" articles >"$scratch/incr.$fmt" 2>"$scratch/incr.$fmt.err"
  expect_rc "incremental $fmt exit code" $full_rc $?
  same "incremental $fmt report equals the full run's" "$scratch/full.$fmt" "$scratch/incr.$fmt"
done
count=$((count + 1))
cmp -s "$scratch/unedited.json" "$scratch/full.json" && fail "the edit did not change the report"
expect_in "only the changed document is checked" "$scratch/incr.json.err" "1 checked (1 listed as changed)"
expect_in "the others come from the cache" "$scratch/incr.json.err" "$((entries - 1)) documents from the cache"

# 4. A corrupt cache entry is a miss with a warning, and the report does not change.
# the entry of an unchanged article: the one whose document hash it records
sha=$(sha256sum articles/000_aa12c8155f0d4d94.txt | cut -c1-64)
victim=$(grep -l "\"sha256\":\"$sha\"" "$cache/${sha:0:2}"/*.json | head -1)
[ -n "$victim" ] || { fail "no cache entry for an unchanged article"; victim=$scratch/none.json; }
printf '{"schema": "sanad-cache/1", "key": ' >"$victim"
"$bin" check -q --format json --changed-from changed.txt --claims-cache "$cache" articles >"$scratch/corrupt.json" 2>"$scratch/corrupt.err"
expect_rc "corrupt entry exit code" 1 $?
same "report with a corrupt cache entry" "$scratch/full.json" "$scratch/corrupt.json"
expect_in "corrupt entry warned about" "$scratch/corrupt.err" "warning: claims cache: $victim: not JSON"
chmod 000 "$victim" 2>/dev/null
if [ "$(id -u)" != 0 ]; then   # root reads any file
  "$bin" check -q --format json --claims-cache "$cache" articles >"$scratch/unreadable.json" 2>"$scratch/unreadable.err"
  same "report with an unreadable cache entry" "$scratch/full.json" "$scratch/unreadable.json"
  expect_in "unreadable entry warned about" "$scratch/unreadable.err" "cannot read"
fi
chmod 644 "$victim" 2>/dev/null

# 5. A listed document that no longer exists is reported as removed, not an error.
gone=010_wrong_founding_list
rm "articles/$gone.txt" "articles/$gone.meta.json"
printf 'articles/%s.txt\n' "$gone" >"$scratch/repo/removed.txt"
"$bin" check -q --format json articles >"$scratch/full-removed.json" 2>/dev/null
"$bin" check -q --format json --changed-from removed.txt --claims-cache "$cache" articles >"$scratch/removed.json" 2>"$scratch/removed.err"
expect_rc "removed document exit code" 1 $?
expect_in "removed document on stderr" "$scratch/removed.err" "removed: articles/$gone.txt"
expect_in "removed document in the report" "$scratch/removed.json" "\"removed\":	[\"articles/$gone.txt\"]"
# apart from the "removed" member (last, after exit_code), the report is the full run's
sed -e '/^\t"removed":/d' -e 's/^\(\t"exit_code":\t[0-9]*\),$/\1/' "$scratch/removed.json" >"$scratch/removed.stripped"
same "report with a removed document" "$scratch/full-removed.json" "$scratch/removed.stripped"
"$bin" check -q --format text --changed-from removed.txt --claims-cache "$cache" articles >"$scratch/removed.txt" 2>/dev/null
expect_in "removed document in the text report" "$scratch/removed.txt" "removed documents (1):"

# 6. Editing the model invalidates every entry.
cp "$src/validator/data/model/csto.json" "$scratch/model.json"
printf '\n' >>"$scratch/model.json"
"$bin" check --model "$scratch/model.json" --format json --claims-cache "$cache" articles >/dev/null 2>"$scratch/model.err"
expect_in "an edited model misses the old entries" "$scratch/model.err" "0 documents from the cache"
"$bin" check --model "$scratch/model.json" --format json --claims-cache "$cache" articles >/dev/null 2>"$scratch/model2.err"
expect_in "and finds the new ones" "$scratch/model2.err" "0 checked"

# 7. --changed-from without a cache is a usage error.
"$bin" check -q --changed-from changed.txt articles >/dev/null 2>"$scratch/usage.err"
expect_rc "--changed-from needs --claims-cache" 2 $?

echo "$((count - failed)) passed, $failed failed"
[ $failed -eq 0 ]
