package org.sixsa4j.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.ogip.Arf;
import org.sixsa4j.ogip.PhaSpectrum;
import org.sixsa4j.ogip.Rmf;

class TransferOperatorTest {

    /** A random instrument and spectrum: banded matrix with secondary peaks, grouping, quality, AREASCAL. */
    static Observation randomObservation(UniformRandomProvider rng) {
        int ne = 20 + rng.nextInt(80);
        int nc = 10 + rng.nextInt(60);
        EnergyGrid input = EnergyGrid.linear(0.1, 10, ne);
        EnergyGrid channels = EnergyGrid.linear(0.1, 10, nc);
        int[] rowStart = new int[ne + 1];
        int[] index = new int[ne * nc];
        double[] value = new double[ne * nc];
        int n = 0;
        for (int e = 0; e < ne; e++) {
            boolean[] hit = new boolean[nc];
            int centre = e * nc / ne;
            int width = 1 + rng.nextInt(6);
            for (int c = Math.max(0, centre - width); c < Math.min(nc, centre + width); c++) {
                hit[c] = true;
            }
            if (rng.nextInt(3) == 0) {
                // an escape-peak-like island well below the main band
                int island = rng.nextInt(Math.max(1, centre));
                hit[island] = true;
            }
            for (int c = 0; c < nc; c++) {
                if (hit[c]) {
                    index[n] = c;
                    value[n++] = rng.nextDouble();
                }
            }
            rowStart[e + 1] = n;
        }
        Rmf rmf = new Rmf(null, "MATRIX", input.lows(), input.highs(), 1, channels.lows(), channels.highs(),
                rowStart, Arrays.copyOf(index, n), Arrays.copyOf(value, n), false, null, null, "PI");
        double[] area = new double[ne];
        for (int e = 0; e < ne; e++) {
            area[e] = rng.nextInt(10) == 0 ? 0.0 : 100 + 500 * rng.nextDouble();
        }
        Arf arf = new Arf(null, input.lows(), input.highs(), area, null, null);
        int[] grouping = new int[nc];
        int[] quality = new int[nc];
        double[] areascal = new double[nc];
        for (int c = 0; c < nc; c++) {
            grouping[c] = c == 0 || rng.nextInt(3) == 0 ? 1 : -1;
            quality[c] = rng.nextInt(12) == 0 ? 1 : 0;
            areascal[c] = 0.5 + rng.nextDouble();
        }
        PhaSpectrum pha = PhaSpectrum.builder().counts(new double[nc]).consecutiveChannels(1)
                .exposure(1000 * (1 + rng.nextDouble())).grouping(grouping).quality(quality).areascal(areascal).build();
        Observation all = Observation.of(pha, Response.of(rmf, arf), null);
        // Notice from one good group's lower edge to a later one's upper edge, so at least one bin remains.
        int first = rng.nextInt(all.bins());
        int last = first + rng.nextInt(all.bins() - first);
        return all.noticeOnly(all.binLowKeV(first), all.binHighKeV(last));
    }

    /** The operator written out from its definition, row-major bins x all input energies. */
    static double[] naiveOperator(Observation obs) {
        Rmf rmf = obs.response().rmf();
        double[] areascal = obs.spectrum().areascal();
        int ne = rmf.energies();
        double[] t = new double[obs.bins() * ne];
        for (int b = 0; b < obs.bins(); b++) {
            for (int e = 0; e < ne; e++) {
                double sum = 0;
                for (int c = obs.binFirstChannel(b); c < obs.binEndChannel(b); c++) {
                    sum += areascal[c] * rmf.get(e, c);
                }
                t[b * ne + e] = obs.exposure() * obs.response().area(e) * sum;
            }
        }
        return t;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void entriesFollowTheDefinition(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Observation obs = randomObservation(rng);
        assertTrue(obs.bins() > 0, "seed " + seed + " notices no bin; pick another seed");
        TransferOperator op = TransferOperator.of(obs);
        double[] naive = naiveOperator(obs);
        int ne = obs.response().rmf().energies();
        for (int b = 0; b < obs.bins(); b++) {
            for (int e = 0; e < ne; e++) {
                int local = e - op.firstEnergy();
                double got = local >= 0 && local < op.energyGrid().size() ? op.get(b, local) : 0.0;
                assertEquals(naive[b * ne + e], got, 1e-12 * naive[b * ne + e], "seed " + seed + " bin " + b + " energy " + e);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void foldingABatchEqualsTheNaiveProductToOnePartIn1e12(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Observation obs = randomObservation(rng);
        assertTrue(obs.bins() > 0, "seed " + seed + " notices no bin; pick another seed");
        TransferOperator op = TransferOperator.of(obs);
        double[] naive = naiveOperator(obs);
        int ne = obs.response().rmf().energies();
        int batch = 1 + rng.nextInt(9);
        // Fluxes on the full response grid; the operator reads its sub-grid at firstEnergy.
        double[] flux = new double[batch * ne];
        for (int i = 0; i < flux.length; i++) {
            flux[i] = rng.nextDouble() * 1e-3;
        }
        double[] counts = new double[batch * op.bins()];
        op.fold(flux, op.firstEnergy(), ne, counts, 0, op.bins(), batch);
        for (int s = 0; s < batch; s++) {
            for (int b = 0; b < op.bins(); b++) {
                double expected = 0;
                for (int e = 0; e < ne; e++) {
                    expected += naive[b * ne + e] * flux[s * ne + e];
                }
                assertEquals(expected, counts[s * op.bins() + b], 1e-12 * expected, "seed " + seed + " spectrum " + s + " bin " + b);
            }
        }
    }
}
