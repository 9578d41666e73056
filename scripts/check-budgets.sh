#!/usr/bin/env bash
# Fails when a bundle has grown past its budget in budgets.txt (sizes from `scripts/bench.sh --sizes`).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
sizes="$(scripts/bench.sh --sizes 2>/dev/null)"
failed=0
while read -r name budget; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  size="$(awk -v n="$name" '$1 == n { print $2 }' <<<"$sizes")"
  if [ -z "$size" ]; then
    echo "budget: no figure named $name"; failed=1
  elif ((size > budget)); then
    echo "budget: $name is $size B, over its budget of $budget B"; failed=1
  else
    printf 'budget: %-22s %8d B of %8d B\n' "$name" "$size" "$budget"
  fi
done < budgets.txt
exit "$failed"
