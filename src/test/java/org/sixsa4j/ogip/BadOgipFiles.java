package org.sixsa4j.ogip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import nom.tam.fits.BinaryTableHDU;

/**
 * Writes a corpus of broken OGIP files (OGIP/92-007 spectra, CAL/GEN/92-002 responses) into a
 * folder, each with the fragments its one-line error message must contain. Tests of the readers
 * use it, and so can command-line tests that want a set of bad inputs.
 *
 * <p>Each {@link Case} says which reader to apply ({@link Kind}); {@link Case#load()} applies it.
 * The fragments always include the file name and, where the problem is inside the file, the HDU
 * and the column or keyword as {@code [HDU] ITEM}.
 */
public final class BadOgipFiles {
    private BadOgipFiles() {
    }

    /** How a case is read. */
    public enum Kind {
        /** {@link PhaFile#read(Path)}. */
        PHA,
        /** {@link PhaFile#read(Path)} then {@link OgipLinks#response(PhaSpectrum)}. */
        RESPONSE_LINK,
        /** {@link ArfFile#read(Path)}. */
        ARF,
        /** {@link RmfFile#read(Path)}. */
        RMF
    }

    /** One broken input: its name, its file, how to read it and what the error must say. */
    public record Case(String name, Path file, Kind kind, List<String> fragments) {
        /** Reads the file as {@link #kind()} says; expected to throw. */
        public void load() {
            switch (kind) {
                case PHA -> PhaFile.read(file);
                case RESPONSE_LINK -> OgipLinks.response(PhaFile.read(file));
                case ARF -> ArfFile.read(file);
                case RMF -> RmfFile.read(file);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Writes every broken file into {@code dir} and lists them. */
    public static List<Case> writeAll(Path dir) {
        List<Case> cases = new ArrayList<>();
        try {
            spectra(dir, cases);
            ancillaryResponses(dir, cases);
            responses(dir, cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static void spectra(Path dir, List<Case> cases) throws IOException {
        Path good = dir.resolve("good.pha");
        PhaFile.write(PhaSpectrum.builder().counts(new double[1024]).consecutiveChannels(1).exposure(10).build(), good);
        byte[] bytes = Files.readAllBytes(good);
        Files.delete(good);

        add(cases, dir, "truncated-data.pha", Kind.PHA, p -> Files.write(p, Arrays.copyOf(bytes, bytes.length - 3000)),
                "[SPECTRUM]", "truncated");
        add(cases, dir, "truncated-header.pha", Kind.PHA, p -> Files.write(p, Arrays.copyOf(bytes, 2880 + 1000)),
                "[HDU 1]", "truncated");
        String header = new String(bytes, StandardCharsets.ISO_8859_1);
        add(cases, dir, "bad-tform.pha", Kind.PHA, p -> Files.write(p, header.replaceFirst("'1J      '", "'1W      '")
                .getBytes(StandardCharsets.ISO_8859_1)), "[HDU 1]", "cannot be read as FITS");
        add(cases, dir, "text.pha", Kind.PHA,
                p -> Files.writeString(p, "CHANNEL COUNTS\n1 10\n2 12\n".repeat(40)), "not a FITS file");
        add(cases, dir, "empty.pha", Kind.PHA, p -> Files.write(p, new byte[0]), "not a FITS file");
        add(cases, dir, "absent.pha", Kind.PHA, p -> { }, "does not exist");
        add(cases, dir, "no-spectrum.pha", Kind.PHA, p -> FitsOutput.write(p, () -> List.of(new TableBuilder()
                .column("START", new double[] {0}, "s").column("STOP", new double[] {1}, "s")
                .keyword("EXTNAME", "GTI", null).build())), "[SPECTRUM]", "extension is missing");
        add(cases, dir, "no-exposure.pha", Kind.PHA, p -> new Pha().exposure(null).write(p),
                "[SPECTRUM] EXPOSURE", "missing");
        add(cases, dir, "zero-exposure.pha", Kind.PHA, p -> new Pha().exposure(0.0).write(p),
                "[SPECTRUM] EXPOSURE", "positive");
        add(cases, dir, "text-exposure.pha", Kind.PHA, p -> new Pha().exposure("long").write(p),
                "[SPECTRUM] EXPOSURE", "number");
        add(cases, dir, "negative-counts.pha", Kind.PHA, p -> new Pha().counts(new int[] {4, 2, -3, 1}).write(p),
                "[SPECTRUM] COUNTS", "row 2", ">= 0");
        add(cases, dir, "fractional-counts.pha", Kind.PHA,
                p -> new Pha().counts(new double[] {4, 2.5, 3, 1}).write(p), "[SPECTRUM] COUNTS", "row 1", "whole");
        add(cases, dir, "nan-counts.pha", Kind.PHA,
                p -> new Pha().poisson(false).counts(new double[] {4, 2, Double.NaN, 1}).write(p),
                "[SPECTRUM] COUNTS", "row 2", "NaN");
        add(cases, dir, "no-counts.pha", Kind.PHA, p -> new Pha().counts(null).write(p),
                "[SPECTRUM] COUNTS", "RATE");
        add(cases, dir, "channel-gap.pha", Kind.PHA, p -> new Pha().channels(new int[] {1, 2, 4, 5}).write(p),
                "[SPECTRUM] CHANNEL", "row 2", "increase by 1");
        add(cases, dir, "non-numeric-quality.pha", Kind.PHA,
                p -> new Pha().keyword("QUALITY", "good").write(p), "[SPECTRUM] QUALITY", "number");
        add(cases, dir, "several-spectra.pha", Kind.PHA, p -> new Pha().typeII().write(p),
                "[SPECTRUM]", "2 spectra");
        add(cases, dir, "short-quality-row.pha", Kind.PHA, p -> typeIIRow(p, new int[] {1, 2, 3, 4}, new short[] {0, 0, 1}),
                "[SPECTRUM] QUALITY", "row 0", "3 values for 4 channels");
        add(cases, dir, "short-channel-row.pha", Kind.PHA, p -> typeIIRow(p, new int[] {1, 2, 3}, new short[] {0, 0, 1, 0}),
                "[SPECTRUM] CHANNEL", "row 0", "3 channels");
        add(cases, dir, "broken-respfile.pha", Kind.RESPONSE_LINK,
                p -> new Pha().keyword("RESPFILE", "absent.rmf").write(p), "[SPECTRUM] RESPFILE", "absent.rmf",
                "does not exist");
        add(cases, dir, "match-respfile.pha", Kind.RESPONSE_LINK,
                p -> new Pha().keyword("RESPFILE", "%match%").write(p), "[SPECTRUM] RESPFILE", "%match%");
        add(cases, dir, "selector-respfile.pha", Kind.RESPONSE_LINK,
                p -> new Pha().keyword("RESPFILE", "resp.rmf[2]").write(p), "[SPECTRUM] RESPFILE", "[..]");
    }

    private static void ancillaryResponses(Path dir, List<Case> cases) {
        add(cases, dir, "nan-specresp.arf", Kind.ARF, p -> new ArfTable().area(2, Double.NaN).write(p),
                "[SPECRESP] SPECRESP", "row 2", "NaN");
        add(cases, dir, "negative-specresp.arf", Kind.ARF, p -> new ArfTable().area(1, -5).write(p),
                "[SPECRESP] SPECRESP", "row 1", ">= 0");
        add(cases, dir, "decreasing-energy.arf", Kind.ARF, p -> new ArfTable().low(2, 1.5).write(p),
                "[SPECRESP] ENERG_LO", "row 2", "increase");
        add(cases, dir, "empty-bin.arf", Kind.ARF, p -> new ArfTable().high(0, 1.0).write(p),
                "[SPECRESP] ENERG_HI", "row 0");
        add(cases, dir, "no-specresp.arf", Kind.ARF, p -> new Pha().write(p), "[SPECRESP]", "extension is missing");
    }

    private static void responses(Path dir, List<Case> cases) throws IOException {
        add(cases, dir, "no-matrix.rmf", Kind.RMF, p -> new RmfTables().withoutMatrix().write(p),
                "[MATRIX]", "extension is missing");
        add(cases, dir, "no-ebounds.rmf", Kind.RMF, p -> new RmfTables().withoutEbounds().write(p),
                "[EBOUNDS]", "extension is missing");
        add(cases, dir, "n-chan-beyond-matrix.rmf", Kind.RMF,
                p -> new RmfTables().group(1, 2, 3).write(p), "[MATRIX] N_CHAN", "row 1", "needs 3");
        add(cases, dir, "negative-n-grp.rmf", Kind.RMF, p -> new RmfTables().nGrp(2, -1).write(p),
                "[MATRIX] N_GRP", "row 2");
        add(cases, dir, "nan-matrix.rmf", Kind.RMF, p -> new RmfTables().value(0, 1, Double.NaN).write(p),
                "[MATRIX] MATRIX", "row 0", "NaN");
        add(cases, dir, "decreasing-energy.rmf", Kind.RMF, p -> new RmfTables().low(1, 0.5).write(p),
                "[MATRIX] ENERG_LO", "row 1", "increase");
        add(cases, dir, "channel-beyond-ebounds.rmf", Kind.RMF, p -> new RmfTables().group(2, 8, 2).write(p),
                "[MATRIX] F_CHAN", "row 2", "outside");
        add(cases, dir, "tlmin-disagrees.rmf", Kind.RMF, p -> new RmfTables().eboundsFirst(0).write(p),
                "[MATRIX] F_CHAN", "TLMIN", "EBOUNDS");
        add(cases, dir, "detchans-disagrees.rmf", Kind.RMF, p -> new RmfTables().detchans(10).write(p),
                "[MATRIX] DETCHANS", "10");
        add(cases, dir, "corrupt-heap.rmf", Kind.RMF, p -> {
            new RmfTables().write(p);
            byte[] rmf = Files.readAllBytes(p);
            // The high byte of the heap offset of row 0's MATRIX descriptor (the row holds
            // ENERG_LO, ENERG_HI as 8 bytes, N_GRP as 4, then three 8-byte descriptors).
            rmf[firstDataByte(rmf) + 40] = 0x7f;
            Files.write(p, rmf);
        }, "[MATRIX] MATRIX", "row 0");
        Path good = dir.resolve("good.rmf");
        new RmfTables().write(good);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(good));
        }
        Files.delete(good);
        byte[] zipped = gz.toByteArray();
        add(cases, dir, "truncated.rmf.gz", Kind.RMF, p -> Files.write(p, Arrays.copyOf(zipped, zipped.length / 2)),
                "truncated gzip");
    }

    /** A one-row type II spectrum of four counts with the given CHANNEL and QUALITY arrays. */
    private static void typeIIRow(Path p, int[] channels, short[] quality) {
        FitsOutput.write(p, () -> List.of(new TableBuilder()
                .column("CHANNEL", new int[][] {channels}, null)
                .column("COUNTS", new int[][] {{4, 2, 3, 1}}, "count")
                .column("QUALITY", new short[][] {quality}, null)
                .keyword("EXTNAME", "SPECTRUM", null).keyword("HDUCLAS4", "TYPE:II", null)
                .keyword("EXPOSURE", 100.0, null).build()));
    }

    /** Where the data of the first extension start: after the primary HDU and the first END card. */
    private static int firstDataByte(byte[] fits) {
        String text = new String(fits, StandardCharsets.ISO_8859_1);
        int card = 2880;
        while (!text.startsWith("END     ", card)) {
            card += 80;
        }
        return (card / 2880 + 1) * 2880;
    }

    private interface Writer {
        void write(Path p) throws IOException;
    }

    private static void add(List<Case> cases, Path dir, String name, Kind kind, Writer writer, String... fragments) {
        Path p = dir.resolve(name);
        try {
            writer.write(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(Arrays.asList(fragments));
        cases.add(new Case(name, p, kind, List.copyOf(all)));
    }

    /** A small type I spectrum written column by column, so that any part can be broken. */
    private static final class Pha {
        private int[] channels = {1, 2, 3, 4};
        private Object counts = new int[] {4, 2, 3, 1};
        private Object exposure = 100.0;
        private boolean poisson = true;
        private boolean typeII;
        private final List<Object[]> keywords = new ArrayList<>();

        Pha channels(int[] v) { channels = v; return this; }
        Pha counts(Object v) { counts = v; return this; }
        Pha exposure(Object v) { exposure = v; return this; }
        Pha poisson(boolean v) { poisson = v; return this; }
        Pha keyword(String key, String value) { keywords.add(new Object[] {key, value}); return this; }

        /** Two rows of the same spectrum, as a type II file. */
        Pha typeII() {
            typeII = true;
            return this;
        }

        void write(Path p) {
            FitsOutput.write(p, () -> {
                TableBuilder b = new TableBuilder();
                if (typeII) {
                    b.column("CHANNEL", new int[][] {channels, channels}, null)
                            .column("COUNTS", new int[][] {(int[]) counts, (int[]) counts}, "count")
                            .keyword("HDUCLAS4", "TYPE:II", null);
                } else {
                    b.column("CHANNEL", channels, null);
                    if (counts != null) {
                        b.column("COUNTS", counts, "count");
                    }
                }
                b.keyword("EXTNAME", "SPECTRUM", null).keyword("HDUCLASS", "OGIP", null)
                        .keyword("HDUCLAS1", "SPECTRUM", null).keyword("POISSERR", poisson, null)
                        .keyword("EXPOSURE", exposure, null);
                for (Object[] k : keywords) {
                    b.keyword((String) k[0], k[1], null);
                }
                return List.<BinaryTableHDU>of(b.build());
            });
        }
    }

    /** A four-bin ARF with one value to break. */
    private static final class ArfTable {
        private final double[] low = {1, 2, 3, 4};
        private final double[] high = {2, 3, 4, 5};
        private final double[] area = {10, 20, 30, 40};

        ArfTable low(int i, double v) { low[i] = v; return this; }
        ArfTable high(int i, double v) { high[i] = v; return this; }
        ArfTable area(int i, double v) { area[i] = v; return this; }

        void write(Path p) {
            FitsOutput.write(p, () -> List.of(new TableBuilder()
                    .column("ENERG_LO", low, "keV").column("ENERG_HI", high, "keV")
                    .column("SPECRESP", area, "cm**2").keyword("EXTNAME", "SPECRESP", null).build()));
        }
    }

    /**
     * A three-energy, eight-channel RMF with channels from 1 and one group per row, written with
     * variable-length columns; each setter breaks one thing.
     */
    private static final class RmfTables {
        private final double[] low = {1, 2, 3};
        private final double[] high = {2, 3, 4};
        private final int[] nGrp = {1, 1, 1};
        private final int[][] fChan = {{1}, {3}, {5}};
        private final int[][] nChan = {{2}, {2}, {2}};
        private final double[][] matrix = {{0.5, 0.5}, {0.4, 0.6}, {0.3, 0.7}};
        private int eboundsFirst = 1;
        private int detchans = 8;
        private boolean withMatrix = true;
        private boolean withEbounds = true;

        RmfTables low(int i, double v) { low[i] = v; return this; }
        RmfTables nGrp(int row, int v) { nGrp[row] = v; return this; }
        RmfTables value(int row, int i, double v) { matrix[row][i] = v; return this; }
        RmfTables eboundsFirst(int v) { eboundsFirst = v; return this; }
        RmfTables detchans(int v) { detchans = v; return this; }
        RmfTables withoutMatrix() { withMatrix = false; return this; }
        RmfTables withoutEbounds() { withEbounds = false; return this; }

        RmfTables group(int row, int first, int count) {
            fChan[row][0] = first;
            nChan[row][0] = count;
            return this;
        }

        void write(Path p) {
            FitsOutput.write(p, () -> {
                List<BinaryTableHDU> hdus = new ArrayList<>();
                if (withMatrix) {
                    hdus.add(new TableBuilder()
                            .column("ENERG_LO", low, "keV").column("ENERG_HI", high, "keV")
                            .column("N_GRP", nGrp, null)
                            .variableColumn("F_CHAN", fChan, null).limits(1, 8)
                            .variableColumn("N_CHAN", nChan, null)
                            .variableColumn("MATRIX", matrix, null)
                            .keyword("EXTNAME", "MATRIX", null).keyword("DETCHANS", detchans, null).build());
                }
                if (withEbounds) {
                    int[] channel = new int[8];
                    double[] eMin = new double[8];
                    double[] eMax = new double[8];
                    for (int i = 0; i < 8; i++) {
                        channel[i] = eboundsFirst + i;
                        eMin[i] = 0.5 * i;
                        eMax[i] = 0.5 * (i + 1);
                    }
                    hdus.add(new TableBuilder().column("CHANNEL", channel, null).column("E_MIN", eMin, "keV")
                            .column("E_MAX", eMax, "keV").keyword("EXTNAME", "EBOUNDS", null).build());
                }
                return hdus;
            });
        }
    }
}
