package org.sixsa4j.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.model.components.Powerlaw;
import org.sixsa4j.ogip.PhaSpectrum;
import org.sixsa4j.spectrum.EnergyGrid;
import org.sixsa4j.spectrum.Instruments;
import org.sixsa4j.spectrum.Observation;
import org.sixsa4j.spectrum.SyntheticInstrument;
import org.sixsa4j.spectrum.TransferOperator;

class SimulatorTest {
    private static SyntheticInstrument ccd;

    @BeforeAll
    static void instrument() {
        ccd = Instruments.ccd();
    }

    /** Power-law fluxes on a grid for a batch, with photon indices spread over 1..3. */
    static double[] powerLaws(EnergyGrid grid, int batch, double norm) {
        Powerlaw.Evaluator pl = Powerlaw.INSTANCE.bind(grid.lows(), grid.highs(), null);
        double[] flux = new double[batch * grid.size()];
        for (int s = 0; s < batch; s++) {
            pl.integrate(1 + 2.0 * s / Math.max(1, batch - 1), norm, flux, s * grid.size());
        }
        return flux;
    }

    /** An observation of the CCD with a flat observed background of {@code perChannel} counts and BACKSCAL ratio 0.25. */
    static Observation withBackground(double perChannel) {
        Observation template = ccd.observation(1e4);
        int n = template.spectrum().size();
        double[] bkgCounts = new double[n];
        Arrays.fill(bkgCounts, perChannel);
        double[] backscal = new double[n];
        Arrays.fill(backscal, 4.0);
        PhaSpectrum bkg = PhaSpectrum.builder().counts(bkgCounts).consecutiveChannels(1).exposure(1e4).backscal(backscal).build();
        return Observation.of(template.spectrum(), template.response(), bkg).noticeOnly(0.3, 10);
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 3})
    void resultsDependOnSeedAndIndexOnlyNotOnThreadsOrBatching(int threads) {
        Simulator one = Simulator.of(withBackground(2.0));
        Simulator many = one.withThreads(threads);
        int batch = 70;
        double[][] flux = {powerLaws(one.energyGrid(0), batch, 1e-3)};
        RandomStreams streams = RandomStreams.of(42);
        double[] a = new double[batch * one.totalBins()];
        double[] b = new double[batch * one.totalBins()];
        one.simulate(flux, null, batch, streams, 1000, a);
        many.simulate(flux, null, batch, streams, 1000, b);
        assertArrayEquals(a, b);
        // The second half simulated on its own, with its first index, gives the same spectra.
        int half = batch / 2;
        int bins = one.totalBins();
        int energies = one.energyGrid(0).size();
        double[][] secondFlux = {Arrays.copyOfRange(flux[0], half * energies, batch * energies)};
        double[] c = new double[(batch - half) * bins];
        one.simulate(secondFlux, null, batch - half, streams, 1000 + half, c);
        assertArrayEquals(Arrays.copyOfRange(a, half * bins, batch * bins), c);
    }

    @Test
    void averageSimulatedCountsMatchTheExpectedCountsIncludingTheScaledBackground() {
        Observation obs = withBackground(3.0);
        Simulator sim = Simulator.of(obs);
        int batch = 4000;
        double[] one = powerLaws(sim.energyGrid(0), 1, 2e-3);
        double[] flux = new double[batch * one.length];
        for (int s = 0; s < batch; s++) {
            System.arraycopy(one, 0, flux, s * one.length, one.length);
        }
        double[] expected = new double[batch * sim.totalBins()];
        sim.expectedCounts(new double[][] {flux}, null, batch, expected);
        double[] folded = TransferOperator.of(obs).fold(one);
        for (int b = 0; b < sim.totalBins(); b++) {
            // 3 counts per channel, one channel per bin, ratio (1 × 1e4) / (4 × 1e4)
            assertEquals(folded[b] + 0.75, expected[b], 1e-12 * expected[b]);
        }
        double[] counts = new double[batch * sim.totalBins()];
        sim.simulate(new double[][] {flux}, null, batch, RandomStreams.of(7), 0, counts);
        for (int b = 0; b < sim.totalBins(); b++) {
            double mean = 0;
            for (int s = 0; s < batch; s++) {
                double k = counts[s * sim.totalBins() + b];
                assertEquals(Math.rint(k), k, "counts are whole numbers");
                mean += k;
            }
            mean /= batch;
            double mu = expected[b];
            // Sample mean of 4000 Poisson(mu) draws; 5.6 sigma gives a 2e-8 false-failure rate per
            // bin, under 1e-5 over the 388 bins.
            assertEquals(mu, mean, 5.6 * Math.sqrt(mu / batch), "bin " + b);
        }
    }

    @Test
    void aBackgroundModelAddsItsFoldedCountsTimesTheBackscaleRatio() {
        Observation source = withBackground(1.0);
        Observation background = Observation.of(source.background(), source.response(), null).noticeOnly(0.3, 10);
        Simulator sim = Simulator.of(source).withBackgroundModel(0, source, background);
        int batch = 5;
        double[][] flux = {powerLaws(sim.energyGrid(0), batch, 1e-3)};
        double[][] bkgFlux = {powerLaws(sim.backgroundEnergyGrid(0), batch, 5e-4)};
        double[] expected = new double[batch * sim.totalBins()];
        sim.expectedCounts(flux, bkgFlux, batch, expected);
        TransferOperator src = TransferOperator.of(source);
        TransferOperator bkg = TransferOperator.of(background);
        int ne = src.energyGrid().size();
        for (int s = 0; s < batch; s++) {
            double[] f = src.fold(Arrays.copyOfRange(flux[0], s * ne, (s + 1) * ne));
            double[] g = bkg.fold(Arrays.copyOfRange(bkgFlux[0], s * ne, (s + 1) * ne));
            for (int b = 0; b < f.length; b++) {
                double want = f[b] + 0.25 * g[b];
                assertEquals(want, expected[s * sim.totalBins() + b], 1e-12 * want);
            }
        }
    }

    @Test
    void aJointSimulationLaysObservationsSideBySide() {
        Observation a = ccd.observation(1e4);
        Observation b = ccd.observation(3e4).noticeOnly(2, 7);
        Simulator sim = Simulator.of(List.of(a, b));
        assertEquals(a.bins() + b.bins(), sim.totalBins());
        int batch = 3;
        double[][] flux = {powerLaws(sim.energyGrid(0), batch, 1e-3), powerLaws(sim.energyGrid(1), batch, 1e-3)};
        double[] expected = new double[batch * sim.totalBins()];
        sim.expectedCounts(flux, null, batch, expected);
        int ea = sim.energyGrid(0).size();
        int eb = sim.energyGrid(1).size();
        for (int s = 0; s < batch; s++) {
            double[] fa = TransferOperator.of(a).fold(Arrays.copyOfRange(flux[0], s * ea, (s + 1) * ea));
            double[] fb = TransferOperator.of(b).fold(Arrays.copyOfRange(flux[1], s * eb, (s + 1) * eb));
            int row = s * sim.totalBins();
            assertArrayEquals(fa, Arrays.copyOfRange(expected, row, row + fa.length), 1e-9);
            assertArrayEquals(fb, Arrays.copyOfRange(expected, row + fa.length, row + fa.length + fb.length), 1e-9);
        }
        double[] counts = new double[batch * sim.totalBins()];
        sim.simulate(flux, null, batch, RandomStreams.of(1), 0, counts);
        assertTrue(Arrays.stream(counts).allMatch(k -> k >= 0 && k == Math.rint(k)));
    }
}
