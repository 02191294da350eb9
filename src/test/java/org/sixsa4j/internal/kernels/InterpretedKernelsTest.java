package org.sixsa4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels give the same bits before the JIT compiles them as after: a child JVM
 * run with {@code -Xint} (everything interpreted, the Vector API on its Java fallback) must print
 * the same digest as this JVM after warming the kernels up. The Vector API's own EXP failed this
 * for about one argument in ten.
 */
class InterpretedKernelsTest {

    /** A digest of every kernel's results on fixed arguments. */
    static String digest(Kernels k) {
        SplittableRandom random = new SplittableRandom(5);
        int n = 1024;
        double[] x = new double[n];
        double[] small = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -745 + 1455 * random.nextDouble();
            small[i] = (random.nextBoolean() ? 1 : -1) * Math.pow(10, -15 + 17 * random.nextDouble());
        }
        double[] exp = new double[n];
        double[] expm1 = new double[n];
        k.exp(x, 0, exp, 0, n);
        k.expm1(small, 0, expm1, 0, n);
        float[] f = new float[n];
        float[] dy = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) (-12 + 24 * random.nextDouble());
            dy[i] = (float) random.nextDouble();
        }
        float[] gelu = new float[n];
        float[] grad = new float[n];
        k.gelu(f, gelu, n);
        k.geluBackward(f, dy, grad, n, false);
        float[] tanh = new float[n];
        k.tanh(f, 0, tanh, 0, n);
        float[] c = new float[32 * 32];
        k.gemmTransB(f, dy, c, 32, 32, 32, false, 0, 32);
        // 50 columns: with 512-bit vectors, one wide panel of 4-row and 1-row tiles.
        float[] wide = new float[9 * 50];
        k.gemm(f, dy, wide, 9, 20, 50, false, 0, 9);
        double[] dense = new double[60 * 80];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = random.nextDouble() < 0.3 ? random.nextDouble() : 0;
        }
        double[] folded = new double[60 * 3];
        k.multiply(SegmentedMatrix.fromDense(dense, 60, 80, 4), exp, 0, 80, folded, 0, 60, 3);
        return Arrays.hashCode(exp) + " " + Arrays.hashCode(expm1) + " " + Arrays.hashCode(gelu) + " "
                + Arrays.hashCode(grad) + " " + Arrays.hashCode(tanh) + " " + Arrays.hashCode(c) + " " + Arrays.hashCode(wide) + " " + Arrays.hashCode(folded);
    }

    /** The child: prints the digest of the interpreted vector kernels. */
    public static void main(String[] args) {
        System.out.println(digest(new VectorKernels()));
    }

    @Test
    void interpretedAndCompiledKernelsGiveTheSameBits() throws IOException, InterruptedException {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "no Vector API in this JVM");
        Kernels vector = new VectorKernels();
        String warm = null;
        for (int i = 0; i < 3000; i++) {
            warm = digest(vector);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xint", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), InterpretedKernelsTest.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(child.waitFor(120, TimeUnit.SECONDS), "the interpreted child took too long");
        assertEquals(0, child.exitValue(), out);
        String cold = out.lines().filter(l -> !l.startsWith("WARNING")).findFirst().orElse("");
        assertEquals(warm, cold, "digest of exp, expm1, gelu, gelu', tanh, gemmTransB, gemm, fold: compiled vs interpreted");
    }
}
