package org.sixsa4j.model;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;

/**
 * Gauss–Legendre quadrature: ∫₋₁¹ f(x) dx ≈ Σ w_i f(x_i), exact for polynomials of degree
 * 2n − 1. Nodes are the roots of the Legendre polynomial P_n, found by Newton's iteration from
 * the Tricomi starting values cos(π(i − ¼)/(n + ½)); weights are 2 / ((1 − x²) P_n'(x)²)
 * (Abramowitz & Stegun 25.4.29). Rules are computed once per order and shared.
 */
public final class GaussLegendre {
    private static final ConcurrentHashMap<Integer, GaussLegendre> RULES = new ConcurrentHashMap<>();

    private final double[] nodes;
    private final double[] weights;

    private GaussLegendre(int n) {
        nodes = new double[n];
        weights = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                // P_n(x) and P_n'(x) by the three-term recurrence.
                double p0 = 1;
                double p1 = x;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                double pn = n == 1 ? x : p1;
                double pnMinus1 = n == 1 ? 1 : p0;
                derivative = n * (x * pn - pnMinus1) / (x * x - 1);
                double step = pn / derivative;
                x -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            nodes[i] = -x;
            nodes[n - 1 - i] = x;
            double w = 2 / ((1 - x * x) * derivative * derivative);
            weights[i] = w;
            weights[n - 1 - i] = w;
        }
    }

    /** The n-point rule on [−1, 1]. */
    public static GaussLegendre of(int n) {
        if (n < 1 || n > 1000) {
            throw new IllegalArgumentException("Gauss-Legendre order must be 1 to 1000, got " + n);
        }
        return RULES.computeIfAbsent(n, GaussLegendre::new);
    }

    /** Number of nodes. */
    public int size() {
        return nodes.length;
    }

    /** Node i on [−1, 1], increasing. */
    public double node(int i) {
        return nodes[i];
    }

    /** Weight i. */
    public double weight(int i) {
        return weights[i];
    }

    /** ∫_a^b f with this rule on one panel. */
    public double integrate(DoubleUnaryOperator f, double a, double b) {
        double half = 0.5 * (b - a);
        double mid = 0.5 * (b + a);
        double sum = 0;
        for (int i = 0; i < nodes.length; i++) {
            sum += weights[i] * f.applyAsDouble(mid + half * nodes[i]);
        }
        return sum * half;
    }

    /** ∫_a^b f with the n-point rule on {@code panels} equal panels. */
    public static double integrate(DoubleUnaryOperator f, double a, double b, int n, int panels) {
        GaussLegendre rule = of(n);
        double width = (b - a) / panels;
        double sum = 0;
        for (int k = 0; k < panels; k++) {
            sum += rule.integrate(f, a + k * width, a + (k + 1) * width);
        }
        return sum;
    }
}
