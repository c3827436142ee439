#!/usr/bin/env bash
# Golden test: every model under fixtures/models/ through `sanad model lint`, compared byte for
# byte with expected/models/ (regenerate with scripts/regen-expected-models, then review).
#   <name>.err  the model must not load: exit 2, that exact stderr, nothing on stdout
#   <name>.out  the model loads: exit 1 (findings) or 0 ("model OK"), that exact stdout,
#               nothing on stderr
# Arguments: $1 sanad binary, $2 source dir, $3 scratch dir.
set -u
bin=$1 src=$2 scratch=$3
mkdir -p "$scratch"
cd "$src" || exit 2
failed=0 count=0
for model in fixtures/models/*.json; do
  name=$(basename "$model" .json)
  err=expected/models/$name.err out=expected/models/$name.out
  got_out=$scratch/$name.stdout got_err=$scratch/$name.stderr
  if [ -f "$err" ]; then
    want_rc=2 want_out=/dev/null want_err=$err
  elif [ -f "$out" ]; then
    want_rc=1 want_out=$out want_err=/dev/null
    grep -q '^model OK:' "$out" && want_rc=0
  else
    echo "FAIL $model: no $err or $out"
    failed=$((failed + 1))
    continue
  fi
  count=$((count + 1))
  "$bin" model lint "$model" >"$got_out" 2>"$got_err"
  rc=$?
  ok=1
  if [ "$rc" != "$want_rc" ]; then
    echo "FAIL $model: exit $rc, expected $want_rc"
    ok=0
  fi
  if ! cmp -s "$want_err" "$got_err"; then
    echo "FAIL $model: stderr differs"
    diff -u "$want_err" "$got_err" | head -20
    ok=0
  fi
  if ! cmp -s "$want_out" "$got_out"; then
    echo "FAIL $model: stdout differs"
    diff -u "$want_out" "$got_out" | head -20
    ok=0
  fi
  [ "$ok" = 1 ] || failed=$((failed + 1))
done
echo "models: $count checked, $failed failed"
[ "$failed" = 0 ] && [ "$count" -gt 0 ]
