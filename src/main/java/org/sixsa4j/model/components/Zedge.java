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
 * XSPEC's {@code zedge}: an absorption edge at redshift z, M(E) = 1 for E(1+z) &lt; E_c and
 * exp(−D (E(1+z)/E_c)^(−3)) above, with E_c and the depth D at threshold in the source frame
 * (the manual prints the exponent without its minus sign; XSPEC's xszedg routine has it).
 * E_c = 0 means no edge. Each bin gets the average of M over it: the part below the observed
 * edge E_c/(1+z) counts 1, the part above is integrated by Gauss–Legendre with
 * r = 3 (1 + τ) Δ/E, where τ = D (E_c/(E(1+z)))³ at the start of that part. XSPEC averages
 * the two bin edges instead.
 * Reference: XSPEC manual, edge/zedge.
 */
public final class Zedge extends AbstractComponentType {
    // XSPEC model.dat: edgeE keV 7.0 0. 0. 100. 100. 0.05; MaxTau 1. 0. 0. 5. 10. 0.01;
    // Redshift 0. -0.999 -0.999 10. 10. -0.01
    private static final List<ParameterInfo> PARAMETERS = List.of(
            ParameterInfo.of("edgeE", "keV", 7.0, 0, 0, 100, 100, 0.05),
            ParameterInfo.of("MaxTau", "", 1.0, 0, 0, 5, 10, 0.01),
            ParameterInfo.of("Redshift", "", 0, -0.999, -0.999, 10, 10, -0.01));

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Zedge INSTANCE = new Zedge();

    private Zedge() {
        super("zedge", ComponentKind.MULTIPLICATIVE, PARAMETERS,
                "redshifted absorption edge",
                "M(E) = 1 for E (1+z) < edgeE; exp(-MaxTau (E (1+z) / edgeE)^(-3)) above",
                "XSPEC manual, edge (zedge)");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new Evaluator(Bins.of(low, high, name(), false));
    }

    /** An edge bound to bins; keeps scratch space, so one per thread. */
    private static final class Evaluator implements ComponentEvaluator, Quadrature.Integrand {
        private final Bins bins;
        private final GaussPairs pairs;
        /** E⁻³ at the two nodes of each bin. */
        private final double[] cubeFirst;
        private final double[] cubeSecond;
        private final double[] lower;
        private final double[] upper;
        /** D E_obs³, with E_obs the observed edge: τ(E) = depth / E³. */
        private double depth;

        Evaluator(Bins bins) {
            this.bins = bins;
            this.pairs = GaussPairs.linear(bins);
            int n = bins.size();
            this.cubeFirst = new double[n];
            this.cubeSecond = new double[n];
            this.lower = new double[n];
            this.upper = new double[n];
            for (int i = 0; i < n; i++) {
                cubeFirst[i] = 1 / (pairs.first[i] * pairs.first[i] * pairs.first[i]);
                cubeSecond[i] = 1 / (pairs.second[i] * pairs.second[i] * pairs.second[i]);
            }
        }

        @Override
        public int bins() {
            return bins.size();
        }

        @Override
        public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
            int n = bins.size();
            double edge = parameters[offset] / (1 + parameters[offset + 2]);
            double maxTau = parameters[offset + 1];
            if (!(edge > 0) || maxTau == 0) {
                Arrays.fill(out, outOffset, outOffset + n, 1.0);
                return;
            }
            depth = maxTau * edge * edge * edge;
            for (int i = 0; i < n; i++) {
                lower[i] = -depth * cubeFirst[i];
                upper[i] = -depth * cubeSecond[i];
            }
            Kernels.get().exp(lower, 0, lower, 0, n);
            Kernels.get().exp(upper, 0, upper, 0, n);
            for (int i = 0; i < n; i++) {
                double lo = bins.low[i];
                double hi = bins.high[i];
                if (hi <= edge) {
                    out[outOffset + i] = 1.0;
                    continue;
                }
                double a = Math.max(lo, edge);
                double r = 3 * (1 + depth / (a * a * a)) * (hi - a) / a;
                if (a == lo && r <= Quadrature.TWO_POINT_LIMIT) {
                    out[outOffset + i] = 0.5 * (lower[i] + upper[i]);
                } else {
                    // Rounding in the quadrature can pass 1 by an ulp; the average of M ≤ 1 cannot.
                    out[outOffset + i] = Math.min(1, (a - lo + Quadrature.integrate(this, a, hi, r)) / (hi - lo));
                }
            }
        }

        /** M(E) above the edge. */
        @Override
        public double at(double e) {
            return Math.exp(-depth / (e * e * e));
        }
    }
}
