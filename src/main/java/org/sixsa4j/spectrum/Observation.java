package org.sixsa4j.spectrum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.ogip.PhaSpectrum;

/**
 * One observed spectrum ready for fitting: the source counts, its response, an optional
 * background, the channel grouping and quality, and the noticed ranges. A joint analysis is a
 * list of these.
 *
 * <p>The fitted data are <em>bins</em>: groups of channels from the GROUPING column (1 starts a
 * group, -1 continues it, 0 means the channel stands alone), restricted to good, noticed groups.
 * The rules follow XSPEC (docs/observations.md):
 * <ul>
 *   <li>a group is bad if any of its channels has QUALITY other than 0, and a bad group never
 *       contributes counts or model;</li>
 *   <li>{@link #notice(double, double)} notices the groups whose whole energy span, from E_MIN of
 *       their first channel to E_MAX of their last, lies inside the range;</li>
 *   <li>{@link #ignore(double, double)} ignores every group that overlaps the range, so that
 *       {@code ignore(0, 0.5).ignore(10, inf)} and {@code notice(0.5, 10)} agree;</li>
 *   <li>channel-number ranges work the same way on channel numbers.</li>
 * </ul>
 *
 * <p>Instances are immutable; selection methods return new observations.
 */
public final class Observation {
    private final PhaSpectrum spectrum;
    private final Response response;
    private final PhaSpectrum background;
    private final int[] groupStart;
    private final boolean[] groupNoticed;
    private final boolean[] groupBad;
    private final List<String> selections;
    private final int[] bins;

    private Observation(PhaSpectrum spectrum, Response response, PhaSpectrum background,
                        int[] groupStart, boolean[] groupNoticed, boolean[] groupBad, List<String> selections) {
        this.spectrum = spectrum;
        this.response = response;
        this.background = background;
        this.groupStart = groupStart;
        this.groupNoticed = groupNoticed;
        this.groupBad = groupBad;
        this.selections = List.copyOf(selections);
        int n = 0;
        int[] b = new int[groupNoticed.length];
        for (int g = 0; g < groupNoticed.length; g++) {
            if (groupNoticed[g] && !groupBad[g]) {
                b[n++] = g;
            }
        }
        this.bins = Arrays.copyOf(b, n);
    }

    /**
     * An observation with every good group noticed.
     *
     * @param background the background spectrum, or {@code null}
     * @throws InvalidInputException if the channels of the spectrum, the response and the
     *     background do not match
     */
    public static Observation of(PhaSpectrum spectrum, Response response, PhaSpectrum background) {
        checkChannels(spectrum, response);
        if (background != null) {
            checkBackground(spectrum, background);
        }
        int[] starts = groupStarts(spectrum.grouping());
        boolean[] bad = badGroups(starts, spectrum.quality());
        boolean[] noticed = new boolean[starts.length - 1];
        Arrays.fill(noticed, true);
        return new Observation(spectrum, response, background, starts, noticed, bad, List.of());
    }

    private static void checkChannels(PhaSpectrum spectrum, Response response) {
        int first = response.rmf().firstChannel();
        int n = response.channels();
        if (spectrum.size() != n || spectrum.firstChannel() != first) {
            throw InvalidInputException.inFile(spectrum.file(), spectrum.hdu(), "CHANNEL",
                    "channels " + range(spectrum.firstChannel(), spectrum.size()) + " do not match the response "
                    + response.rmf().file() + ", which has channels " + range(first, n));
        }
        int[] channels = spectrum.channels();
        for (int i = 0; i < channels.length; i++) {
            if (channels[i] != first + i) {
                throw InvalidInputException.inFile(spectrum.file(), spectrum.hdu(), "CHANNEL",
                        "row " + (i + 1) + " holds channel " + channels[i] + ", expected " + (first + i));
            }
        }
    }

    private static void checkBackground(PhaSpectrum spectrum, PhaSpectrum background) {
        if (background.size() != spectrum.size() || background.firstChannel() != spectrum.firstChannel()) {
            throw InvalidInputException.inFile(background.file(), background.hdu(), "CHANNEL",
                    "background channels " + range(background.firstChannel(), background.size())
                    + " do not match the source spectrum's " + range(spectrum.firstChannel(), spectrum.size()));
        }
        if (!(background.exposure() > 0)) {
            throw InvalidInputException.inFile(background.file(), background.hdu(), "EXPOSURE",
                    "must be positive to scale the background, found " + background.exposure());
        }
    }

    private static String range(int first, int n) {
        return first + ".." + (first + n - 1);
    }

    /** Channel indices where groups start, followed by the channel count. */
    static int[] groupStarts(int[] grouping) {
        int[] starts = new int[grouping.length + 1];
        int n = 0;
        for (int c = 0; c < grouping.length; c++) {
            // Only -1 continues a group; 1 and 0 (no grouping information) both start one, and a
            // leading -1 has nothing to continue.
            if (c == 0 || grouping[c] != -1) {
                starts[n++] = c;
            }
        }
        starts[n++] = grouping.length;
        return Arrays.copyOf(starts, n);
    }

