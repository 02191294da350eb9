package org.sixsa4j.cli;

import java.util.List;
import java.util.Set;
import org.sixsa4j.compress.AutoEncoderSettings;
import org.sixsa4j.compress.CompressorFactory;
import org.sixsa4j.compress.PcaSettings;
import org.sixsa4j.compress.SummarySettings;
import org.sixsa4j.compress.SummaryStatistics;
import org.sixsa4j.sbi.NpeSettings;
import org.sixsa4j.sbi.SbiSettings;
import org.sixsa4j.spectrum.Observation;

/**
 * The {@code sixsa run} sections of a run configuration (docs/config.md): {@code restriction},
 * {@code compression}, {@code npe}, {@code importance} and {@code checks}, read into {@link SbiSettings}.
 */
final class SbiConfig {
    static final Set<String> KEYS = Set.of("restriction", "compression", "npe", "importance", "checks");

    private SbiConfig() {
    }

    static SbiSettings read(ConfigNode root, List<Observation> observations, long seed, int threads) {
        SbiSettings s = SbiSettings.of(new Compressions(root.child("compression",
                Set.of("method", "variance", "components", "bands", "latent"))).factory(observations));
        s = s.withSeed(seed).withThreads(threads);
        if (root.has("restriction")) {
            s = s.withRestriction(restriction(root.child("restriction",
                    Set.of("criterion", "cmin", "cmax", "fraction", "simulations", "rounds", "target"))));
        }
        ConfigNode n = root.child("npe", Set.of("rounds", "simulations", "transforms", "hidden", "blocks", "batch", "learning_rate",
                "patience", "max_epochs", "truncation_quantile"));
        NpeSettings npe = NpeSettings.defaults()
                .withFlow((int) n.integer("transforms", 5, 1, 50), (int) n.integer("hidden", 50, 2, 4096), (int) n.integer("blocks", 2, 0, 20))
                .withBatchSize((int) n.integer("batch", 200, 2, 1_000_000))
                .withLearningRate(n.number("learning_rate", 5e-4, 1e-8, 1))
                .withPatience((int) n.integer("patience", 20, 1, 100_000))
                .withMaxEpochs((int) n.integer("max_epochs", 1000, 1, 1_000_000))
                .withThreads(threads);
        s = s.withNpe(npe).withRounds((int) n.integer("rounds", 3, 1, 100), (int) n.integer("simulations", 2000, 50, 100_000_000))
                .withTruncationQuantile(n.number("truncation_quantile", 1e-4, 1e-8, 0.49));
        n.done();
        ConfigNode i = root.child("importance", Set.of("draws", "defensive", "samples", "emulator", "emulator_training", "emulator_keep"));
        s = s.withImportanceSampling((int) i.integer("draws", 20_000, 100, 100_000_000), i.number("defensive", 0.1, 0, 0.99),
                        (int) i.integer("samples", 10_000, 1, 100_000_000))
                .withEmulator(i.bool("emulator", false), (int) i.integer("emulator_training", 2000, 100, 10_000_000),
                        i.number("emulator_keep", 0.3, 1e-3, 1));
        i.done();
        ConfigNode k = root.child("checks", Set.of("calibration_simulations", "calibration_samples", "predictive_simulations"));
        s = s.withChecks((int) k.integer("calibration_simulations", 200, 20, 1_000_000), (int) k.integer("calibration_samples", 499, 10, 1_000_000),
                (int) k.integer("predictive_simulations", 500, 20, 1_000_000));
        k.done();
        return s;
    }

    private static SbiSettings.Restriction restriction(ConfigNode r) {
        String criterion = r.string("criterion", "counts");
        SbiSettings.RestrictionCriterion kind = switch (criterion) {
            case "counts" -> SbiSettings.RestrictionCriterion.COUNTS;
            case "statistic" -> SbiSettings.RestrictionCriterion.BEST_STATISTIC;
            default -> throw r.error("criterion", "expected counts or statistic, found '" + criterion + "'");
        };
        double cmin = r.number("cmin", 0, 0, Double.MAX_VALUE);
        double cmax = r.number("cmax", Double.MAX_VALUE, 0, Double.MAX_VALUE);
        if (kind == SbiSettings.RestrictionCriterion.COUNTS && !(cmin < cmax)) {
            throw r.error("cmax", "must be above cmin (" + cmin + "), found " + cmax);
        }
        SbiSettings.Restriction out = new SbiSettings.Restriction(kind, cmin, cmax, r.number("fraction", 0.1, 1e-6, 1),
                (int) r.integer("simulations", 2000, 100, 100_000_000), (int) r.integer("rounds", 5, 1, 100), r.number("target", 0.95, 0.01, 1));
        r.done();
        return out;
    }

    /** The compression section; summary statistics need the bins' energies. */
    private static final class Compressions {
        private final ConfigNode node;

        Compressions(ConfigNode node) {
            this.node = node;
        }

        CompressorFactory factory(List<Observation> observations) {
            String method = node.string("method", "pca");
            CompressorFactory f = switch (method) {
                case "pca" -> CompressorFactory.pca(PcaSettings.defaults()
                        .withVarianceFraction(node.number("variance", PcaSettings.defaults().varianceFraction(), 1e-6, 1))
                        .withMaxComponents((int) node.integer("components", PcaSettings.defaults().maxComponents(), 1, 100_000)));
                case "summary" -> CompressorFactory.fixed(SummaryStatistics.of(lows(observations), highs(observations),
                        SummarySettings.defaults().withBands((int) node.integer("bands", SummarySettings.defaults().bands(), 1, 10_000))));
                case "autoencoder" -> CompressorFactory.autoEncoder(AutoEncoderSettings.defaults()
                        .withLatentSize((int) node.integer("latent", AutoEncoderSettings.defaults().latentSize(), 1, 100_000)));
                default -> throw node.error("method", "expected pca, summary or autoencoder, found '" + method + "'");
            };
            node.done();
            return f;
        }

        private static double[] lows(List<Observation> observations) {
            return edges(observations, true);
        }

        private static double[] highs(List<Observation> observations) {
            return edges(observations, false);
        }

        private static double[] edges(List<Observation> observations, boolean low) {
            int n = observations.stream().mapToInt(Observation::bins).sum();
            double[] out = new double[n];
            int at = 0;
            for (Observation o : observations) {
                for (int b = 0; b < o.bins(); b++) {
                    out[at++] = low ? o.binLowKeV(b) : o.binHighKeV(b);
                }
            }
            return out;
        }
    }
}
