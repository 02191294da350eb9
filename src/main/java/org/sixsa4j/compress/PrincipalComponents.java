package org.sixsa4j.compress;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Principal component analysis of log1p counts (Pearson 1901; Jolliffe 2002, "Principal
 * Component Analysis"), the linear baseline that Barret &amp; Dupourqué (2026, paper III) compare
 * their auto-encoder with.
 *
 * <p>Each training spectrum becomes z_j = (ln(1 + n_j) − m_j)/s_j, standardised bin by bin over
 * the training spectra (a bin constant over them gets a scale of 1 rather than 1/0), and the
 * n × bins matrix Z of those rows is decomposed by a thin singular value decomposition
 * Z = U S Vᵀ (EJML). The columns v_k of V are the components, in decreasing order of singular
 * value; component k explains the variance s_k²/(n − 1), a share s_k²/Σ s² of the total. The
 * fewest components that reach the settings' variance fraction are kept, at most its maximum.
 * A spectrum's features are its scores z·v_k: for a training spectrum, row i of U S. Each
 * component's sign is fixed so that its largest loading (in absolute value) is positive, which
 * makes the result independent of the decomposition's arbitrary signs.
 *
 * <p>The decomposition costs O(n·bins·min(n, bins)) once per fit; projecting a spectrum costs
 * O(bins·components). Immutable and safe to share between threads.
 */
public final class PrincipalComponents implements Compressor {

    private static final String WHAT = "PCA";

    private final LogCountScaling scaling;
    private final double[][] components;
    private final double[] explainedVariance;
    private final double totalVariance;

    PrincipalComponents(LogCountScaling scaling, double[][] components, double[] explainedVariance, double totalVariance) {
        this.scaling = scaling;
        this.components = components;
        this.explainedVariance = explainedVariance;
        this.totalVariance = totalVariance;
    }

    /**
     * Fits the standardisation and the components to the rows of {@code counts} (spectra × bins).
     *
     * @throws IllegalArgumentException if there are fewer than 2 spectra, they differ in length, a
     *     count is negative or not finite, or no bin varies across them
     */
    public static PrincipalComponents fit(double[][] counts, PcaSettings settings) {
        LogCountScaling scaling = LogCountScaling.fit(counts, WHAT);
        int n = counts.length;
        int bins = scaling.bins();
        DMatrixRMaj z = new DMatrixRMaj(n, bins);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < bins; j++) {
                z.data[i * bins + j] = scaling.standardize(counts[i], j);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, bins, false, true, true);
        if (!svd.decompose(z)) {
            throw new IllegalStateException("PCA: the singular value decomposition of " + n + " × " + bins + " did not converge");
        }
        int rank = svd.numberOfSingularValues();
        double[] singular = svd.getSingularValues().clone();
        DMatrixRMaj vt = svd.getV(null, true);
        SingularOps_DDRM.descendingOrder(null, false, singular, rank, vt, true);

        double total = 0;
        for (int k = 0; k < rank; k++) {
            total += singular[k] * singular[k];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("PCA: no bin varies across the " + n + " training spectra");
        }
        int kept = 0;
        double explained = 0;
        // The same summation order as the total, so that a fraction of 1 is reached exactly.
        while (kept < rank && explained < settings.varianceFraction() * total) {
            explained += singular[kept] * singular[kept];
            kept++;
        }
        kept = Math.min(kept, settings.maxComponents());

        double[][] components = new double[kept][bins];
        double[] variance = new double[kept];
        for (int k = 0; k < kept; k++) {
            System.arraycopy(vt.data, k * bins, components[k], 0, bins);
            fixSign(components[k]);
            variance[k] = singular[k] * singular[k] / (n - 1);
        }
        return new PrincipalComponents(scaling, components, variance, total / (n - 1));
    }

    /** Negates {@code v} if its largest entry in absolute value (the first of equals) is negative. */
    private static void fixSign(double[] v) {
        int largest = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
    }

    @Override
    public int inputSize() {
        return scaling.bins();
    }

    @Override
    public int outputSize() {
        return components.length;
    }

    /** {@code PC1}, {@code PC2}, … */
    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= components.length; k++) {
            names.add("PC" + k);
        }
        return List.copyOf(names);
    }

    /** The scores z·v_k of the standardised log1p counts on the kept components. */
    @Override
    public double[] compress(double[] counts) {
        Spectra.requireLength(counts, inputSize(), WHAT);
        int bins = inputSize();
        double[] z = new double[bins];
        for (int j = 0; j < bins; j++) {
            z[j] = scaling.standardize(counts, j);
        }
        double[] scores = new double[components.length];
        for (int k = 0; k < components.length; k++) {
            double s = 0;
            for (int j = 0; j < bins; j++) {
                s += components[k][j] * z[j];
            }
            scores[k] = s;
        }
        return scores;
    }

    /** The kept components v_k as rows of unit length, components × bins; a copy. */
    public double[][] components() {
        double[][] copy = new double[components.length][];
        for (int k = 0; k < components.length; k++) {
            copy[k] = components[k].clone();
        }
        return copy;
    }

    /** The variance s_k²/(n − 1) of the training scores on each kept component; a copy. */
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** The share of the total variance that each kept component explains. */
    public double[] explainedVarianceRatio() {
        double[] ratio = new double[explainedVariance.length];
        for (int k = 0; k < ratio.length; k++) {
            ratio[k] = explainedVariance[k] / totalVariance;
        }
        return ratio;
    }

    /**
     * The total variance of the standardised training spectra, Σ s²/(n − 1): the number of bins
     * that vary, since each is scaled to unit variance.
     */
    public double totalVariance() {
        return totalVariance;
    }

    LogCountScaling scaling() {
        return scaling;
    }

    @Override
    public String toString() {
        return "PrincipalComponents[" + inputSize() + " bins → " + outputSize() + " components]";
    }
}
