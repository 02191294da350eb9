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
 * XSPEC's {@code diskbb}: the multi-colour disk black body of Mitsuda et al. (1984, PASJ 36,
 * 741) and Makishima et al. (1986, ApJ 308, 635),
 * A(E) = K T_in² g(E/T_in) / 361 photons keV⁻¹ cm⁻² s⁻¹ with g(y) = y^(−2/3) ∫_y^∞ x^(5/3)/(eˣ−1) dx
 * (see {@link DiskSpectrum}) and K = (R_in/D_10)² cos θ, R_in in km and D_10 the distance in
 * units of 10 kpc. 1/361 is XSPEC's constant (its mcdspc routine); (8π/3)(2/h³c²)(1 km / 10 kpc)²
 * with CODATA 2018 values is 1/361.27. XSPEC evaluates g from a fit good to about 1e-5 (6e-5 at
 * y ≈ 10) and integrates each bin with five Gauss points; here g is interpolated to 1e-10 and
 * each bin integrated in u = ln E with r = Δu (2 + y_hi + √y_hi): by the two-point rule up to
 * r = {@value Quadrature#TWO_POINT_LIMIT}, the three-point rule up to
 * {@value Quadrature#THREE_POINT_LIMIT} (both with SIMD exponentials) and adaptively beyond, to
 * 1e-8. T_in = 0 gives 0, as in XSPEC.
 * Reference: XSPEC manual, diskbb.
 */
public final class Diskbb extends AbstractComponentType {
    // XSPEC model.dat: Tin keV 1. 0. 0. 1000. 1000. 0.01
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("Tin", "keV", 1.0, 0, 0, 1000, 1000, 0.01),
            ParameterInfo.norm());

    /** XSPEC's normalisation: photons keV⁻¹ cm⁻² s⁻¹ = K T_in² g(y) / 361. */
    private static final double NORMALISATION = 361.0;

    /** e-folds of e^(−y) past max(y_lo, 3) after which the rest of a bin is negligible. */
    private static final double TAIL = 50;

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Diskbb INSTANCE = new Diskbb();

    private Diskbb() {
        super("diskbb", ComponentKind.ADDITIVE, PARAMETERS,
                "multiple blackbody disk model",
                "A(E) = K Tin^2 y^(-2/3) Int_y^inf x^(5/3) / (exp(x) - 1) dx / 361, y = E/Tin, K = (R_in,km / D_10)^2 cos(theta)",
                "XSPEC manual, diskbb; Mitsuda et al. 1984, PASJ 36, 741; Makishima et al. 1986, ApJ 308, 635");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new Evaluator(Bins.of(low, high, name(), true));
    }

    /** A disk bound to bins; keeps scratch space, so one per thread. */
    private static final class Evaluator implements ComponentEvaluator, Quadrature.Integrand {
        private final Bins bins;
        private final GaussPairs pairs;
        private final GaussTriples triples;
        /** Scratch: the integrand at the nodes of each bin. */
        private final double[] lower;
        private final double[] upper;
        private final double[] third;
        /** Scratch: r of each bin, its width in ln E times the integrand's roughness. */
        private final double[] width;
        private final double widestLog;
        /** ln T_in and 1/T_in of the evaluation in progress, for {@link #at}. */
        private double logTemperature;
        private double inverseTemperature;

        Evaluator(Bins bins) {
            this.bins = bins;
            this.pairs = GaussPairs.logarithmic(bins);
            this.triples = GaussTriples.logarithmic(bins);
            this.lower = new double[bins.size()];
            this.upper = new double[bins.size()];
            this.third = new double[bins.size()];
            this.width = new double[bins.size()];
            double w = 0;
            for (double h : pairs.half) {
                w = Math.max(w, 2 * h);
            }
            this.widestLog = w;
        }

        @Override
        public int bins() {
            return bins.size();
        }

        @Override
        public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
            double temperature = parameters[offset];
            double norm = parameters[offset + 1];
            int n = bins.size();
            if (!(temperature > 0) || norm == 0) {
                Arrays.fill(out, outOffset, outOffset + n, 0.0);
                return;
            }
            logTemperature = Math.log(temperature);
            inverseTemperature = 1 / temperature;
            double c = norm * temperature * temperature * temperature / NORMALISATION;
            for (int i = 0; i < n; i++) {
                lower[i] = logIntegrand(pairs.logFirst[i] - logTemperature, pairs.first[i] * inverseTemperature);
                upper[i] = logIntegrand(pairs.logSecond[i] - logTemperature, pairs.second[i] * inverseTemperature);
            }
            Kernels.get().exp(lower, 0, lower, 0, n);
            Kernels.get().exp(upper, 0, upper, 0, n);
            for (int i = 0; i < n; i++) {
                out[outOffset + i] = c * pairs.half[i] * (lower[i] + upper[i]);
            }
            if (n > 0 && widestLog * roughness(bins.high[n - 1] * inverseTemperature) > Quadrature.TWO_POINT_LIMIT) {
                refine(c, out, outOffset);
            }
        }

        /** r of every bin, into {@link #width}; true if any is past the two-point rule. */
        private boolean measure() {
            boolean rough = false;
            for (int i = 0; i < bins.size(); i++) {
                double y = bins.high[i] * inverseTemperature;
                width[i] = 2 * pairs.half[i] * (2 + y + Math.sqrt(y));
            }
            for (int i = 0; i < bins.size(); i++) {
                rough |= width[i] > Quadrature.TWO_POINT_LIMIT;
            }
            return rough;
        }

        /**
         * Replaces the bins that the two-point rule does not resolve: by the three-point rule,
         * with SIMD exponentials over the range of bins that need it, up to r = 0.4, and
         * adaptively beyond.
         */
        private void refine(double c, double[] out, int outOffset) {
            if (!measure()) {
                return;
            }
            int n = bins.size();
            int from = n;
            int to = 0;
            for (int i = 0; i < n; i++) {
                double r = width[i];
                if (r > Quadrature.TWO_POINT_LIMIT && r <= Quadrature.THREE_POINT_LIMIT) {
                    from = Math.min(from, i);
                    to = i + 1;
                }
            }
            if (from < to) {
                for (int i = from; i < to; i++) {
                    lower[i] = logIntegrand(triples.logFirst[i] - logTemperature, triples.first[i] * inverseTemperature);
                    upper[i] = logIntegrand(triples.logMiddle[i] - logTemperature, triples.middle[i] * inverseTemperature);
                    third[i] = logIntegrand(triples.logLast[i] - logTemperature, triples.last[i] * inverseTemperature);
                }
                Kernels kernels = Kernels.get();
                kernels.exp(lower, from, lower, from, to - from);
                kernels.exp(upper, from, upper, from, to - from);
                kernels.exp(third, from, third, from, to - from);
            }
            for (int i = 0; i < n; i++) {
                double r = width[i];
                if (r <= Quadrature.TWO_POINT_LIMIT) {
                    continue;
                }
                double yHigh = bins.high[i] * inverseTemperature;
                if (r <= Quadrature.THREE_POINT_LIMIT) {
                    out[outOffset + i] = c * triples.sum(i, lower[i], upper[i], third[i]);
                } else {
                    double yEnd = Math.min(yHigh, Math.max(bins.low[i] * inverseTemperature, 3) + TAIL);
                    double a = Math.log(bins.low[i]);
                    double b = Math.log(yEnd) + logTemperature;
                    out[outOffset + i] = c * Quadrature.integrate(this, a, b, (b - a) * roughness(yEnd));
                }
            }
        }

        /** How fast the log of the integrand changes with ln E, up to y. */
        private static double roughness(double y) {
            return 2 + y + Math.sqrt(y);
        }

        /** ln(g(y) y), the integrand in u = ln E over T_in³. */
        private static double logIntegrand(double t, double y) {
            return DiskSpectrum.logShape(t, y) + t;
        }

        @Override
        public double at(double u) {
            double t = u - logTemperature;
            return Math.exp(logIntegrand(t, Math.exp(u) * inverseTemperature));
        }
    }
}
