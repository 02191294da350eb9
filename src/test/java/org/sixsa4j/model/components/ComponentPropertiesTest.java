package org.sixsa4j.model.components;

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
import org.sixsa4j.model.ComponentEvaluator;
import org.sixsa4j.model.ComponentKind;
import org.sixsa4j.model.ComponentType;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.ParameterInfo;

/**
 * Properties every component must have, over seeded random parameters and bins: linear in
 * norm, zero for zero norm, bin values that add up when a bin is split, multiplicative factors
 * in [0, 1], and no NaN or infinity anywhere in the hard limits, edges included, on the XMM-pn
 * grid.
 */
class ComponentPropertiesTest {
    private static final long[] SEEDS = {1, 2, 3, 4};

    static Stream<Arguments> componentsAndSeeds() {
        return cases(ComponentTesting.ALL);
    }

    /**
     * The components whose bin values are integrals or averages over the bin. XSPEC's absorbers
     * are not: they average the cross-section over the bin's two edges (wabs: the transmission,
     * by trapezoids), so a bin is not the width-weighted mean of its halves. Their bin rule is
     * tested against XSPEC's own tables and the original code instead.
     */
    static Stream<Arguments> binIntegratedComponentsAndSeeds() {
        List<ComponentType> integrated = new ArrayList<>(ComponentTesting.ALL);
        integrated.removeAll(List.of(Tbabs.INSTANCE, Ztbabs.INSTANCE, Tbpcf.INSTANCE, Phabs.INSTANCE, Wabs.INSTANCE));
        return cases(integrated);
    }

    private static Stream<Arguments> cases(List<ComponentType> types) {
        List<Arguments> all = new ArrayList<>();
        for (ComponentType type : types) {
            for (long seed : SEEDS) {
                all.add(Arguments.of(type.name(), seed));
            }
        }
        return all.stream();
    }

    static Stream<Arguments> components() {
        return ComponentTesting.ALL.stream().map(t -> Arguments.of(t.name()));
    }

