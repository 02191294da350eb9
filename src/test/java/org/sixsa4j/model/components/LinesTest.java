package org.sixsa4j.model.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * gaussian, zgauss and lorentz against quadrature of their densities (the {@link Oracle}, to
 * 1e-12), on random bins far into the wings and on the real grids, and XSPEC's conventions:
 * zero width puts the whole flux in the bin holding the line, zgauss puts K/(1+z) photons at
 * E/(1+z), and lorentz's flux counts energies above 0 only.
 */
class LinesTest {
    private static double normal(double e, double centre, double sigma) {
        double z = (e - centre) / sigma;
        return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
    }

    private static double cauchy(double e, double centre, double width) {
        double total = Math.PI - 2 * Math.atan(-2 * centre / width);
        return width / total / ((e - centre) * (e - centre) + width * width / 4);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void gaussianBinsAreTheIntegralOfTheDensityIntoTheFarWings(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 300, 0.2 + rng.nextDouble());
        for (int trial = 0; trial < 6; trial++) {
            double centre = grid[0][rng.nextInt(grid[0].length)];
            double sigma = centre * Math.pow(10, -4 + 3.5 * rng.nextDouble());
            double norm = 0.01 + rng.nextDouble();
            double[] out = ComponentTesting.evaluate(Gaussian.INSTANCE, grid[0], grid[1], centre, sigma, norm);
            for (int i = 0; i < out.length; i++) {
                double lo = grid[0][i];
                double hi = grid[1][i];
                if (Math.abs(lo - centre) > 37 * sigma && Math.abs(hi - centre) > 37 * sigma) {
                    assertEquals(0.0, out[i], 1e-300, "seed " + seed + " bin " + i + " beyond 37 sigma");
                    continue;
                }
                double want = norm * Oracle.integrate(e -> normal(e, centre, sigma), lo, hi, 1e-11, centre);
                ComponentTesting.assertClose(want, out[i], 1e-9, "seed " + seed + " line " + centre + " +- " + sigma + " bin [" + lo + ", " + hi + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Grids.PN, Grids.XIFU})
    void gaussianOnRealGridsSumsToTheFluxInsideAndMatchesTheDensity(String name) {
        double[][] grid = Grids.real(name);
        for (double sigma : new double[] {1.7e-4, 0.004, 0.1, 1.0}) {
            double[] out = ComponentTesting.evaluate(Gaussian.INSTANCE, grid[0], grid[1], 6.4, sigma, 3.0);
            double sum = 0;
            for (int i = 0; i < out.length; i++) {
                sum += out[i];
                if (i % 97 == 0 || Math.abs(grid[0][i] - 6.4) < 3 * sigma) {
                    double lo = grid[0][i];
                    double hi = grid[1][i];
                    double want = 3.0 * Oracle.integrate(e -> normal(e, 6.4, sigma), lo, hi, 1e-12, 6.4);
                    ComponentTesting.assertClose(want, out[i], 1e-9, name + " sigma " + sigma + " bin " + i);
                }
            }
            double inside = 3.0 * Oracle.integrate(e -> normal(e, 6.4, sigma), grid[0][0], grid[1][out.length - 1], 1e-13, 6.4);
            assertEquals(inside, sum, 1e-12, name + " sigma " + sigma);
        }
    }

    @Test
    void zeroWidthPutsTheWholeFluxInTheBinWhoseUpperEdgeIsAtOrAboveTheLine() {
        double[] lo = {1, 2, 3};
        double[] hi = {2, 3, 4};
        double[] a = ComponentTesting.evaluate(Gaussian.INSTANCE, lo, hi, 2.5, 0.0, 7.0);
        assertEquals(0.0, a[0]);
        assertEquals(7.0, a[1]);
        assertEquals(0.0, a[2]);
        // XSPEC: lo < E <= hi, so a line on an edge belongs to the lower bin.
        double[] b = ComponentTesting.evaluate(Gaussian.INSTANCE, lo, hi, 2.0, 0.0, 7.0);
        assertEquals(7.0, b[0]);
        assertEquals(0.0, b[1]);
        double[] c = ComponentTesting.evaluate(Lorentz.INSTANCE, lo, hi, 3.0, 0.0, 7.0);
        assertEquals(7.0, c[1]);
        double[] outside = ComponentTesting.evaluate(Gaussian.INSTANCE, lo, hi, 9.0, 0.0, 7.0);
        assertEquals(0.0, outside[0] + outside[1] + outside[2]);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void zgaussIsTheSourceFrameLineOnTheShiftedBinsOverOnePlusZ(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 300, 0.2);
        for (int trial = 0; trial < 6; trial++) {
            double z = -0.999 + 11 * rng.nextDouble() * rng.nextDouble();
            double zf = 1 + z;
            double centre = grid[0][rng.nextInt(grid[0].length)] * zf;
            double sigma = centre * Math.pow(10, -3 + 2 * rng.nextDouble());
            double[] out = ComponentTesting.evaluate(Zgauss.INSTANCE, grid[0], grid[1], centre, sigma, z, 2.0);
            double sum = 0;
            for (int i = 0; i < out.length; i++) {
                // XSPEC's xszgau: the line's fraction in [lo(1+z), hi(1+z)], times K/(1+z).
                double lo = grid[0][i] * zf;
                double hi = grid[1][i] * zf;
                double want = 2.0 / zf * Oracle.integrate(e -> normal(e, centre, sigma), lo, hi, 1e-12, centre);
                ComponentTesting.assertClose(want, out[i], 1e-9, "seed " + seed + " z " + z + " bin " + i);
                sum += out[i];
            }
            double inside = Oracle.integrate(e -> normal(e, centre, sigma), grid[0][0] * zf, grid[1][out.length - 1] * zf, 1e-12, centre);
            assertEquals(2.0 / zf * inside, sum, 1e-9 * sum, "total flux K/(1+z), seed " + seed);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void lorentzBinsAreTheIntegralOfTheDensityEvenFarInTheWings(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] grid = Grids.random(rng, 300, 0.2 + rng.nextDouble());
        for (int trial = 0; trial < 6; trial++) {
            double centre = trial == 0 ? 0.0 : grid[0][rng.nextInt(grid[0].length)];
            double width = Math.max(centre, 1) * Math.pow(10, -4 + 4 * rng.nextDouble());
            double norm = 0.01 + rng.nextDouble();
            double[] out = ComponentTesting.evaluate(Lorentz.INSTANCE, grid[0], grid[1], centre, width, norm);
            for (int i = 0; i < out.length; i++) {
                double lo = grid[0][i];
                double hi = grid[1][i];
                double want = norm * Oracle.integrate(e -> cauchy(e, centre, width), lo, hi, 1e-12, centre);
                ComponentTesting.assertClose(want, out[i], 1e-9, "seed " + seed + " line " + centre + " width " + width + " bin [" + lo + ", " + hi + "]");
            }
        }
    }

    @Test
    void lorentzFluxAboveZeroIsTheNorm() {
        // Bins from 0 to 1e9 keV in geometric steps hold all but 2 W / (pi 1e9) of the line.
        int n = 3000;
        double[] lo = new double[n];
        double[] hi = new double[n];
        lo[0] = 0;
        hi[0] = 1e-6;
        for (int i = 1; i < n; i++) {
            lo[i] = hi[i - 1];
            hi[i] = 1e-6 * Math.pow(1e15, (double) i / (n - 1));
        }
        for (double[] p : new double[][] {{6.5, 0.1}, {0.05, 0.4}, {0.0, 1.0}}) {
            double[] out = ComponentTesting.evaluate(Lorentz.INSTANCE, lo, hi, p[0], p[1], 2.0);
            double sum = 0;
            for (double v : out) {
                sum += v;
            }
            assertEquals(2.0, sum, 2.0 * (2 * p[1] / (Math.PI * 1e9) + 1e-12), "line " + p[0] + " width " + p[1]);
        }
    }
}
