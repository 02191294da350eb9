package org.sixsa4j.model.components;

import java.util.ArrayList;
import java.util.List;
import org.sixsa4j.internal.kernels.Kernels;
import org.sixsa4j.model.AbstractComponentType;
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;
import org.sixsa4j.model.absorption.AbsorptionParameters;
import org.sixsa4j.model.absorption.IsmAbsorption;
import org.sixsa4j.model.absorption.MorrisonMcCammon;

/**
 * XSPEC's {@code wabs}: photoelectric absorption M(E) = exp(−nH σ(E)) with the "Wisconsin"
 * cross-section per H of Morrison &amp; McCammon (1983, ApJ 270, 119; {@link MorrisonMcCammon}),
 * whose gas has the paper's own abundances (mostly Anders &amp; Ebihara 1982): the {@code abund}
 * and {@code xsect} settings do not apply, as in XSPEC.
 *
 * <p>As in XSPEC's code for the Wisconsin absorber, the value of a bin is the mean of the
 * transmission (not of σ) over the bin by the trapezoidal rule, the bin cut at the paper's range boundaries it contains and each piece
 * evaluated at its two ends with its own range's law; for a bin without a boundary this is
 * (T(lo) + T(hi)) / 2. The cross-sections at the piece ends are computed at binding.
 */
public final class Wabs extends AbstractComponentType {
    private static final List<ParameterInfo> PARAMETERS = List.of(AbsorptionParameters.nH());

    /** The one instance; declared after the static fields its constructor reads. */
    public static final Wabs INSTANCE = new Wabs();

    private Wabs() {
        super("wabs", ComponentKind.MULTIPLICATIVE, PARAMETERS,
                "photoelectric absorption, Wisconsin (Morrison & McCammon) cross-sections",
                "M(E) = exp(-nH sigma(E)), sigma = (c0 + c1 E + c2 E^2) E^-3 1e-24 cm^2 per H",
                "Morrison & McCammon 1983, ApJ 270, 119; XSPEC manual, wabs");
    }

    @Override
    public ComponentEvaluator bind(double[] low, double[] high, ModelSettings settings) {
        return new Evaluator(low, high);
    }

    /** wabs bound to bins; keeps scratch space, so not thread-safe. */
    private static final class Evaluator implements ComponentEvaluator {
        private final int bins;
        /** Pieces of bin i are firstPiece[i] .. firstPiece[i + 1] − 1. */
        private final int[] firstPiece;
        /** Per piece, the points holding its start and end. */
        private final int[] start;
        private final int[] end;
        /** Per piece, its share of the bin divided by 2, the trapezoid's factor. */
        private final double[] weight;
        /**
         * Cross-section in 1e-22 cm² per H at each distinct (energy, range) point; contiguous
         * bins share their common edge unless a range boundary falls on it.
         */
        private final double[] tau;
        private final double[] scratch;

        Evaluator(double[] low, double[] high) {
            if (low.length != high.length) {
                throw new IllegalArgumentException("low and high bin edges differ in length: " + low.length + " and " + high.length);
            }
            bins = low.length;
            firstPiece = new int[bins + 1];
            Points points = new Points();
            List<int[]> ends = new ArrayList<>();
            List<Double> shares = new ArrayList<>();
            for (int i = 0; i < bins; i++) {
                firstPiece[i] = ends.size();
                double width = high[i] - low[i];
                double from = low[i];
                for (int s = MorrisonMcCammon.segment(low[i]); ; s++) {
                    double to = s < MorrisonMcCammon.SEGMENTS - 1 ? Math.min(MorrisonMcCammon.boundary(s), high[i]) : high[i];
                    ends.add(new int[] {points.of(from, s), points.of(to, s)});
                    // A bin [E, E] is the transmission at E: one piece of weight 1/2 per end.
                    shares.add(width > 0 ? (to - from) / (2 * width) : 0.5);
                    if (to >= high[i]) {
                        break;
                    }
                    from = to;
                }
            }
            firstPiece[bins] = ends.size();
            start = ends.stream().mapToInt(e -> e[0]).toArray();
            end = ends.stream().mapToInt(e -> e[1]).toArray();
            weight = shares.stream().mapToDouble(Double::doubleValue).toArray();
            tau = points.tau.stream().mapToDouble(Double::doubleValue).toArray();
            scratch = new double[tau.length];
        }

        @Override
        public int bins() {
            return bins;
        }

        @Override
        public void evaluate(double[] parameters, int offset, double[] out, int outOffset) {
            double nH = parameters[offset];
            for (int j = 0; j < tau.length; j++) {
                scratch[j] = -nH * tau[j];
            }
            Kernels.get().exp(scratch, 0, scratch, 0, scratch.length);
            for (int i = 0; i < bins; i++) {
                double sum = 0.0;
                for (int p = firstPiece[i]; p < firstPiece[i + 1]; p++) {
                    sum += weight[p] * (scratch[start[p]] + scratch[end[p]]);
                }
                out[outOffset + i] = sum;
            }
        }
    }

    /** The evaluation points met so far, in order; a point repeated at once is stored once. */
    private static final class Points {
        final List<Double> tau = new ArrayList<>();
        private double lastEnergy = Double.NaN;
        private int lastSegment = -1;

        int of(double keV, int segment) {
            if (keV != lastEnergy || segment != lastSegment) {
                tau.add(MorrisonMcCammon.crossSection(segment, keV) * IsmAbsorption.NH_UNIT);
                lastEnergy = keV;
                lastSegment = segment;
            }
            return tau.size() - 1;
        }
    }
}
