package org.sixsa4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sixsa4j.model.Model;
import org.sixsa4j.spectrum.Instruments;
import org.sixsa4j.spectrum.SyntheticInstrument;

/**
 * Inputs of {@code sixsa demo}'s kind for the amortized-inference tests: the CCD-like instrument
 * as OGIP files, spectra of the demo's model simulated from given parameters, and a run
 * configuration with the demo's priors that trains one estimator from the prior (one round).
 */
final class DemoSpectra {
    private static final SyntheticInstrument CCD = Instruments.ccd();

    private DemoSpectra() {
    }

    /** The demo's free parameters, in the order of their priors (and of the run's parameters). */
    static List<String> names() {
        return List.copyOf(priors().keySet());
    }

    /** The priors of the demo's run configuration (examples/demo.yaml), by parameter. */
    static Map<String, String> priors() {
        try {
            Map<String, String> out = new LinkedHashMap<>();
            new ObjectMapper(new YAMLFactory()).readTree(DemoCommand.configuration()).get("priors").fields()
                    .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Poisson spectrum of the demo's model at {@code theta} (values of {@link #names()}), from
     * stream {@code index} of {@code seed}, linked to ccd.rmf and ccd.arf in its folder.
     */
    static void spectrum(Path pha, double[] theta, long seed, long index) {
        Model m = DemoCommand.trueModel();
        List<String> names = names();
        for (int j = 0; j < names.size(); j++) {
            m = m.set(names.get(j), theta[j]);
        }
        DemoCommand.writeSpectrum(m, seed, index, pha);
    }

    /**
     * Writes {@code name}.yaml in {@code dir} for spectrum.pha: the demo's model, priors, noticed
     * range and PCA to 12 components, one round of {@code simulations} from the prior, at most
     * {@code maxEpochs} epochs, and importance sampling with {@code draws} draws.
     */
    static Path config(Path dir, String name, int simulations, int maxEpochs, int draws, int samples) throws IOException {
        return config(dir, name, priors(), Map.of(), simulations, maxEpochs, draws, samples);
    }

    /** As {@link #config(Path, String, int, int, int, int)}, with these priors and the other parameters frozen at these values. */
    static Path config(Path dir, String name, Map<String, String> priors, Map<String, Double> frozen, int simulations, int maxEpochs,
            int draws, int samples) throws IOException {
        StringBuilder yaml = new StringBuilder("observations:\n  - pha: spectrum.pha\n");
        yaml.append(String.format(Locale.ROOT, "    notice: [%s, %s]%n", CCD.noticeLowKeV(), CCD.noticeHighKeV()));
        yaml.append("model: ").append(DemoCommand.MODEL).append("\nabund: wilm\npriors:\n");
        priors.forEach((k, v) -> yaml.append("  ").append(k).append(": ").append(v).append('\n'));
        if (!frozen.isEmpty()) {
            yaml.append("frozen:\n");
            frozen.forEach((k, v) -> yaml.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        yaml.append("seed: 3\nthreads: 2\n");
        yaml.append("compression:\n  method: pca\n  components: 12\n");
        yaml.append(String.format(Locale.ROOT, "npe:\n  rounds: 1\n  simulations: %d\n  max_epochs: %d%n", simulations, maxEpochs));
        yaml.append(String.format(Locale.ROOT, "importance:\n  draws: %d\n  samples: %d%n", draws, samples));
        return Files.writeString(dir.resolve(name + ".yaml"), yaml);
    }
}
