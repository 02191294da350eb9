package org.sixsa4j.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.autodiff.Tensor;
import org.sixsa4j.stat.CStat;

class SpectralAutoEncoderTest {

    /** A small auto-encoder for 100 bins: latent 8, hidden widths 50, 25, 12 (the default halving), batches of 64. */
    static final AutoEncoderSettings SMALL = AutoEncoderSettings.defaults().withLatentSize(8).withBatchSize(64);

    /**
     * Trained on 600 power-law spectra and judged on 300 others (see {@link PowerLawSpectra}).
     *
     * <p>Reconstruction: the held-out mean C-stat must be below a tenth of that of the trivial
     * reconstruction, the training mean spectrum, and below 1.5 times that of the true expected
     * counts, which no reconstruction can beat by more than the few degrees of freedom the
     * latent vector could spend on noise. Measured: 115 and 118 (on either kernel path), against 2995 and 2991 for the
     * mean spectrum (a bound of 299) and 102 for the truth (a bound of 153): the excess over the
     * truth, 13 to 17, is a third of the 51 allowed.
     *
     * <p>Information: a linear regression of (Γ, log norm) on the latent vector, fitted on the
     * training spectra, must reach R² &gt; 0.9 for each on the held-out ones. Both parameters
     * move the log spectrum linearly, so a latent vector that keeps them gives a nearly linear
     * read-out; one that lost either would give R² near 0. Measured: R² ≥ 0.990, an unexplained
     * share ten times smaller than the bound allows.
     *
     * <p>Training is deterministic for a seed, so the test is too; the margins are there so that
     * a sound change of the training path (another seed, another batch order) still passes.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void reconstructsHeldOutSpectraAndKeepsTheirParameters(long seed) {
        PowerLawSpectra train = PowerLawSpectra.draw(600, seed);
        PowerLawSpectra test = PowerLawSpectra.draw(300, seed + 100);
        SpectralAutoEncoder ae = SpectralAutoEncoder.fit(train.counts(), SMALL.withSeed(seed));

        double[] meanSpectrum = new double[PowerLawSpectra.BINS];
        for (double[] row : train.counts()) {
            for (int j = 0; j < row.length; j++) {
                meanSpectrum[j] += row[j] / train.counts().length;
            }
        }
        double[][] reconstructed = ae.reconstruct(test.counts());
        double autoEncoder = 0;
        double trivial = 0;
        double truth = 0;
        for (int i = 0; i < reconstructed.length; i++) {
            assertTrue(Arrays.stream(reconstructed[i]).allMatch(mu -> mu >= 0.99e-6 && Double.isFinite(mu)), "seed " + seed);
            autoEncoder += CStat.value(test.counts()[i], reconstructed[i]) / reconstructed.length;
            trivial += CStat.value(test.counts()[i], meanSpectrum) / reconstructed.length;
            truth += CStat.value(test.counts()[i], test.expected()[i]) / reconstructed.length;
        }
        String context = "seed " + seed + ": mean C-stat " + autoEncoder + ", mean spectrum " + trivial + ", truth " + truth
                + " after " + ae.history().orElseThrow().epochs() + " epochs";
        assertTrue(autoEncoder < 0.1 * trivial, context);
        assertTrue(autoEncoder < 1.5 * truth, context);

        double[] r2 = rSquared(ae.compress(train.counts()), train.parameters(), ae.compress(test.counts()), test.parameters());
        assertTrue(r2[0] > 0.9 && r2[1] > 0.9, "seed " + seed + ": R² of (Γ, log norm) from the latent vector " + Arrays.toString(r2));
        assertEquals(8, ae.outputSize());
        assertEquals(List.of("latent1", "latent2", "latent3", "latent4", "latent5", "latent6", "latent7", "latent8"), ae.names());
    }

    /**
     * The same seed gives the same network bit for bit, on one thread or two; a batch gives the
     * row-by-row values. The hidden layer of 512 makes the products (128 × 100 × 512) large enough
     * for the tape to split them between the threads.
     */
    @Test
    void deterministicForASeedWhateverTheThreads() {
        double[][] counts = PowerLawSpectra.draw(200, 7).counts();
        AutoEncoderSettings quick = SMALL.withHiddenWidths(512).withBatchSize(128).withMaxEpochs(2).withSeed(7);
        SpectralAutoEncoder one = SpectralAutoEncoder.fit(counts, quick);
        SpectralAutoEncoder two = SpectralAutoEncoder.fit(counts, quick.withThreads(2));
        SpectralAutoEncoder other = SpectralAutoEncoder.fit(counts, quick.withSeed(8));
        double[][] z = one.compress(counts);
        double[][] z2 = two.compress(counts);
        for (int i = 0; i < counts.length; i++) {
            assertArrayEquals(z[i], z2[i], 0.0, "spectrum " + i);
        }
        assertArrayEquals(z[5], one.compress(counts[5]), 0.0);
        assertEquals(one.history().orElseThrow().validationLoss(), two.history().orElseThrow().validationLoss());
        assertFalse(Arrays.equals(z[5], other.compress(counts[5])), "another seed gives another network");
    }

