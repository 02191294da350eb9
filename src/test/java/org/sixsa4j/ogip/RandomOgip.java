package org.sixsa4j.ogip;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Random but valid OGIP values for round-trip tests, drawn from a seeded generator so that a
 * failure can be replayed from the seed printed with it.
 */
final class RandomOgip {
    private static final String LONG_NAME = "a_response_file_name_long_enough_to_need_the_fits_long_string_convention_"
            + "CONTINUE_cards.rmf";

    private final UniformRandomProvider rng;

    RandomOgip(long seed) {
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    PhaSpectrum spectrum() {
        int n = 1 + rng.nextInt(300);
        boolean poisson = rng.nextBoolean();
        double[] counts = new double[n];
        for (int i = 0; i < n; i++) {
            counts[i] = poisson ? rng.nextInt(50) : 100 * rng.nextDouble() - 10;
        }
        return PhaSpectrum.builder()
                .counts(counts)
                .consecutiveChannels(rng.nextInt(3))
                .poissonErrors(poisson)
                .statErr(poisson && rng.nextBoolean() ? null : positive(n))
                .sysErr(rng.nextBoolean() ? null : positive(n))
                .exposure(1e-3 + 1e5 * rng.nextDouble())
                .backscal(rng.nextBoolean() ? filled(n, rng.nextDouble()) : positive(n))
                .areascal(rng.nextBoolean() ? null : positive(n))
                .quality(rng.nextBoolean() ? filledInt(n, 5 * rng.nextInt(2)) : flags(n, new int[] {0, 1, 2, 5}))
                .grouping(grouping(n))
                .respFile(link())
                .ancrFile(link())
                .backFile(link())
                .telescope(rng.nextBoolean() ? null : "XMM")
                .instrument(rng.nextBoolean() ? null : "EPN")
                .channelType(new String[] {null, "PI", "PHA"}[rng.nextInt(3)])
                .build();
    }

    Arf arf() {
        int n = 1 + rng.nextInt(500);
        double[] low = new double[n];
        double[] high = new double[n];
        double[] area = new double[n];
        double e = 0.05 * rng.nextDouble();
        for (int i = 0; i < n; i++) {
            low[i] = e;
            e += 1e-4 + 0.1 * rng.nextDouble();
            high[i] = e;
            area[i] = rng.nextInt(10) == 0 ? 0.0 : 1000 * rng.nextDouble();
        }
        return new Arf(null, low, high, area, rng.nextBoolean() ? null : "ATHENA", rng.nextBoolean() ? null : "XIFU");
    }

    /**
     * An RMF whose rows hold runs of channels (so several groups, and empty rows) with an
     * occasional explicit zero among the stored values.
     */
    Rmf rmf() {
        int ne = 1 + rng.nextInt(80);
        int nc = 1 + rng.nextInt(200);
        double[] low = new double[ne];
        double[] high = new double[ne];
        double e = 0.1 * rng.nextDouble();
        for (int i = 0; i < ne; i++) {
            low[i] = e;
            e += 1e-3 + 0.2 * rng.nextDouble();
            high[i] = e;
        }
        double[] chLow = new double[nc];
        double[] chHigh = new double[nc];
        for (int c = 0; c < nc; c++) {
            chLow[c] = 0.01 * c;
            chHigh[c] = 0.01 * (c + 1);
        }
        int[] rowStart = new int[ne + 1];
        int[] index = new int[ne * nc];
        double[] value = new double[ne * nc];
        int size = 0;
        for (int r = 0; r < ne; r++) {
            boolean inGroup = false;
            for (int c = 0; c < nc; c++) {
                inGroup = inGroup ? rng.nextInt(5) != 0 : rng.nextInt(20) == 0;
                if (inGroup) {
                    index[size] = c;
                    value[size++] = rng.nextInt(15) == 0 ? 0.0 : rng.nextDouble();
                }
            }
            rowStart[r + 1] = size;
        }
        return new Rmf(null, null, low, high, rng.nextInt(2), chLow, chHigh, rowStart,
                Arrays.copyOf(index, size), Arrays.copyOf(value, size), rng.nextBoolean(),
                rng.nextBoolean() ? null : "CHANDRA", rng.nextBoolean() ? null : "ACIS",
                rng.nextBoolean() ? null : "PI");
    }

    private String link() {
        switch (rng.nextInt(3)) {
            case 0:
                return null;
            case 1:
                return "file" + rng.nextInt(100) + ".fits";
            default:
                return LONG_NAME;
        }
    }

    private int[] grouping(int n) {
        switch (rng.nextInt(3)) {
            case 0:
                return new int[n];
            case 1:
                return filledInt(n, 1);
            default:
                int[] g = flags(n, new int[] {1, -1});
                g[0] = 1;
                return g;
        }
    }

    private double[] positive(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1e-3 + rng.nextDouble();
        }
        return v;
    }

    private int[] flags(int n, int[] choices) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = choices[rng.nextInt(choices.length)];
        }
        return v;
    }

    private static double[] filled(int n, double value) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        return v;
    }

    private static int[] filledInt(int n, int value) {
        int[] v = new int[n];
        Arrays.fill(v, value);
        return v;
    }
}
