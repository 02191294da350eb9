package org.sixsa4j.sbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.numbers.gamma.LogGamma;
import org.junit.jupiter.api.Test;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.SharedData;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.ogip.PhaSpectrum;
import org.sixsa4j.simulate.ModelSimulator;
import org.sixsa4j.simulate.RandomStreams;
import org.sixsa4j.spectrum.Instruments;
import org.sixsa4j.spectrum.Observation;
import org.sixsa4j.spectrum.ObservationLoader;
import org.sixsa4j.spectrum.SyntheticInstrument;
import org.sixsa4j.stat.WStat;

class SpectralLikelihoodTest {
    private static final ModelSettings SETTINGS = ModelSettings.xspecDefaults();

    /** A CCD spectrum of an absorbed power law, simulated with seed 3, as observed data. */
    static Observation simulatedCcdSpectrum(Model truth) {
        SyntheticInstrument ccd = Instruments.ccd();
        Observation template = ccd.observation(2e4);
        ModelSimulator sim = ModelSimulator.of(truth, List.of(template), SETTINGS);
        double[] counts = new double[sim.totalBins()];
        sim.simulate(truth.parameterMap().freeValues(), 1, RandomStreams.of(3), 0, counts);
        double[] channels = new double[template.spectrum().size()];
        for (int b = 0; b < template.bins(); b++) {
            channels[template.binFirstChannel(b)] = counts[b];
        }
        PhaSpectrum data = template.spectrum().toBuilder().counts(channels).build();
        return Observation.of(data, template.response(), null).noticeOnly(0.3, 10);
    }

    @Test
    void withoutBackgroundTheLogLikelihoodIsThePoissonOneWithItsConstants() {
        Model truth = Model.parse("tbabs*powerlaw").set("nH", 0.2).set("PhoIndex", 1.8).set("norm", 1e-3);
        Observation obs = simulatedCcdSpectrum(truth);
        SpectralLikelihood like = SpectralLikelihood.of(truth, List.of(obs), SETTINGS, FitStatistic.CSTAT);
        double[] theta = {0.25, 1.7, 1.2e-3};
        double[] mu = like.expectedCounts(theta);
        double[] d = obs.counts();
        double direct = 0;
        double cash = 0;
        for (int i = 0; i < d.length; i++) {
            direct += d[i] * Math.log(mu[i]) - mu[i] - LogGamma.value(d[i] + 1);
            cash += 2 * (mu[i] - d[i] + (d[i] > 0 ? d[i] * Math.log(d[i] / mu[i]) : 0));
        }
        assertEquals(direct, like.value(theta), 1e-9 * Math.abs(direct));
        assertEquals(cash, like.statistic(theta), 1e-9 * cash);
        assertEquals(obs.bins() - 3, like.degreesOfFreedom());
        assertTrue(like.value(truth.parameterMap().freeValues()) > like.value(new double[] {0.5, 2.5, 1e-3}), "the truth is likelier than a far point");
        assertEquals(4, like.evaluations(), "value, statistic, and the two comparisons");
    }

    @Test
    void aModelThatIsNotFiniteHasZeroLikelihood() {
        Model m = Model.parse("powerlaw");
        Observation obs = simulatedCcdSpectrum(m.set("norm", 1e-3));
        SpectralLikelihood like = SpectralLikelihood.of(m, List.of(obs), SETTINGS, FitStatistic.CSTAT);
        assertEquals(Double.NEGATIVE_INFINITY, like.value(new double[] {2, 0.0}), "zero norm: no counts expected where some were seen");
    }

    @Test
    void aBackgroundMakesCstatTheWstatOfXspec() {
        Observation pn = ObservationLoader.of(SharedData.file("ogip/xmm-pn-ngc7793/PN_spectrum_grp20.fits")).load().noticeOnly(0.5, 10);
        Model m = Model.parse("tbabs*powerlaw").set("nH", 0.1).set("PhoIndex", 2).set("norm", 1e-4);
        SpectralLikelihood like = SpectralLikelihood.of(m, List.of(pn), SETTINGS, FitStatistic.CSTAT);
        double[] theta = m.parameterMap().freeValues();
        double[] source = sourceCounts(m, pn, theta);
        double w = WStat.value(pn.counts(), pn.backgroundCounts(), pn.backgroundRatio(), 0, source, 0, pn.bins());
        assertEquals(w, like.statistic(theta), 1e-12 * w);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SpectralLikelihood.of(m, List.of(simulatedCcdSpectrum(m)), SETTINGS, FitStatistic.WSTAT));
        assertTrue(e.getMessage().contains("BACKFILE"), e.getMessage());
    }

    private static double[] sourceCounts(Model m, Observation obs, double[] theta) {
        double[] mu = new double[obs.bins()];
        ModelSimulator.sourceOnly(m, List.of(obs), SETTINGS).expectedCounts(theta, 0, mu, 0);
        return mu;
    }
}