    private static ComponentType type(String name) {
        return ComponentTesting.ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * A random value in the hard limits: log-uniform for a positive range spanning decades,
     * uniform otherwise, and now and then an edge.
     */
    static double draw(ParameterInfo p, UniformRandomProvider rng) {
        double u = rng.nextDouble();
        if (u < 0.05) {
            return p.hardMin();
        }
        if (u < 0.1) {
            return p.hardMax();
        }
        double lo = p.hardMin();
        double hi = p.hardMax();
        if (hi > 100 * Math.max(lo, 1e-300) && lo >= 0) {
            double floor = Math.max(lo, hi * 1e-8);
            return floor * Math.pow(hi / floor, rng.nextDouble());
        }
        return lo + (hi - lo) * rng.nextDouble();
    }

    static double[] drawAll(ComponentType type, UniformRandomProvider rng) {
        double[] p = new double[type.parameters().size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = draw(type.parameters().get(k), rng);
        }
        if (type.kind() == ComponentKind.ADDITIVE) {
            p[p.length - 1] = Math.pow(10, -3 + 6 * rng.nextDouble());
        }
        return p;
    }

    /** Whether XSPEC's own definition is infinite there: bknpower above a break at 0 when PhoIndx1 > PhoIndx2. */
    static boolean singular(ComponentType type, double[] p) {
        return type == Bknpower.INSTANCE && p[1] < 1e-30 && p[0] > p[2];
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("componentsAndSeeds")
    void additiveComponentsAreLinearInNormAndZeroAtZeroNorm(String name, long seed) {
        ComponentType type = type(name);
        if (type.kind() != ComponentKind.ADDITIVE) {
            return;
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 200, 0.1 + rng.nextDouble());
        for (int trial = 0; trial < 5; trial++) {
            double[] p = drawAll(type, rng);
            if (singular(type, p)) {
                continue;
            }
            int norm = p.length - 1;
            double[] base = ComponentTesting.evaluate(type, grid[0], grid[1], p);
            double factor = 0.37 + 5 * rng.nextDouble();
            p[norm] *= factor;
            double[] scaled = ComponentTesting.evaluate(type, grid[0], grid[1], p);
            p[norm] = 0;
            double[] zero = ComponentTesting.evaluate(type, grid[0], grid[1], p);
            for (int i = 0; i < base.length; i++) {
                assertEquals(factor * base[i], scaled[i], 1e-13 * Math.abs(factor * base[i]) + 1e-300, name + " seed " + seed + " bin " + i);
                assertEquals(0.0, zero[i], name + " seed " + seed + " bin " + i + " with zero norm");
            }
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("binIntegratedComponentsAndSeeds")
    void binValuesAddUpWhenBinsAreSplit(String name, long seed) {
        ComponentType type = type(name);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        boolean analytic = type == Bknpower.INSTANCE || type == Gaussian.INSTANCE || type == Zgauss.INSTANCE
                || type == Lorentz.INSTANCE || type == Zpowerlw.INSTANCE || type == Constant.INSTANCE || type == Highecut.INSTANCE;
        double tolerance = analytic ? 1e-9 : 1e-6;
        for (int trial = 0; trial < 40; trial++) {
            double[] p = drawAll(type, rng);
            // Keep the spectral features near the bins so that the sums are not all zero.
            nudgeIntoRange(type, p, rng);
            if (singular(type, p)) {
                continue;
            }
            double a = 0.1 + 10 * rng.nextDouble();
            double b = a * (1 + Math.pow(10, -4 + 4 * rng.nextDouble()));
            double m = a + (b - a) * (0.05 + 0.9 * rng.nextDouble());
            double[] out = ComponentTesting.evaluate(type, new double[] {a, a, m}, new double[] {b, m, b}, p);
            double whole = out[0];
            double parts;
            if (type.kind() == ComponentKind.ADDITIVE) {
                parts = out[1] + out[2];
            } else {
                parts = (out[1] * (m - a) + out[2] * (b - m)) / (b - a);
            }
            String what = name + " seed " + seed + " trial " + trial + " bins " + a + " " + m + " " + b + " params " + java.util.Arrays.toString(p);
            assertEquals(whole, parts, tolerance * Math.abs(whole) + 1e-300, what);
        }
    }

    /** Puts line centres, breaks and edges among the test bins (0.1 to 20 keV) half the time. */
    private static void nudgeIntoRange(ComponentType type, double[] p, UniformRandomProvider rng) {
        if (rng.nextBoolean()) {
            return;
        }
        double e = 0.1 + 15 * rng.nextDouble();
        if (type == Gaussian.INSTANCE || type == Zgauss.INSTANCE || type == Lorentz.INSTANCE || type == Gabs.INSTANCE
                || type == Highecut.INSTANCE || type == Zedge.INSTANCE) {
            p[0] = e;
            if (type != Highecut.INSTANCE && type != Zedge.INSTANCE) {
                p[1] = Math.min(p[1], e * Math.pow(10, -3 * rng.nextDouble()));
            }
        } else if (type == Bknpower.INSTANCE) {
            p[1] = e;
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("componentsAndSeeds")
    void multiplicativeFactorsLieBetweenZeroAndOne(String name, long seed) {
        ComponentType type = type(name);
        if (type.kind() != ComponentKind.MULTIPLICATIVE || type == Constant.INSTANCE) {
            return;
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 300, 0.05 + rng.nextDouble());
        for (int trial = 0; trial < 10; trial++) {
            double[] p = drawAll(type, rng);
            nudgeIntoRange(type, p, rng);
            for (double v : ComponentTesting.evaluate(type, grid[0], grid[1], p)) {
                assertTrue(v >= 0 && v <= 1, name + " seed " + seed + " gives " + v + " for " + java.util.Arrays.toString(p));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void finiteEverywhereInTheHardLimitsOnThePnGrid(String name) {
        ComponentType type = type(name);
        double[][] grid = Grids.real(Grids.PN);
        ComponentEvaluator e = type.bind(grid[0], grid[1], ModelSettings.xspecDefaults());
        double[] out = new double[grid[0].length + 2];
        List<double[]> cases = new ArrayList<>();
        double[] defaults = ComponentTesting.defaults(type);
        cases.add(defaults);
        int count = type.parameters().size();
        for (int k = 0; k < count; k++) {
            for (double edge : new double[] {type.parameters().get(k).hardMin(), type.parameters().get(k).hardMax()}) {
                double[] p = defaults.clone();
                p[k] = edge;
                cases.add(p);
            }
        }
        for (int corner = 0; corner < 1 << count; corner++) {
            double[] p = new double[count];
            for (int k = 0; k < count; k++) {
                ParameterInfo info = type.parameters().get(k);
                p[k] = (corner >> k & 1) == 0 ? info.hardMin() : info.hardMax();
            }
            cases.add(p);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99);
        for (int r = 0; r < 60; r++) {
            cases.add(drawAll(type, rng));
        }
        for (double[] p : cases) {
            if (singular(type, p)) {
                continue;
            }
            out[0] = 42;
            out[out.length - 1] = 43;
            e.evaluate(p, 0, out, 1);
            for (int i = 1; i <= grid[0].length; i++) {
                assertTrue(Double.isFinite(out[i]), name + " bin " + (i - 1) + " is " + out[i] + " for " + java.util.Arrays.toString(p));
            }
            assertEquals(42, out[0], name + " wrote before its range");
            assertEquals(43, out[out.length - 1], name + " wrote after its range");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void anEvaluatorGivesTheSameAnswerAgainAndAfterOtherParameters(String name) {
        ComponentType type = type(name);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7);
        double[][] grid = Grids.random(rng, 500, 0.1);
        ComponentEvaluator e = type.bind(grid[0], grid[1], ModelSettings.xspecDefaults());
        double[] p = ComponentTesting.defaults(type);
        double[] first = new double[grid[0].length];
        double[] again = new double[grid[0].length];
        e.evaluate(p, 0, first, 0);
        e.evaluate(drawAll(type, rng), 0, again, 0);
        // The parameters may also sit at an offset in a longer vector.
        double[] shifted = new double[p.length + 3];
        System.arraycopy(p, 0, shifted, 3, p.length);
        e.evaluate(shifted, 3, again, 0);
        assertEquals(grid[0].length, e.bins());
        for (int i = 0; i < first.length; i++) {
            assertEquals(first[i], again[i], 0.0, name + " bin " + i);
        }
    }
}
