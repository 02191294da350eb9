package org.sixsa4j.ogip;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One OGIP spectrum: a type I PHA file, or one row of a type II file (OGIP/92-007 and its
 * type II extension).
 *
 * <p>Every per-channel quantity is expanded to one value per channel, whether the file holds it
 * as a keyword or a column; when both exist the column wins. Counts are in counts, so a file
 * that stores RATE is read as {@code RATE * EXPOSURE}. File links (RESPFILE, ANCRFILE,
 * BACKFILE) are kept as written, with {@code NONE} and blanks turned into {@code null};
 * {@link OgipLinks} resolves them.
 */
public final class PhaSpectrum {
    private final Path file;
    private final String hdu;
    private final int row;
    private final int[] channels;
    private final double[] counts;
    private final boolean poissonErrors;
    private final double[] statErr;
    private final double[] sysErr;
    private final double exposure;
    private final double[] backscal;
    private final double[] areascal;
    private final int[] quality;
    private final int[] grouping;
    private final String respFile;
    private final String ancrFile;
    private final String backFile;
    private final String telescope;
    private final String instrument;
    private final String channelType;

    private PhaSpectrum(Builder b) {
        int n = b.channels.length;
        this.file = b.file;
        this.hdu = b.hdu;
        this.row = b.row;
        this.channels = b.channels.clone();
        this.counts = checkLength("counts", b.counts, n).clone();
        this.poissonErrors = b.poissonErrors;
        this.statErr = b.statErr == null ? null : checkLength("statErr", b.statErr, n).clone();
        this.sysErr = b.sysErr == null ? new double[n] : checkLength("sysErr", b.sysErr, n).clone();
        this.exposure = b.exposure;
        this.backscal = b.backscal == null ? filled(n, 1.0) : checkLength("backscal", b.backscal, n).clone();
        this.areascal = b.areascal == null ? filled(n, 1.0) : checkLength("areascal", b.areascal, n).clone();
        this.quality = b.quality == null ? new int[n] : checkLength("quality", b.quality, n).clone();
        this.grouping = b.grouping == null ? filledInt(n, 1) : checkLength("grouping", b.grouping, n).clone();
        this.respFile = b.respFile;
        this.ancrFile = b.ancrFile;
        this.backFile = b.backFile;
        this.telescope = b.telescope;
        this.instrument = b.instrument;
        this.channelType = b.channelType;
    }

    /** A builder; channels and counts are required, everything else has the OGIP default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding a copy of this spectrum's values. */
    public Builder toBuilder() {
        return new Builder().file(file).hdu(hdu).row(row).channels(channels).counts(counts)
                .poissonErrors(poissonErrors).statErr(statErr).sysErr(sysErr).exposure(exposure)
                .backscal(backscal).areascal(areascal).quality(quality).grouping(grouping)
                .respFile(respFile).ancrFile(ancrFile).backFile(backFile)
                .telescope(telescope).instrument(instrument).channelType(channelType);
    }

    /** The file this spectrum was read from, or {@code null} if it was made in memory. */
    public Path file() {
        return file;
    }

    /** The HDU it was read from (EXTNAME, usually SPECTRUM), or {@code null}. */
    public String hdu() {
        return hdu;
    }

    /** The row of a type II file (0-based), or -1 for a type I spectrum. */
    public int row() {
        return row;
    }

    /** Number of channels. */
    public int size() {
        return channels.length;
    }

    /** Channel numbers as written in the CHANNEL column. */
    public int[] channels() {
        return channels.clone();
    }

    /** The first channel number (the TLMIN of CHANNEL when the file is complete). */
    public int firstChannel() {
        return channels.length == 0 ? 0 : channels[0];
    }

    /** Counts per channel (RATE times EXPOSURE when the file stores rates). */
    public double[] counts() {
        return counts.clone();
    }

    /** Counts of one channel, by index (not channel number). */
    public double count(int index) {
        return counts[index];
    }

    /** Total counts over all channels, good or bad. */
    public double totalCounts() {
        double sum = 0.0;
        for (double c : counts) {
            sum += c;
        }
        return sum;
    }

    /** POISSERR: whether the counts follow Poisson statistics. */
    public boolean poissonErrors() {
        return poissonErrors;
    }

    /** STAT_ERR per channel in counts, or {@code null} when absent. */
    public double[] statErr() {
        return statErr == null ? null : statErr.clone();
    }

    /** SYS_ERR per channel, as a fraction (zero when absent). */
    public double[] sysErr() {
        return sysErr.clone();
    }

    /** EXPOSURE in seconds. */
    public double exposure() {
        return exposure;
    }

    /** BACKSCAL per channel. */
    public double[] backscal() {
        return backscal.clone();
    }

    /** AREASCAL per channel. */
    public double[] areascal() {
        return areascal.clone();
    }

    /** QUALITY per channel: 0 good, 1 bad (set by the pipeline), 2 dubious, 5 set bad by the user. */
    public int[] quality() {
        return quality.clone();
    }

