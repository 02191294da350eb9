package org.sixsa4j.sbi.restriction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.Prior;
import org.sixsa4j.sbi.Priors;

class ClassifierRestrictedPriorTest {
    private static final JointPrior CUBE = cube(Priors.uniform(-1, 1));
    private static RestrictionClassifier classifier;

    static JointPrior cube(Prior first) {
        return JointPrior.of(List.of("a", "b", "c"), List.of(first, Priors.uniform(-1, 1), Priors.uniform(-1, 1)));
    }

    /** One classifier, trained once on 2000 prior draws labelled valid where θ₀ ≥ 0; 100 epochs at most, to stay quick on scalar kernels. */
    @BeforeAll
    static void train() {
        double[][] thetas = CUBE.sample(2000, RandomSource.XO_RO_SHI_RO_128_PP.create(5));
        classifier = RestrictionClassifier.train(thetas, RestrictionClassifierTest.firstNonNegative(thetas),
                ClassifierSettings.builder().maxEpochs(100).build(), 17);
    }

    /**
     * ∫ p<sub>r</sub> = 8 · E<sub>U(−1,1)³</sub>[p<sub>r</sub>], estimated from 200 000 uniform
     * points. With α ≈ 0.5, the relative standard errors are √((1 − α)/(α N)): 0.0032 for the
     * acceptance estimate (N = 100 000) and 0.0022 for the test's own (N = 200 000), 0.0039 in
     * all, so the tolerance 0.015 is 3.8 σ, a false-failure rate near 1.3e-4.
     */
    @Test
    void densityIntegratesToOneAndIsZeroWhereRejected() {
        ClassifierRestrictedPrior restricted = ClassifierRestrictedPrior.of(CUBE, classifier, 99);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(123);
        double[][] points = RestrictionClassifierTest.uniformCube(200_000, rng);
        double[] logDensity = restricted.logDensity(points);
        boolean[] accepted = classifier.accepts(points);
        double sum = 0;
        int acceptedDeepInTheInvalidHalf = 0;
        for (int i = 0; i < points.length; i++) {
            if (!accepted[i]) {
                assertEquals(Double.NEGATIVE_INFINITY, logDensity[i], "rejected point must have no density");
            } else {
                assertEquals(CUBE.logDensity(points[i]) - Math.log(restricted.acceptanceRate()), logDensity[i], 1e-12);
            }
            if (points[i][0] < -0.1 && accepted[i]) {
                acceptedDeepInTheInvalidHalf++;
            }
            sum += Math.exp(logDensity[i]);
        }
        assertEquals(1.0, 8 * sum / points.length, 0.015);
        assertEquals(0, acceptedDeepInTheInvalidHalf);
        // The one-point form agrees with the batch form, and outside the prior's support there is no mass.
        for (int i = 0; i < 100; i++) {
            assertEquals(logDensity[i], restricted.logDensity(points[i]));
        }
        assertEquals(Double.NEGATIVE_INFINITY, restricted.logDensity(new double[] {0.5, 1.5, 0}));
        assertEquals(Double.NEGATIVE_INFINITY, restricted.logDensity(new double[] {-0.5, 0, 0}));
        assertEquals(0.5, restricted.acceptanceRate(), 0.03);
        assertTrue(restricted.acceptanceStandardError() < 0.002);
        assertEquals(100_000, restricted.acceptanceDraws());
        assertFalse(restricted.lowAcceptance());
    }

