package org.sixsa4j.ogip;

/**
 * Reads and checks the input energy grid ENERG_LO/ENERG_HI shared by the ARF SPECRESP and the
 * RMF MATRIX extensions (CAL/GEN/92-002, sections 3.1 and 4.1): finite, non-negative keV, each
 * bin of positive width and the bins in strictly increasing order, since the fold pairs energy
 * bin {@code i} of the ARF with row {@code i} of the RMF.
 */
final class EnergyBins {
    final double[] low;
    final double[] high;

    private EnergyBins(double[] low, double[] high) {
        this.low = low;
        this.high = high;
    }

    static EnergyBins read(FitsTable t) {
        double[] low = t.column("ENERG_LO");
        double[] high = t.column("ENERG_HI");
        for (int i = 0; i < low.length; i++) {
            if (!Double.isFinite(low[i]) || low[i] < 0) {
                throw t.error("ENERG_LO", "row " + i + " holds " + low[i] + "; expected a finite energy >= 0 keV");
            }
            if (!Double.isFinite(high[i]) || high[i] <= low[i]) {
                throw t.error("ENERG_HI", "row " + i + " holds " + high[i] + ", not above ENERG_LO = "
                        + low[i] + "; every bin needs ENERG_HI > ENERG_LO");
            }
            if (i > 0 && low[i] <= low[i - 1]) {
                throw t.error("ENERG_LO", "row " + i + " holds " + low[i] + " after " + low[i - 1]
                        + "; energies must increase strictly");
            }
        }
        return new EnergyBins(low, high);
    }
}
