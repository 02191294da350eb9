package org.sixsa4j.model.absorption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sixsa4j.model.AbundanceTable;

/**
 * The ISM absorber against ../shared/data/oracles, computed by compiling and running the
 * original tbabs code (tbvabs.c 2.3 with phfit2). The species agree to 2e-6 (IsmSpeciesTest) and
 * the sums inherit that; 2e-5 leaves room for the single-precision Verner sums of the original
 * near thresholds (up to 1e-5) and nothing else. A wrong default, depletion or grain term shows
 * at the percent level.
 */
class TbabsOracleTest {
    private static final double TOLERANCE = 2e-5;
    private static final double CM2 = 1e-22;

    @ParameterizedTest(name = "abund {0}")
    @ValueSource(strings = {"wilm", "angr", "aspl", "lodd"})
    void tbabsTbgasAndZtbabsAtSingleEnergies(String abund) {
        OracleTable oracle = OracleTable.read("oracles/tbabs_sigma_" + abund + ".csv");
        AbundanceTable table = AbundanceTable.of(abund);
        double[] keV = oracle.column("E_keV");
        double[] tbabs = pointSigma(tbabs(), table, keV);
        double worst = Math.max(Math.max(
                compare(oracle.column("sigma_tbabs"), tbabs, keV, "tbabs " + abund),
                compare(oracle.column("sigma_tbgas"), pointSigma(tbgas(), table, keV), keV, "tbgas " + abund)),
                compare(oracle.column("sigma_ztbabs_z0"), pointSigma(ztbabs(), table, keV), keV, "ztbabs " + abund));
        double worstDepth = 0;
        for (String column : new String[] {"absfac_NH_0p1", "absfac_NH_1", "absfac_NH_10"}) {
            double[] p = tbabs();
            p[IsmAbsorption.NH] = Double.parseDouble(column.substring("absfac_NH_".length()).replace('p', '.'));
            double[] transmission = IsmAbsorption.of(p, table).transmission(keV, keV);
            worstDepth = Math.max(worstDepth, compareTransmission(oracle.column(column), transmission, keV, column + " " + abund));
        }
        System.out.printf(Locale.ROOT, "tbabs/tbgas/ztbabs(z=0), abund %s: max relative difference %.1e in sigma, %.1e in -ln(T), over %d energies%n",
                abund, worst, worstDepth, keV.length);
    }

    @Test
    void tbabsForAllNineAbundanceTables() {
        OracleTable oracle = OracleTable.read("oracles/tbabs_sigma_all_abund_spotcheck.csv");
        double[] keV = oracle.column("E_keV");
        double worst = 0;
        for (AbundanceTable table : AbundanceTable.values()) {
            worst = Math.max(worst, compare(oracle.column("sigma_tbabs_" + table.xspecName()), pointSigma(tbabs(), table, keV), keV, table.xspecName()));
        }
        System.out.printf(Locale.ROOT, "tbabs, all nine abundance tables: max relative difference %.1e%n", worst);
    }

    /** Energies are observed; the absorber at z = 0.5 sees E (1 + z). */
    @Test
    void redshiftedAbsorber() {
        OracleTable oracle = OracleTable.read("oracles/tbabs_redshift_spotcheck_wilm.csv");
        double[] keV = oracle.column("E_obs_keV");
        double z = oracle.column("redshift")[0];
        double[] atZ = tbabs();
        atZ[IsmAbsorption.REDSHIFT] = z;
        double[] zt = ztbabs();
        zt[IsmAbsorption.REDSHIFT] = z;
        double worst = Math.max(
                compare(oracle.column("sigma_tbabs_params_at_z"), pointSigma(atZ, AbundanceTable.WILM, keV), keV, "tbabs at z"),
                compare(oracle.column("sigma_ztbabs"), pointSigma(zt, AbundanceTable.WILM, keV), keV, "ztbabs at z"));
        System.out.printf(Locale.ROOT, "tbabs and ztbabs at z = %s: max relative difference %.1e%n", z, worst);
    }

    /**
     * XSPEC's call: one set of 301 edges, each species averaged over the two edges of each bin
     * and the grain shielding evaluated on the averages. Several bins straddle edges and the He
     * resonances, where a point value would be far off.
     */
    @Test
    void binnedAsXspecCallsIt() {
        OracleTable oracle = OracleTable.read("oracles/tbabs_binned_wilm.csv");
        double[] low = oracle.column("E_lo_keV");
        double[] high = oracle.column("E_hi_keV");
        IsmAbsorption absorber = IsmAbsorption.of(tbabs(), AbundanceTable.WILM);
        double[] sigma = Arrays.stream(absorber.crossSections(low, high)).map(s -> s / CM2).toArray();
        double worst = compare(oracle.column("sigma_bin_tbabs"), sigma, low, "binned");
        double worstDepth = compareTransmission(oracle.column("absfac_bin_NH_1"), absorber.transmission(low, high), low, "binned transmission");
        System.out.printf(Locale.ROOT, "tbabs on 300 bins (two-edge averaging): max relative difference %.1e in sigma, %.1e in -ln(T)%n", worst, worstDepth);
    }

    static double[] tbabs() {
        return IsmAbsorption.defaults();
    }

    static double[] tbgas() {
        double[] p = IsmAbsorption.defaults();
        p[IsmAbsorption.H2_FRACTION] = 0;
        p[IsmAbsorption.GRAIN_DENSITY] = 0;
        return p;
    }

    static double[] ztbabs() {
        double[] p = IsmAbsorption.defaults();
        p[IsmAbsorption.GRAIN_DENSITY] = 0;
        return p;
    }

    /** σ in 1e-22 cm² per H at single energies: the degenerate bins [E, E] the oracle used. */
    private static double[] pointSigma(double[] parameters, AbundanceTable table, double[] keV) {
        return Arrays.stream(IsmAbsorption.of(parameters, table).crossSections(keV, keV)).map(s -> s / CM2).toArray();
    }

    private static double compare(double[] want, double[] got, double[] keV, String what) {
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            worst = Math.max(worst, Math.abs(got[i] / want[i] - 1));
            assertEquals(want[i], got[i], TOLERANCE * want[i], what + " at " + keV[i] + " keV");
        }
        return worst;
    }

    /**
     * Transmissions compared through the optical depth τ = −ln T, since a relative error ε in σ
     * is a relative error ε τ in T. Where the oracle underflowed to 0, ours must have underflowed
     * too (or be a subnormal on the border); subnormal oracle values carry too few digits to
     * compare. The oracle prints T to 8 significant digits, an error of up to 5e-9 T that is
     * 5e-9 in τ, allowed for on top of the relative tolerance: it dominates where τ is small.
     * Returns the largest relative difference in τ where τ > 1e-2, past that printing error.
     */
    private static double compareTransmission(double[] want, double[] got, double[] keV, String what) {
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            if (want[i] == 0) {
                assertTrue(got[i] < Double.MIN_NORMAL, what + " at " + keV[i] + " keV: " + got[i] + ", expected an underflow");
            } else if (want[i] >= Double.MIN_NORMAL) {
                double tau = -Math.log(want[i]);
                double ours = -Math.log(got[i]);
                if (tau > 1e-2) {
                    worst = Math.max(worst, Math.abs(ours - tau) / tau);
                }
                assertEquals(tau, ours, TOLERANCE * tau + 5e-9, what + " at " + keV[i] + " keV");
            }
        }
        return worst;
    }
}
