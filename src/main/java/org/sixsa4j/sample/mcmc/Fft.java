package org.sixsa4j.sample.mcmc;

/**
 * The in-place radix-2 fast Fourier transform (Cooley &amp; Tukey 1965, Math. Comp. 19, 297) for
 * one power-of-two length: X<sub>m</sub> = Σ<sub>j</sub> x<sub>j</sub> e<sup>−2πi jm/n</sup>. The
 * twiddle factors are computed once per length, since the autocorrelation transforms many series
 * of the same length.
 */
final class Fft {
    private final int size;
    private final double[] cos;
    private final double[] sin;

    /** @param size a power of two */
    Fft(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + size);
        }
        this.size = size;
        this.cos = new double[size / 2];
        this.sin = new double[size / 2];
        for (int j = 0; j < size / 2; j++) {
            double angle = -2 * Math.PI * j / size;
            cos[j] = Math.cos(angle);
            sin[j] = Math.sin(angle);
        }
    }

    /** The length this transform takes. */
    int size() {
        return size;
    }

    /** Replaces (re, im) by its forward transform; both arrays have length {@link #size()}. */
    void transform(double[] re, double[] im) {
        permute(re, im);
        for (int span = 1; span < size; span *= 2) {
            int stride = size / (2 * span);
            for (int start = 0; start < size; start += 2 * span) {
                for (int j = 0; j < span; j++) {
                    int a = start + j;
                    int b = a + span;
                    double wr = cos[j * stride];
                    double wi = sin[j * stride];
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    /** Bit-reversal permutation, which lets the butterflies run in place from the shortest span up. */
    private void permute(double[] re, double[] im) {
        for (int i = 1, j = 0; i < size; i++) {
            int bit = size >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
    }
}
