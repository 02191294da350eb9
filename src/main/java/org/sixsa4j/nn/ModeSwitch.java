package org.sixsa4j.nn;

/** The train/eval flag that every leaf module carries; modules start in training mode, as in PyTorch. */
abstract class ModeSwitch implements Module {

    private boolean training = true;

    @Override
    public void train() {
        training = true;
    }

    @Override
    public void eval() {
        training = false;
    }

    @Override
    public boolean training() {
        return training;
    }
}
