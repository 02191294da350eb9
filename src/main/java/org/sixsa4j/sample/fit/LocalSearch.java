package org.sixsa4j.sample.fit;

/**
 * A local minimiser bound to its objective, as the fitter drives it: from a start, in a box
 * (the interval searches pass boxes with one parameter fixed), optionally from a starting
 * Hessian that the method may use or ignore.
 */
@FunctionalInterface
interface LocalSearch {
    LocalFit minimize(Bounds bounds, double[] start, double[][] hessian);
}
