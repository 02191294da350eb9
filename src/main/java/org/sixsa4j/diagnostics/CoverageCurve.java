package org.sixsa4j.diagnostics;

/**
 * The expected-coverage curve shared by TARP and the coverage of highest-density regions: run i
 * found its true parameters inside a region of credibility inside<sub>i</sub>/total<sub>i</sub>
 * (the fraction of its posterior samples that lie inside the smallest region of the family that
 * still contains the truth), and a region of nominal credibility α covers the truth when that
 * fraction is below α. On the grid α<sub>k</sub> = k/B, the curve is the fraction of runs
 * covered, ending at 1 for α = 1 as a distribution function on [0, 1] does. A calibrated
 * posterior gives fractions uniform on [0, 1], hence the diagonal (Hermans et al. 2022; Lemos et
 * al. 2023).
 *
 * <p>The comparisons are done on the integer counts, so that a fraction exactly on a grid point
 * is never misplaced by rounding.
 */
final class CoverageCurve {
    private CoverageCurve() {
    }

    /** The grid k/B, k = 0 … B. */
    static double[] levels(int bins) {
        double[] alpha = new double[bins + 1];
        for (int k = 0; k <= bins; k++) {
            alpha[k] = (double) k / bins;
        }
        return alpha;
    }

    /** #{i : inside<sub>i</sub>/total<sub>i</sub> &lt; k/B}/N for k &lt; B, and 1 for k = B. */
    static double[] coverage(int[] inside, int[] total, int bins) {
        int n = inside.length;
        // The first grid index k with inside/total < k/B is ⌊B·inside/total⌋ + 1.
        int[] firstCovered = new int[bins + 2];
        for (int i = 0; i < n; i++) {
            long k = (long) bins * inside[i] / total[i] + 1;
            firstCovered[(int) Math.min(k, bins + 1)]++;
        }
        double[] coverage = new double[bins + 1];
        int covered = 0;
        for (int k = 0; k < bins; k++) {
            covered += firstCovered[k];
            coverage[k] = (double) covered / n;
        }
        coverage[bins] = 1;
        return coverage;
    }
}
