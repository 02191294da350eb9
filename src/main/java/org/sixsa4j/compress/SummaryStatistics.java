package org.sixsa4j.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.sixsa4j.spectrum.Observation;

/**
 * The summary statistics of Dupourqué &amp; Barret (2025, "Simulation-based inference with neural
 * posterior estimation applied to X-ray spectral fitting II", A&amp;A, arXiv:2506.05911): a few numbers
 * that an astronomer would read off a spectrum, which they found to train the density estimator
 * better than the full spectrum for high-resolution data.
 *
 * <p>The features, in this order:
 * <ol>
 *   <li>{@code mean}, {@code std}, {@code sum}: the mean, standard deviation (over bins, divided
 *       by the number of bins) and sum of the counts;</li>
 *   <li>{@code counts a-b keV}: the counts C_b of each band b. The bands are geometric between the
 *       lowest and the highest bin energy, edges E_lo·(E_hi/E_lo)^(b/B), so that each covers the
 *       same ratio of energies as a detector's resolution roughly does; a bin counts in the band
 *       that holds its mid-energy, so the bands' counts add up to the sum;</li>
 *   <li>{@code hardness}: C_{b+1}/(C_b + 1) for b = 1 … B − 1, if enabled;</li>
 *   <li>{@code differential}: (C_b − C_{b+1})/(C_b + C_{b+1} + 1), if enabled;</li>
 *   <li>{@code line a-b keV}: the counts of each line window, if any.</li>
 * </ol>
 * The 1 added to the denominators keeps the ratios finite when bands are empty, as in the paper's
 * code. The statistics need the bins' energies, not training spectra. Immutable and safe to share
 * between threads.
 */
public final class SummaryStatistics implements Compressor {

    private static final String WHAT = "summary statistics";

    private final double[] lowKeV;
    private final double[] highKeV;
    private final SummarySettings settings;
    private final double[] bandEdges;
    private final int[] bandOfBin;
    private final int[][] windowBins;
    private final List<String> names;

    private SummaryStatistics(double[] lowKeV, double[] highKeV, SummarySettings settings) {
        this.lowKeV = lowKeV;
        this.highKeV = highKeV;
        this.settings = settings;
        int bins = lowKeV.length;
        int bands = settings.bands();
        double first = Double.POSITIVE_INFINITY;
        double last = 0;
        for (int j = 0; j < bins; j++) {
            first = Math.min(first, lowKeV[j]);
            last = Math.max(last, highKeV[j]);
        }
        bandEdges = new double[bands + 1];
        for (int b = 0; b <= bands; b++) {
            bandEdges[b] = first * Math.pow(last / first, (double) b / bands);
        }
        // Exact ends, so that the first and last bins fall inside whatever pow rounds to.
        bandEdges[0] = first;
        bandEdges[bands] = last;

        bandOfBin = new int[bins];
        int[] binsInBand = new int[bands];
        for (int j = 0; j < bins; j++) {
            double mid = 0.5 * (lowKeV[j] + highKeV[j]);
            int b = 0;
            while (b + 1 < bands && mid >= bandEdges[b + 1]) {
                b++;
            }
            bandOfBin[j] = b;
            binsInBand[b]++;
        }
        for (int b = 0; b < bands; b++) {
            if (binsInBand[b] == 0) {
                throw new IllegalArgumentException(WHAT + ": band " + (b + 1) + " (" + range(bandEdges[b], bandEdges[b + 1])
                        + ") holds no bin; use fewer bands");
            }
        }

        List<double[]> windows = settings.lineWindows();
        windowBins = new int[windows.size()][];
        for (int w = 0; w < windows.size(); w++) {
            double[] window = windows.get(w);
            windowBins[w] = IntStream.range(0, bins)
                    .filter(j -> {
                        double mid = 0.5 * (lowKeV[j] + highKeV[j]);
                        return mid >= window[0] && mid < window[1];
                    })
                    .toArray();
            if (windowBins[w].length == 0) {
                throw new IllegalArgumentException(WHAT + ": line window " + (w + 1) + " (" + range(window[0], window[1])
                        + ") holds no bin's mid-energy");
            }
        }
        names = List.copyOf(featureNames());
    }

