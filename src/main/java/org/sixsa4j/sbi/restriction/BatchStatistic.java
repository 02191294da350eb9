package org.sixsa4j.sbi.restriction;

/**
 * One number per parameter vector, computed by the caller for a whole batch: the total counts of
 * a simulated spectrum, or its C-stat against the observation, as SIXSA's restriction criteria
 * use them (Barret &amp; Dupourqué 2024, A&amp;A). Keeping the simulation behind this interface
 * lets the restriction stage work without knowing about spectra.
 *
 * <p>A batch rather than one θ at a time, so that an implementation can simulate in parallel;
 * {@code firstIndex} numbers the simulations of a run (row i is simulation
 * {@code firstIndex + i}) so that an implementation can give each its own random stream
 * ({@link org.sixsa4j.simulate.RandomStreams#stream(long)}) and stay independent of the thread
 * count. A simulation that fails may return NaN: the criteria label it invalid.
 */
@FunctionalInterface
public interface BatchStatistic {

    /**
     * The statistic of each row of {@code thetas}.
     *
     * @param thetas parameter vectors, one per row; not modified
     * @param firstIndex the run-wide index of the simulation of row 0
     * @return an array of {@code thetas.length} values
     */
    double[] evaluate(double[][] thetas, long firstIndex);
}