    @Test
    void samplesLieInTheAcceptedRegionAndDependOnlyOnTheStream() {
        ClassifierRestrictedPrior restricted = ClassifierRestrictedPrior.builder(CUBE, classifier).batchSize(777).acceptanceDraws(20_000)
                .seed(1).build();
        double[][] draws = restricted.sample(10_000, RandomSource.XO_RO_SHI_RO_128_PP.create(8));
        assertEquals(10_000, draws.length);
        double mean0 = 0;
        double mean1 = 0;
        for (boolean a : classifier.accepts(draws)) {
            assertTrue(a);
        }
        for (double[] d : draws) {
            mean0 += d[0] / draws.length;
            mean1 += d[1] / draws.length;
        }
        // θ₀ is uniform on about [0, 1] (mean 0.5, standard error 0.003), θ₁ on [−1, 1] (0 ± 0.006).
        assertEquals(0.5, mean0, 0.02);
        assertEquals(0, mean1, 0.02);
        // The batch size changes how many draws are made at a time, never which are kept.
        ClassifierRestrictedPrior other = ClassifierRestrictedPrior.builder(CUBE, classifier).batchSize(10_000).acceptanceDraws(20_000)
                .seed(1).build();
        double[][] again = other.sample(10_000, RandomSource.XO_RO_SHI_RO_128_PP.create(8));
        for (int i = 0; i < draws.length; i++) {
            assertArrayEquals(draws[i], again[i]);
        }
        assertEquals(0, restricted.sample(0, RandomSource.XO_RO_SHI_RO_128_PP.create(8)).length);
    }

    @Test
    void lowAcceptanceIsReportedToTheListener() {
        // θ₀ ~ N(−0.5, 0.2) truncated to [−1, 1]: P(θ₀ ≥ 0) ≈ 0.6 %, under the 1 % warning level.
        JointPrior narrow = cube(Priors.truncatedNormal(-0.5, 0.2, -1, 1));
        List<String> warnings = new ArrayList<>();
        ClassifierRestrictedPrior restricted = ClassifierRestrictedPrior.builder(narrow, classifier).acceptanceDraws(50_000).maxDraws(50_000)
                .listener(new RestrictionListener() {
                    @Override
                    public void warning(String message) {
                        warnings.add(message);
                    }
                }).build();
        assertTrue(restricted.lowAcceptance(), restricted.toString());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("the restricted prior accepts 0."), warnings.get(0));
    }

    @Test
    void drawsAreCappedWithAClearMessage() {
        ClassifierRestrictedPrior restricted = ClassifierRestrictedPrior.builder(CUBE, classifier).acceptanceDraws(1000).maxDraws(1000).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> restricted.sample(5000, RandomSource.XO_RO_SHI_RO_128_PP.create(1)));
        assertTrue(e.getMessage().contains("of 1000 prior draws (the cap, maxDraws) but 5000 samples were asked"), e.getMessage());

        JointPrior invalidOnly = cube(Priors.uniform(-1, -0.5));
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> ClassifierRestrictedPrior.builder(invalidOnly, classifier).acceptanceDraws(20_000).maxDraws(20_000).build());
        assertTrue(none.getMessage().startsWith("the restriction classifier accepts none of 20000 prior draws"), none.getMessage());
    }

    @Test
    void badOptionsAreRefusedWithOneLine() {
        JointPrior line = JointPrior.of(List.of("a"), List.of(Priors.uniform(0, 1)));
        assertEquals("the prior has dimension 1 but the classifier was trained on 3",
                assertThrows(IllegalArgumentException.class, () -> ClassifierRestrictedPrior.builder(line, classifier)).getMessage());
        ClassifierRestrictedPrior.Builder b = ClassifierRestrictedPrior.builder(CUBE, classifier);
        assertThrows(IllegalArgumentException.class, () -> b.batchSize(0));
        assertThrows(IllegalArgumentException.class, () -> b.acceptanceDraws(0));
        assertThrows(IllegalArgumentException.class, () -> b.maxDraws(0));
        assertEquals("max draws (10) must be >= acceptance-estimate draws (100)",
                assertThrows(IllegalArgumentException.class, () -> b.acceptanceDraws(100).maxDraws(10).build()).getMessage());
        ClassifierRestrictedPrior restricted = ClassifierRestrictedPrior.builder(CUBE, classifier).acceptanceDraws(1000).build();
        assertEquals("number of samples must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> restricted.sample(-1, RandomSource.XO_RO_SHI_RO_128_PP.create(1))).getMessage());
    }
}
