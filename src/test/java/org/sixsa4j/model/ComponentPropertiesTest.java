package org.sixsa4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every registered component must have, whatever its physics: finite values across
 * its hard limits, additive spectra linear in norm and additive over split bins, multiplicative
 * factors between 0 and 1 (every multiplicative component here describes absorption or a
 * cut-off, except {@code constant}, which may exceed 1).
 */
class ComponentPropertiesTest {
    private static final ModelSettings SETTINGS = ModelSettings.xspecDefaults();

    static Stream<Arguments> componentsAndSeeds() {
        return cases(false);
    }

    static Stream<Arguments> additiveComponentsAndSeeds() {
        return cases(true);
    }

    private static Stream<Arguments> cases(boolean additiveOnly) {
        List<Arguments> all = new ArrayList<>();
        for (ComponentType c : Components.all()) {
            if (additiveOnly && c.kind() != ComponentKind.ADDITIVE) {
                continue;
            }
            for (long seed = 1; seed <= 3; seed++) {
                all.add(Arguments.of(c.name(), seed));
            }
        }
        return all.stream();
    }

    /** Log-spaced contiguous bins from 0.05 to 50 keV, like a response's input grid, split at random widths. */
    static double[][] bins(UniformRandomProvider rng, int n) {
        double[] edges = new double[n + 1];
        edges[0] = 0.05;
        double step = Math.log(1000) / n;
        for (int i = 1; i <= n; i++) {
            edges[i] = edges[i - 1] * Math.exp(step * (0.5 + rng.nextDouble()));
        }
        double[] lo = java.util.Arrays.copyOf(edges, n);
        double[] hi = java.util.Arrays.copyOfRange(edges, 1, n + 1);
        return new double[][] {lo, hi};
    }

    /** A random parameter vector inside the hard limits; with {@code edge}, each parameter at a random hard limit. */
    static double[] parameters(ComponentType c, UniformRandomProvider rng, boolean edge) {
        List<ParameterInfo> info = c.parameters();
        double[] p = new double[info.size()];
        for (int i = 0; i < p.length; i++) {
            ParameterInfo pi = info.get(i);
            double lo = pi.hardMin();
            double hi = Math.min(pi.hardMax(), pi.name().equals("norm") ? 1e3 : pi.hardMax());
            if (edge) {
                p[i] = rng.nextBoolean() ? lo : hi;
            } else if (pi.isLogScale() && lo > 0) {
                p[i] = lo * Math.pow(hi / lo, rng.nextDouble());
            } else {
                p[i] = lo + (hi - lo) * rng.nextDouble();
            }
        }
        return p;
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("componentsAndSeeds")
    void valuesAreFiniteEverywhereInsideTheHardLimitsIncludingTheirEdges(String name, long seed) {
        ComponentType c = Components.get(name);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] b = bins(rng, 300);
        ComponentEvaluator e = c.bind(b[0], b[1], SETTINGS);
        double[] out = new double[b[0].length];
        for (int trial = 0; trial < 20; trial++) {
            double[] p = parameters(c, rng, trial % 2 == 1);
            e.evaluate(p, 0, out, 0);
            for (int i = 0; i < out.length; i++) {
                assertTrue(Double.isFinite(out[i]), name + " seed " + seed + " parameters " + java.util.Arrays.toString(p) + " bin " + i + ": " + out[i]);
                if (c.kind() == ComponentKind.MULTIPLICATIVE && !name.equals("constant")) {
                    assertTrue(out[i] >= 0 && out[i] <= 1, name + " factor " + out[i] + " outside [0, 1] for " + java.util.Arrays.toString(p));
                }
                if (c.kind() == ComponentKind.ADDITIVE) {
                    assertTrue(out[i] >= 0, name + " negative photon flux " + out[i] + " for " + java.util.Arrays.toString(p));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("additiveComponentsAndSeeds")
    void additiveSpectraAreLinearInNorm(String name, long seed) {
        ComponentType c = Components.get(name);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] b = bins(rng, 200);
        ComponentEvaluator e = c.bind(b[0], b[1], SETTINGS);
        double[] p = parameters(c, rng, false);
        int norm = p.length - 1;
        assertEquals("norm", c.parameters().get(norm).name(), "an additive component's last parameter is norm");
        p[norm] = 1.0;
        double[] one = new double[b[0].length];
        e.evaluate(p, 0, one, 0);
        double k = 0.001 + 1000 * rng.nextDouble();
        p[norm] = k;
        double[] scaled = new double[one.length];
        e.evaluate(p, 0, scaled, 0);
        p[norm] = 0.0;
        double[] zero = new double[one.length];
        e.evaluate(p, 0, zero, 0);
        for (int i = 0; i < one.length; i++) {
            assertEquals(k * one[i], scaled[i], 1e-13 * k * one[i] + Double.MIN_NORMAL, name + " bin " + i);
            assertEquals(0.0, zero[i], 0.0, name + " at zero norm, bin " + i);
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("additiveComponentsAndSeeds")
    void additiveBinIntegralsAddUpWhenBinsAreSplit(String name, long seed) {
        ComponentType c = Components.get(name);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] b = bins(rng, 100);
        int n = b[0].length;
        // The same energy range cut into twice as many bins, each bin split at a random point.
        double[] lo2 = new double[2 * n];
        double[] hi2 = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double cut = b[0][i] + (b[1][i] - b[0][i]) * (0.1 + 0.8 * rng.nextDouble());
            lo2[2 * i] = b[0][i];
            hi2[2 * i] = cut;
            lo2[2 * i + 1] = cut;
            hi2[2 * i + 1] = b[1][i];
        }
        double[] p = parameters(c, rng, false);
        double[] whole = new double[n];
        double[] halves = new double[2 * n];
        c.bind(b[0], b[1], SETTINGS).evaluate(p, 0, whole, 0);
        c.bind(lo2, hi2, SETTINGS).evaluate(p, 0, halves, 0);
        double total = 0;
        for (double v : whole) {
            total += v;
        }
        for (int i = 0; i < n; i++) {
            double sum = halves[2 * i] + halves[2 * i + 1];
            // 1e-6 relative to the bin (quadrature components promise that much), with a floor at
            // 1e-12 of the whole spectrum for bins where the spectrum is negligible.
            assertEquals(whole[i], sum, 1e-6 * Math.abs(whole[i]) + 1e-12 * total,
                    name + " seed " + seed + " parameters " + java.util.Arrays.toString(p) + " bin [" + b[0][i] + ", " + b[1][i] + "]");
        }
    }
}
