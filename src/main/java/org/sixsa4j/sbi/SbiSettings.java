package org.sixsa4j.sbi;

import org.sixsa4j.compress.CompressorFactory;

/**
 * The settings of {@link SbiPipeline}. Immutable; each {@code with} method returns a changed copy.
 *
 * <p>Defaults: no prior restriction; 3 rounds of 2000 simulations; the compressor is required;
 * sbi's NPE defaults; truncation at the 10⁻⁴ quantile; 2000 posterior draws kept per round for the
 * plots; 20 000 importance draws with a defensive share of 10 % of the last truncated prior; no
 * emulator (when on: 2000 exact evaluations to train it, 30 % of draws kept for certain); 10 000
 * equal-weight posterior samples; checks on 200 held-out simulations of the last round with 499
 * posterior draws each, predictive bands from 500 simulations; seed 1; one thread.
 */
public final class SbiSettings {

    /** Which simulations the restriction classifier counts as valid. */
    public enum RestrictionCriterion {
        /** Total simulated counts within [cmin, cmax]. */
        COUNTS,
        /** The fit statistic of the model against the observation among the lowest fraction f. */
        BEST_STATISTIC
    }

    /** The prior restriction: criterion, its numbers, simulations per round, rounds and target valid share. */
    public record Restriction(RestrictionCriterion criterion, double cmin, double cmax, double fraction, int simulationsPerRound,
            int maxRounds, double targetValidFraction) {
        public Restriction {
            if (criterion == RestrictionCriterion.COUNTS && !(cmin >= 0 && cmin < cmax)) {
                throw new IllegalArgumentException("restriction needs 0 <= cmin < cmax, got " + cmin + " and " + cmax);
            }
            if (criterion == RestrictionCriterion.BEST_STATISTIC && !(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("restriction fraction must be in (0, 1], got " + fraction);
            }
            if (simulationsPerRound < 100 || maxRounds < 1 || !(targetValidFraction > 0 && targetValidFraction <= 1)) {
                throw new IllegalArgumentException("restriction needs >= 100 simulations a round, >= 1 round and a target in (0, 1]");
            }
        }
    }

    private Restriction restriction;
    private int rounds = 3;
    private int simulationsPerRound = 2000;
    private CompressorFactory compressor;
    private NpeSettings npe = NpeSettings.defaults();
    private double truncationQuantile = TruncatedPrior.DEFAULT_QUANTILE;
    private int roundSamples = 2000;
    private int importanceDraws = 20_000;
    private double defensiveFraction = 0.1;
    private boolean emulator;
    private int emulatorTraining = 2000;
    private double emulatorKeep = 0.3;
    private int posteriorSamples = 10_000;
    private int calibrationSimulations = 200;
    private int calibrationSamples = 499;
    private int predictiveSimulations = 500;
    private long seed = 1;
    private int threads = 1;

    /** The defaults, with this compressor. */
    public static SbiSettings of(CompressorFactory compressor) {
        SbiSettings s = new SbiSettings();
        s.compressor = compressor;
        return s;
    }

    private SbiSettings copy() {
        SbiSettings c = new SbiSettings();
        c.restriction = restriction;
        c.rounds = rounds;
        c.simulationsPerRound = simulationsPerRound;
        c.compressor = compressor;
        c.npe = npe;
        c.truncationQuantile = truncationQuantile;
        c.roundSamples = roundSamples;
        c.importanceDraws = importanceDraws;
        c.defensiveFraction = defensiveFraction;
        c.emulator = emulator;
        c.emulatorTraining = emulatorTraining;
        c.emulatorKeep = emulatorKeep;
        c.posteriorSamples = posteriorSamples;
        c.calibrationSimulations = calibrationSimulations;
        c.calibrationSamples = calibrationSamples;
        c.predictiveSimulations = predictiveSimulations;
        c.seed = seed;
        c.threads = threads;
        return c;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public SbiSettings withRestriction(Restriction restriction) {
        SbiSettings c = copy();
        c.restriction = restriction;
        return c;
    }

    public SbiSettings withRounds(int rounds, int simulationsPerRound) {
        require(rounds >= 1, "rounds must be >= 1, got " + rounds);
        require(simulationsPerRound >= 50, "simulations per round must be >= 50, got " + simulationsPerRound);
        SbiSettings c = copy();
        c.rounds = rounds;
        c.simulationsPerRound = simulationsPerRound;
        return c;
    }

    public SbiSettings withNpe(NpeSettings npe) {
        SbiSettings c = copy();
        c.npe = npe;
        return c;
    }

    public SbiSettings withTruncationQuantile(double quantile) {
        require(quantile > 0 && quantile < 0.5, "truncation quantile must be in (0, 0.5), got " + quantile);
        SbiSettings c = copy();
        c.truncationQuantile = quantile;
        return c;
    }

    /** Importance draws, the defensive share, and the equal-weight samples kept. */
    public SbiSettings withImportanceSampling(int draws, double defensiveFraction, int posteriorSamples) {
        require(draws >= 100, "importance draws must be >= 100, got " + draws);
        require(defensiveFraction >= 0 && defensiveFraction < 1, "defensive fraction must be in [0, 1), got " + defensiveFraction);
        require(posteriorSamples >= 1, "posterior samples must be >= 1, got " + posteriorSamples);
        SbiSettings c = copy();
        c.importanceDraws = draws;
        c.defensiveFraction = defensiveFraction;
        c.posteriorSamples = posteriorSamples;
        return c;
    }

    /** The likelihood emulator: on or off, its training evaluations and the share of draws kept for certain. */
    public SbiSettings withEmulator(boolean on, int training, double keep) {
        require(training >= 100, "emulator training evaluations must be >= 100, got " + training);
        require(keep > 0 && keep <= 1, "emulator keep share must be in (0, 1], got " + keep);
        SbiSettings c = copy();
        c.emulator = on;
        c.emulatorTraining = training;
        c.emulatorKeep = keep;
        return c;
    }

    /**
     * The checks: held-out simulations from the last proposal for calibration (SBC) and the
     * retriever's scatter, posterior draws per held-out simulation, and the simulations behind each
     * predictive band.
     */
    public SbiSettings withChecks(int calibrationSimulations, int calibrationSamples, int predictiveSimulations) {
        require(calibrationSimulations >= 20, "calibration simulations must be >= 20, got " + calibrationSimulations);
        require(calibrationSamples >= 10, "calibration samples must be >= 10, got " + calibrationSamples);
        require(predictiveSimulations >= 20, "predictive simulations must be >= 20, got " + predictiveSimulations);
        SbiSettings c = copy();
        c.calibrationSimulations = calibrationSimulations;
        c.calibrationSamples = calibrationSamples;
        c.predictiveSimulations = predictiveSimulations;
        return c;
    }

    public SbiSettings withSeed(long seed) {
        SbiSettings c = copy();
        c.seed = seed;
        return c;
    }

    public SbiSettings withThreads(int threads) {
        require(threads >= 1, "threads must be >= 1, got " + threads);
        SbiSettings c = copy();
        c.threads = threads;
        c.npe = npe.withThreads(threads);
        return c;
    }

    public Restriction restriction() {
        return restriction;
    }

    public int rounds() {
        return rounds;
    }

    public int simulationsPerRound() {
        return simulationsPerRound;
    }

    public CompressorFactory compressor() {
        return compressor;
    }

    public NpeSettings npe() {
        return npe;
    }

    public double truncationQuantile() {
        return truncationQuantile;
    }

    public int roundSamples() {
        return roundSamples;
    }

    public int importanceDraws() {
        return importanceDraws;
    }

    public double defensiveFraction() {
        return defensiveFraction;
    }

    public boolean emulator() {
        return emulator;
    }

    public int emulatorTraining() {
        return emulatorTraining;
    }

    public double emulatorKeep() {
        return emulatorKeep;
    }

    public int posteriorSamples() {
        return posteriorSamples;
    }

    public int calibrationSimulations() {
        return calibrationSimulations;
    }

    public int calibrationSamples() {
        return calibrationSamples;
    }

    public int predictiveSimulations() {
        return predictiveSimulations;
    }

    public long seed() {
        return seed;
    }

    public int threads() {
        return threads;
    }
}
