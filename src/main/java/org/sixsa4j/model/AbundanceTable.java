package org.sixsa4j.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * XSPEC's {@code abund} setting: a table of solar abundances, number of atoms relative to
 * hydrogen for Z = 1..30. The values, with their references, are in the resource
 * {@code abundances.txt}. XSPEC's default is {@code angr}.
 */
public enum AbundanceTable {
    /** Anders & Grevesse 1989 (XSPEC's default). */
    ANGR,
    /** Asplund et al. 2009. */
    ASPL,
    /** Feldman 1992. */
    FELD,
    /** Anders & Ebihara 1982. */
    ANEB,
    /** Grevesse & Sauval 1998. */
    GRSA,
    /** Wilms, Allen & McCray 2000. */
    WILM,
    /** Lodders 2003. */
    LODD,
    /** Lodders, Palme & Gail 2009, photospheric. */
    LPGP,
    /** Lodders, Palme & Gail 2009, proto-solar. */
    LPGS;

    /** Highest atomic number in the tables. */
    public static final int MAX_Z = 30;

    private static final double[][] VALUES = load();

    /** The table by XSPEC name, case-insensitive. */
    public static AbundanceTable of(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (AbundanceTable t : values()) {
            if (t.name().equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown abundance table '" + name + "'; expected one of angr, aspl, feld, aneb, grsa, wilm, lodd, lpgp, lpgs");
    }

    /** XSPEC's name, lower case. */
    public String xspecName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Atoms of element {@code z} per hydrogen atom (1 for hydrogen, 0 for an element the table omits). */
    public double relativeToHydrogen(int z) {
        if (z < 1 || z > MAX_Z) {
            throw new IllegalArgumentException("atomic number must be 1 to " + MAX_Z + ", got " + z);
        }
        return VALUES[ordinal()][z - 1];
    }

    private static double[][] load() {
        double[][] v = new double[values().length][MAX_Z];
        try (InputStream in = AbundanceTable.class.getResourceAsStream("abundances.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource org/sixsa4j/model/abundances.txt is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int rows = 0;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\s+");
                int z = Integer.parseInt(f[0]);
                for (int t = 0; t < v.length; t++) {
                    v[t][z - 1] = Double.parseDouble(f[2 + t]);
                }
                rows++;
            }
            if (rows != MAX_Z) {
                throw new IllegalStateException("abundances.txt holds " + rows + " elements, expected " + MAX_Z);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return v;
    }
}
