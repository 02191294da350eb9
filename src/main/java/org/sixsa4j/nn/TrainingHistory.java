package org.sixsa4j.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The losses of a {@link Trainer} run, one value per completed epoch, for plots and reports.
 *
 * @param trainLoss the mean training loss of each epoch, averaged over its batches weighted by
 *        their sizes (measured in training mode, while the weights change)
 * @param validationLoss the validation loss after each epoch, in eval mode
 * @param bestEpoch the epoch (from 1) whose weights the model holds after training
 * @param stoppedEarly whether training stopped because the validation loss stopped improving
 */
public record TrainingHistory(List<Double> trainLoss, List<Double> validationLoss, int bestEpoch, boolean stoppedEarly) {

    public TrainingHistory {
        trainLoss = List.copyOf(trainLoss);
        validationLoss = List.copyOf(validationLoss);
    }

    /** The number of epochs run. */
    public int epochs() {
        return trainLoss.size();
    }

    /** The validation loss of the weights kept. */
    public double bestValidationLoss() {
        return validationLoss.get(bestEpoch - 1);
    }

    /**
     * The history as JSON, for saved training state: the losses as decimal strings, which read
     * back to the same doubles, NaN and infinities included.
     */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode train = o.putArray("train_loss");
        trainLoss.forEach(v -> train.add(Double.toString(v)));
        ArrayNode validation = o.putArray("validation_loss");
        validationLoss.forEach(v -> validation.add(Double.toString(v)));
        o.put("best_epoch", bestEpoch);
        o.put("stopped_early", stoppedEarly);
        return o;
    }

    /**
     * The history {@link #toJson()} wrote.
     *
     * @throws IllegalArgumentException if a field is missing or not a number
     */
    public static TrainingHistory fromJson(JsonNode o) {
        if (o == null || !o.has("train_loss") || !o.has("validation_loss") || !o.has("best_epoch") || !o.has("stopped_early")) {
            throw new IllegalArgumentException("a training history needs train_loss, validation_loss, best_epoch and stopped_early");
        }
        return new TrainingHistory(losses(o.get("train_loss")), losses(o.get("validation_loss")), o.get("best_epoch").asInt(),
                o.get("stopped_early").asBoolean());
    }

    private static List<Double> losses(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(v -> out.add(Double.parseDouble(v.asText())));
        return out;
    }
}
