package org.sixsa4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sixsa4j.InvalidInputException;
import org.sixsa4j.model.AbundanceTable;
import org.sixsa4j.model.CrossSectionTable;
import org.sixsa4j.model.Model;
import org.sixsa4j.model.ModelParameter;
import org.sixsa4j.model.ModelSettings;
import org.sixsa4j.sbi.FitStatistic;
import org.sixsa4j.sbi.JointPrior;
import org.sixsa4j.sbi.Prior;
import org.sixsa4j.sbi.Priors;
import org.sixsa4j.sbi.SbiSettings;
import org.sixsa4j.spectrum.Observation;
import org.sixsa4j.spectrum.ObservationLoader;

/**
 * A run configuration: the YAML file that {@code sixsa fit}, {@code sixsa sample} and
 * {@code sixsa run} read (docs/config.md). It holds the observations, the model, its priors,
 * frozen values and links, the statistic, the global settings, the seed, the threads, the
 * output folder and each method's settings. Unknown keys, wrong types and impossible values are
 * one-line errors naming the key. Paths are relative to the file's folder.
 *
 * <p>Free parameters are exactly those with a prior; every other parameter must be frozen (by
 * its XSPEC default, or under {@code frozen}) or linked.
 */
public final class RunConfig {
    private static final Set<String> TOP = Stream.concat(Stream.of("observations", "model", "abund", "xsect", "priors", "frozen", "links",
            "statistic", "seed", "threads", "output", "fit", "mcmc", "nested"), SbiConfig.KEYS.stream()).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> OBSERVATION = Set.of("pha", "row", "rmf", "arf", "background", "notice");

    private final Path file;
    private final List<Observation> observations;
    private final Model model;
    private final JointPrior prior;
    private final ModelSettings settings;
    private final FitStatistic statistic;
    private final long seed;
    private final int threads;
    private final Path output;
    private final FitSettings fit;
    private final McmcSettings mcmc;
    private final NestedSettings nested;
    private final SbiSettings sbi;

    /** Settings of {@code sixsa fit}: the number of starts and the Δ-statistic of the confidence intervals. */
    public record FitSettings(int starts, double delta) {
    }

    /**
     * Settings of the ensemble sampler; {@code fromFit} starts the walkers in a small ball around
     * the maximum-likelihood fit (as XSPEC's {@code chain} does), otherwise at draws from the prior.
     */
    public record McmcSettings(int walkers, int steps, int burn, int thin, boolean fromFit) {
    }

    /** Settings of the nested sampler. */
    public record NestedSettings(int livePoints, double tolerance, long maxEvaluations) {
    }

    private RunConfig(Path file, ConfigNode root) {
        this.file = file;
        List<ConfigNode> obs = root.list("observations", OBSERVATION);
        if (obs.isEmpty()) {
            throw root.error("observations", "is required: a list of at least one spectrum, e.g. [{pha: spectrum.pha, notice: [0.5, 10]}]");
        }
        this.observations = new ArrayList<>();
        for (ConfigNode o : obs) {
            observations.add(observation(o));
        }
        this.settings = settings(root);
        this.model = model(root, observations.size());
        this.prior = prior(root, model);
        try {
            this.statistic = FitStatistic.of(root.string("statistic", "cstat"));
        } catch (IllegalArgumentException e) {
            throw root.error("statistic", e.getMessage());
        }
        this.seed = root.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        this.threads = (int) root.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        Path out = root.path("output");
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        this.output = out != null ? out : file.toAbsolutePath().getParent().resolve(stem + "-results");
        ConfigNode f = root.child("fit", Set.of("starts", "delta"));
        this.fit = new FitSettings((int) f.integer("starts", 8, 1, 10_000), f.number("delta", 2.706, 1e-6, 1e6));
        f.done();
        ConfigNode m = root.child("mcmc", Set.of("walkers", "steps", "burn", "thin", "start"));
        int dim = prior.dimension();
        this.mcmc = new McmcSettings((int) m.integer("walkers", Math.max(32, 2 * dim), 2, 100_000),
                (int) m.integer("steps", 3000, 1, 100_000_000), (int) m.integer("burn", 1000, 0, 100_000_000),
                (int) m.integer("thin", 1, 1, 1_000_000), mcmcStart(m));
        if (mcmc.walkers() % 2 != 0 || mcmc.walkers() < 2 * dim) {
            throw m.error("walkers", "must be even and at least twice the " + dim + " free parameters, found " + mcmc.walkers());
        }
        if (mcmc.burn() >= mcmc.steps()) {
            throw m.error("burn", "must be below steps (" + mcmc.steps() + "), found " + mcmc.burn());
        }
        m.done();
        ConfigNode n = root.child("nested", Set.of("live_points", "tolerance", "max_evaluations"));
        this.nested = new NestedSettings((int) n.integer("live_points", 400, 2 * dim + 1, 1_000_000),
                n.number("tolerance", 0.01, 1e-8, 10), n.integer("max_evaluations", 50_000_000, 1, Long.MAX_VALUE));
        n.done();
        this.sbi = SbiConfig.read(root, observations, seed, threads);
        root.done();
    }

