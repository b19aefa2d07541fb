#!/usr/bin/env bash
# Fuzzes fairway-core with cargo-fuzz (libFuzzer, AddressSanitizer, debug assertions and
# overflow checks): each target for a fixed time, then one table of executions, exec/s, corpus
# size, peak memory and findings. The targets live in fuzz/ (its own workspace) and are
# described in RELIABILITY.md, "Fuzzing".
#
#   scripts/fuzz.sh                 # every target, 60 s each
#   scripts/fuzz.sh 10              # every target, 10 s each
#   scripts/fuzz.sh 300 image       # one target, five minutes
#
# Needs the nightly toolchain (`rustup toolchain install nightly`) and cargo-fuzz
# (`cargo install cargo-fuzz --locked`). The committed seeds in fuzz/corpus/<target>/ are only
# read: what a run adds goes to $FUZZ_WORK/corpus/<target>/ (outside git), and a crash, timeout
# or out-of-memory input to fuzz/artifacts/<target>/ (ignored by git; copy a fixed one into
# fuzz/corpus/<target>/ as a regression seed). Exits non-zero when any target found something.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(csv_import manifest image vcard)
fi
target_dir="${FUZZ_TARGET_DIR:-$root/fuzz/target}"
work="${FUZZ_WORK:-$target_dir/work}"
fuzz=(nice -n 10 cargo +nightly fuzz)

echo "==> building the fuzz targets (nightly, AddressSanitizer)"
"${fuzz[@]}" build --target-dir "$target_dir"

rows=()
found=0
for t in "${targets[@]}"; do
  mkdir -p "$work/corpus/$t" "fuzz/artifacts/$t" "fuzz/corpus/$t"
  log="$work/$t.log"
  before=$(find "fuzz/artifacts/$t" -type f | wc -l)
  echo "==> $t for ${seconds} s"
  set +e
  # The first corpus folder receives new inputs; the committed seeds are only read. A second
  # per input is already far beyond what a kiosk or a build may take for one file.
  "${fuzz[@]}" run --target-dir "$target_dir" "$t" "$work/corpus/$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="fuzz/artifacts/$t/" >"$log" 2>&1
  status=$?
  set -e
  stat() { grep -m1 "^stat::$1:" "$log" | awk '{print $2}'; }
  execs=$(stat number_of_executed_units)
  rate=$(stat average_exec_per_sec)
  rss=$(stat peak_rss_mb)
  corpus=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 | sed 's/corp: //')
  after=$(find "fuzz/artifacts/$t" -type f | wc -l)
  findings=$((after - before))
  if [ "$status" -ne 0 ] && [ "$findings" -eq 0 ]; then
    findings="exit $status"
  fi
  if [ "$status" -ne 0 ]; then
    found=1
    echo "    $t stopped (exit $status); the last lines of $log:"
    grep -E 'panicked|ERROR|SUMMARY|Test unit written|artifact' "$log" | head -8 | sed 's/^/    /'
  fi
  rows+=("$(printf '%-11s %6s %12s %8s %16s %8s  %s' "$t" "$seconds" "${execs:-?}" \
    "${rate:-?}" "${corpus:-?}" "${rss:-?}" "$findings")")
done

echo
printf '%-11s %6s %12s %8s %16s %8s  %s\n' target seconds executions exec/s "corpus (n/size)" \
  "RSS MB" findings
printf '%s\n' "${rows[@]}"
exit "$found"
