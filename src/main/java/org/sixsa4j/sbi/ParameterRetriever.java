package org.sixsa4j.sbi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SIXSA's parameter retriever (Barret &amp; Dupourqué 2024, A&amp;A): a network that predicts θ
 * from the compressed spectrum, fitted on simulations, whose held-out R² per parameter says how
 * much of each parameter's prior spread the compressed data pin down. A parameter with a low R²
 * is not constrained by what the compressor keeps (their example: a black-hole spin), so its
 * posterior will be close to its prior whatever the estimator does.
 */
public final class ParameterRetriever {
    /** Below this held-out R² a parameter is reported as not constrained. */
    public static final double UNCONSTRAINED_R2 = 0.5;
    private static final int[] HIDDEN = {128, 128};

    private final List<String> names;
    private final StandardizedRegressor regressor;

    private ParameterRetriever(List<String> names, StandardizedRegressor regressor) {
        this.names = List.copyOf(names);
        this.regressor = regressor;
    }

    /** Fits the retriever from compressed spectra {@code features} to their parameters {@code theta}. */
    public static ParameterRetriever fit(List<String> names, double[][] features, double[][] theta, long seed, int threads) {
        if (theta.length > 0 && theta[0].length != names.size()) {
            throw new IllegalArgumentException(names.size() + " parameter names for " + theta[0].length + " parameters");
        }
        return new ParameterRetriever(names, StandardizedRegressor.fit(features, theta, HIDDEN, seed, threads));
    }

    /** The predicted θ for each row of compressed spectra. */
    public double[][] predict(double[][] features) {
        return regressor.predict(features);
    }

    /** Held-out R² per parameter, in the order of the names. */
    public double[] validationR2() {
        return regressor.validationR2();
    }

    /** One line per parameter whose held-out R² is below {@value #UNCONSTRAINED_R2}. */
    public List<String> warnings() {
        double[] r2 = validationR2();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r2.length; i++) {
            if (r2[i] < UNCONSTRAINED_R2) {
                out.add(String.format(Locale.ROOT, "%s is barely constrained by the compressed spectra (retriever R² = %.2f): its posterior "
                        + "will stay close to its prior; a different compression or more counts would be needed to measure it", names.get(i), r2[i]));
            }
        }
        return out;
    }
}
