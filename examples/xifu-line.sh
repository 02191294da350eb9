#!/usr/bin/env bash
# Writes the input of xifu-line.yaml: 20 ks of the embedded X-IFU-like instrument on
# tbabs*(powerlaw + zgauss), a power law (nH = 0.1, PhoIndex = 2, norm = 1e-3, wilm abundances)
# and a narrow iron line, Fe K-alpha at 6.4 keV in the source frame, at redshift 0.02 (observed
# at 6.275 keV) with a width of 5 eV and 2e-5 photons cm^-2 s^-1. The spectrum is grouped by
# 4 channels (2 eV, under the 2.5 eV resolution). The tests run these same sixsa lines
# (cli/ExampleScript).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/examples/xifu-line}"
"$root/sixsa" simulate --instrument xifu --exposure 2e4 --model "tbabs*(powerlaw + zgauss)" --abund wilm \
    -p nH=0.1 -p PhoIndex=2 -p powerlaw.norm=1e-3 -p LineE=6.4 -p Sigma=0.005 -p Redshift=0.02 -p zgauss.norm=2e-5 \
    --group 4 --seed 21 --out "$out/xifu.pha"
