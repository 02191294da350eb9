package org.sixsa4j.nn;

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
}
