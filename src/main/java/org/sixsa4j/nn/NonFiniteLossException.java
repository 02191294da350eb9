package org.sixsa4j.nn;

/**
 * Training stopped because a loss or gradient norm became NaN or infinite; the message names the
 * epoch and the batch (both counted from 1) so that the run can be diagnosed or resumed with a
 * lower learning rate.
 */
public final class NonFiniteLossException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;

    NonFiniteLossException(String what, double value, int epoch, int batch, int batches) {
        super(what + " is " + value + " at epoch " + epoch + (batch > 0 ? ", batch " + batch + " of " + batches : "")
                + "; lower the learning rate, clip the gradients, or check the data for NaN and extreme values");
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The epoch, from 1. */
    public int epoch() {
        return epoch;
    }

    /** The training batch within the epoch, from 1; 0 when the validation loss was not finite. */
    public int batch() {
        return batch;
    }
}
