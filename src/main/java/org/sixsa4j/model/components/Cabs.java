package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.internal.kernels.Kernels;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * XSPEC's {@code cabs}: attenuation by Compton scattering out of the line of sight,
 * M(E) = exp(−N_H 1.21 σ_T σ_KN(E)/σ_T), with N_H in 10²² cm⁻², 1.21 electrons per hydrogen
 * atom, σ_T = 0.665e-24 cm² and the Klein–Nishina total cross-section (Klein &amp; Nishina 1929;
 * Rybicki &amp; Lightman eq. 7.5)
 * σ_KN/σ_T = ¾ [(1+w)/w³ (2w(1+w)/(1+2w) − ln(1+2w)) + ln(1+2w)/(2w) − (1+3w)/(1+2w)²],
 * w = E / 510.999 keV; the constants are XSPEC's (its xscabs routine). Scattered photons are
 * removed, not moved to lower energies. Below w = 0.05, where the bracket cancels, the Taylor
 * series 1 − 2w + 26w²/5 − 133w³/10 + … to w²⁰ is used, so σ_KN is good to 5e-14. XSPEC takes
 * M at the bin centre; here each bin gets the average of M over it by Gauss–Legendre, with r
 * the change in optical depth across the bin plus twice its width over E + 255.5 keV, the
 * scale of σ_KN itself (σ_KN at the nodes is computed once per grid).
 * Reference: XSPEC manual, cabs.
 */
public final class Cabs extends AbstractComponentType {
    // XSPEC model.dat: nH 10^22 1. 0.0 0.0 1.e5 1.e6 1.e-3
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("nH", "10^22", 1.0, 0, 0, 1e5, 1e6, 1e-3));

    /** Optical depth per 10²² H atoms cm⁻² in the Thomson limit: 1.21 × 0.665e-2, as in XSPEC. */
    private static final double THOMSON_DEPTH = 1.21 * 0.665e-2;

    /** Electron rest energy, keV, as in XSPEC. */
    private static final double ELECTRON = 510.999;

    /** Taylor coefficients of σ_KN/σ_T in w, to w²⁰ (exact fractions from the closed form). */
    private static final double[] SERIES = {1, -2, 26.0 / 5, -133.0 / 10, 1144.0 / 35, -544.0 / 7, 3784.0 / 21,
        -6148.0 / 15, 151552.0 / 165, -111872.0 / 55, 637952.0 / 143, -883328.0 / 91, 9545728.0 / 455,
        -1577984.0 / 35, 8195072.0 / 85, -10469888.0 / 51, 421986304.0 / 969, -262406144.0 / 285,
        1290665984.0 / 665, -1570930688.0 / 385, 15155593216.0 / 1771};

    /**
     * Below this w the closed form, whose bracket cancels to an error of about eps/w², gives way
     * to the series, whose first omitted term is below 1e-20 there.
     */
    private static final double SERIES_BELOW = 0.05;

    /** Distance from E = 0 to the singularity of ln(1 + 2w), at E = −255.5 keV: σ_KN's scale. */
    private static final double HALF_ELECTRON = 255.4995;

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Cabs INSTANCE = new Cabs();

    private Cabs() {
        super("cabs", ComponentKind.MULTIPLICATIVE, PARAMETERS,
                "optically-thin Compton scattering",
                "M(E) = exp(-nH 1.21 sigma_T sigma_KN(E) / sigma_T), Klein-Nishina cross-section, no energy shift",
                "XSPEC manual, cabs; Klein & Nishina 1929, Z. Phys. 52, 853");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new Evaluator(Bins.of(low, high, name(), false));
    }

    /** σ_KN(E)/σ_T. */
    static double kleinNishina(double energy) {
        double w = energy / ELECTRON;
        if (w < SERIES_BELOW) {
            double s = 0;
            for (int k = SERIES.length - 1; k >= 0; k--) {
                s = s * w + SERIES[k];
            }
            return s;
        }
        double z = 1 + 2 * w;
        double log = Math.log1p(2 * w);
        return 0.75 * ((1 + w) / (w * w * w) * (2 * w * (1 + w) / z - log) + log / (2 * w) - (1 + 3 * w) / (z * z));
    }

    /** Compton attenuation bound to bins; keeps scratch space, so one per thread. */
    private static final class Evaluator implements ComponentEvaluator, Quadrature.Integrand {
        private final Bins bins;
        private final double[] sigmaFirst;
        private final double[] sigmaSecond;
        /** |σ(hi) − σ(lo)| of each bin, its width over the scale of σ, and the largest of each. */
        private final double[] sigmaChange;
        private final double[] curvature;
        private final double largestChange;
        private final double largestCurvature;
        private final double[] lower;
        private final double[] upper;
        private double column;

        Evaluator(Bins bins) {
            this.bins = bins;
            GaussPairs pairs = GaussPairs.linear(bins);
            int n = bins.size();
            sigmaFirst = new double[n];
            sigmaSecond = new double[n];
            sigmaChange = new double[n];
            curvature = new double[n];
            lower = new double[n];
            upper = new double[n];
            double largest = 0;
            double widest = 0;
            for (int i = 0; i < n; i++) {
                sigmaFirst[i] = kleinNishina(pairs.first[i]);
                sigmaSecond[i] = kleinNishina(pairs.second[i]);
                sigmaChange[i] = Math.abs(kleinNishina(bins.low[i]) - kleinNishina(bins.high[i]));
                curvature[i] = 2 * (bins.high[i] - bins.low[i]) / (bins.low[i] + HALF_ELECTRON);
                largest = Math.max(largest, sigmaChange[i]);
                widest = Math.max(widest, curvature[i]);
            }
            largestChange = largest;
            largestCurvature = widest;
        }

        @Override
        public int bins() {
            return bins.size();
        }

        @Override
        public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
            column = parameters[offset] * THOMSON_DEPTH;
            int n = bins.size();
            if (column == 0) {
                java.util.Arrays.fill(out, outOffset, outOffset + n, 1.0);
                return;
            }
            for (int i = 0; i < n; i++) {
                lower[i] = -column * sigmaFirst[i];
                upper[i] = -column * sigmaSecond[i];
            }
            Kernels.get().exp(lower, 0, lower, 0, n);
            Kernels.get().exp(upper, 0, upper, 0, n);
            for (int i = 0; i < n; i++) {
                out[outOffset + i] = 0.5 * (lower[i] + upper[i]);
            }
            if (column * largestChange + largestCurvature > Quadrature.TWO_POINT_LIMIT) {
                for (int i = 0; i < n; i++) {
                    double r = column * sigmaChange[i] + curvature[i];
                    if (r > Quadrature.TWO_POINT_LIMIT) {
                        double lo = bins.low[i];
                        double hi = bins.high[i];
                        // Rounding in the quadrature can pass 1 by an ulp; the average of M ≤ 1 cannot.
                        out[outOffset + i] = Math.min(1, Quadrature.integrate(this, lo, hi, r) / (hi - lo));
                    }
                }
            }
        }

        @Override
        public double at(double e) {
            return Math.exp(-column * kleinNishina(e));
        }
    }
}
