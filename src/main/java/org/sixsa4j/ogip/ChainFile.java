package org.sixsa4j.ogip;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Posterior samples as an XSPEC chain file, so that XSPEC ({@code chain load}), PyXspec and the
 * tools built on them read sixsa4j's posteriors like their own: a binary table with EXTNAME
 * CHAIN, one double column per parameter named {@code name__index} (XSPEC's convention: the
 * parameter's name and its 1-based number in the model) and a final FIT_STATISTIC column, plus
 * keywords for the chain type and, for an ensemble chain, the number of walkers, whose samples
 * are interleaved step by step as XSPEC writes them.
 */
public final class ChainFile {
    private ChainFile() {
    }

    /** The contents of a chain file: its column names (FIT_STATISTIC last), rows, chain type and walkers. */
    public record Contents(List<String> columns, double[][] rows, String chainType, int walkers) {
    }

    /**
     * Reads an XSPEC chain file (ours or XSPEC's).
     *
     * @throws org.sixsa4j.InvalidInputException naming the file when it has no CHAIN extension
     */
    public static Contents read(Path file) {
        FitsTable t = FitsTables.read(file).require("CHAIN", "a binary table with EXTNAME = 'CHAIN'",
                s -> s.keywordIs("EXTNAME", "CHAIN"));
        List<String> names = t.columnNames();
        double[][] columns = new double[names.size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = t.column(names.get(j).toUpperCase(Locale.ROOT));
        }
        double[][] rows = new double[t.rows()][names.size()];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                rows[i][j] = columns[j][i];
            }
        }
        String type = t.string("CHAINTYP");
        return new Contents(names, rows, type == null ? "" : type, (int) t.number("NWALKERS").orElse(0));
    }

    /**
     * Writes a chain file; the file appears whole or not at all.
     *
     * @param names the parameters' short names (the part after the component, e.g. {@code nH})
     * @param numbers the parameters' 1-based numbers in the model
     * @param samples one row per sample, one column per parameter
     * @param statistic the fit statistic of each sample (−2 ln L for samplers that have no other)
     * @param chainType {@code GoodmanWeare}, {@code MetropolisHastings}, or {@code NestedSampling}
     * @param walkers walkers of an ensemble chain, 0 otherwise
     */
    public static void write(Path file, List<String> names, int[] numbers, double[][] samples, double[] statistic,
                             String chainType, int walkers) {
        int d = names.size();
        if (numbers.length != d || statistic.length != samples.length) {
            throw new IllegalArgumentException("names, numbers and samples disagree in size");
        }
        TableBuilder b = new TableBuilder();
        for (int j = 0; j < d; j++) {
            double[] column = new double[samples.length];
            for (int i = 0; i < column.length; i++) {
                column[i] = samples[i][j];
            }
            b.column(String.format(Locale.ROOT, "%s__%d", names.get(j), numbers[j]), column, null);
        }
        b.column("FIT_STATISTIC", statistic.clone(), null);
        b.keyword("EXTNAME", "CHAIN", "posterior samples");
        b.keyword("CHAINTYP", chainType, "how the samples were drawn");
        if (walkers > 0) {
            b.keyword("NWALKERS", walkers, "walkers of the ensemble sampler");
        }
        b.keyword("CREATOR", "sixsa4j", "program that wrote the file");
        FitsOutput.write(file, () -> List.of(b.build()));
    }
}
