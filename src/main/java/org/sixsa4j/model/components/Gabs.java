package org.sixsa4j.model.components;

import java.util.Arrays;
import java.util.List;
import org.sixsa4j.internal.kernels.Kernels;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * XSPEC's {@code gabs}: a Gaussian absorption line, M(E) = exp(−τ(E)) with
 * τ(E) = S / (σ √(2π)) exp(−(E − E_l)² / (2σ²)). In XSPEC 12 the third parameter is the
 * strength S (keV), the line's optical depth integrated over energy; the depth at the centre
 * is S / (σ √(2π)). As in XSPEC's gaussianAbsorptionLine routine, each bin gets the average of
 * M over it rather than exp of the average depth. Bins where τ &lt; 1e-17 throughout get
 * exactly 1 (exp(−τ) rounds to 1 there). A bin over which ln M = −τ changes little,
 * r = Δz (1 + τ (|z| + 1)) ≤ {@value Quadrature#TWO_POINT_LIMIT} with z in standard deviations,
 * takes the two-point rule (its exponentials from the SIMD kernels); the others, which may
 * hold a saturated core, sharp wings and flat continuum at once, are integrated by
 * {@link Quadrature#adaptive}. σ = 0 is the limit σ → 0, a line of zero width that absorbs
 * nothing: M = 1. XSPEC stops the line at ±6σ instead of where τ vanishes in double precision.
 * Reference: XSPEC manual, gabs.
 */
public final class Gabs extends AbstractComponentType {
    // XSPEC model.dat: LineE keV 1.0 0. 0. 1.e6 1.e6 0.05; Sigma keV 0.01 0. 0. 10. 20. 0.05;
    // Strength 1.0 0. 0. 1.e6 1.e6 0.05 (model.dat of XSPEC 12.9.1 leaves the unit blank; XSPEC
    // 12.13.1e gives keV, as Sherpa's xsgabs page lists it)
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("LineE", "keV", 1.0, 0, 0, 1e6, 1e6, 0.05),
            ParameterInfo.of("Sigma", "keV", 0.01, 0, 0, 10, 20, 0.05),
            ParameterInfo.of("Strength", "keV", 1.0, 0, 0, 1e6, 1e6, 0.05));

    /** Depths below this leave exp(−τ) = 1 in double precision. */
    private static final double NEGLIGIBLE_DEPTH = 1e-17;

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Gabs INSTANCE = new Gabs();

    private Gabs() {
        super("gabs", ComponentKind.MULTIPLICATIVE, PARAMETERS,
                "gaussian absorption line",
                "M(E) = exp(-Strength / (Sigma sqrt(2 pi)) exp(-(E - LineE)^2 / (2 Sigma^2)))",
                "XSPEC manual, gabs");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new Evaluator(Bins.of(low, high, name(), false));
    }

    /** An absorption line bound to bins; keeps scratch space, so one per thread. */
    private static final class Evaluator implements ComponentEvaluator, Quadrature.Integrand {
        private final Bins bins;
        private final GaussPairs pairs;
        private final double[] lower;
        private final double[] upper;
        /** Central depth of the evaluation in progress, for {@link #at}. */
        private double depth;

        Evaluator(Bins bins) {
            this.bins = bins;
            this.pairs = GaussPairs.linear(bins);
            this.lower = new double[bins.size()];
            this.upper = new double[bins.size()];
        }

        @Override
        public int bins() {
            return bins.size();
        }

        @Override
        public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
            double centre = parameters[offset];
            double sigma = parameters[offset + 1];
            double strength = parameters[offset + 2];
            int n = bins.size();
            Arrays.fill(out, outOffset, outOffset + n, 1.0);
            depth = sigma > 0 ? strength / (sigma * Math.sqrt(2 * Math.PI)) : 0.0;
            // An infinite depth comes only from σ near underflow: the σ → 0 limit, M = 1.
            if (!(depth > NEGLIGIBLE_DEPTH) || depth == Double.POSITIVE_INFINITY) {
                return;
            }
            double reach = sigma * Math.sqrt(2 * (Math.log(depth) - Math.log(NEGLIGIBLE_DEPTH)));
            double start = centre - reach;
            double end = centre + reach;
            // Bins may overlap, so the range is found by a scan rather than a binary search.
            int first = n;
            int last = 0;
            for (int i = 0; i < n; i++) {
                if (bins.high[i] > start && bins.low[i] < end) {
                    first = Math.min(first, i);
                    last = i + 1;
                }
            }
            if (first >= last) {
                return;
            }
            for (int i = first; i < last; i++) {
                double z0 = (pairs.first[i] - centre) / sigma;
                double z1 = (pairs.second[i] - centre) / sigma;
                lower[i] = -0.5 * z0 * z0;
                upper[i] = -0.5 * z1 * z1;
            }
            Kernels kernels = Kernels.get();
            kernels.exp(lower, first, lower, first, last - first);
            kernels.exp(upper, first, upper, first, last - first);
            for (int i = first; i < last; i++) {
                lower[i] *= -depth;
                upper[i] *= -depth;
            }
            kernels.exp(lower, first, lower, first, last - first);
            kernels.exp(upper, first, upper, first, last - first);
            for (int i = first; i < last; i++) {
                double lo = bins.low[i];
                double hi = bins.high[i];
                if (hi <= start || lo >= end) {
                    continue;
                }
                double a = Math.max(lo, start);
                double b = Math.min(hi, end);
                // ln M = -τ(z) changes at the rate τ z: over the bin, about r below.
                double far = Math.max(Math.abs(lo - centre), Math.abs(hi - centre)) / sigma;
                double tau = -Math.log(Math.min(lower[i], upper[i]));
                double r = (b - a) / sigma * (1 + tau * (far + 1));
                if (a == lo && b == hi && r <= Quadrature.TWO_POINT_LIMIT) {
                    out[outOffset + i] = 0.5 * (lower[i] + upper[i]);
                } else {
                    // Rounding in the quadrature can pass 1 by an ulp; the average of M ≤ 1 cannot.
                    // Integrated in z = (E - E_l)/σ, where the nodes near a narrow line keep their digits.
                    double inside = sigma * Quadrature.adaptive(this, (a - centre) / sigma, (b - centre) / sigma);
                    out[outOffset + i] = Math.min(1, (a - lo + hi - b + inside) / (hi - lo));
                }
            }
        }

        /** M at z standard deviations from the centre. */
        @Override
        public double at(double z) {
            return Math.exp(-depth * Math.exp(-0.5 * z * z));
        }
    }
}
