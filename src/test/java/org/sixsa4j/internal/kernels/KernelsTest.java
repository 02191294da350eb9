package org.sixsa4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KernelsTest {

    @Test
    void selectionHonoursTheSystemProperty() {
        String forced = System.getProperty("sixsa4j.kernels", "auto");
        if (forced.equals("scalar")) {
            assertEquals("scalar", Kernels.get().name());
        } else if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            assertEquals("vector", Kernels.get().name(), "the tests run with the Vector API module and C2 on");
        }
    }

    /** A random banded matrix with gaps, empty rows and segments of every length around the lane count. */
    static SegmentedMatrix randomMatrix(UniformRandomProvider rng, int rows, int columns, boolean signed) {
        double[] dense = new double[rows * columns];
        for (int r = 0; r < rows; r++) {
            if (rng.nextInt(8) == 0) {
                continue;
            }
            int runs = 1 + rng.nextInt(3);
            for (int k = 0; k < runs; k++) {
                int first = rng.nextInt(columns);
                int length = 1 + rng.nextInt(Math.min(40, columns - first));
                for (int c = first; c < first + length; c++) {
                    dense[r * columns + c] = signed ? rng.nextDouble() * 2 - 1 : rng.nextDouble();
                }
            }
        }
        return SegmentedMatrix.fromDense(dense, rows, columns, rng.nextInt(6));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void multiplyMatchesDenseArithmetic(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int rows = 1 + rng.nextInt(60);
        int columns = 1 + rng.nextInt(120);
        int batch = 1 + rng.nextInt(11);
        SegmentedMatrix a = randomMatrix(rng, rows, columns, true);
        double[] dense = a.toDense();
        int xStride = columns + rng.nextInt(3);
        int yStride = rows + rng.nextInt(3);
        double[] x = new double[3 + batch * xStride];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() * 10 - 5;
        }
        double[] y = new double[2 + batch * yStride];
        Kernels.get().multiply(a, x, 3, xStride, y, 2, yStride, batch);
        for (int s = 0; s < batch; s++) {
            for (int r = 0; r < rows; r++) {
                double expected = 0;
                double scale = 0;
                for (int c = 0; c < columns; c++) {
                    expected += dense[r * columns + c] * x[3 + s * xStride + c];
                    scale += Math.abs(dense[r * columns + c] * x[3 + s * xStride + c]);
                }
                assertEquals(expected, y[2 + s * yStride + r], 1e-12 * Math.max(scale, 1e-300),
                        "seed " + seed + " vector " + s + " row " + r);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void selectedKernelsAgreeWithScalarToOnePartIn1e12(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int rows = 200;
        int columns = 500;
        int batch = 9;
        // Non-negative, like a response and a photon spectrum, so that no sum cancels.
        SegmentedMatrix a = randomMatrix(rng, rows, columns, false);
        double[] x = new double[batch * columns];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        double[] fast = new double[batch * rows];
        double[] plain = new double[batch * rows];
        Kernels.get().multiply(a, x, 0, columns, fast, 0, rows, batch);
        Kernels.scalar().multiply(a, x, 0, columns, plain, 0, rows, batch);
        for (int i = 0; i < fast.length; i++) {
            assertEquals(plain[i], fast[i], 1e-12 * Math.abs(plain[i]) + 1e-300, "seed " + seed + " index " + i);
        }
    }

    @Test
    void builderKeepsShortGapsInsideOneSegment() {
        SegmentedMatrix.Builder b = new SegmentedMatrix.Builder(2, 10, 2);
        b.add(0, 1, 1.0).add(0, 3, 2.0).add(0, 7, 3.0).add(1, 0, 4.0);
        SegmentedMatrix m = b.build();
        assertEquals(3, m.segments(), "gap of 1 kept, gap of 3 splits, a new row starts a segment");
        assertEquals(5, m.storedValues());
        assertEquals(2.0, m.get(0, 3));
        assertEquals(0.0, m.get(0, 2));
        assertEquals(3.0, m.get(0, 7));
        assertEquals(6.0, m.rowSum(0));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33})
    void expAgreesWithMathExpToOneUlpInPlaceAndWithOffsets(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 1 + rng.nextInt(300);
        double[] x = new double[n + 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = -700 + 1400 * rng.nextDouble();
        }
        x[5] = 0.0;
        x[6] = -1e-300;
        double[] y = x.clone();
        Kernels.get().exp(y, 5, y, 5, n);
        for (int i = 0; i < 5; i++) {
            assertEquals(x[i], y[i], "untouched before the offset");
        }
        for (int i = 5; i < n + 5; i++) {
            double want = Math.exp(x[i]);
            assertEquals(want, y[i], Math.ulp(want), "seed " + seed + " x " + x[i]);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {41, 42, 43})
    void expm1AgreesWithMathExpm1ToAFewUlpsDownToTinyArguments(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = 1 + rng.nextInt(300);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // magnitudes from 1e-15 to 10, both signs: where exp(x) - 1 would cancel and where it would not
            x[i] = (rng.nextBoolean() ? 1 : -1) * Math.pow(10, -15 + 16 * rng.nextDouble());
        }
        x[0] = 0.0;
        double[] y = new double[n];
        Kernels.get().expm1(x, 0, y, 0, n);
        for (int i = 0; i < n; i++) {
            double want = Math.expm1(x[i]);
            assertEquals(want, y[i], 4 * Math.ulp(want), "seed " + seed + " x " + x[i]);
        }
    }
}
