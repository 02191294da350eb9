#!/usr/bin/env bash
# Rebuilds the 4 eV FWHM Gaussian RMF of the simulated X-IFU spectrum on its ARF's grid, as
# ../shared/README.md describes, then summarises the spectrum noticed over 0.3-12 keV.
set -euo pipefail
out="${1:-/tmp/xifu}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${SIXSA_SHARED:-$root/../shared/data}/ogip/xifu-sim"
"$root/sixsa" instrument --fwhm 0.004 --grid-from "$data/athena_xifu_13_rows_no_filter.arf" \
    --name athena_xifu_4eV_gaussian --out "$out"
"$root/sixsa" info "$data/spectrum_opt.pha" --rmf "$out/athena_xifu_4eV_gaussian.rmf" --notice 0.3-12
