#!/usr/bin/env bash
# Decodes contact-card QR codes with an independent reader, Debian's zbarimg, and compares the
# bytes with what `fairway card` printed. Builds the demo fair, picks a sample of exhibitors
# (most with Chinese names, plus those without), writes each card's PNG in both languages, and
# exits non-zero on any mismatch.
#
#   scripts/zbar-check.sh            # a sample of 30 exhibitors
#   SAMPLE=400 scripts/zbar-check.sh # every demo exhibitor
#   FAIRWAY=path/to/fairway ...      # use this binary instead of building one
#
# `-Sbinary` makes zbarimg print the raw bytes; without it zbarimg guesses a character set and
# mangles Chinese text. Only the QR reader is enabled: with every symbology on, zbarimg now and
# then also "finds" an EAN-13 barcode inside a QR code's modules and prints its digits too.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
sample="${SAMPLE:-30}"

for tool in zbarimg sqlite3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "zbar-check: $tool is missing; install Debian's ${tool/zbarimg/zbar-tools} package" >&2
    exit 2
  fi
done

fairway="${FAIRWAY:-}"
if [[ -z "$fairway" ]]; then
  (cd "$root" && cargo build -q -p fairway-cli)
  fairway="${CARGO_TARGET_DIR:-$root/target}/debug/fairway"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$fairway" build "$root/assets/demo-fair" --out "$work/feed" >/dev/null
snapshot="$(ls "$work"/feed/*.sqlite)"

# Every exhibitor without a Chinese company name, then an even spread of the others.
mapfile -t plain < <(sqlite3 "$snapshot" "SELECT id FROM exhibitors WHERE name_zh IS NULL ORDER BY id")
mapfile -t chinese < <(sqlite3 "$snapshot" "SELECT id FROM exhibitors WHERE name_zh IS NOT NULL ORDER BY id")
want_chinese=$(( sample - ${#plain[@]} ))
(( want_chinese < 1 )) && want_chinese=1
step=$(( ${#chinese[@]} / want_chinese ))
(( step < 1 )) && step=1
ids=("${plain[@]}")
for (( i = 0; i < ${#chinese[@]} && ${#ids[@]} < sample; i += step )); do
  ids+=("${chinese[$i]}")
done

checked=0
failed=0
for id in "${ids[@]}"; do
  for lang in zh en; do
    expected="$work/$id-$lang.vcf"
    png="$work/$id-$lang.png"
    "$fairway" card "$snapshot" "$id" --lang "$lang" --png "$png" >"$expected" 2>/dev/null
    decoded="$work/$id-$lang.zbar"
    if ! zbarimg --raw --quiet -Sdisable -Sqrcode.enable -Sbinary "$png" >"$decoded" 2>/dev/null; then
      echo "MISMATCH $id ($lang): zbarimg found no QR code in $png" >&2
      failed=$(( failed + 1 ))
    elif ! cmp -s "$expected" "$decoded"; then
      echo "MISMATCH $id ($lang): zbarimg read other bytes than fairway printed" >&2
      diff <(cat -A "$expected") <(cat -A "$decoded") >&2 || true
      failed=$(( failed + 1 ))
    fi
    checked=$(( checked + 1 ))
  done
done

echo "zbar-check: $(( checked - failed )) of $checked QR codes ($(( ${#ids[@]} )) exhibitors, zh and en) decode to exactly the printed vCard bytes"
(( failed == 0 ))
