package org.sixsa4j.compress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.ejml.data.FMatrixRMaj;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.autodiff.Tape;
import org.sixsa4j.nn.Module;
import org.sixsa4j.nn.NetworkFiles;
import org.sixsa4j.nn.VersionedJson;

/**
 * Saves a compressor to a folder and reads it back, so that one trained on a run's simulations
 * compresses other spectra later (the observation, a survey's spectra on another machine).
 *
 * <p>The folder holds {@value #SETTINGS}: the kind ({@code pca}, {@code summary} or
 * {@code autoencoder}), its settings, and what it learned that is not a network: the bins'
 * energies of summary statistics, the standardisation means and scales, the principal
 * components. Numbers are written as the shortest decimals that read back to the same doubles,
 * so a compressor read back gives the same features bit for bit. An auto-encoder also has its
 * encoder and decoder in the sub-folders {@value #ENCODER} and {@value #DECODER}, written by
 * {@link NetworkFiles} (architecture JSON and safetensors weights that PyTorch can load).
 */
public final class CompressorFiles {

    /** The settings file's name inside the folder. */
    public static final String SETTINGS = "compressor.json";
    /** The auto-encoder's encoder network folder. */
    public static final String ENCODER = "encoder";
    /** The auto-encoder's decoder network folder. */
    public static final String DECODER = "decoder";

    private static final String FORMAT = "sixsa4j-compressor";
    private static final int VERSION = 1;

    private CompressorFiles() {
    }

    /**
     * Writes {@code compressor} into {@code folder}, creating it if needed.
     *
     * @throws IllegalArgumentException for a compressor of another kind than the three here
     * @throws InvalidInputException naming a file that cannot be written
     */
    public static void save(Compressor compressor, Path folder) {
        ObjectNode root = VersionedJson.create(FORMAT, VERSION);
        if (compressor instanceof PrincipalComponents pca) {
            root.put("type", "pca");
            putScaling(root, pca.scaling());
            ArrayNode components = root.putArray("components");
            for (double[] v : pca.components()) {
                putArray(components.addArray(), v);
            }
            putArray(root.putArray("explained_variance"), pca.explainedVariance());
            root.put("total_variance", pca.totalVariance());
        } else if (compressor instanceof SummaryStatistics summary) {
            root.put("type", "summary");
            SummarySettings s = summary.settings();
            root.put("bands", s.bands());
            root.put("hardness_ratios", s.hardnessRatios());
            root.put("differential_ratios", s.differentialRatios());
            ArrayNode windows = root.putArray("line_windows");
            s.lineWindows().forEach(w -> putArray(windows.addArray(), w));
            putArray(root.putArray("low_kev"), summary.lowKeV());
            putArray(root.putArray("high_kev"), summary.highKeV());
        } else if (compressor instanceof SpectralAutoEncoder ae) {
            root.put("type", "autoencoder");
            putAutoEncoderSettings(root.putObject("settings"), ae.settings(), ae.inputSize());
            putScaling(root, ae.scaling());
            NetworkFiles.save(ae.encoder(), folder.resolve(ENCODER));
            NetworkFiles.save(ae.decoder(), folder.resolve(DECODER));
        } else {
            throw new IllegalArgumentException("cannot save a compressor of type " + compressor.getClass().getName());
        }
        VersionedJson.write(root, folder.resolve(SETTINGS));
    }

    /**
     * Reads back the compressor saved in {@code folder}.
     *
     * @throws InvalidInputException naming the file and the key that is missing, of the wrong type
     *     or holds an impossible value, or the network that does not fit the settings
     */
    public static Compressor load(Path folder) {
        Path file = folder.resolve(SETTINGS);
        JsonNode root = VersionedJson.read(file, FORMAT, VERSION);
        String type = field(root, "type", file).asText();
        try {
            switch (type) {
                case "pca":
                    return loadPca(root, file);
                case "summary":
                    return loadSummary(root, file);
                case "autoencoder":
                    return loadAutoEncoder(root, folder, file);
                default:
                    throw InvalidInputException.inFile(file, null, "type", "is '" + type + "'; expected pca, summary or autoencoder");
            }
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.inFile(file, null, null, e.getMessage());
        }
    }

    private static PrincipalComponents loadPca(JsonNode root, Path file) {
        LogCountScaling scaling = scaling(root, file);
        JsonNode list = field(root, "components", file);
        double[][] components = new double[list.size()][];
        for (int k = 0; k < components.length; k++) {
            components[k] = doubles(list.get(k), "components[" + k + "]", file);
            if (components[k].length != scaling.bins()) {
                throw InvalidInputException.inFile(file, null, "components[" + k + "]",
                        "has " + components[k].length + " values; expected one per bin, " + scaling.bins());
            }
        }
        double[] variance = doubles(field(root, "explained_variance", file), "explained_variance", file);
        if (variance.length != components.length || components.length == 0) {
            throw InvalidInputException.inFile(file, null, "explained_variance",
                    "has " + variance.length + " values for " + components.length + " components; expected as many, at least one");
        }
        return new PrincipalComponents(scaling, components, variance, number(root, "total_variance", file));
    }

