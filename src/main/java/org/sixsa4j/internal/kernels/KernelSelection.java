package org.sixsa4j.internal.kernels;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the {@link Kernels} implementation once, when the class is first used. */
final class KernelSelection {
    /** System property that forces an implementation: {@code auto} (default), {@code scalar} or {@code vector}. */
    static final String PROPERTY = "sixsa4j.kernels";

    static final Kernels SELECTED = select();

    private KernelSelection() {
    }

    private static Kernels select() {
        Logger log = LoggerFactory.getLogger(Kernels.class);
        String wanted = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("scalar")) {
            log.debug("{}=scalar: using scalar kernels", PROPERTY);
            return ScalarKernels.INSTANCE;
        }
        if (!wanted.equals("auto") && !wanted.equals("vector")) {
            log.warn("{}={} is not auto, scalar or vector; choosing automatically", PROPERTY, wanted);
        }
        String reason = whyNotVector();
        if (reason == null) {
            try {
                Kernels vector = (Kernels) Class.forName("org.sixsa4j.internal.kernels.VectorKernels")
                        .getDeclaredConstructor().newInstance();
                if (VectorKernels.lanes() >= 2) {
                    return vector;
                }
                reason = "the preferred vector holds fewer than two doubles";
            } catch (ReflectiveOperationException | LinkageError e) {
                reason = "the Vector API could not be loaded (" + e + ")";
            }
        }
        log.info("Using scalar kernels: {}", reason);
        return ScalarKernels.INSTANCE;
    }

    /** Why the Vector API kernels cannot run here, or {@code null} when they can. */
    private static String whyNotVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return "module jdk.incubator.vector is absent (run java with --add-modules jdk.incubator.vector)";
        }
        try {
            var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (bean != null) {
                if ("false".equals(bean.getVMOption("UseCompiler").getValue())) {
                    return "the JIT compiler is off";
                }
                String level = bean.getVMOption("TieredStopAtLevel").getValue();
                if (Integer.parseInt(level) < 4 && "true".equals(bean.getVMOption("TieredCompilation").getValue())) {
                    return "C2 is off (TieredStopAtLevel=" + level + ")";
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // Not a HotSpot VM, or jdk.management is missing: trust the module check alone.
        }
        return null;
    }
}
