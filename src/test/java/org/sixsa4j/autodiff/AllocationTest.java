package org.sixsa4j.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.sixsa4j.internal.kernels.Kernels;

/**
 * After warm-up a training step of fixed shapes (forward, backward, parameter update, reset)
 * allocates almost nothing: buffers come from the tape's pool and nodes are reused. Measured
 * with the allocation counter of the current thread (HotSpot's ThreadMXBean extension).
 */
class AllocationTest {

    /** Bytes a step may allocate: room for stray JIT or JUnit bookkeeping, far below one buffer. */
    private static final long BYTES_PER_STEP = 2048;
    private static final int STEPS_PER_BLOCK = 100;
    /** At most 4000 steps of a few milliseconds each. */
    private static final int BLOCKS = 40;

    @Test
    void aTrainingStepAllocatesAlmostNothingAfterWarmUp() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        TapeTest.Net net = new TapeTest.Net(3, 64, 32, 64, 8);
        Tensor[] parameters = net.parameters();
        // Until C2 compiles them, the Vector API kernels run the API's Java fallback, which
        // allocates a vector object per operation; how long that takes depends on the machine's
        // load. So the test measures blocks of steps until one is clean, and fails if none is.
        StringBuilder history = new StringBuilder();
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
        System.out.println("autodiff: bytes allocated per training step, by block of " + STEPS_PER_BLOCK
                + " steps (" + Kernels.get().name() + " kernels):" + history);
        assertTrue(perStep < BYTES_PER_STEP, "bytes allocated per step in successive blocks of "
                + STEPS_PER_BLOCK + " steps with the " + Kernels.get().name() + " kernels:" + history);
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
