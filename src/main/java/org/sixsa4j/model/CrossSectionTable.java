package org.sixsa4j.model;

import java.util.Locale;

/**
 * XSPEC's {@code xsect} setting: which photo-ionisation cross-sections {@code phabs} (and the
 * other absorbers that honour the setting) use. Only Verner et al. (1996) is implemented;
 * {@code tbabs} and its relatives always use their own cross-sections, as in XSPEC.
 */
public enum CrossSectionTable {
    /** Verner, Ferland, Korista & Yakovlev 1996, ApJ 465, 487 (XSPEC's default). */
    VERN;

    /** The setting by XSPEC name ({@code vern}), or a clear error for one not implemented. */
    public static CrossSectionTable of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("vern")) {
            return VERN;
        }
        if (n.equals("bcmc") || n.equals("obcm")) {
            throw new IllegalArgumentException("xsect " + n + " (Balucinska-Church & McCammon 1992) is not implemented; use vern");
        }
        throw new IllegalArgumentException("unknown xsect '" + name + "'; expected vern");
    }

    /** XSPEC's name. */
    public String xspecName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
