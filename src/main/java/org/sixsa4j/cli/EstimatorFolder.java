package org.sixsa4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.compress.Compressor;
import org.sixsa4j.compress.CompressorFiles;
import org.sixsa4j.flow.FlowFiles;
import org.sixsa4j.flow.MaskedAutoregressiveFlow;
import org.sixsa4j.report.ResultFiles;
import org.sixsa4j.spectrum.Observation;

/**
 * The {@value #NAME}/ folder that {@code sixsa run} writes and {@code sixsa apply} reads: a
 * trained estimator with everything needed to use it on other spectra (amortized inference).
 * It holds the final round's flow ({@value #FLOW}/, {@link FlowFiles}), the final compressor
 * ({@value #COMPRESSOR}/, {@link CompressorFiles}), a copy of the run configuration
 * ({@value #CONFIG}: model, frozen values, links, priors, statistic, abundances and cross
 * sections, notice range, importance settings, seed), from which
 * {@link RunConfig#forSpectrum} rebuilds the likelihood and the prior for a new spectrum, and
 * {@value #INFO}: the parameters and the energy bounds of the bins the compressor reads, so that
 * a spectrum binned otherwise is refused.
 *
 * @param config the copy of the run configuration
 * @param flow the trained flow q(θ | features)
 * @param compressor the compressor of spectra to features
 * @param lowKeV the lower energy bound of each bin the estimator was trained on
 * @param highKeV the upper energy bound of each bin
 * @param trainedOn the spectrum whose run trained the estimator, as named in the configuration
 */
record EstimatorFolder(Path config, MaskedAutoregressiveFlow flow, Compressor compressor, double[] lowKeV, double[] highKeV,
        String trainedOn) {
    /** The folder's name inside a run's output. */
    static final String NAME = "estimator";
    static final String CONFIG = "config.yaml";
    static final String FLOW = "flow";
    static final String COMPRESSOR = "compressor";
    static final String INFO = "estimator.json";

    private static final String FORMAT = "sixsa4j-estimator";
    private static final int VERSION = 1;
    /** Bin bounds that differ by less than this (keV) are the same: they were read back from the same FITS columns. */
    private static final double EDGE_TOLERANCE = 1e-6;

    /** Writes the estimator of a run of {@code config} into {@code folder}. */
    static void save(Path folder, RunConfig config, Compressor compressor, MaskedAutoregressiveFlow flow) {
        FlowFiles.save(flow, folder.resolve(FLOW));
        CompressorFiles.save(compressor, folder.resolve(COMPRESSOR));
        try {
            Files.copy(config.file(), folder.resolve(CONFIG));
        } catch (IOException e) {
            throw new InvalidInputException(folder.resolve(CONFIG) + ": cannot be written: " + OutputFolders.reason(e), e);
        }
        List<Observation> observations = config.observations();
        int bins = observations.stream().mapToInt(Observation::bins).sum();
        double[] low = new double[bins];
        double[] high = new double[bins];
        int at = 0;
        for (Observation o : observations) {
            for (int b = 0; b < o.bins(); b++, at++) {
                low[at] = o.binLowKeV(b);
                high[at] = o.binHighKeV(b);
            }
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("format", FORMAT);
        info.put("version", VERSION);
        info.put("parameters", config.prior().names());
        info.put("trained_on", observations.stream().map(o -> o.file() == null ? "(simulated)" : o.file().getFileName().toString()).toList());
        info.put("rounds", config.sbi().rounds());
        info.put("bin_low_kev", low);
        info.put("bin_high_kev", high);
        ResultFiles.writeJson(folder.resolve(INFO), info);
    }

    /**
     * Reads the estimator saved in {@code folder}.
     *
     * @throws InvalidInputException naming the file that is missing or malformed
     */
    static EstimatorFolder load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder + ": not a folder; expected the " + NAME + "/ folder that sixsa run writes");
        }
        Path file = folder.resolve(INFO);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw InvalidInputException.inFile(file, null, null, "no such file; expected the " + NAME + "/ folder that sixsa run writes");
        } catch (IOException e) {
            throw InvalidInputException.inFile(file, null, null,
                    "cannot be read as JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != VERSION) {
            throw InvalidInputException.inFile(file, null, null, "expected \"format\": \"" + FORMAT + "\" and \"version\": " + VERSION);
        }
        double[] low = doubles(root, "bin_low_kev", file);
        double[] high = doubles(root, "bin_high_kev", file);
        if (low.length != high.length) {
            throw InvalidInputException.inFile(file, null, "bin_high_kev", "has " + high.length + " values; expected " + low.length);
        }
        List<String> trainedOn = root.path("trained_on").isArray()
                ? StreamSupport.stream(root.get("trained_on").spliterator(), false).map(JsonNode::asText).toList()
                : List.of();
        Path config = folder.resolve(CONFIG);
        if (!Files.isRegularFile(config)) {
            throw InvalidInputException.inFile(config, null, null, "no such file");
        }
        Compressor compressor = CompressorFiles.load(folder.resolve(COMPRESSOR));
        if (compressor.inputSize() != low.length) {
            throw InvalidInputException.inFile(folder.resolve(COMPRESSOR).resolve(CompressorFiles.SETTINGS), null, null,
                    "reads " + compressor.inputSize() + " bins, but " + INFO + " lists " + low.length);
        }
        MaskedAutoregressiveFlow flow = FlowFiles.load(folder.resolve(FLOW));
        if (flow.contextFeatures() != compressor.outputSize()) {
            throw InvalidInputException.inFile(folder.resolve(FLOW).resolve(FlowFiles.ARCHITECTURE), null, "context_features",
                    "is " + flow.contextFeatures() + ", but the compressor gives " + compressor.outputSize() + " features");
        }
        return new EstimatorFolder(config, flow, compressor, low, high, String.join(", ", trainedOn));
    }

    /**
     * Refuses an observation whose bins are not those the estimator was trained on: its features
     * would mean nothing to the flow.
     *
     * @throws InvalidInputException naming the spectrum's file
     */
    void requireSameBins(Observation o) {
        String name = o.file() == null ? "the spectrum" : o.file().toString();
        if (o.bins() != lowKeV.length) {
            throw new InvalidInputException(name + ": has " + o.bins() + " bins in the noticed range, but the estimator was trained on "
                    + lowKeV.length + "; apply needs spectra grouped and noticed as " + trainedOn + " was");
        }
        for (int b = 0; b < lowKeV.length; b++) {
            if (Math.abs(o.binLowKeV(b) - lowKeV[b]) > EDGE_TOLERANCE || Math.abs(o.binHighKeV(b) - highKeV[b]) > EDGE_TOLERANCE) {
                throw new InvalidInputException(String.format(Locale.ROOT,
                        "%s: bin %d spans %.6g-%.6g keV, but the estimator's bin %d spans %.6g-%.6g keV; apply needs spectra grouped as %s was",
                        name, b + 1, o.binLowKeV(b), o.binHighKeV(b), b + 1, lowKeV[b], highKeV[b], trainedOn));
            }
        }
    }

    private static double[] doubles(JsonNode root, String key, Path file) {
        JsonNode list = root.path(key);
        if (!list.isArray()) {
            throw InvalidInputException.inFile(file, null, key, "missing or not a list of numbers");
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!list.get(i).isNumber()) {
                throw InvalidInputException.inFile(file, null, key + "[" + i + "]", "expected a number, found " + list.get(i));
            }
            out[i] = list.get(i).asDouble();
        }
        return out;
    }
}
