package org.sixsa4j.sbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.model.GaussLegendre;
import org.sixsa4j.model.Model;

class PriorsTest {
    private static final List<String> EXAMPLES = List.of("uniform(0, 0.5)", "loguniform(1e-5, 1e-2)", "normal(1.7, 0.3)",
            "truncnormal(0.2, 0.5, 0, 1)", "truncnormal(-3, 1, 2, 4)");

    @ParameterizedTest
    @ValueSource(strings = {"uniform(0, 0.5)", "loguniform(1e-5, 1e-2)", "normal(1.7, 0.3)", "truncnormal(0.2, 0.5, 0, 1)", "truncnormal(-3, 1, 2, 4)"})
    void densitiesIntegrateToOneAndQuantilesInvertTheIntegral(String text) {
        Prior p = Priors.parse(text);
        double lo = Double.isInfinite(p.lower()) ? p.quantile(1e-12) : p.lower();
        double hi = Double.isInfinite(p.upper()) ? p.quantile(1 - 1e-12) : p.upper();
        // Integrate in log x for the log-uniform prior, whose density spans decades.
        boolean log = text.startsWith("loguniform");
        double total = log
                ? GaussLegendre.integrate(t -> Math.exp(p.logDensity(Math.exp(t)) + t), Math.log(lo), Math.log(hi), 20, 50)
                : GaussLegendre.integrate(x -> Math.exp(p.logDensity(x)), lo, hi, 20, 50);
        assertEquals(1.0, total, 1e-9, text);
        for (double u : new double[] {0.01, 0.3, 0.5, 0.77, 0.99}) {
            double x = p.quantile(u);
            double cdf = log
                    ? GaussLegendre.integrate(t -> Math.exp(p.logDensity(Math.exp(t)) + t), Math.log(lo), Math.log(x), 20, 20)
                    : GaussLegendre.integrate(y -> Math.exp(p.logDensity(y)), lo, x, 20, 20);
            assertEquals(u, cdf, 1e-8, text + " quantile(" + u + ")");
            assertEquals(cdf, p.cdf(x), 1e-8, text + " cdf at quantile(" + u + ")");
        }
        assertEquals(0, p.cdf(lo - 1), 1e-12);
        assertEquals(1, p.cdf(hi + 1), 1e-12);
        Prior back = Priors.parse(p.describe());
        for (double u : new double[] {0.1, 0.5, 0.9}) {
            assertEquals(p.quantile(u), back.quantile(u), 1e-12 * Math.abs(p.quantile(u)), "describe() reads back as the same prior: " + p.describe());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void drawsHaveTheMeanOfTheDensity(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (String text : EXAMPLES) {
            Prior p = Priors.parse(text);
            double lo = Double.isInfinite(p.lower()) ? p.quantile(1e-12) : p.lower();
            double hi = Double.isInfinite(p.upper()) ? p.quantile(1 - 1e-12) : p.upper();
            double mean = GaussLegendre.integrate(x -> x * Math.exp(p.logDensity(x)), lo, hi, 20, 200);
            double second = GaussLegendre.integrate(x -> x * x * Math.exp(p.logDensity(x)), lo, hi, 20, 200);
            double sd = Math.sqrt(second - mean * mean);
            int n = 20_000;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double x = p.sample(rng);
                assertTrue(p.inSupport(x), text + " drew " + x);
                sum += x;
            }
            // 5.3 standard errors: a 1e-7 false-failure rate per assertion.
            assertEquals(mean, sum / n, 5.3 * sd / Math.sqrt(n), text + " seed " + seed);
        }
    }

    @Test
    void malformedPriorsSayWhatWasExpected() {
        for (String bad : new String[] {"uniform(1, 0)", "loguniform(0, 1)", "normal(0, -1)", "gamma(1, 2)", "uniform(1)", "uniform(a, b)", "uniform 0 1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Priors.parse(bad), bad);
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void aJointPriorForAModelNeedsOnePriorPerFreeParameterInsideItsLimits() {
        Model m = Model.parse("tbabs*powerlaw").freeze("powerlaw.norm");
        Map<String, Prior> priors = new LinkedHashMap<>();
        priors.put("PhoIndex", Priors.uniform(0, 5));
        priors.put("tbabs.nH", Priors.uniform(0, 0.5));
        JointPrior joint = JointPrior.forModel(m, priors);
        assertEquals(List.of("tbabs.nH", "powerlaw.PhoIndex"), joint.names(), "the model's free-parameter order");
        assertEquals(-Math.log(0.5) - Math.log(5), joint.logDensity(new double[] {0.1, 2}), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, joint.logDensity(new double[] {0.6, 2}));
        double[] theta = new double[2];
        joint.fromUnitCube(new double[] {0.5, 0.2}, theta);
        assertEquals(0.25, theta[0], 1e-15);
        assertEquals(1.0, theta[1], 1e-15);

        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> JointPrior.forModel(m, Map.of("tbabs.nH", Priors.uniform(0, 1))));
        assertTrue(missing.getMessage().contains("powerlaw.PhoIndex") && missing.getMessage().contains("missing"), missing.getMessage());
        InvalidInputException frozen = assertThrows(InvalidInputException.class, () -> JointPrior.forModel(m,
                Map.of("tbabs.nH", Priors.uniform(0, 1), "PhoIndex", Priors.uniform(0, 5), "powerlaw.norm", Priors.logUniform(1e-5, 1))));
        assertTrue(frozen.getMessage().contains("frozen"), frozen.getMessage());
        InvalidInputException outside = assertThrows(InvalidInputException.class, () -> JointPrior.forModel(m,
                Map.of("tbabs.nH", Priors.uniform(-1, 1), "PhoIndex", Priors.uniform(0, 5))));
        assertTrue(outside.getMessage().contains("limits"), outside.getMessage());
    }
}
