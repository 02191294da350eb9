#!/usr/bin/env bash
# Regenerates the exact reference posteriors of the NGC 7793 ULX-4 EPIC-pn spectrum
# (examples/xmm-pn-ngc7793.yaml), against which the SBI pipeline's tests measure its posteriors.
# Writes into src/test/resources/reference/xmm-pn-ngc7793 unless given another folder:
#   nested-posterior.csv, nested-summary.json   equal-weight nested samples, with log Z
#   mcmc-posterior.csv, mcmc-summary.json       the ensemble chain, every 50th kept step (about 0.7 τ)
# The output is deterministic: the configuration fixes the seed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/src/test/resources/reference/xmm-pn-ngc7793}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"   # so that summary.json names the configuration by its path in the project
for method in nested mcmc; do
    ./sixsa sample examples/xmm-pn-ngc7793.yaml --method "$method" --quiet --out "$work/$method"
done
mkdir -p "$work/reference"
cp "$work/nested/posterior.csv" "$work/reference/nested-posterior.csv"
cp "$work/nested/summary.json" "$work/reference/nested-summary.json"
# posterior.csv lists the chain step by step, all walkers of a step together: keep whole steps.
walkers="$(sed -n 's/^ *"walkers" *: *\([0-9]*\).*/\1/p' "$work/mcmc/summary.json" | head -n 1)"
awk -v w="$walkers" 'NR == 1 || int((NR - 2) / w) % 50 == 0' "$work/mcmc/posterior.csv" > "$work/reference/mcmc-posterior.csv"
cp "$work/mcmc/summary.json" "$work/reference/mcmc-summary.json"
# Replace the folder's files only once every run has succeeded.
mkdir -p "$out"
cp "$work/reference/"* "$out/"
echo "Reference samples written to $out"
