package org.sixsa4j.sbi;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The one-parameter priors, by the names a configuration uses:
 * <ul>
 *   <li>{@code uniform(a, b)}: constant density 1/(b − a) on [a, b];</li>
 *   <li>{@code loguniform(a, b)}: uniform in log10 x on [a, b], 0 &lt; a &lt; b, density 1/(x ln(b/a));</li>
 *   <li>{@code normal(mu, sigma)};</li>
 *   <li>{@code truncnormal(mu, sigma, a, b)}: the normal restricted to [a, b] and renormalised.</li>
 * </ul>
 */
public final class Priors {
    private static final Pattern FORM = Pattern.compile("\\s*([a-zA-Z_]+)\\s*\\((.*)\\)\\s*");

    private Priors() {
    }

    /** Uniform on [a, b]. */
    public static Prior uniform(double a, double b) {
        check(Double.isFinite(a) && Double.isFinite(b) && a < b, "uniform(" + a + ", " + b + ") needs finite a < b");
        return new Uniform(a, b);
    }

    /** Uniform in log10 x on [a, b]. */
    public static Prior logUniform(double a, double b) {
        check(a > 0 && Double.isFinite(b) && a < b, "loguniform(" + a + ", " + b + ") needs 0 < a < b");
        return new LogUniform(a, b);
    }

    /** Normal with mean mu and standard deviation sigma. */
    public static Prior normal(double mu, double sigma) {
        check(Double.isFinite(mu) && sigma > 0 && Double.isFinite(sigma), "normal(" + mu + ", " + sigma + ") needs sigma > 0");
        return new TruncatedNormal(mu, sigma, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** Normal with mean mu and standard deviation sigma, restricted to [a, b]. */
    public static Prior truncatedNormal(double mu, double sigma, double a, double b) {
        check(Double.isFinite(mu) && sigma > 0 && Double.isFinite(sigma) && a < b,
                "truncnormal(" + mu + ", " + sigma + ", " + a + ", " + b + ") needs sigma > 0 and a < b");
        TruncatedNormal t = new TruncatedNormal(mu, sigma, a, b);
        check(t.mass > 1e-300, "truncnormal(" + mu + ", " + sigma + ", " + a + ", " + b + ") puts no probability in [a, b]");
        return t;
    }

    /**
     * A prior written as in a configuration, e.g. {@code loguniform(0.01, 1)}.
     *
     * @throws IllegalArgumentException with a message saying what was expected
     */
    public static Prior parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a prior; expected uniform(a, b), loguniform(a, b), normal(mu, sigma) or truncnormal(mu, sigma, a, b)");
        }
        String kind = m.group(1).toLowerCase(Locale.ROOT);
        String[] parts = m.group(2).split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': '" + parts[i].trim() + "' is not a number");
            }
        }
        switch (kind) {
            case "uniform":
                arity(text, v, 2);
                return uniform(v[0], v[1]);
            case "loguniform":
                arity(text, v, 2);
                return logUniform(v[0], v[1]);
            case "normal":
                arity(text, v, 2);
                return normal(v[0], v[1]);
            case "truncnormal":
                arity(text, v, 4);
                return truncatedNormal(v[0], v[1], v[2], v[3]);
            default:
                throw new IllegalArgumentException("'" + text + "': unknown prior '" + kind + "'; expected uniform, loguniform, normal or truncnormal");
        }
    }

    private static void arity(String text, double[] v, int n) {
        check(v.length == n, "'" + text + "' needs " + n + " numbers, got " + v.length);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.10g", v).replaceAll("\\.?0+(e|$)", "$1");
    }

    private static final class Uniform implements Prior {
        private final double a;
        private final double b;
        private final double logDensity;

        Uniform(double a, double b) {
            this.a = a;
            this.b = b;
            this.logDensity = -Math.log(b - a);
        }

        @Override
        public double logDensity(double x) {
            return x >= a && x <= b ? logDensity : Double.NEGATIVE_INFINITY;
        }

        @Override
        public double quantile(double u) {
            return Math.min(b, a + (b - a) * u);
        }

        @Override
        public double cdf(double x) {
            return x <= a ? 0 : x >= b ? 1 : (x - a) / (b - a);
        }

        @Override
        public double lower() {
            return a;
        }

        @Override
        public double upper() {
            return b;
        }

        @Override
        public String describe() {
            return "uniform(" + number(a) + ", " + number(b) + ")";
        }
    }

    private static final class LogUniform implements Prior {
        private final double a;
        private final double b;
        private final double logA;
        private final double logRatio;

        LogUniform(double a, double b) {
            this.a = a;
            this.b = b;
            this.logA = Math.log(a);
            this.logRatio = Math.log(b / a);
        }

        @Override
        public double logDensity(double x) {
            return x >= a && x <= b ? -Math.log(x) - Math.log(logRatio) : Double.NEGATIVE_INFINITY;
        }

        @Override
        public double quantile(double u) {
            return Math.min(b, Math.max(a, Math.exp(logA + logRatio * u)));
        }

        @Override
        public double cdf(double x) {
            return x <= a ? 0 : x >= b ? 1 : (Math.log(x) - logA) / logRatio;
        }

        @Override
        public double lower() {
            return a;
        }

        @Override
        public double upper() {
            return b;
        }

        @Override
        public String describe() {
            return "loguniform(" + number(a) + ", " + number(b) + ")";
        }
    }

    /** A normal, truncated to [a, b] (possibly infinite); sampled by its quantile function. */
    private static final class TruncatedNormal implements Prior {
        private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
        private final double mu;
        private final double sigma;
        private final double a;
        private final double b;
        private final double cdfA;
        private final double mass;
        private final double logNorm;

        TruncatedNormal(double mu, double sigma, double a, double b) {
            this.mu = mu;
            this.sigma = sigma;
            this.a = a;
            this.b = b;
            this.cdfA = a == Double.NEGATIVE_INFINITY ? 0 : STANDARD.cumulativeProbability((a - mu) / sigma);
            double cdfB = b == Double.POSITIVE_INFINITY ? 1 : STANDARD.cumulativeProbability((b - mu) / sigma);
            this.mass = cdfB - cdfA;
            this.logNorm = -0.5 * Math.log(2 * Math.PI) - Math.log(sigma) - Math.log(mass);
        }

        @Override
        public double logDensity(double x) {
            if (!(x >= a && x <= b)) {
                return Double.NEGATIVE_INFINITY;
            }
            double z = (x - mu) / sigma;
            return logNorm - 0.5 * z * z;
        }

        @Override
        public double cdf(double x) {
            if (x <= a) {
                return 0;
            }
            if (x >= b) {
                return 1;
            }
            return Math.min(1, (STANDARD.cumulativeProbability((x - mu) / sigma) - cdfA) / mass);
        }

        @Override
        public double quantile(double u) {
            double p = cdfA + mass * u;
            double x = mu + sigma * STANDARD.inverseCumulativeProbability(Math.min(1, Math.max(0, p)));
            return Math.min(b, Math.max(a, x));
        }

        @Override
        public double lower() {
            return a;
        }

        @Override
        public double upper() {
            return b;
        }

        @Override
        public String describe() {
            return a == Double.NEGATIVE_INFINITY && b == Double.POSITIVE_INFINITY
                    ? "normal(" + number(mu) + ", " + number(sigma) + ")"
                    : "truncnormal(" + number(mu) + ", " + number(sigma) + ", " + number(a) + ", " + number(b) + ")";
        }
    }
}
