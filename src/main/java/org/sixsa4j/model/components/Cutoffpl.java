package org.sixsa4j.model.components;

import java.util.List;
import org.sixsa4j.internal.kernels.Kernels;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * XSPEC's {@code cutoffpl}: a power law with an exponential roll-off,
 * A(E) = K E^(−Γ) exp(−E/β) photons keV⁻¹ cm⁻² s⁻¹, K at 1 keV. XSPEC integrates it with an
 * incomplete gamma function; here each bin is integrated in u = ln E, where the integrand
 * exp((1−Γ)u − E/β) is smooth, by Gauss–Legendre: two nodes (one SIMD exponential each) when
 * r = Δu (|1−Γ| + E_hi/β + √(E_hi/β)) ≤ {@value Quadrature#TWO_POINT_LIMIT}, otherwise the
 * adaptive rule of {@link Quadrature}, stopped 50 e-folds of the cut-off past
 * max(lo, β(|1−Γ| + 1)), beyond which less than 1e-18 of the bin remains. Good to 1e-8.
 * Reference: XSPEC manual, cutoffpl.
 */
public final class Cutoffpl extends AbstractComponentType {
    // XSPEC model.dat: PhoIndex 1. -3. -2. 9. 10. 0.01; HighECut keV 15. 0.01 1. 500. 500. 0.01
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("PhoIndex", "", 1.0, -3.0, -2.0, 9.0, 10.0, 0.01),
            ParameterInfo.of("HighECut", "keV", 15, 0.01, 1, 500, 500, 0.01).logScale(),
            ParameterInfo.norm());

    /** e-folds of the cut-off after which the rest of a bin is negligible. */
    private static final double TAIL = 50;

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Cutoffpl INSTANCE = new Cutoffpl();

    private Cutoffpl() {
        super("cutoffpl", ComponentKind.ADDITIVE, PARAMETERS,
                "power law with high energy exponential cutoff",
                "A(E) = K E^(-PhoIndex) exp(-E / HighECut)",
                "XSPEC manual, cutoffpl");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new Evaluator(Bins.of(low, high, name(), true));
    }

    /** A cut-off power law bound to bins; keeps scratch space, so one per thread. */
    private static final class Evaluator implements ComponentEvaluator, Quadrature.Integrand {
        private final Bins bins;
        private final GaussPairs pairs;
        private final double[] lower;
        private final double[] upper;
        private final double widestLog;
        /** 1 − Γ and 1/β of the evaluation in progress, for {@link #at}. */
        private double slope;
        private double inverseCut;

        Evaluator(Bins bins) {
            this.bins = bins;
            this.pairs = GaussPairs.logarithmic(bins);
            this.lower = new double[bins.size()];
            this.upper = new double[bins.size()];
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
            slope = 1 - parameters[offset];
            double cut = parameters[offset + 1];
            double norm = parameters[offset + 2];
            inverseCut = 1 / cut;
            int n = bins.size();
            for (int i = 0; i < n; i++) {
                lower[i] = slope * pairs.logFirst[i] - pairs.first[i] * inverseCut;
                upper[i] = slope * pairs.logSecond[i] - pairs.second[i] * inverseCut;
            }
            Kernels.get().exp(lower, 0, lower, 0, n);
            Kernels.get().exp(upper, 0, upper, 0, n);
            for (int i = 0; i < n; i++) {
                out[outOffset + i] = norm * pairs.half[i] * (lower[i] + upper[i]);
            }
            if (n > 0 && widestLog * roughness(bins.high[n - 1]) > Quadrature.TWO_POINT_LIMIT) {
                for (int i = 0; i < n; i++) {
                    double r = 2 * pairs.half[i] * roughness(bins.high[i]);
                    if (r > Quadrature.TWO_POINT_LIMIT) {
                        double end = Math.min(bins.high[i], cut * (Math.max(bins.low[i] * inverseCut, Math.abs(slope) + 1) + TAIL));
                        double a = Math.log(bins.low[i]);
                        double b = Math.log(end);
                        out[outOffset + i] = norm * Quadrature.integrate(this, a, b, (b - a) * roughness(end));
                    }
                }
            }
        }

        /** How fast ln of the integrand changes with u up to energy e: |1 − Γ| + e/β + √(e/β). */
        private double roughness(double e) {
            double x = e * inverseCut;
            return Math.abs(slope) + x + Math.sqrt(x);
        }

        /** The integrand in u = ln E: E^(1−Γ) exp(−E/β). */
        @Override
        public double at(double u) {
            return Math.exp(slope * u - Math.exp(u) * inverseCut);
        }
    }
}
