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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.Priors;

class PriorRestrictionTest {
    private static final JointPrior CUBE = ClassifierRestrictedPriorTest.cube(Priors.uniform(-1, 1));
    private static final ValidityCriterion FIRST_NON_NEGATIVE = ValidityCriterion.of(theta -> theta[0] >= 0);

    /**
     * The acceptance test of the issue: on U(−1, 1)³, invalid where θ₀ &lt; 0, at least 99 % of
     * the restricted prior's draws are valid, and no valid region is lost: of 20 000 uniform
     * points of the valid half away from the boundary (θ₀ ≥ 0.05), none is rejected, the
     * allowance being 0. On seeds 1–6 the valid share measured 0.9965–0.9986 (standard error
     * 0.0004 for 20 000 draws) and no point with θ₀ ≥ 0.02 was rejected, so the bounds leave
     * room for ordinary variation between seeds. Tagged acceptance: it trains two or three networks,
     * which the scalar-kernel run would repeat at several times the cost for nothing kernel-specific.
     */
    @Tag("acceptance")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void restrictedPriorIsValidWithoutLosingValidRegion(long seed) {
        List<RestrictionRound> reported = new ArrayList<>();
        RestrictionResult result = PriorRestriction.builder(CUBE, FIRST_NON_NEGATIVE).simulationsPerRound(2000).maxRounds(4)
                .targetValidFraction(0.99).seed(seed).listener(new RestrictionListener() {
                    @Override
                    public void roundFinished(RestrictionRound round) {
                        reported.add(round);
                    }
                }).build().run();
        assertEquals(result.rounds(), reported);
        RestrictionRound first = result.rounds().get(0);
        assertEquals(2000, first.simulations());
        assertEquals(0.5, first.validFraction(), 0.05, "round 1 draws from the prior: " + first);

        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 1000);
        double[][] draws = result.restrictedPrior().sample(20_000, rng);
        int valid = 0;
        for (double[] d : draws) {
            valid += d[0] >= 0 ? 1 : 0;
        }
        assertTrue(valid >= 0.99 * draws.length, "seed " + seed + ": " + valid + " of " + draws.length + " valid; " + result.rounds());

        double[][] validRegion = RestrictionClassifierTest.uniformCube(20_000, rng);
        for (double[] row : validRegion) {
            row[0] = 0.05 + 0.95 * (row[0] + 1) / 2;
        }
        int rejected = 0;
        for (boolean a : result.classifier().accepts(validRegion)) {
            rejected += a ? 0 : 1;
        }
        double allowance = result.classifier().settings().allowedFalseNegatives();
        assertTrue(rejected <= allowance * validRegion.length, "seed " + seed + ": " + rejected + " valid points rejected; " + result.rounds());
    }

    @Test
    void runIsRepeatableAndIndependentOfTheThreadCount() {
        RestrictionResult one = smallRun(1, FIRST_NON_NEGATIVE);
        RestrictionResult two = smallRun(2, FIRST_NON_NEGATIVE);
        assertEquals(one.rounds(), two.rounds());
        double[][] a = one.restrictedPrior().sample(500, RandomSource.XO_RO_SHI_RO_128_PP.create(3));
        double[][] b = two.restrictedPrior().sample(500, RandomSource.XO_RO_SHI_RO_128_PP.create(3));
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i]);
        }
    }

    @Test
    void criterionSeesRunWideSimulationIndices() {
        List<Long> firstIndices = new ArrayList<>();
        RestrictionResult result = smallRun(1, (thetas, firstIndex) -> {
            firstIndices.add(firstIndex);
            return FIRST_NON_NEGATIVE.labels(thetas, firstIndex);
        });
        assertEquals(List.of(0L, 300L), firstIndices);
        assertEquals(2, result.rounds().size());
        assertFalse(result.reachedTarget());
        RestrictionRound last = result.lastRound();
        assertEquals(600, last.totalSimulations());
        assertEquals(result.rounds().get(0).valid() + last.valid(), last.totalValid());
        // Round 2 draws from the round-1 restricted prior, so it is richer in valid simulations.
        assertTrue(last.validFraction() > result.rounds().get(0).validFraction() + 0.2, result.rounds().toString());
    }

    /** 300 simulations a round, 2 rounds, an unreachable target and short training: a cheap run. */
    private static RestrictionResult smallRun(int threads, ValidityCriterion criterion) {
        return PriorRestriction.builder(CUBE, criterion).simulationsPerRound(300).maxRounds(2).targetValidFraction(1)
                .classifier(ClassifierSettings.builder().maxEpochs(30).threads(threads).build()).acceptanceDraws(10_000).seed(42).build()
                .run();
    }

    @Test
    void aCriterionThatRejectsEverythingStopsTheRunWithOneLine() {
        PriorRestriction run = PriorRestriction.builder(CUBE, ValidityCriterion.of(theta -> false)).simulationsPerRound(100).build();
        assertEquals("round 1: the criterion marked 0 of 100 simulations valid; the restriction classifier needs at least 2:"
                + " loosen the criterion or run more simulations per round",
                assertThrows(IllegalStateException.class, run::run).getMessage());
        PriorRestriction wrong = PriorRestriction.builder(CUBE, (thetas, first) -> new boolean[3]).simulationsPerRound(100).build();
        assertEquals("round 1: the criterion returned 3 labels for 100 parameter vectors",
                assertThrows(IllegalStateException.class, wrong::run).getMessage());
    }

    @Test
    void badOptionsAreRefusedWithOneLine() {
        PriorRestriction.Builder b = PriorRestriction.builder(CUBE, FIRST_NON_NEGATIVE);
        assertEquals("target valid fraction must be in (0, 1], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> b.targetValidFraction(0)).getMessage());
        assertEquals("simulations per round must be >= 20, got 10",
                assertThrows(IllegalArgumentException.class, () -> b.simulationsPerRound(10)).getMessage());
        assertEquals("max rounds must be >= 1, got 0", assertThrows(IllegalArgumentException.class, () -> b.maxRounds(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.targetValidFraction(1.5));
        assertThrows(IllegalArgumentException.class, () -> b.acceptanceDraws(0));
    }
}
