package org.sixsa4j.sbi.restriction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.nn.Activation;
import org.sixsa4j.nn.Module;
import org.sixsa4j.nn.NetworkFiles;
import org.sixsa4j.nn.VersionedJson;
import org.sixsa4j.nn.TrainingHistory;
import org.sixsa4j.sbi.ParameterDistribution;

/**
 * Saves the result of a prior restriction to a folder and reads it back, so that a run resumed
 * after a crash does not restrict its prior again: the classifier's network ({@link NetworkFiles},
 * sub-folder {@value #NETWORK}) and, in {@value #SETTINGS}, its z-scoring, threshold, calibration,
 * training history and settings, the restricted prior's acceptance estimate, and the rounds.
 * Numbers are written as decimal strings that read back to the same doubles, so the restricted
 * prior read back accepts and samples exactly as the one saved.
 */
public final class RestrictionFiles {
    /** The settings file's name inside the folder. */
    public static final String SETTINGS = "restriction.json";
    /** The classifier network's folder. */
    public static final String NETWORK = "classifier";

    private static final String FORMAT = "sixsa4j-restriction";
    private static final int VERSION = 1;

    private RestrictionFiles() {
    }

    /**
     * Writes {@code result} into {@code folder}, creating it if needed.
     *
     * @throws InvalidInputException naming a file that cannot be written
     */
    public static void save(RestrictionResult result, Path folder) {
        ClassifierRestrictedPrior restricted = result.restrictedPrior();
        RestrictionClassifier c = restricted.classifier();
        NetworkFiles.save(c.network(), folder.resolve(NETWORK));
        ObjectNode root = VersionedJson.create(FORMAT, VERSION);
        numbers(root.putArray("mean"), c.mean());
        numbers(root.putArray("scale"), c.scale());
        root.put("logit_threshold", Double.toString(c.logitThreshold()));
        calibration(root.putObject("calibration"), c.calibration());
        root.set("history", c.history().toJson());
        settings(root.putObject("classifier_settings"), c.settings());
        ObjectNode prior = root.putObject("restricted_prior");
        prior.put("batch_size", restricted.batchSize());
        prior.put("max_draws", restricted.maxDraws());
        prior.put("estimate_draws", restricted.acceptanceDraws());
        prior.put("estimate_accepted", restricted.acceptedDraws());
        ArrayNode rounds = root.putArray("rounds");
        for (RestrictionRound r : result.rounds()) {
            ObjectNode o = rounds.addObject();
            o.put("round", r.round());
            o.put("simulations", r.simulations());
            o.put("valid", r.valid());
            o.put("total_simulations", r.totalSimulations());
            o.put("total_valid", r.totalValid());
            o.put("acceptance_rate", Double.toString(r.acceptanceRate()));
            o.put("threshold", Double.toString(r.threshold()));
            o.put("epochs", r.epochs());
            calibration(o.putObject("calibration"), r.calibration());
        }
        root.put("reached_target", result.reachedTarget());
        VersionedJson.write(root, folder.resolve(SETTINGS));
    }

    /**
     * Reads back the restriction saved in {@code folder}, over {@code prior} (the prior it
     * restricted).
     *
     * @throws InvalidInputException naming the file when it is missing, unreadable or not a saved restriction
     */
    public static RestrictionResult load(Path folder, ParameterDistribution prior) {
        Path file = folder.resolve(SETTINGS);
        JsonNode root = VersionedJson.read(file, FORMAT, VERSION);
        try {
            Module network = NetworkFiles.load(folder.resolve(NETWORK));
            network.eval();
            TrainingHistory history = TrainingHistory.fromJson(root.get("history"));
            RestrictionClassifier classifier = new RestrictionClassifier(network, numbers(root.get("mean")), numbers(root.get("scale")),
                    number(root.get("logit_threshold")), calibration(root.get("calibration")), history, settings(root.get("classifier_settings")));
            JsonNode p = root.get("restricted_prior");
            ClassifierRestrictedPrior restricted = new ClassifierRestrictedPrior(prior, classifier, p.get("batch_size").asInt(),
                    p.get("max_draws").asLong(), p.get("estimate_draws").asLong(), p.get("estimate_accepted").asLong());
            List<RestrictionRound> rounds = new ArrayList<>();
            for (JsonNode o : root.get("rounds")) {
                rounds.add(new RestrictionRound(o.get("round").asInt(), o.get("simulations").asInt(), o.get("valid").asInt(),
                        o.get("total_simulations").asInt(), o.get("total_valid").asInt(), number(o.get("acceptance_rate")),
                        number(o.get("threshold")), o.get("epochs").asInt(), calibration(o.get("calibration"))));
            }
            return new RestrictionResult(restricted, rounds, root.get("reached_target").asBoolean());
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw InvalidInputException.inFile(file, null, null, "is not a saved restriction: " + e.getMessage());
        }
    }

    private static void calibration(ObjectNode o, RestrictionClassifier.Calibration c) {
        o.put("valid_points", c.validPoints());
        o.put("false_negatives", c.falseNegatives());
        o.put("invalid_points", c.invalidPoints());
        o.put("false_positives", c.falsePositives());
        o.put("threshold", Double.toString(c.threshold()));
    }

    private static RestrictionClassifier.Calibration calibration(JsonNode o) {
        return new RestrictionClassifier.Calibration(o.get("valid_points").asInt(), o.get("false_negatives").asInt(), o.get("invalid_points").asInt(),
                o.get("false_positives").asInt(), number(o.get("threshold")));
    }

    private static void settings(ObjectNode o, ClassifierSettings s) {
        o.put("architecture", s.architecture().name());
        o.put("hidden_features", s.hiddenFeatures());
        o.put("hidden_layers", s.hiddenLayers());
        o.put("activation", s.activation().id());
        o.put("batch_norm", s.batchNorm());
        o.put("dropout", Double.toString(s.dropout()));
        o.put("learning_rate", Double.toString(s.learningRate()));
        o.put("batch_size", s.batchSize());
        o.put("validation_fraction", Double.toString(s.validationFraction()));
        o.put("patience", s.patience());
        o.put("max_epochs", s.maxEpochs());
        o.put("clip_gradient_norm", Double.toString(s.clipGradientNorm()));
        o.put("allowed_false_negatives", Double.toString(s.allowedFalseNegatives()));
        o.put("safety_margin", s.safetyMargin());
        o.put("threads", s.threads());
    }

    private static ClassifierSettings settings(JsonNode o) {
        return ClassifierSettings.builder().architecture(ClassifierSettings.Architecture.valueOf(o.get("architecture").asText()))
                .hiddenFeatures(o.get("hidden_features").asInt()).hiddenLayers(o.get("hidden_layers").asInt())
                .activation(Activation.fromId(o.get("activation").asText())).batchNorm(o.get("batch_norm").asBoolean())
                .dropout(number(o.get("dropout"))).learningRate(number(o.get("learning_rate"))).batchSize(o.get("batch_size").asInt())
                .validationFraction(number(o.get("validation_fraction"))).patience(o.get("patience").asInt()).maxEpochs(o.get("max_epochs").asInt())
                .clipGradientNorm(number(o.get("clip_gradient_norm"))).allowedFalseNegatives(number(o.get("allowed_false_negatives")))
                .safetyMargin(o.get("safety_margin").asBoolean()).threads(o.get("threads").asInt()).build();
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(Double.toString(v));
        }
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(array.get(i));
        }
        return out;
    }

    private static double number(JsonNode v) {
        return Double.parseDouble(v.asText());
    }
}