    /** Number of channels whose QUALITY is not 0. */
    public int badChannels() {
        int n = 0;
        for (int q : quality) {
            if (q != 0) {
                n++;
            }
        }
        return n;
    }

    /** GROUPING per channel: 1 starts a group, -1 continues one, 0 means no grouping information. */
    public int[] grouping() {
        return grouping.clone();
    }

    /** RESPFILE as written, or {@code null} for none. */
    public String respFile() {
        return respFile;
    }

    /** ANCRFILE as written, or {@code null} for none. */
    public String ancrFile() {
        return ancrFile;
    }

    /** BACKFILE as written, or {@code null} for none. */
    public String backFile() {
        return backFile;
    }

    /** TELESCOP, or {@code null}. */
    public String telescope() {
        return telescope;
    }

    /** INSTRUME, or {@code null}. */
    public String instrument() {
        return instrument;
    }

    /** CHANTYPE (PI or PHA), or {@code null}. */
    public String channelType() {
        return channelType;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PhaSpectrum)) {
            return false;
        }
        PhaSpectrum p = (PhaSpectrum) o;
        return exposure == p.exposure && poissonErrors == p.poissonErrors
                && Arrays.equals(channels, p.channels) && Arrays.equals(counts, p.counts)
                && Arrays.equals(statErr, p.statErr) && Arrays.equals(sysErr, p.sysErr)
                && Arrays.equals(backscal, p.backscal) && Arrays.equals(areascal, p.areascal)
                && Arrays.equals(quality, p.quality) && Arrays.equals(grouping, p.grouping)
                && Objects.equals(respFile, p.respFile) && Objects.equals(ancrFile, p.ancrFile)
                && Objects.equals(backFile, p.backFile) && Objects.equals(telescope, p.telescope)
                && Objects.equals(instrument, p.instrument) && Objects.equals(channelType, p.channelType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exposure, Arrays.hashCode(channels), Arrays.hashCode(counts));
    }

    @Override
    public String toString() {
        return "PhaSpectrum[" + (file == null ? "memory" : file.getFileName()) + ", " + size()
                + " channels, " + totalCounts() + " counts, " + exposure + " s]";
    }

    private static double[] checkLength(String name, double[] a, int n) {
        if (a.length != n) {
            throw new IllegalArgumentException(name + " has " + a.length + " values for " + n + " channels");
        }
        return a;
    }

    private static int[] checkLength(String name, int[] a, int n) {
        if (a.length != n) {
            throw new IllegalArgumentException(name + " has " + a.length + " values for " + n + " channels");
        }
        return a;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static int[] filledInt(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    /** Builds a {@link PhaSpectrum}; arrays are copied on {@link #build()}. */
    public static final class Builder {
        private Path file;
        private String hdu;
        private int row = -1;
        private int[] channels;
        private double[] counts;
        private boolean poissonErrors = true;
        private double[] statErr;
        private double[] sysErr;
        private double exposure = 1.0;
        private double[] backscal;
        private double[] areascal;
        private int[] quality;
        private int[] grouping;
        private String respFile;
        private String ancrFile;
        private String backFile;
        private String telescope;
        private String instrument;
        private String channelType = "PI";

        private Builder() {
        }

        public Builder file(Path v) { this.file = v; return this; }
        public Builder hdu(String v) { this.hdu = v; return this; }
        public Builder row(int v) { this.row = v; return this; }
        public Builder channels(int[] v) { this.channels = v; return this; }
        public Builder counts(double[] v) { this.counts = v; return this; }
        public Builder poissonErrors(boolean v) { this.poissonErrors = v; return this; }
        public Builder statErr(double[] v) { this.statErr = v; return this; }
        public Builder sysErr(double[] v) { this.sysErr = v; return this; }
        public Builder exposure(double v) { this.exposure = v; return this; }
        public Builder backscal(double[] v) { this.backscal = v; return this; }
        public Builder areascal(double[] v) { this.areascal = v; return this; }
        public Builder quality(int[] v) { this.quality = v; return this; }
        public Builder grouping(int[] v) { this.grouping = v; return this; }
        public Builder respFile(String v) { this.respFile = v; return this; }
        public Builder ancrFile(String v) { this.ancrFile = v; return this; }
        public Builder backFile(String v) { this.backFile = v; return this; }
        public Builder telescope(String v) { this.telescope = v; return this; }
        public Builder instrument(String v) { this.instrument = v; return this; }
        public Builder channelType(String v) { this.channelType = v; return this; }

        /** A channel list {@code first, first+1, ...} of the same length as the counts. */
        public Builder consecutiveChannels(int first) {
            int n = Objects.requireNonNull(counts, "set counts first").length;
            channels = new int[n];
            for (int i = 0; i < n; i++) {
                channels[i] = first + i;
            }
            return this;
        }

        public PhaSpectrum build() {
            Objects.requireNonNull(channels, "channels");
            Objects.requireNonNull(counts, "counts");
            return new PhaSpectrum(this);
        }
    }
}
