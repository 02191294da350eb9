package org.sixsa4j.diagnostics;

/** Checks of the runs handed to the calibration diagnostics, with messages that name the run. */
final class Shapes {
    private Shapes() {
    }

    /**
     * Checks that run i has d true parameters and at least one posterior sample of d values, none
     * of them NaN (a NaN compares false with everything and would silently bias the counts).
     */
    static void checkRun(int run, double[] truth, double[][] samples, int d) {
        if (truth.length != d) {
            throw new IllegalArgumentException("the true parameters of run " + run + " have " + truth.length
                    + " values, expected " + d);
        }
        checkNotNaN(run, truth, "true parameters");
        if (samples.length == 0) {
            throw new IllegalArgumentException("run " + run + " has no posterior samples");
        }
        for (int s = 0; s < samples.length; s++) {
            if (samples[s].length != d) {
                throw new IllegalArgumentException("posterior sample " + s + " of run " + run + " has "
                        + samples[s].length + " values, expected " + d);
            }
            checkNotNaN(run, samples[s], "posterior sample " + s);
        }
    }

    static void checkNotNaN(int run, double[] values, String what) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("the " + what + " of run " + run + " hold NaN");
            }
        }
    }
}
