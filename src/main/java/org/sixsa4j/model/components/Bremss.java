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
 * XSPEC's {@code bremss}: thermal bremsstrahlung from a plasma with n(He)/n(H) = 0.085,
 * A(E) = K (kT)^(−1/2) [g(E, kT, 1) + 4 × 0.085 g(E, kT, 2)] exp(−E/kT) / E
 * photons keV⁻¹ cm⁻² s⁻¹, with K = 3.02e-15 / (4πD²) ∫ n_e n_I dV (D in cm, densities in
 * cm⁻³) and g the Gaunt factor of {@link Gaunt} (Kellogg, Baldwin &amp; Koch 1975, with
 * Kurucz's table at low temperature), exactly as XSPEC's xsbrmv and gaunt routines define it.
 * XSPEC integrates each bin by the trapezoid rule; here each bin is integrated in u = ln E by
 * Gauss–Legendre, split wherever the Gaunt factor's fits change (the bands of u, the Born
 * branches, Kurucz's grid lines and the cut-off at E = 50 kT), so every piece is smooth; r
 * is Δu (1 + E_hi/kT + √(E_hi/kT)). Good to 1e-8 of XSPEC's spectrum.
 * Reference: XSPEC manual, bremss; Kellogg, Baldwin &amp; Koch 1975, ApJ 199, 299.
 */
public final class Bremss extends AbstractComponentType {
    // XSPEC model.dat: kT keV 7.0 1.e-4 1.e-4 100. 200. 0.05
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("kT", "keV", 7.0, 1e-4, 1e-4, 100, 200, 0.05).logScale(),
            ParameterInfo.norm());

    /** 4 n(He)/n(H): helium's Z² times its abundance. */
    private static final double HELIUM = 4 * 0.085;

    /** The spectrum is 0 beyond E = 50 kT. */
    private static final double CUTOFF = 50;

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Bremss INSTANCE = new Bremss();

    private Bremss() {
        super("bremss", ComponentKind.ADDITIVE, PARAMETERS,
                "thermal bremsstrahlung",
                "A(E) = K kT^(-1/2) [g(E, kT, Z=1) + 4 * 0.085 g(E, kT, Z=2)] exp(-E/kT) / E, g: Kellogg et al. 1975 Gaunt factor",
                "XSPEC manual, bremss; Kellogg, Baldwin & Koch 1975, ApJ 199, 299; Karzas & Latter 1961, ApJS 6, 167");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new Evaluator(Bins.of(low, high, name(), true));
    }

    /** Bremsstrahlung bound to bins; keeps scratch space, so one per thread. */
    private static final class Evaluator implements ComponentEvaluator, Quadrature.Integrand {
        private final Bins bins;
        private final GaussPairs pairs;
        private final double[] lower;
        private final double[] upper;
        private final Gaunt hydrogen = new Gaunt(1);
        private final Gaunt helium = new Gaunt(2);
        /** ln E of the breaks of the evaluation in progress, sorted, and how many there are. */
        private final double[] breaks = new double[64];
        private int breakCount;
        private double logTemperature;
        private double inverseTemperature;

        Evaluator(Bins bins) {
            this.bins = bins;
            this.pairs = GaussPairs.logarithmic(bins);
            this.lower = new double[bins.size()];
            this.upper = new double[bins.size()];
        }

        @Override
        public int bins() {
            return bins.size();
        }

        @Override
        public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
            double kT = parameters[offset];
            double norm = parameters[offset + 1];
            int n = bins.size();
            if (!(kT > 0) || norm == 0) {
                Arrays.fill(out, outOffset, outOffset + n, 0.0);
                return;
            }
            hydrogen.temperature(kT);
            helium.temperature(kT);
            logTemperature = Math.log(kT);
            inverseTemperature = 1 / kT;
            collectBreaks();
            double c = norm / Math.sqrt(kT);
            for (int i = 0; i < n; i++) {
                lower[i] = -pairs.first[i] * inverseTemperature;
                upper[i] = -pairs.second[i] * inverseTemperature;
            }
            Kernels.get().exp(lower, 0, lower, 0, n);
            Kernels.get().exp(upper, 0, upper, 0, n);
            int next = 0;
            for (int i = 0; i < n; i++) {
                double mid = 0.5 * (pairs.logFirst[i] + pairs.logSecond[i]);
                double a = mid - pairs.half[i];
                double b = mid + pairs.half[i];
                while (next < breakCount && breaks[next] <= a) {
                    next++;
                }
                boolean smooth = next == breakCount || breaks[next] >= b;
                double uHigh = bins.high[i] * inverseTemperature;
                if (smooth && (b - a) * roughness(uHigh) <= Quadrature.TWO_POINT_LIMIT) {
                    out[outOffset + i] = c * pairs.half[i]
                            * (spectrum(pairs.first[i] * inverseTemperature, pairs.logFirst[i] - logTemperature, lower[i])
                            + spectrum(pairs.second[i] * inverseTemperature, pairs.logSecond[i] - logTemperature, upper[i]));
                } else {
                    out[outOffset + i] = c * piecewise(a, b, next);
                }
            }
        }

        /** ∫ over ln E in [a, b], split at the breaks from index next on. */
        private double piecewise(double a, double b, int next) {
            double sum = 0;
            double start = a;
            for (int k = next; k < breakCount && start < b; k++) {
                double end = Math.min(breaks[k], b);
                sum += piece(start, end);
                start = end;
            }
            return sum + piece(start, b);
        }

        private double piece(double a, double b) {
            double uEnd = Math.exp(b - logTemperature);
            return Quadrature.integrate(this, a, b, (b - a) * roughness(uEnd));
        }

        /** The union of both Gaunt factors' breaks, in ln E. */
        private void collectBreaks() {
            breakCount = 0;
            for (double u : hydrogen.breaks()) {
                breaks[breakCount++] = Math.log(u) + logTemperature;
            }
            for (double u : helium.breaks()) {
                breaks[breakCount++] = Math.log(u) + logTemperature;
            }
            Arrays.sort(breaks, 0, breakCount);
        }

        /** How fast the integrand's log changes with ln E, up to u. */
        private static double roughness(double u) {
            return 1 + Math.min(u, CUTOFF) + Math.sqrt(Math.min(u, CUTOFF));
        }

        /** [g(u, Z=1) + 0.34 g(u, Z=2)] e^(−u): the spectrum in ln E, over K kT^(−1/2). */
        private double spectrum(double u, double logU, double expMinusU) {
            double born = Gaunt.born(u, logU, expMinusU);
            return (hydrogen.value(u, logU, born) + HELIUM * helium.value(u, logU, born)) * expMinusU;
        }

        @Override
        public double at(double logE) {
            double logU = logE - logTemperature;
            double u = Math.exp(logU);
            return spectrum(u, logU, Math.exp(-u));
        }
    }
}
