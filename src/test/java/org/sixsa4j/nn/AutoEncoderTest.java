package org.sixsa4j.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.nn.optim.Adam;

class AutoEncoderTest {

    private static final int DIMENSION = 20;
    private static final int RANK = 3;
    private static final double NOISE = 0.05;

    /**
     * Data on a random 3-D subspace of R²⁰ plus Gaussian noise of σ = 0.05, reconstructed
     * through a 3-wide bottleneck. Against the noisy inputs, the best reconstruction is the
     * projection onto the subspace, which keeps the noise inside it and misses the noise off it:
     * an MSE floor of σ²·17/20 = 0.85σ² per element. A network that has not found the subspace
     * stays near the signal variance (≈ 0.75, 300σ²). Measured: 0.97σ² for both seeds. The test
     * asks for below 1.25σ², and above 0.8σ², which no correct implementation can beat on fresh
     * data: the MSE of 40 000 elements scatters by about 0.8 % (so the false-failure rate of that
     * bound is far below 1e-9).
     */
    @ParameterizedTest
    @ValueSource(longs = {51, 52})
    void reconstructionReachesNoiseFloor(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] basis = new double[DIMENSION][RANK];
        for (double[] row : basis) {
            for (int k = 0; k < RANK; k++) {
                row[k] = 0.5 * gauss.sample();
            }
        }
        FMatrixRMaj train = sample(4000, basis, gauss);
        Sequential autoEncoder = Mlp.builder(DIMENSION, 64, RANK, 64, DIMENSION).activation(Activation.GELU).build(rng);
        Adam adam = Adam.builder(autoEncoder.parameters()).learningRate(3e-3).build();
        TrainingHistory history = Trainer.builder(autoEncoder, adam, Trainer.LossFunction.meanSquaredError(autoEncoder))
                .batchSize(64).maxEpochs(60).patience(8).seed(seed).build()
                .fit(train, train);

        FMatrixRMaj test = sample(2000, basis, gauss);
        double mse = MlpRegressionTest.meanSquaredError(autoEncoder, test, test);
        double noiseVariance = NOISE * NOISE;
        assertTrue(mse < 1.25 * noiseVariance, "seed " + seed + ": MSE " + mse + " = " + mse / noiseVariance
                + " σ² after " + history.epochs() + " epochs");
        assertTrue(mse > 0.8 * noiseVariance, "seed " + seed + ": MSE " + mse + " is below what the noise allows");
    }

    private static FMatrixRMaj sample(int n, double[][] basis, ZigguratSampler.NormalizedGaussian gauss) {
        FMatrixRMaj x = new FMatrixRMaj(n, DIMENSION);
        double[] z = new double[RANK];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < RANK; k++) {
                z[k] = gauss.sample();
            }
            for (int j = 0; j < DIMENSION; j++) {
                double signal = 0;
                for (int k = 0; k < RANK; k++) {
                    signal += basis[j][k] * z[k];
                }
                x.set(i, j, (float) (signal + NOISE * gauss.sample()));
            }
        }
        return x;
    }
}