    /**
     * Reads a configuration file.
     *
     * @throws InvalidInputException naming the file and the key for every problem
     */
    public static RunConfig read(Path file) {
        return new RunConfig(file, new ConfigNode(file, "", parse(file), TOP));
    }

    /**
     * The configuration in {@code file}, which must have one observation, with that observation
     * replaced by the spectrum {@code pha}: its response, effective area and background come from
     * its header keywords, and the configured {@code notice} range is kept. Everything else (model,
     * priors, statistic, settings, seed) is the file's. This is how {@code sixsa apply} rebuilds
     * the likelihood and the prior of a saved estimator for a new spectrum.
     *
     * @throws InvalidInputException naming the file and the key, or the spectrum's file, for every problem
     */
    static RunConfig forSpectrum(Path file, Path pha) {
        JsonNode root = parse(file);
        JsonNode observations = root.path("observations");
        if (!root.isObject() || !observations.isArray() || observations.size() != 1 || !observations.get(0).isObject()) {
            throw new InvalidInputException(file + ": key 'observations': expected exactly one spectrum, found "
                    + (observations.isArray() ? observations.size() : "none") + "; a saved estimator is applied to one spectrum at a time");
        }
        ObjectNode spectrum = ((ObjectNode) root).objectNode();
        spectrum.put("pha", pha.toAbsolutePath().normalize().toString());
        if (observations.get(0).has("notice")) {
            spectrum.set("notice", observations.get(0).get("notice"));
        }
        ((ObjectNode) root).putArray("observations").add(spectrum);
        return new RunConfig(file, new ConfigNode(file, "", root, TOP));
    }