    private static boolean[] badGroups(int[] starts, int[] quality) {
        boolean[] bad = new boolean[starts.length - 1];
        for (int g = 0; g < bad.length; g++) {
            for (int c = starts[g]; c < starts[g + 1]; c++) {
                if (quality[c] != 0) {
                    bad[g] = true;
                    break;
                }
            }
        }
        return bad;
    }

    /** Notices the groups lying entirely within {@code [lowKeV, highKeV]}; others keep their state. */
    public Observation notice(double lowKeV, double highKeV) {
        checkRange(lowKeV, highKeV);
        boolean[] noticed = groupNoticed.clone();
        for (int g = 0; g < noticed.length; g++) {
            if (groupLowKeV(g) >= lowKeV && groupHighKeV(g) <= highKeV) {
                noticed[g] = true;
            }
        }
        return withNoticed(noticed, "notice " + keV(lowKeV, highKeV));
    }

    /** Ignores every group that overlaps {@code (lowKeV, highKeV)}. */
    public Observation ignore(double lowKeV, double highKeV) {
        checkRange(lowKeV, highKeV);
        boolean[] noticed = groupNoticed.clone();
        for (int g = 0; g < noticed.length; g++) {
            if (groupHighKeV(g) > lowKeV && groupLowKeV(g) < highKeV) {
                noticed[g] = false;
            }
        }
        return withNoticed(noticed, "ignore " + keV(lowKeV, highKeV));
    }

    /** Notices only the groups within {@code [lowKeV, highKeV]}: ignore everything, then notice. */
    public Observation noticeOnly(double lowKeV, double highKeV) {
        checkRange(lowKeV, highKeV);
        boolean[] noticed = new boolean[groupNoticed.length];
        for (int g = 0; g < noticed.length; g++) {
            noticed[g] = groupLowKeV(g) >= lowKeV && groupHighKeV(g) <= highKeV;
        }
        return withNoticed(noticed, "notice only " + keV(lowKeV, highKeV));
    }

    /** Notices the groups whose channels all lie in channel numbers {@code [first, last]}. */
    public Observation noticeChannels(int first, int last) {
        boolean[] noticed = groupNoticed.clone();
        int offset = spectrum.firstChannel();
        for (int g = 0; g < noticed.length; g++) {
            if (groupStart[g] + offset >= first && groupStart[g + 1] - 1 + offset <= last) {
                noticed[g] = true;
            }
        }
        return withNoticed(noticed, "notice channels " + first + "-" + last);
    }

    /** Ignores the groups holding any channel numbered in {@code [first, last]}. */
    public Observation ignoreChannels(int first, int last) {
        boolean[] noticed = groupNoticed.clone();
        int offset = spectrum.firstChannel();
        for (int g = 0; g < noticed.length; g++) {
            if (groupStart[g + 1] - 1 + offset >= first && groupStart[g] + offset <= last) {
                noticed[g] = false;
            }
        }
        return withNoticed(noticed, "ignore channels " + first + "-" + last);
    }

    /** Notices every group (bad groups stay out of the fit). */
    public Observation noticeAll() {
        boolean[] noticed = new boolean[groupNoticed.length];
        Arrays.fill(noticed, true);
        return new Observation(spectrum, response, background, groupStart, noticed, groupBad, List.of());
    }

    /**
     * The same data with another grouping (OGIP GROUPING convention) and every group noticed;
     * {@code null} leaves every channel in a group of its own.
     */
    public Observation withGrouping(int[] grouping) {
        int[] g = grouping == null ? new int[spectrum.size()] : grouping.clone();
        if (g.length != spectrum.size()) {
            throw new IllegalArgumentException("grouping has " + g.length + " values for " + spectrum.size() + " channels");
        }
        int[] starts = groupStarts(g);
        boolean[] noticed = new boolean[starts.length - 1];
        Arrays.fill(noticed, true);
        return new Observation(spectrum, response, background, starts, noticed,
                badGroups(starts, spectrum.quality()), List.of());
    }

    private Observation withNoticed(boolean[] noticed, String selection) {
        List<String> s = new ArrayList<>(selections);
        s.add(selection);
        return new Observation(spectrum, response, background, groupStart, noticed, groupBad, s);
    }

    private static void checkRange(double low, double high) {
        if (Double.isNaN(low) || Double.isNaN(high) || low >= high) {
            throw new InvalidInputException("energy range " + low + "-" + high + " keV is empty: the lower bound must be below the upper one");
        }
    }

    private static String keV(double low, double high) {
        return String.format(Locale.ROOT, "%g-%g keV", low, high);
    }

    private double groupLowKeV(int g) {
        return response.channelLow(groupStart[g]);
    }

    private double groupHighKeV(int g) {
        return response.channelHigh(groupStart[g + 1] - 1);
    }

