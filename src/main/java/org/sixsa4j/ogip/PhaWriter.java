package org.sixsa4j.ogip;

import nom.tam.fits.BinaryTableHDU;

/**
 * Lays out a {@link PhaSpectrum} as the SPECTRUM extension of a type I PHA file (OGIP/92-007,
 * HDUVERS 1.2.1) with every mandatory keyword, choosing for each per-channel quantity between a
 * keyword (uniform values) and a column; see {@link PhaFile#write}.
 */
final class PhaWriter {
    private PhaWriter() {
    }

    static BinaryTableHDU spectrumHdu(PhaSpectrum s) {
        int[] channels = s.channels();
        double[] counts = s.counts();
        TableBuilder b = new TableBuilder().column("CHANNEL", channels, null);
        if (channels.length > 0) {
            b.limits(channels[0], channels[channels.length - 1]);
        }
        Object wholeCounts = whole(counts);
        b.column("COUNTS", wholeCounts != null ? wholeCounts : counts, "count");
        if (s.statErr() != null) {
            b.column("STAT_ERR", s.statErr(), "count");
        }
        keywordOrColumn(b, "SYS_ERR", s.sysErr());
        keywordOrColumn(b, "BACKSCAL", s.backscal());
        keywordOrColumn(b, "AREASCAL", s.areascal());
        int[] quality = s.quality();
        if (uniform(quality)) {
            b.keyword("QUALITY", quality.length == 0 ? 0 : quality[0], "data quality flag for all channels");
        } else {
            b.column("QUALITY", narrow(quality), null);
        }
        int[] grouping = s.grouping();
        if (uniform(grouping) && (grouping.length == 0 || grouping[0] == 0)) {
            b.keyword("GROUPING", 0, "no grouping of the data has been defined");
        } else {
            b.column("GROUPING", narrow(grouping), null);
        }
        return b.keyword("EXTNAME", "SPECTRUM", "name of this binary table extension")
                .keyword("HDUCLASS", "OGIP", "format conforms to OGIP standard")
                .keyword("HDUCLAS1", "SPECTRUM", "PHA dataset (OGIP/92-007)")
                .keyword("HDUCLAS3", "COUNT", "PHA data stored as counts (not count/s)")
                .keyword("HDUCLAS4", "TYPE:I", "single PHA dataset")
                .keyword("HDUVERS", "1.2.1", "version of format")
                .keyword("TELESCOP", s.telescope(), "mission name")
                .keyword("INSTRUME", s.instrument(), "instrument name")
                .keyword("FILTER", "none", "filter in use")
                .keyword("EXPOSURE", s.exposure(), "exposure time in seconds")
                .keyword("POISSERR", s.poissonErrors(), "Poisson errors apply to the counts")
                .keyword("CHANTYPE", s.channelType(), "channel type (PHA or PI)")
                .keyword("DETCHANS", channels.length, "total number of detector channels")
                .keyword("RESPFILE", orNone(s.respFile()), "redistribution matrix file (RMF)")
                .keyword("ANCRFILE", orNone(s.ancrFile()), "ancillary response file (ARF)")
                .keyword("BACKFILE", orNone(s.backFile()), "background file")
                .keyword("CORRFILE", "none", "correction file")
                .keyword("CORRSCAL", 1.0, "correction scaling factor")
                .build();
    }

    private static void keywordOrColumn(TableBuilder b, String name, double[] values) {
        boolean same = true;
        for (double v : values) {
            same &= Double.compare(v, values[0]) == 0;
        }
        if (same && values.length > 0) {
            b.keyword(name, values[0], null);
        } else {
            b.column(name, values, null);
        }
    }

    /** The counts as ints when every one is a whole number in the int range, else {@code null}. */
    private static int[] whole(double[] counts) {
        int[] ints = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != Math.rint(counts[i]) || Math.abs(counts[i]) > Integer.MAX_VALUE) {
                return null;
            }
            ints[i] = (int) counts[i];
        }
        return ints;
    }

    private static boolean uniform(int[] v) {
        for (int x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }

    /** Flags as 2-byte integers, the OGIP type, unless a value does not fit. */
    private static Object narrow(int[] v) {
        short[] s = new short[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != (short) v[i]) {
                return v;
            }
            s[i] = (short) v[i];
        }
        return s;
    }

    private static String orNone(String link) {
        return link == null ? "none" : link;
    }
}
