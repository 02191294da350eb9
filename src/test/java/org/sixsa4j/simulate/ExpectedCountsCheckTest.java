package org.sixsa4j.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sixsa4j.model.AbundanceTable;
import org.sixsa4j.model.GaussLegendre;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.model.absorption.IsmAbsorption;
import org.sixsa4j.ogip.Arf;
import org.sixsa4j.ogip.Rmf;
import org.sixsa4j.spectrum.Instruments;
import org.sixsa4j.spectrum.Observation;
import org.sixsa4j.spectrum.SyntheticInstrument;

/**
 * The embedded CCD-like instrument, simulated from known parameters: the expected counts of the
 * model library, transfer operator and simulator agree with a direct integration written here
 * from the definitions, N_b = T Σ_{c in b} Σ_e R(e, c) A(e) ∫_e f(E) dE, with f the absorbed power
 * law integrated by 12-point Gauss–Legendre in each input bin, and the
 * response read straight from the RMF and ARF. The absorber follows XSPEC's bin rule, written
 * here independently: its factor in an input bin is exp(−N_H σ̄) with σ̄ the mean of the point
 * cross-sections at the bin's two edges. (Averaging exp(−N_H σ(E)) over the bin instead differs
 * by up to 3 % in the bins that straddle the O K edge: that is XSPEC's convention, not an error.)
 */
class ExpectedCountsCheckTest {

    @Test
    void absorbedPowerLawThroughTheCcdMatchesADirectIntegration() {
        SyntheticInstrument ccd = Instruments.ccd();
        Observation obs = ccd.observation(2e4);
        ModelSettings settings = ModelSettings.xspecDefaults().withAbundances(AbundanceTable.WILM);
        double nH = 0.2;
        double gamma = 1.8;
        double norm = 1e-2;
        Model model = Model.parse("ztbabs*powerlaw").set("nH", nH).set("PhoIndex", gamma).set("norm", norm);
        ModelSimulator sim = ModelSimulator.of(model, List.of(obs), settings);
        double[] expected = new double[sim.totalBins()];
        sim.expectedCounts(model.parameterMap().freeValues(), 1, expected);

        Rmf rmf = ccd.rmf();
        Arf arf = ccd.arf();
        double[] lo = rmf.energyLow();
        double[] hi = rmf.energyHigh();
        GaussLegendre rule = GaussLegendre.of(12);
        // ztbabs: tbabs without grains (Wilms et al. 2000 as XSPEC sets it), so σ is linear in the
        // species' cross-sections and its two-edge mean is the mean of the total.
        double[] parameters = IsmAbsorption.defaults();
        parameters[IsmAbsorption.GRAIN_DENSITY] = 0.0;
        IsmAbsorption gas = IsmAbsorption.of(parameters, AbundanceTable.WILM);
        double[] sigmaLow = gas.crossSections(lo, lo);
        double[] sigmaHigh = gas.crossSections(hi, hi);
        double[] photons = new double[lo.length];
        for (int e = 0; e < lo.length; e++) {
            double a = lo[e];
            double b = hi[e];
            double powerLaw = rule.integrate(energy -> norm * Math.pow(energy, -gamma), a, b);
            photons[e] = powerLaw * Math.exp(-nH * 1e22 * 0.5 * (sigmaLow[e] + sigmaHigh[e]));
        }
        double[] perChannel = new double[rmf.channels()];
        int[] rowStart = rmf.rowStart();
        int[] channel = rmf.channelIndex();
        double[] value = rmf.values();
        for (int e = 0; e < lo.length; e++) {
            for (int k = rowStart[e]; k < rowStart[e + 1]; k++) {
                perChannel[channel[k]] += obs.exposure() * value[k] * arf.area(e) * photons[e];
            }
        }
        assertEquals(388, expected.length);
        double worst = 0;
        for (int b = 0; b < expected.length; b++) {
            double direct = 0;
            for (int c = obs.binFirstChannel(b); c < obs.binEndChannel(b); c++) {
                direct += perChannel[c];
            }
            worst = Math.max(worst, Math.abs(expected[b] - direct) / direct);
        }
        // Both integrate the power law to about 1e-15 over a 10 eV bin and fold in double
        // precision; 1e-10 leaves room for the order of the sums.
        assertTrue(worst < 1e-10, "worst relative difference " + worst);
        assertTrue(Arrays.stream(expected).sum() > 1e4, "a spectrum with enough counts to matter");
    }
}