    /**
     * The loss on the tape is the C-stat of {@link CStat}, averaged over spectra, and its
     * gradient with respect to μ is 2(1 − n/μ)/rows, including 2/rows where n = 0. The tape works
     * in float: ln n and ln μ each carry about 1e-7 of their size, which n multiplies, so the
     * value is compared to 1e-6 Σ n (measured error 8e-6, on 272 counts).
     */
    @Test
    void lossIsTheMeanCStatWithItsGradient() {
        double[][] n = {{0, 3, 10, 0.5}, {7, 0, 1, 250}};
        double[][] mu = {{0.2, 2.5, 12, 0.5}, {6, 1e-6, 3, 240}};
        FMatrixRMaj modelValues = new FMatrixRMaj(2, 4);
        FMatrixRMaj countValues = new FMatrixRMaj(2, 4);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                modelValues.set(i, j, (float) mu[i][j]);
                countValues.set(i, j, (float) n[i][j]);
            }
        }
        Tensor model = Tensor.parameter(modelValues);
        try (Tape tape = Tape.create()) {
            Tensor loss = CStatLoss.mean(tape, model, tape.constant(countValues));
            double expected = (CStat.value(n[0], mu[0]) + CStat.value(n[1], mu[1])) / 2;
            assertEquals(expected, loss.value().get(0, 0), 1e-6 * (Arrays.stream(n[0]).sum() + Arrays.stream(n[1]).sum()));
            tape.backward(loss);
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                double expected = 2 * (1 - n[i][j] / mu[i][j]) / 2;
                assertEquals(expected, model.grad().get(i, j), 1e-5 * Math.max(1, Math.abs(expected)), "(" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void defaultHiddenWidthsHalveTowardsTheLatentVector() {
        assertArrayEquals(new int[] {50, 25, 12}, SMALL.hiddenWidths(100));
        assertArrayEquals(new int[] {1480, 740, 370}, AutoEncoderSettings.defaults().hiddenWidths(2961));
        assertArrayEquals(new int[] {64, 64, 64}, AutoEncoderSettings.defaults().hiddenWidths(100));
        assertArrayEquals(new int[] {30}, AutoEncoderSettings.defaults().withHiddenWidths(30).hiddenWidths(100));
    }

    @Test
    void badSettingsAndSpectraAreRejectedWithTheirName() {
        AutoEncoderSettings d = AutoEncoderSettings.defaults();
        assertMessage(() -> d.withLatentSize(0), "latent size");
        assertMessage(() -> d.withHiddenWidths(10, 0), "hidden widths");
        assertMessage(() -> d.withBatchSize(1), "batch size");
        assertMessage(() -> d.withLearningRate(0), "learning rate");
        assertMessage(() -> d.withWeightDecay(-1), "weight decay");
        assertMessage(() -> d.withValidationFraction(1), "validation fraction");
        assertMessage(() -> d.withPatience(0), "patience");
        assertMessage(() -> d.withMinDelta(Double.NaN), "min delta");
        assertMessage(() -> d.withMaxEpochs(0), "max epochs");
        assertMessage(() -> d.withClipNorm(-1), "clip norm");
        assertMessage(() -> d.withThreads(0), "threads");
        assertMessage(() -> SpectralAutoEncoder.fit(new double[][] {{1, 2}}, SMALL), "2 training spectra");
        SpectralAutoEncoder ae = SpectralAutoEncoder.fit(PowerLawSpectra.draw(20, 3).counts(), SMALL.withMaxEpochs(1));
        assertMessage(() -> ae.compress(new double[99]), "100 bins");
    }

    private static void assertMessage(Executable call, String expected) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(message.contains(expected), message);
    }

    /** R² on held-out rows of a least-squares linear regression (with intercept) of each target on the features. */
    static double[] rSquared(double[][] trainX, double[][] trainY, double[][] testX, double[][] testY) {
        DMatrixRMaj design = design(trainX);
        DMatrixRMaj targets = new DMatrixRMaj(trainY);
        DMatrixRMaj coefficients = new DMatrixRMaj(design.numCols, targets.numCols);
        assertTrue(CommonOps_DDRM.solve(design, targets, coefficients));
        DMatrixRMaj predicted = new DMatrixRMaj(testX.length, targets.numCols);
        CommonOps_DDRM.mult(design(testX), coefficients, predicted);
        double[] r2 = new double[targets.numCols];
        for (int k = 0; k < r2.length; k++) {
            double mean = 0;
            for (double[] y : testY) {
                mean += y[k] / testY.length;
            }
            double residual = 0;
            double total = 0;
            for (int i = 0; i < testY.length; i++) {
                residual += Math.pow(testY[i][k] - predicted.get(i, k), 2);
                total += Math.pow(testY[i][k] - mean, 2);
            }
            r2[k] = 1 - residual / total;
        }
        return r2;
    }

    private static DMatrixRMaj design(double[][] x) {
        DMatrixRMaj d = new DMatrixRMaj(x.length, x[0].length + 1);
        for (int i = 0; i < x.length; i++) {
            d.set(i, 0, 1);
            for (int k = 0; k < x[i].length; k++) {
                d.set(i, k + 1, x[i][k]);
            }
        }
        return d;
    }
}
