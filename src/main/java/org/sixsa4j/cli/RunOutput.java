package org.sixsa4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.sixsa4j.diagnostics.PredictiveBand;
import org.sixsa4j.model.Model;
import org.sixsa4j.ogip.ChainFile;
import org.sixsa4j.report.CornerPlot;
import org.sixsa4j.report.ResultFiles;
import org.sixsa4j.report.SpectrumPlot;
import org.sixsa4j.sbi.SpectralLikelihood;
import org.sixsa4j.spectrum.Observation;

/**
 * The output folder of a run, with the layout every method shares: {@code summary.json},
 * {@code posterior.fits} (XSPEC chain format) and {@code posterior.csv}, {@code corner.png},
 * one {@code spectrum_k.png} per observation, a copy of the configuration, and sub-folders such as
 * {@code sixsa run}'s estimator. Files are written
 * to a scratch folder next to the target and moved in when the run succeeds, so a failed run
 * leaves nothing half-written.
 */
final class RunOutput implements AutoCloseable {
    private final Path target;
    private final Path work;

    RunOutput(Path target) throws IOException {
        this(target, "output");
    }

    /** An output folder named by the configuration key or option {@code source} in error messages. */
    RunOutput(Path target, String source) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        OutputFolders.requireFolderOrAbsent(source, this.target);
        OutputFolders.create(source, this.target.getParent());
        this.work = Files.createTempDirectory(this.target.getParent(), "." + this.target.getFileName() + "-");
    }

    /** The scratch folder where the run's files are written before publication. */
    Path folder() {
        return work;
    }

    /** Where a file of the run is written before publication. */
    Path file(String name) {
        return work.resolve(name);
    }

    /** The published folder. */
    Path target() {
        return target;
    }

    /** Posterior samples as an XSPEC chain file and CSV, and their corner plot. */
    void posterior(RunConfig config, SpectralLikelihood likelihood, double[][] samples, double[] logLikelihood,
                   String chainType, int walkers) {
        Model model = config.model();
        List<String> names = config.prior().names();
        int d = names.size();
        List<String> shortNames = new ArrayList<>();
        int[] numbers = new int[d];
        for (int j = 0; j < d; j++) {
            String name = names.get(j);
            shortNames.add(name.substring(name.indexOf('.') + 1).replaceAll("\\[\\d+]$", ""));
            numbers[j] = model.index(name) + 1;
        }
        double[] statistic = new double[samples.length];
        double[][] rows = new double[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            statistic[i] = likelihood.statisticOf(logLikelihood[i]);
            rows[i] = Arrays.copyOf(samples[i], d + 1);
            rows[i][d] = logLikelihood[i];
        }
        ChainFile.write(file("posterior.fits"), shortNames, numbers, samples, statistic, chainType, walkers);
        List<String> header = new ArrayList<>(names);
        header.add("log_likelihood");
        ResultFiles.writeCsv(file("posterior.csv"), header, rows);
        CornerPlot.write(file("corner.png"), names, samples, null);
    }

    /** One folded-spectrum plot per observation, for the parameters {@code theta}. */
    void spectra(RunConfig config, SpectralLikelihood likelihood, double[] theta) {
        spectra(config, likelihood, "spectrum", null, likelihood.expectedCounts(theta), null);
    }

    /**
     * One plot {@code prefix_k.png} per observation: the observed counts, {@code model} (expected
     * counts over every observation's bins, concatenated) and, when {@code band} is not null, the
     * predictive band with its name.
     */
    void spectra(RunConfig config, SpectralLikelihood likelihood, String prefix, String titlePrefix, double[] model, PredictiveBand band) {
        double[] counts = likelihood.counts();
        List<Observation> observations = config.observations();
        for (int o = 0; o < observations.size(); o++) {
            Observation obs = observations.get(o);
            int[] range = likelihood.binRange(o);
            int from = range[0];
            int to = range[0] + range[1];
            double[] lo = new double[range[1]];
            double[] hi = new double[range[1]];
            for (int b = 0; b < range[1]; b++) {
                lo[b] = obs.binLowKeV(b);
                hi[b] = obs.binHighKeV(b);
            }
            SpectrumPlot.Band drawn = band == null ? null : new SpectrumPlot.Band(String.format(Locale.ROOT, "%.0f %% predictive band",
                    100 * band.level()), Arrays.copyOfRange(band.lower(), from, to), Arrays.copyOfRange(band.upper(), from, to));
            String title = (titlePrefix == null ? "" : titlePrefix + ", ")
                    + (obs.file() == null ? "observation " + (o + 1) : obs.file().getFileName().toString()) + ": " + model(config);
            SpectrumPlot.write(file(String.format(Locale.ROOT, "%s_%d.png", prefix, o + 1)), title, lo, hi,
                    Arrays.copyOfRange(counts, from, to), Arrays.copyOfRange(model, from, to), drawn, obs.exposure());
        }
    }

    private static String model(RunConfig config) {
        return config.model().expression().text();
    }

    /** Writes summary.json. */
    void summary(Object summary) {
        ResultFiles.writeJson(file("summary.json"), summary);
    }

    /** Moves every file into the target folder, replacing files of the same name. */
    void publish(RunConfig config) throws IOException {
        Files.copy(config.file(), file("config.yaml"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(work)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(f.getFileName());
                // A move replaces a file or an empty folder only: an earlier run's sub-folder (estimator/) goes first.
                if (Files.isDirectory(f) && Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
                    OutputFolders.deleteTree(to);
                }
                Files.move(f, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** Removes the scratch folder; after a failure the target was never touched. */
    @Override
    public void close() throws IOException {
        OutputFolders.deleteTree(work);
    }
}