    /**
     * Summary statistics of spectra whose bin j covers [{@code lowKeV[j]}, {@code highKeV[j]}]
     * keV: for an observation, its noticed and grouped bins (the arrays are copied).
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty, a bin is not
     *     inside (0, ∞) keV with low &lt; high, or a band or line window holds no bin
     */
    public static SummaryStatistics of(double[] lowKeV, double[] highKeV, SummarySettings settings) {
        if (lowKeV.length != highKeV.length || lowKeV.length == 0) {
            throw new IllegalArgumentException(WHAT + " need as many low as high bin energies, at least one; got "
                    + lowKeV.length + " and " + highKeV.length);
        }
        for (int j = 0; j < lowKeV.length; j++) {
            if (!(lowKeV[j] > 0 && highKeV[j] > lowKeV[j]) || highKeV[j] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(WHAT + ": bin " + j + " covers [" + lowKeV[j] + ", " + highKeV[j]
                        + "] keV; bins need 0 < low < high < infinity");
            }
        }
        return new SummaryStatistics(lowKeV.clone(), highKeV.clone(), settings);
    }

    /**
     * Summary statistics over the bins of {@code observation} that the fit uses (noticed, grouped, good).
     *
     * @throws IllegalArgumentException as {@link #of(double[], double[], SummarySettings)}, for
     *     instance when a noticed bin starts at 0 keV, where geometric bands cannot begin
     */
    public static SummaryStatistics of(Observation observation, SummarySettings settings) {
        int bins = observation.bins();
        double[] low = new double[bins];
        double[] high = new double[bins];
        for (int b = 0; b < bins; b++) {
            low[b] = observation.binLowKeV(b);
            high[b] = observation.binHighKeV(b);
        }
        return of(low, high, settings);
    }

    private List<String> featureNames() {
        List<String> out = new ArrayList<>(List.of("mean", "std", "sum"));
        int bands = settings.bands();
        for (int b = 0; b < bands; b++) {
            out.add("counts " + band(b));
        }
        if (settings.hardnessRatios()) {
            for (int b = 0; b + 1 < bands; b++) {
                out.add("hardness " + band(b + 1) + " / " + band(b));
            }
        }
        if (settings.differentialRatios()) {
            for (int b = 0; b + 1 < bands; b++) {
                out.add("differential " + band(b) + " / " + band(b + 1));
            }
        }
        for (double[] window : settings.lineWindows()) {
            out.add("line " + range(window[0], window[1]));
        }
        return out;
    }

    private String band(int b) {
        return range(bandEdges[b], bandEdges[b + 1]);
    }

    private static String range(double low, double high) {
        return String.format(Locale.ROOT, "%.4g-%.4g keV", low, high);
    }

    @Override
    public int inputSize() {
        return lowKeV.length;
    }

    @Override
    public int outputSize() {
        return names.size();
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public double[] compress(double[] counts) {
        Spectra.requireLength(counts, inputSize(), WHAT);
        int bins = counts.length;
        int bands = settings.bands();
        double sum = 0;
        double[] band = new double[bands];
        for (int j = 0; j < bins; j++) {
            sum += counts[j];
            band[bandOfBin[j]] += counts[j];
        }
        double mean = sum / bins;
        double squares = 0;
        for (double c : counts) {
            squares += (c - mean) * (c - mean);
        }
        double[] out = new double[outputSize()];
        int i = 0;
        out[i++] = mean;
        out[i++] = Math.sqrt(squares / bins);
        out[i++] = sum;
        for (double c : band) {
            out[i++] = c;
        }
        if (settings.hardnessRatios()) {
            for (int b = 0; b + 1 < bands; b++) {
                out[i++] = band[b + 1] / (band[b] + 1);
            }
        }
        if (settings.differentialRatios()) {
            for (int b = 0; b + 1 < bands; b++) {
                out[i++] = (band[b] - band[b + 1]) / (band[b] + band[b + 1] + 1);
            }
        }
        for (int[] window : windowBins) {
            double c = 0;
            for (int j : window) {
                c += counts[j];
            }
            out[i++] = c;
        }
        return out;
    }

    /** The band edges in keV, bands + 1 values from the lowest to the highest bin energy; a copy. */
    public double[] bandEdges() {
        return bandEdges.clone();
    }

    public SummarySettings settings() {
        return settings;
    }

    /** The lower bin energies in keV; a copy. */
    double[] lowKeV() {
        return lowKeV.clone();
    }

    /** The upper bin energies in keV; a copy. */
    double[] highKeV() {
        return highKeV.clone();
    }

    @Override
    public String toString() {
        return "SummaryStatistics[" + inputSize() + " bins → " + outputSize() + " features, " + settings.bands() + " bands]";
    }
}