    /** The source spectrum. */
    public PhaSpectrum spectrum() {
        return spectrum;
    }

    /** The response. */
    public Response response() {
        return response;
    }

    /** The background spectrum, or {@code null}. */
    public PhaSpectrum background() {
        return background;
    }

    /** The source file, or {@code null} when the spectrum was made in memory. */
    public Path file() {
        return spectrum.file();
    }

    /** Source exposure in seconds. */
    public double exposure() {
        return spectrum.exposure();
    }

    /** The notice/ignore commands applied so far, in order, for messages and reports. */
    public List<String> selections() {
        return selections;
    }

    /** Number of groups, good or bad, noticed or not. */
    public int groups() {
        return groupNoticed.length;
    }

    /** Number of bad groups. */
    public int badGroups() {
        int n = 0;
        for (boolean b : groupBad) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** Number of bins in the fit: good, noticed groups. */
    public int bins() {
        return bins.length;
    }

    /** Index of the first channel of bin {@code b}. */
    public int binFirstChannel(int b) {
        return groupStart[bins[b]];
    }

    /** Index one past the last channel of bin {@code b}. */
    public int binEndChannel(int b) {
        return groupStart[bins[b] + 1];
    }

    /** Lower energy bound of bin {@code b} in keV. */
    public double binLowKeV(int b) {
        return groupLowKeV(bins[b]);
    }

    /** Upper energy bound of bin {@code b} in keV. */
    public double binHighKeV(int b) {
        return groupHighKeV(bins[b]);
    }

    /** Observed source counts per bin. */
    public double[] counts() {
        return sumPerBin(spectrum.counts());
    }

    /** Background counts per bin, unscaled, or {@code null} without a background. */
    public double[] backgroundCounts() {
        return background == null ? null : sumPerBin(background.counts());
    }

    /**
     * The background scaling per channel, (BACKSCAL · EXPOSURE · AREASCAL) of the source over
     * that of the background (OGIP/92-007), or {@code null} without a background.
     */
    public double[] channelBackgroundRatio() {
        if (background == null) {
            return null;
        }
        double[] bs = spectrum.backscal();
        double[] as = spectrum.areascal();
        double[] bb = background.backscal();
        double[] ab = background.areascal();
        double[] ratio = new double[bs.length];
        for (int c = 0; c < ratio.length; c++) {
            ratio[c] = bs[c] * spectrum.exposure() * as[c] / (bb[c] * background.exposure() * ab[c]);
        }
        return ratio;
    }

    /**
     * Background counts per bin scaled to the source extraction, the sum over channels of
     * counts × ratio, or {@code null} without a background.
     */
    public double[] scaledBackgroundCounts() {
        if (background == null) {
            return null;
        }
        double[] scaled = background.counts();
        double[] ratio = channelBackgroundRatio();
        for (int c = 0; c < scaled.length; c++) {
            scaled[c] *= ratio[c];
        }
        return sumPerBin(scaled);
    }

    /**
     * The background ratio per bin: the count-weighted mean of the channel ratios (their plain
     * mean for a bin without background counts), or {@code null} without a background. It equals
     * the channel ratio wherever BACKSCAL, EXPOSURE and AREASCAL are keywords.
     */
    public double[] backgroundRatio() {
        if (background == null) {
            return null;
        }
        double[] ratio = channelBackgroundRatio();
        double[] b = background.counts();
        double[] out = new double[bins.length];
        for (int k = 0; k < bins.length; k++) {
            double weighted = 0;
            double total = 0;
            double plain = 0;
            for (int c = binFirstChannel(k); c < binEndChannel(k); c++) {
                weighted += b[c] * ratio[c];
                total += b[c];
                plain += ratio[c];
            }
            out[k] = total > 0 ? weighted / total : plain / (binEndChannel(k) - binFirstChannel(k));
        }
        return out;
    }

    private double[] sumPerBin(double[] perChannel) {
        double[] out = new double[bins.length];
        for (int k = 0; k < bins.length; k++) {
            for (int c = binFirstChannel(k); c < binEndChannel(k); c++) {
                out[k] += perChannel[c];
            }
        }
        return out;
    }

    /**
     * Throws a one-line error naming the file and the selections when no bin is left to fit.
     *
     * @return this observation
     */
    public Observation requireBins() {
        if (bins.length == 0) {
            String why = selections.isEmpty() ? "every channel group is bad (QUALITY)"
                    : "no good channel group lies in the noticed range (" + String.join(", ", selections) + ")";
            throw InvalidInputException.inFile(spectrum.file(), spectrum.hdu(), null, "nothing to fit: " + why);
        }
        return this;
    }

    @Override
    public String toString() {
        return "Observation[" + (file() == null ? "memory" : file().getFileName()) + ", " + bins() + " bins of "
                + groups() + " groups, " + exposure() + " s" + (background == null ? "" : ", with background") + "]";
    }
}
