package org.sixsa4j.model.absorption;

import java.util.Map;

/**
 * The numerical constants of the Tübingen–Boulder model (Wilms, Allen &amp; McCray 2000, code
 * version 2.3), read once from the resource {@code tbabs_constants.txt}, which says where each
 * comes from (Band et al. 1990 for H, Yan et al. 1998 for He and H₂, Fernley et al. 1987 and Oza
 * 1986 for the He resonances).
 */
final class TbabsConstants {
    private static final Map<String, double[]> VALUES = AtomicDataFile.namedValues("tbabs_constants.txt");

    private TbabsConstants() {
    }

    /** All values of the named constant. */
    static double[] values(String name) {
        double[] v = VALUES.get(name);
        if (v == null) {
            throw new IllegalStateException("tbabs_constants.txt has no constant " + name);
        }
        return v.clone();
    }

    /** The named constant, which must hold a single value. */
    static double value(String name) {
        double[] v = values(name);
        if (v.length != 1) {
            throw new IllegalStateException("tbabs_constants.txt: " + name + " holds " + v.length + " values, expected 1");
        }
        return v[0];
    }
}
