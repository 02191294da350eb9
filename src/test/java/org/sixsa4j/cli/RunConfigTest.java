package org.sixsa4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.SharedData;
import org.sixsa4j.model.AbundanceTable;
import org.sixsa4j.sbi.FitStatistic;

class RunConfigTest {

    @Test
    void theXmmExampleReadsWithItsObservationModelAndPriors() {
        SharedData.root();
        RunConfig c = RunConfig.read(Path.of("examples/xmm-pn-ngc7793.yaml"));
        assertEquals(1, c.observations().size());
        assertEquals(104, c.observations().get(0).bins());
        assertEquals(List.of("tbabs.nH", "bbodyrad.kT", "bbodyrad.norm", "powerlaw.PhoIndex", "powerlaw.norm"), c.prior().names());
        assertEquals(AbundanceTable.WILM, c.settings().abundances());
        assertEquals(FitStatistic.CSTAT, c.statistic());
        assertEquals(400, c.nested().livePoints());
        assertEquals(32, c.mcmc().walkers());
        assertEquals(Path.of("examples").toAbsolutePath().resolve("xmm-pn-ngc7793-results"), c.output());
    }

    @Test
    void theJointExampleReadsWithTwoInstrumentsAndACrossNormalisation(@TempDir Path dir) throws IOException {
        RunConfig c = RunConfig.read(ExampleScript.setUp("joint-ccd-xifu", dir));
        // 388 CCD channels in 0.3-10 keV (Instruments.ccd) and 11.7 keV / 20 eV = 585 X-IFU bins.
        assertEquals(List.of(388, 585), c.observations().stream().map(o -> o.bins()).toList());
        assertEquals(List.of("tbabs.nH", "powerlaw.PhoIndex", "powerlaw.norm", "constant.factor[2]"), c.prior().names());
        assertEquals(4, c.model().freeParameters().size(), "the spectral parameters are tied, not copied");
        assertEquals(1.0, c.model().parameter("constant.factor[1]").value());
        assertEquals(AbundanceTable.WILM, c.settings().abundances());
    }

    @Test
    void theXifuLineExampleReadsWithTheLinesRedshiftAndWidthFree(@TempDir Path dir) throws IOException {
        RunConfig c = RunConfig.read(ExampleScript.setUp("xifu-line", dir));
        // 3 keV of 2 eV bins.
        assertEquals(1500, c.observations().get(0).bins());
        assertEquals(List.of("powerlaw.PhoIndex", "powerlaw.norm", "zgauss.Sigma", "zgauss.Redshift", "zgauss.norm"), c.prior().names());
        assertEquals(6.4, c.model().parameter("zgauss.LineE").value());
        assertEquals(0.1, c.model().parameter("tbabs.nH").value());
    }

    /** A minimal valid configuration on the embedded CCD, written next to a simulated spectrum. */
    static Path write(Path dir, String extra) throws IOException {
        Cli.Result r = Cli.run("simulate", "--instrument", "ccd", "--exposure", "1e4", "--par", "PhoIndex=2", "--par", "norm=1e-3",
                "--out", dir.resolve("ccd.pha").toString());
        assertEquals(0, r.status(), r.transcript());
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, "observations:\n  - pha: ccd.pha\n    notice: [0.3, 10]\nmodel: powerlaw\n"
                + "priors:\n  PhoIndex: uniform(1, 3)\n  norm: loguniform(1e-4, 1e-2)\n" + extra);
        return config;
    }

    @Test
    void pathsAreRelativeToTheConfigurationAndDefaultsApply(@TempDir Path dir) throws IOException {
        RunConfig c = RunConfig.read(write(dir, ""));
        assertEquals(388, c.observations().get(0).bins());
        assertEquals(AbundanceTable.ANGR, c.settings().abundances(), "XSPEC's default");
        assertEquals(1, c.seed());
        assertEquals(dir.resolve("run-results").toAbsolutePath(), c.output().toAbsolutePath());
        assertEquals(2.706, c.fit().delta(), "90 % for one parameter, as XSPEC's error command");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mcmc: {walker: 3}                    | key 'mcmc.walker': unknown key",
        "mcmc: {walkers: 3}                   | key 'mcmc.walkers': must be even",
        "mcmc: {steps: 100, burn: 200}        | key 'mcmc.burn': must be below steps",
        "seed: abc                            | key 'seed': expected a whole number",
        "statistic: chi3                      | key 'statistic': unknown statistic 'chi3'",
        "abund: sun                           | key 'abund': unknown abundance table 'sun'",
        "colour: blue                         | key 'colour': unknown key",
        "nested: {live_points: 4}             | key 'nested.live_points'",
        "frozen: {nosuch.par: 1}              | key 'frozen.nosuch.par'",
        "compression: {method: wavelets}      | key 'compression.method': expected pca, summary or autoencoder",
        "compression: {components: 0}         | key 'compression.components'",
        "compression: {latnet: 8}             | key 'compression.latnet': unknown key",
        "npe: {rounds: 0}                     | key 'npe.rounds'",
        "npe: {simulations: 10}               | key 'npe.simulations'",
        "npe: {learning_rate: fast}           | key 'npe.learning_rate'",
        "importance: {defensive: 1}           | key 'importance.defensive'",
        "importance: {emulator: perhaps}      | key 'importance.emulator'",
        "restriction: {criterion: luck}       | key 'restriction.criterion': expected counts or statistic",
        "restriction: {cmin: 500, cmax: 100}  | key 'restriction.cmax': must be above cmin",
        "checks: {calibration_samples: many}  | key 'checks.calibration_samples': expected a whole number",
        "checks: {sbc: 3}                     | key 'checks.sbc': unknown key",
    })
    void badKeysAndValuesAreOneLineErrorsNamingTheKey(String extra, String fragment, @TempDir Path dir) throws IOException {
        Path config = write(dir, extra.replace("{", "\n  ").replace(", ", "\n  ").replace("}", "").replace(": \n", ":\n") + "\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunConfig.read(config));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().startsWith(config.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aFreeParameterWithoutAPriorIsRefused(@TempDir Path dir) throws IOException {
        Path config = write(dir, "");
        Files.writeString(config, Files.readString(config).replace("model: powerlaw", "model: tbabs*powerlaw"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunConfig.read(config));
        assertTrue(e.getMessage().contains("tbabs.nH has no prior"), e.getMessage());
        Files.writeString(config, Files.readString(config) + "frozen:\n  tbabs.nH: 0.05\n");
        RunConfig c = RunConfig.read(config);
        assertEquals(0.05, c.model().parameter("tbabs.nH").value());
        assertTrue(c.model().parameter("tbabs.nH").isFrozen());
    }

    @Test
    void aKeyGivenTwiceIsAnError(@TempDir Path dir) throws IOException {
        Path config = write(dir, "seed: 1\nmcmc:\n  steps: 100\n  steps: 200\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunConfig.read(config));
        assertTrue(e.getMessage().startsWith(config + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("at line 11") && e.getMessage().contains("'steps'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