    private static SummaryStatistics loadSummary(JsonNode root, Path file) {
        SummarySettings settings = SummarySettings.defaults()
                .withBands(integer(root, "bands", file))
                .withHardnessRatios(bool(root, "hardness_ratios", file))
                .withDifferentialRatios(bool(root, "differential_ratios", file));
        JsonNode windows = field(root, "line_windows", file);
        for (int w = 0; w < windows.size(); w++) {
            double[] window = doubles(windows.get(w), "line_windows[" + w + "]", file);
            if (window.length != 2) {
                throw InvalidInputException.inFile(file, null, "line_windows[" + w + "]", "expected [low, high] in keV");
            }
            settings = settings.withLineWindow(window[0], window[1]);
        }
        return SummaryStatistics.of(doubles(field(root, "low_kev", file), "low_kev", file),
                doubles(field(root, "high_kev", file), "high_kev", file), settings);
    }

    private static SpectralAutoEncoder loadAutoEncoder(JsonNode root, Path folder, Path file) {
        JsonNode s = field(root, "settings", file);
        AutoEncoderSettings settings = AutoEncoderSettings.defaults()
                .withLatentSize(integer(s, "latent_size", file))
                .withHiddenWidths(integers(field(s, "hidden_widths", file), "hidden_widths", file))
                .withBatchSize(integer(s, "batch_size", file))
                .withLearningRate(number(s, "learning_rate", file))
                .withWeightDecay(number(s, "weight_decay", file))
                .withValidationFraction(number(s, "validation_fraction", file))
                .withPatience(integer(s, "patience", file))
                .withMinDelta(number(s, "min_delta", file))
                .withMaxEpochs(integer(s, "max_epochs", file))
                .withClipNorm(number(s, "clip_norm", file))
                .withSeed(longInteger(s, "seed", file))
                .withThreads(integer(s, "threads", file));
        LogCountScaling scaling = scaling(root, file);
        Module encoder = NetworkFiles.load(folder.resolve(ENCODER));
        Module decoder = NetworkFiles.load(folder.resolve(DECODER));
        requireShape(encoder, scaling.bins(), settings.latentSize(), folder.resolve(ENCODER));
        requireShape(decoder, settings.latentSize(), scaling.bins(), folder.resolve(DECODER));
        return new SpectralAutoEncoder(settings, scaling, encoder, decoder);
    }

    /** Checks that {@code network} maps {@code in} features to {@code out}, by a pass over one row of zeros. */
    private static void requireShape(Module network, int in, int out, Path folder) {
        int got;
        try (Tape tape = Tape.create()) {
            got = network.forward(tape, tape.constant(new FMatrixRMaj(1, in))).cols();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.inFile(folder, null, null, "does not take " + in + " inputs: " + e.getMessage());
        }
        if (got != out) {
            throw InvalidInputException.inFile(folder, null, null, "gives " + got + " outputs; expected " + out);
        }
    }

    private static void putAutoEncoderSettings(ObjectNode node, AutoEncoderSettings s, int bins) {
        node.put("latent_size", s.latentSize());
        ArrayNode widths = node.putArray("hidden_widths");
        for (int w : s.hiddenWidths(bins)) {
            widths.add(w);
        }
        node.put("batch_size", s.batchSize());
        node.put("learning_rate", s.learningRate());
        node.put("weight_decay", s.weightDecay());
        node.put("validation_fraction", s.validationFraction());
        node.put("patience", s.patience());
        node.put("min_delta", s.minDelta());
        node.put("max_epochs", s.maxEpochs());
        node.put("clip_norm", s.clipNorm());
        node.put("seed", s.seed());
        node.put("threads", s.threads());
    }

    private static void putScaling(ObjectNode root, LogCountScaling scaling) {
        ObjectNode node = root.putObject("scaling");
        putArray(node.putArray("mean"), scaling.mean());
        putArray(node.putArray("scale"), scaling.scale());
    }

    private static LogCountScaling scaling(JsonNode root, Path file) {
        JsonNode node = field(root, "scaling", file);
        return LogCountScaling.of(doubles(field(node, "mean", file), "scaling.mean", file),
                doubles(field(node, "scale", file), "scaling.scale", file));
    }

    private static void putArray(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(v);
        }
    }

    private static JsonNode field(JsonNode node, String name, Path file) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw InvalidInputException.inFile(file, null, name, "missing");
        }
        return value;
    }

    private static double number(JsonNode node, String name, Path file) {
        JsonNode value = field(node, name, file);
        if (!value.isNumber()) {
            throw InvalidInputException.inFile(file, null, name, "expected a number, got " + value);
        }
        return value.asDouble();
    }

    private static int integer(JsonNode node, String name, Path file) {
        JsonNode value = field(node, name, file);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw InvalidInputException.inFile(file, null, name, "expected an integer, got " + value);
        }
        return value.asInt();
    }

    private static long longInteger(JsonNode node, String name, Path file) {
        JsonNode value = field(node, name, file);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw InvalidInputException.inFile(file, null, name, "expected an integer, got " + value);
        }
        return value.asLong();
    }

    private static boolean bool(JsonNode node, String name, Path file) {
        JsonNode value = field(node, name, file);
        if (!value.isBoolean()) {
            throw InvalidInputException.inFile(file, null, name, "expected true or false, got " + value);
        }
        return value.asBoolean();
    }

    private static double[] doubles(JsonNode array, String name, Path file) {
        if (!array.isArray()) {
            throw InvalidInputException.inFile(file, null, name, "expected an array of numbers");
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            if (!array.get(i).isNumber()) {
                throw InvalidInputException.inFile(file, null, name + "[" + i + "]", "expected a number, got " + array.get(i));
            }
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private static int[] integers(JsonNode array, String name, Path file) {
        double[] values = doubles(array, name, file);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
            if (out[i] != values[i]) {
                throw InvalidInputException.inFile(file, null, name + "[" + i + "]", "expected an integer, got " + values[i]);
            }
        }
        return out;
    }
}
