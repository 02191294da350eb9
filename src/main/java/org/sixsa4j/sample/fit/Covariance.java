package org.sixsa4j.sample.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parameter errors from the curvature of f at the minimum: with f = −2 ln L + const (or χ²), the
 * covariance is 2 H⁻¹, H the Hessian of f (Cramér–Rao; Eadie et al. 1971, Statistical Methods in
 * Experimental Physics). H is taken by finite differences of f itself ({@link
 * Curvature}) and inverted through its Cholesky factor.
 *
 * <p>A parameter at a bound (fixed ones included) has no symmetric error: f is not stationary
 * there, and half its stencil would leave the box. Those parameters are listed by {@link
 * #atBound()}, their rows and columns of the covariance are NaN, and the others' covariance is 2
 * times the inverse of H over them alone, their errors with the bound parameters held. If that H
 * is not positive definite (a saddle, a direction along which f is flat, or f undefined next to
 * the minimum) there is no matrix, and {@link #problem()} says why. Immutable.
 */
public final class Covariance {
    private final int dimension;
    private final double[][] matrix;
    private final double[][] hessian;
    private final int[] atBound;
    private final String problem;
    private final long evaluations;

    private Covariance(int dimension, double[][] matrix, double[][] hessian, int[] atBound, String problem, long evaluations) {
        this.dimension = dimension;
        this.matrix = matrix;
        this.hessian = hessian;
        this.atBound = atBound;
        this.problem = problem;
        this.evaluations = evaluations;
    }

    /** The covariance at the minimum x of f, where f(x) = fx; names label the parameters in {@link #problem()}. */
    static Covariance estimate(Objective f, Bounds bounds, double[] x, double fx, List<String> names) {
        int n = x.length;
        List<Integer> held = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (bounds.isAtBound(i, x[i]) ? held : free).add(i);
        }
        int[] atBound = held.stream().mapToInt(Integer::intValue).toArray();
        int[] index = free.stream().mapToInt(Integer::intValue).toArray();
        if (index.length == 0) {
            return new Covariance(n, null, null, atBound, "every parameter is at a bound", 0);
        }
        CountedFunction fn = CountedFunction.of(f);
        double[][] h = Curvature.hessian(fn, bounds, x, fx, index);
        String problem = diagnose(h, index, names);
        Cholesky chol = problem == null ? Cholesky.decompose(h) : null;
        if (problem == null && chol == null) {
            problem = "the Hessian of the statistic over the free parameters is not positive definite: the minimum is flat or a saddle along a combination of "
                    + String.join(", ", pick(names, index));
        }
        if (problem != null) {
            return new Covariance(n, null, null, atBound, problem, fn.count());
        }
        double[][] inverse = chol.inverse();
        double[][] cov = nanMatrix(n);
        double[][] full = nanMatrix(n);
        for (int p = 0; p < index.length; p++) {
            for (int q = 0; q < index.length; q++) {
                cov[index[p]][index[q]] = 2 * inverse[p][q];
                full[index[p]][index[q]] = h[p][q];
            }
        }
        return new Covariance(n, cov, full, atBound, null, fn.count());
    }

    /** No covariance, for the reason given. */
    static Covariance unavailable(int dimension, String problem) {
        return new Covariance(dimension, null, null, new int[0], problem, 0);
    }

    /** Why H cannot give errors before factoring it: f not finite nearby, or no curvature along a parameter. */
    private static String diagnose(double[][] h, int[] index, List<String> names) {
        List<String> flat = new ArrayList<>();
        for (int p = 0; p < h.length; p++) {
            for (int q = 0; q <= p; q++) {
                if (Double.isNaN(h[p][q])) {
                    return "the statistic is not finite next to the minimum along " + names.get(index[p])
                            + (p == q ? "" : " and " + names.get(index[q]));
                }
            }
            if (!(h[p][p] > 0)) {
                flat.add(names.get(index[p]));
            }
        }
        return flat.isEmpty() ? null : "the statistic has no positive curvature along " + String.join(", ", flat);
    }

    private static List<String> pick(List<String> names, int[] index) {
        List<String> out = new ArrayList<>();
        for (int i : index) {
            out.add(names.get(i));
        }
        return out;
    }

    private static double[][] nanMatrix(int n) {
        double[][] m = new double[n][n];
        for (double[] row : m) {
            Arrays.fill(row, Double.NaN);
        }
        return m;
    }

    /** The covariance matrix (a copy), NaN in the rows and columns of parameters at a bound; null when {@link #problem()} is set. */
    public double[][] matrix() {
        return matrix == null ? null : Matrices.copy(matrix);
    }

    /** Why there is no matrix, or null when there is one. */
    public String problem() {
        return problem;
    }

    /** √Cov_ii per parameter; NaN for parameters at a bound and for all when there is no matrix. */
    public double[] standardErrors() {
        double[] e = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            e[i] = matrix == null ? Double.NaN : Math.sqrt(matrix[i][i]);
        }
        return e;
    }

    /** The parameters at a bound (or fixed), in increasing order. */
    public int[] atBound() {
        return atBound.clone();
    }

    /** Whether parameter i is at a bound. */
    public boolean isAtBound(int i) {
        return Arrays.binarySearch(atBound, i) >= 0;
    }

    /** Objective evaluations spent on the Hessian. */
    public long evaluations() {
        return evaluations;
    }

    /** The Hessian of f (NaN rows for parameters at a bound), or null: a starting matrix for re-fits. */
    double[][] hessian() {
        return hessian;
    }
}
