package org.sixsa4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sixsa4j.internal.kernels.Kernels;

/**
 * After warm-up a training step of fixed shapes (forward, backward, parameter update, reset)
 * allocates almost nothing: buffers come from the tape's pool and nodes are reused. Measured
 * with the allocation counter of the current thread (HotSpot's ThreadMXBean extension), in a
 * JVM of its own, as a training run has: in the JVM that has just run two thousand other tests,
 * the JIT's state (which methods it has compiled, and how) is not that of any real run.
 */
class AllocationTest {

    /** Bytes a step may allocate: room for stray JIT bookkeeping, far below one buffer. */
    private static final long BYTES_PER_STEP = 2048;
    private static final int STEPS_PER_BLOCK = 100;
    /** At most 4000 steps of a few milliseconds each. */
    private static final int BLOCKS = 40;

    /**
     * The child: runs blocks of steps until one allocates less than the bound and prints the
     * bytes per step of each block. Until C2 compiles them, the Vector API kernels run the API's
     * Java fallback, which allocates a vector object per operation; how long that takes depends
     * on the machine's load, hence blocks rather than a fixed warm-up.
     */
    public static void main(String[] args) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        TapeTest.Net net = new TapeTest.Net(3, 64, 32, 64, 8);
        Tensor[] parameters = net.parameters();
        StringBuilder history = new StringBuilder(Kernels.get().name());
        long perStep = Long.MAX_VALUE;
        try (Tape tape = Tape.create()) {
            for (int block = 0; block < BLOCKS && perStep >= BYTES_PER_STEP; block++) {
                long before = threads.getThreadAllocatedBytes(self);
                for (int step = 0; step < STEPS_PER_BLOCK; step++) {
                    step(tape, net, parameters);
                }
                perStep = (threads.getThreadAllocatedBytes(self) - before) / STEPS_PER_BLOCK;
                history.append(' ').append(perStep);
            }
        }
        System.out.println(history);
    }

    @Test
    void aTrainingStepAllocatesAlmostNothingAfterWarmUp() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector",
                "-Dsixsa4j.kernels=" + Kernels.get().name(), "-cp", System.getProperty("java.class.path"),
                AllocationTest.class.getName()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child JVM did not finish: " + out);
        assertEquals(0, child.exitValue(), out);
        String history = out.lines().filter(l -> l.startsWith(Kernels.get().name())).findFirst().orElse(out);
        System.out.println("autodiff: bytes allocated per training step, by block of " + STEPS_PER_BLOCK + " steps: " + history);
        String[] blocks = history.trim().split(" ");
        long last = Long.parseLong(blocks[blocks.length - 1]);
        assertTrue(last < BYTES_PER_STEP, "bytes allocated per step in successive blocks of " + STEPS_PER_BLOCK
                + " steps with the " + history + " kernels");
    }

    private static void step(Tape tape, TapeTest.Net net, Tensor[] parameters) {
        net.zeroGrad();
        tape.backward(net.loss(tape));
        for (Tensor p : parameters) {
            float[] v = p.value().data;
            float[] g = p.grad().data;
            for (int i = 0; i < v.length; i++) {
                v[i] -= 1e-3f * g[i];
            }
        }
        tape.reset();
    }
}
