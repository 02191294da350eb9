package org.sixsa4j.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sixsa4j.ogip.PhaSpectrum;
import org.sixsa4j.spectrum.EnergyGrid;
import org.sixsa4j.spectrum.Observation;

/**
 * Simulated PHA files, like XSPEC's {@code fakeit}: every channel of a template spectrum gets a
 * Poisson count from the folded photon flux plus, when the template has one, its scaled
 * observed background. The output keeps the template's channels, exposure, scalings, grouping
 * and quality, so it can be grouped, noticed and fitted like real data.
 *
 * <p>Grouping and quality do not change the draw: bad channels are simulated too (a file
 * records them, and a later quality change must not need new draws), as are channels outside
 * any noticed range.
 */
public final class Fakeit {
    private final PhaSpectrum template;
    private final Simulator simulator;

    private Fakeit(PhaSpectrum template, Simulator simulator) {
        this.template = template;
        this.simulator = simulator;
    }

    /** A simulator of every channel of {@code template}'s spectrum, through its response, with its background. */
    public static Fakeit of(Observation template) {
        PhaSpectrum s = template.spectrum();
        PhaSpectrum everyChannelGood = s.toBuilder().quality(new int[s.size()]).build();
        Observation all = Observation.of(everyChannelGood, template.response(), template.background()).withGrouping(null);
        return new Fakeit(s, Simulator.of(all));
    }

    /** The energy grid on which photon fluxes are given. */
    public EnergyGrid energyGrid() {
        return simulator.energyGrid(0);
    }

    /** The same simulator on {@code threads} threads; the spectra do not change. */
    public Fakeit withThreads(int threads) {
        return new Fakeit(template, simulator.withThreads(threads));
    }

    /**
     * Simulates {@code batch} spectra; spectrum {@code s} takes its flux from
     * {@code flux[s * energyGrid().size() ..]} and its random numbers from stream
     * {@code firstIndex + s}.
     */
    public List<PhaSpectrum> simulate(double[] flux, int batch, RandomStreams streams, long firstIndex) {
        int channels = simulator.totalBins();
        double[] counts = new double[batch * channels];
        simulator.simulate(new double[][] {flux}, null, batch, streams, firstIndex, counts);
        List<PhaSpectrum> out = new ArrayList<>(batch);
        for (int s = 0; s < batch; s++) {
            out.add(template.toBuilder().file(null).counts(Arrays.copyOfRange(counts, s * channels, (s + 1) * channels))
                    .poissonErrors(true).statErr(null).build());
        }
        return out;
    }

    /** Expected counts per channel for one photon spectrum (source plus scaled background). */
    public double[] expectedCounts(double[] flux) {
        double[] expected = new double[simulator.totalBins()];
        simulator.expectedCounts(new double[][] {flux}, null, 1, expected);
        return expected;
    }
}
