#!/usr/bin/env bash
# Writes the inputs of joint-ccd-xifu.yaml: one source, constant*tbabs*powerlaw with
# nH = 0.3, PhoIndex = 1.8, norm = 1e-3 (wilm abundances), seen by the embedded CCD-like
# instrument for 20 ks and by the X-IFU-like one for 5 ks with a cross-normalisation of 0.9.
# The X-IFU spectrum is grouped by 40 channels (20 eV, eight times its resolution): a power law
# has no feature narrower than that, and 585 bins instead of 23 400 keep the compression and
# the likelihood cheap. The tests run these same sixsa lines (cli/ExampleScript).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/examples/joint-ccd-xifu}"
"$root/sixsa" simulate --instrument ccd --exposure 2e4 --model "constant*tbabs*powerlaw" --abund wilm \
    -p factor=1 -p nH=0.3 -p PhoIndex=1.8 -p norm=1e-3 --seed 11 --out "$out/ccd.pha"
"$root/sixsa" simulate --instrument xifu --exposure 5e3 --model "constant*tbabs*powerlaw" --abund wilm \
    -p factor=0.9 -p nH=0.3 -p PhoIndex=1.8 -p norm=1e-3 --group 40 --seed 12 --out "$out/xifu.pha"