    private static JsonNode parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": configuration file not found");
        }
        JsonNode root;
        try {
            // A key given twice is a mistake to report, not a value to overwrite silently.
            root = new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? " at line " + e.getLocation().getLineNr() : "";
            throw new InvalidInputException(file + ": not valid YAML" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read the configuration (" + e.getMessage() + ")", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException(file + ": the configuration is empty");
        }
        return root;
    }

    private static Observation observation(ConfigNode o) {
        ObservationLoader loader = ObservationLoader.of(pathOrFail(o, "pha"));
        if (o.has("row")) {
            loader.row((int) o.integer("row", 0, 0, Integer.MAX_VALUE));
        }
        if (o.has("rmf")) {
            loader.rmf(o.path("rmf"));
        }
        if (o.has("arf")) {
            if ("none".equalsIgnoreCase(o.string("arf", ""))) {
                loader.noArf();
            } else {
                loader.arf(o.path("arf"));
            }
        }
        if (o.has("background")) {
            if ("none".equalsIgnoreCase(o.string("background", ""))) {
                loader.noBackground();
            } else {
                loader.background(o.path("background"));
            }
        }
        Observation obs = loader.load();
        double[] notice = o.range("notice");
        if (notice != null) {
            obs = obs.noticeOnly(notice[0], notice[1]);
        }
        o.done();
        return obs.requireBins();
    }

    private static Path pathOrFail(ConfigNode o, String key) {
        o.requiredString(key);
        return o.path(key);
    }

    private static ModelSettings settings(ConfigNode root) {
        ModelSettings s = ModelSettings.xspecDefaults();
        try {
            s = s.withAbundances(AbundanceTable.of(root.string("abund", "angr")));
        } catch (IllegalArgumentException e) {
            throw root.error("abund", e.getMessage());
        }
        try {
            s = s.withCrossSections(CrossSectionTable.of(root.string("xsect", "vern")));
        } catch (IllegalArgumentException e) {
            throw root.error("xsect", e.getMessage());
        }
        return s;
    }

    private static Model model(ConfigNode root, int observations) {
        Model m;
        try {
            m = Model.parse(root.requiredString("model")).forObservations(observations);
        } catch (InvalidInputException e) {
            throw root.error("model", e.getMessage());
        }
        for (Map.Entry<String, String> e : root.stringMap("frozen").entrySet()) {
            try {
                m = m.unlink(e.getKey()).set(e.getKey(), Double.parseDouble(e.getValue())).freeze(e.getKey());
            } catch (NumberFormatException x) {
                throw root.error("frozen." + e.getKey(), "expected a number, found '" + e.getValue() + "'");
            } catch (RuntimeException x) {
                throw root.error("frozen." + e.getKey(), x.getMessage());
            }
        }
        for (Map.Entry<String, String> e : root.stringMap("links").entrySet()) {
            try {
                m = m.link(e.getKey(), e.getValue());
            } catch (RuntimeException x) {
                throw root.error("links." + e.getKey(), x.getMessage());
            }
        }
        for (String name : root.stringMap("priors").keySet()) {
            try {
                m = m.thaw(name);
            } catch (RuntimeException x) {
                throw root.error("priors." + name, x.getMessage());
            }
        }
        return m;
    }

    private static JointPrior prior(ConfigNode root, Model model) {
        Map<String, Prior> byName = new LinkedHashMap<>();
        Model m = model;
        for (Map.Entry<String, String> e : root.stringMap("priors").entrySet()) {
            try {
                Prior p = Priors.parse(e.getValue());
                byName.put(e.getKey(), p);
            } catch (IllegalArgumentException x) {
                throw root.error("priors." + e.getKey(), x.getMessage());
            }
        }
        for (ModelParameter p : m.freeParameters()) {
            boolean given = false;
            for (String name : byName.keySet()) {
                if (m.index(name) == m.index(p.name())) {
                    given = true;
                }
            }
            if (!given) {
                throw root.error("priors", "parameter " + p.name() + " has no prior; give it one, or a value under 'frozen'");
            }
        }
        try {
            return JointPrior.forModel(m, byName);
        } catch (InvalidInputException x) {
            throw root.error("priors", x.getMessage());
        }
    }

    /** The configuration file. */
    public Path file() {
        return file;
    }

    /** The observations, noticed as configured. */
    public List<Observation> observations() {
        return observations;
    }

    /** The model: free exactly where there is a prior, with the configured frozen values and links. */
    public Model model() {
        return model;
    }

    /** The prior on the free parameters, in the model's order. */
    public JointPrior prior() {
        return prior;
    }

    /** {@code abund}, {@code xsect}. */
    public ModelSettings settings() {
        return settings;
    }

    /** {@code statistic}. */
    public FitStatistic statistic() {
        return statistic;
    }

    /** {@code seed}. */
    public long seed() {
        return seed;
    }

    /** {@code threads}: all cores unless set. */
    public int threads() {
        return threads;
    }

    /** {@code output}: where results go. */
    public Path output() {
        return output;
    }

    /** {@code fit}. */
    public FitSettings fit() {
        return fit;
    }

    private static boolean mcmcStart(ConfigNode m) {
        String start = m.string("start", "fit");
        return switch (start) {
            case "fit" -> true;
            case "prior" -> false;
            default -> throw m.error("start", "expected fit or prior, found '" + start + "'");
        };
    }

    /** {@code mcmc}. */
    public McmcSettings mcmc() {
        return mcmc;
    }

    /** {@code nested}. */
    public NestedSettings nested() {
        return nested;
    }

    /** {@code restriction}, {@code compression}, {@code npe} and {@code importance}: the settings of {@code sixsa run}. */
    public SbiSettings sbi() {
        return sbi;
    }
}
