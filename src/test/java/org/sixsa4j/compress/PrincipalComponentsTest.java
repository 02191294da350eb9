package org.sixsa4j.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrincipalComponentsTest {

    private static final int BINS = 24;
    private static final int SPECTRA = 2000;
    private static final double[] SIGNAL_SCALES = {3, 2, 1.2};
    private static final double NOISE = 0.3;
    private static final double LOG_LEVEL = 12;

    /**
     * Spectra whose log1p counts are a constant level plus a rank-3 signal Σ_k z_k a_k (z ~ N(0, I),
     * a_k random directions scaled by 3, 2, 1.2) plus white noise of σ = 0.3. Their population
     * covariance is AᵀA + σ²I, so the standardised data have the population correlation matrix
     * R = D^(-1/2)(AᵀA + σ²I)D^(-1/2), whose eigen-decomposition is the exact answer that the
     * sample PCA estimates.
     */
    private record LowRank(double[][] counts, DMatrixRMaj correlation) {

        static LowRank draw(long seed) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            int rank = SIGNAL_SCALES.length;
            DMatrixRMaj a = new DMatrixRMaj(rank, BINS);
            for (int k = 0; k < rank; k++) {
                for (int j = 0; j < BINS; j++) {
                    a.set(k, j, SIGNAL_SCALES[k] * gauss.sample() / Math.sqrt(BINS));
                }
            }
            double[][] counts = new double[SPECTRA][BINS];
            double[] z = new double[rank];
            for (double[] row : counts) {
                for (int k = 0; k < rank; k++) {
                    z[k] = gauss.sample();
                }
                for (int j = 0; j < BINS; j++) {
                    double log = LOG_LEVEL + NOISE * gauss.sample();
                    for (int k = 0; k < rank; k++) {
                        log += z[k] * a.get(k, j);
                    }
                    row[j] = Math.expm1(log);
                }
            }
            DMatrixRMaj covariance = new DMatrixRMaj(BINS, BINS);
            CommonOps_DDRM.multTransA(a, a, covariance);
            for (int j = 0; j < BINS; j++) {
                covariance.add(j, j, NOISE * NOISE);
            }
            DMatrixRMaj correlation = new DMatrixRMaj(BINS, BINS);
            for (int i = 0; i < BINS; i++) {
                for (int j = 0; j < BINS; j++) {
                    correlation.set(i, j, covariance.get(i, j) / Math.sqrt(covariance.get(i, i) * covariance.get(j, j)));
                }
            }
            return new LowRank(counts, correlation);
        }
    }

    /** Eigenvalues (descending) and unit eigenvectors (rows) of a symmetric matrix, by EJML's symmetric solver. */
    private record Eigen(double[] values, double[][] vectors) {

        static Eigen of(DMatrixRMaj symmetric) {
            int n = symmetric.numRows;
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
            assertTrue(eig.decompose(symmetric.copy()));
            Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -eig.getEigenvalue(i).real));
            double[] values = new double[n];
            double[][] vectors = new double[n][];
            for (int k = 0; k < n; k++) {
                values[k] = eig.getEigenvalue(order[k]).real;
                vectors[k] = eig.getEigenVector(order[k]).data.clone();
            }
            return new Eigen(values, vectors);
        }

        double total() {
            return Arrays.stream(values).sum();
        }
    }

    /** The standardised log1p counts computed independently: the naive route to the same numbers. */
    private static DMatrixRMaj standardised(double[][] counts) {
        int n = counts.length;
        int bins = counts[0].length;
        DMatrixRMaj z = new DMatrixRMaj(n, bins);
        for (int j = 0; j < bins; j++) {
            double mean = 0;
            for (double[] row : counts) {
                mean += Math.log1p(row[j]);
            }
            mean /= n;
            double var = 0;
            for (double[] row : counts) {
                var += Math.pow(Math.log1p(row[j]) - mean, 2);
            }
            double sd = Math.sqrt(var / (n - 1));
            for (int i = 0; i < n; i++) {
                z.set(i, j, (Math.log1p(counts[i][j]) - mean) / sd);
            }
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * The kept components match the population's: with the variance fraction halfway between
     * what the first two and the first three population components explain, PCA keeps exactly 3;
     * each explained share is within 15 % of the population value, and each component lies within
     * about 11° (cosine 0.98) of the population eigenvector. The sampling error of an eigenvalue
     * share is about √(2/n) = 3.2 % relative for n = 2000, and that of an eigenvector's direction
     * about 2° for eigenvalues this far apart, so both bounds sit near five standard errors: a
     * false-failure rate below 1e-4 over the nine checks of a seed. Measured: shares within 6.5 %
     * (seed 13, third component; the others within 4 %), directions within 4°.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void keepsTheComponentsOfTheLowRankStructure(long seed) {
        LowRank data = LowRank.draw(seed);
        Eigen population = Eigen.of(data.correlation());
        double total = population.total();
        double two = (population.values()[0] + population.values()[1]) / total;
        double three = two + population.values()[2] / total;
        assertTrue(three - two > 0.1, "seed " + seed + ": the third component is too weak for this test: " + (three - two));

        PrincipalComponents pca = PrincipalComponents.fit(data.counts(), PcaSettings.defaults().withVarianceFraction((two + three) / 2));

        assertEquals(3, pca.outputSize(), "seed " + seed);
        assertEquals(BINS, pca.totalVariance(), 1e-9, "every bin varies, so the total variance is the number of bins");
        double[] ratio = pca.explainedVarianceRatio();
        double[][] components = pca.components();
        for (int k = 0; k < 3; k++) {
            double expected = population.values()[k] / total;
            assertEquals(expected, ratio[k], 0.15 * expected, "seed " + seed + ": share of component " + (k + 1));
            assertTrue(Math.abs(dot(components[k], population.vectors()[k])) > 0.98,
                    "seed " + seed + ": component " + (k + 1) + " is off the population eigenvector");
        }
    }

    /**
     * On the same sample, the SVD route agrees with a naive eigen-decomposition of the sample
     * correlation matrix ZᵀZ/(n − 1): same variances, same components up to sign, and the same
     * number kept for each fraction and cap (to rounding, as nothing is random here).
     */
    @ParameterizedTest
    @CsvSource({"0.3, 64", "0.6, 64", "0.9, 64", "0.99, 64", "1.0, 64", "0.99, 2", "1.0, 10"})
    void agreesWithTheCovarianceEigenDecomposition(double fraction, int cap) {
        LowRank data = LowRank.draw(21);
        DMatrixRMaj z = standardised(data.counts());
        DMatrixRMaj covariance = new DMatrixRMaj(BINS, BINS);
        CommonOps_DDRM.multTransA(z, z, covariance);
        CommonOps_DDRM.scale(1.0 / (SPECTRA - 1), covariance);
        Eigen naive = Eigen.of(covariance);
        int expectedKept = 0;
        double explained = 0;
        while (explained < fraction * naive.total() * (1 - 1e-12)) {
            explained += naive.values()[expectedKept++];
        }
        expectedKept = Math.min(expectedKept, cap);

        PrincipalComponents pca = PrincipalComponents.fit(data.counts(),
                PcaSettings.defaults().withVarianceFraction(fraction).withMaxComponents(cap));

        assertEquals(expectedKept, pca.outputSize(), "fraction " + fraction + ", cap " + cap);
        double[] variance = pca.explainedVariance();
        double[][] components = pca.components();
        for (int k = 0; k < expectedKept; k++) {
            assertEquals(naive.values()[k], variance[k], 1e-9 * naive.values()[0], "variance of component " + (k + 1));
            assertEquals(1, Math.abs(dot(components[k], naive.vectors()[k])), 1e-6, "direction of component " + (k + 1));
        }
    }

    /** The features of a training spectrum are row i of U S, the SVD's own scores, up to each component's sign. */
    @Test
    void trainingProjectionsAreTheSvdScores() {
        LowRank data = LowRank.draw(31);
        DMatrixRMaj z = standardised(data.counts());
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(SPECTRA, BINS, true, true, true);
        assertTrue(svd.decompose(z.copy()));
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] s = svd.getSingularValues();
        Integer[] order = IntStream.range(0, s.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -s[i]));

        PrincipalComponents pca = PrincipalComponents.fit(data.counts(), PcaSettings.defaults().withMaxComponents(5));
        double[][] components = pca.components();
        double[][] scores = pca.compress(data.counts());
        for (int k = 0; k < pca.outputSize(); k++) {
            int column = order[k];
            double[] svdDirection = new double[BINS];
            for (int j = 0; j < BINS; j++) {
                svdDirection[j] = v.get(j, column);
            }
            double sign = Math.signum(dot(components[k], svdDirection));
            for (int i = 0; i < SPECTRA; i++) {
                double expected = sign * u.get(i, column) * s[column];
                assertEquals(expected, scores[i][k], 1e-9 * s[column], "spectrum " + i + ", component " + (k + 1));
            }
        }
    }

    /** Each component's largest loading is positive, so refitting on reordered spectra gives the same features. */
    @Test
    void signsAndFeaturesDoNotDependOnTheOrderOfSpectra() {
        double[][] counts = LowRank.draw(41).counts();
        double[][] reversed = counts.clone();
        Collections.reverse(Arrays.asList(reversed));
        PrincipalComponents pca = PrincipalComponents.fit(counts, PcaSettings.defaults().withMaxComponents(4));
        PrincipalComponents again = PrincipalComponents.fit(reversed, PcaSettings.defaults().withMaxComponents(4));
        for (double[] v : pca.components()) {
            double largest = Arrays.stream(v).map(Math::abs).max().orElseThrow();
            assertTrue(Arrays.stream(v).anyMatch(x -> x == largest), "the largest loading must be positive");
        }
        double[] a = pca.compress(counts[7]);
        double[] b = again.compress(counts[7]);
        assertArrayEquals(a, b, 1e-9);
        assertArrayEquals(pca.compress(counts)[7], a, 0.0, "the batch is the row-by-row result");
        assertEquals(List.of("PC1", "PC2", "PC3", "PC4"), pca.names());
    }

    /** A bin empty in every training spectrum is centred and left unscaled, so a count there later stays finite. */
    @Test
    void constantBinIsGuarded() {
        double[][] counts = LowRank.draw(51).counts();
        for (double[] row : counts) {
            row[3] = 0;
        }
        PrincipalComponents pca = PrincipalComponents.fit(counts, PcaSettings.defaults());
        assertEquals(BINS - 1, pca.totalVariance(), 1e-9);
        double[] spectrum = counts[0].clone();
        spectrum[3] = 10;
        assertTrue(Arrays.stream(pca.compress(spectrum)).allMatch(Double::isFinite));
    }

    @Test
    void badSettingsAndSpectraAreRejectedWithTheirName() {
        String fraction = assertThrows(IllegalArgumentException.class, () -> PcaSettings.defaults().withVarianceFraction(1.5)).getMessage();
        assertTrue(fraction.contains("variance fraction"), fraction);
        assertThrows(IllegalArgumentException.class, () -> PcaSettings.defaults().withVarianceFraction(0));
        assertThrows(IllegalArgumentException.class, () -> PcaSettings.defaults().withVarianceFraction(Double.NaN));
        String max = assertThrows(IllegalArgumentException.class, () -> PcaSettings.defaults().withMaxComponents(0)).getMessage();
        assertTrue(max.contains("max components"), max);

        PcaSettings settings = PcaSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> PrincipalComponents.fit(new double[][] {{1, 2}}, settings));
        String ragged = assertThrows(IllegalArgumentException.class,
                () -> PrincipalComponents.fit(new double[][] {{1, 2}, {1, 2, 3}}, settings)).getMessage();
        assertTrue(ragged.contains("spectrum 1"), ragged);
        String negative = assertThrows(IllegalArgumentException.class,
                () -> PrincipalComponents.fit(new double[][] {{1, 2}, {1, -2}}, settings)).getMessage();
        assertTrue(negative.contains("spectrum 1 bin 1"), negative);
        assertThrows(IllegalArgumentException.class, () -> PrincipalComponents.fit(new double[][] {{1, 2}, {1, 2}}, settings));
        PrincipalComponents pca = PrincipalComponents.fit(new double[][] {{1, 2}, {3, 1}, {0, 5}}, settings);
        assertThrows(IllegalArgumentException.class, () -> pca.compress(new double[3]));
    }
}
