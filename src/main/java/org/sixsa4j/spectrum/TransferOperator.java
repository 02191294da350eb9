package org.sixsa4j.spectrum;

import org.sixsa4j.internal.kernels.Kernels;
import org.sixsa4j.internal.kernels.SegmentedMatrix;
import org.sixsa4j.ogip.Rmf;

/**
 * The linear map from a photon spectrum to expected counts in the fitted bins of an
 * observation: grouping × redistribution × effective area × exposure, computed once.
 *
 * <p>Entry (b, e) is {@code exposure × A(e) × Σ_{c in bin b} AREASCAL_c × R(e, c)}: the expected
 * counts in bin b per photon cm⁻² s⁻¹ in input energy bin e (OGIP CAL/GEN/92-002 for R and A,
 * OGIP/92-007 for AREASCAL). Only noticed, good bins are rows, and only the input energies that
 * reach them are columns: {@link #energyGrid()} is that sub-grid of the response's grid, and
 * photon fluxes passed to {@link #fold} are on it. Rows are stored as runs of contiguous
 * energies ({@link SegmentedMatrix}), because a bin collects photons from a band of energies
 * around its own; folding a batch of spectra is then a series of dense dot products.
 *
 * <p>Immutable and thread-safe.
 */
public final class TransferOperator {
    /** Zero runs up to this length stay inside a segment; a new segment costs more than a few zeros. */
    private static final int MAX_GAP = 8;

    private final SegmentedMatrix matrix;
    private final EnergyGrid energyGrid;
    private final int firstEnergy;

    private TransferOperator(SegmentedMatrix matrix, EnergyGrid energyGrid, int firstEnergy) {
        this.matrix = matrix;
        this.energyGrid = energyGrid;
        this.firstEnergy = firstEnergy;
    }

    /** The operator for the fitted bins of an observation; fails when no bin is noticed. */
    public static TransferOperator of(Observation observation) {
        observation.requireBins();
        int bins = observation.bins();
        int[] first = new int[bins];
        int[] end = new int[bins];
        for (int b = 0; b < bins; b++) {
            first[b] = observation.binFirstChannel(b);
            end[b] = observation.binEndChannel(b);
        }
        return build(observation.response(), observation.exposure(), observation.spectrum().areascal(), first, end);
    }

    /**
     * The operator for every channel of a response, ungrouped, with unit AREASCAL: what
     * {@code fakeit} uses when there is no spectrum file.
     */
    public static TransferOperator ofAllChannels(Response response, double exposure) {
        int n = response.channels();
        int[] first = new int[n];
        int[] end = new int[n];
        double[] areascal = new double[n];
        for (int c = 0; c < n; c++) {
            first[c] = c;
            end[c] = c + 1;
            areascal[c] = 1.0;
        }
        return build(response, exposure, areascal, first, end);
    }

    private static TransferOperator build(Response response, double exposure, double[] areascal,
                                          int[] binFirst, int[] binEnd) {
        Rmf rmf = response.rmf();
        int energies = rmf.energies();
        int channels = rmf.channels();
        int bins = binFirst.length;
        int[] binOfChannel = new int[channels];
        java.util.Arrays.fill(binOfChannel, -1);
        for (int b = 0; b < bins; b++) {
            for (int c = binFirst[b]; c < binEnd[b]; c++) {
                binOfChannel[c] = b;
            }
        }

        // Transpose the matrix into bins: for each bin, the (energy, value) pairs of its channels,
        // in increasing energy. Counting first keeps this to two passes and no boxing.
        int[] rowStart = rmf.rowStart();
        int[] channelIndex = rmf.channelIndex();
        double[] value = rmf.values();
        int[] perBin = new int[bins + 1];
        for (int k = 0; k < value.length; k++) {
            int b = binOfChannel[channelIndex[k]];
            if (b >= 0) {
                perBin[b + 1]++;
            }
        }
        for (int b = 0; b < bins; b++) {
            perBin[b + 1] += perBin[b];
        }
        int[] fill = perBin.clone();
        int[] entryEnergy = new int[perBin[bins]];
        double[] entryValue = new double[perBin[bins]];
        int minEnergy = energies;
        int maxEnergy = -1;
        for (int e = 0; e < energies; e++) {
            double scale = exposure * response.area(e);
            for (int k = rowStart[e]; k < rowStart[e + 1]; k++) {
                int c = channelIndex[k];
                int b = binOfChannel[c];
                if (b >= 0 && value[k] != 0.0 && scale != 0.0) {
                    int slot = fill[b]++;
                    entryEnergy[slot] = e;
                    entryValue[slot] = scale * areascal[c] * value[k];
                    minEnergy = Math.min(minEnergy, e);
                    maxEnergy = Math.max(maxEnergy, e);
                }
            }
        }
        if (maxEnergy < 0) {
            minEnergy = 0;
            maxEnergy = -1;
        }
        int columns = maxEnergy - minEnergy + 1;

        // Entries of a bin arrive sorted by energy with repeats (one per channel of the bin):
        // sum the repeats, then hand the row to the segment builder.
        SegmentedMatrix.Builder builder = new SegmentedMatrix.Builder(bins, columns, MAX_GAP);
        for (int b = 0; b < bins; b++) {
            int k = perBin[b];
            int end = fill[b];
            while (k < end) {
                int e = entryEnergy[k];
                double sum = 0.0;
                while (k < end && entryEnergy[k] == e) {
                    sum += entryValue[k++];
                }
                builder.add(b, e - minEnergy, sum);
            }
        }
        EnergyGrid grid = response.energyGrid().slice(minEnergy, maxEnergy + 1);
        return new TransferOperator(builder.build(), grid, minEnergy);
    }

    /** Number of output bins (rows). */
    public int bins() {
        return matrix.rows();
    }

    /** The input energies that reach the bins: fluxes passed to {@link #fold} are on this grid. */
    public EnergyGrid energyGrid() {
        return energyGrid;
    }

    /** Index in the response's energy grid of the first energy of {@link #energyGrid()}. */
    public int firstEnergy() {
        return firstEnergy;
    }

    /** Number of stored matrix values. */
    public int storedValues() {
        return matrix.storedValues();
    }

    /** Memory held by the operator's arrays, in bytes. */
    public long memoryBytes() {
        return matrix.memoryBytes();
    }

    /** Entry (bin, energy), energy counted on {@link #energyGrid()}. */
    public double get(int bin, int energy) {
        return matrix.get(bin, energy);
    }

    /**
     * Folds a batch of photon spectra: for each {@code s < batch}, the expected counts
     * {@code counts[countsOffset + s*countsStride + b]} for every bin {@code b} from the photon
     * flux {@code flux[fluxOffset + s*fluxStride + e]} (photons cm⁻² s⁻¹ in bin e of
     * {@link #energyGrid()}). Only {@code counts} is written.
     */
    public void fold(double[] flux, int fluxOffset, int fluxStride,
                     double[] counts, int countsOffset, int countsStride, int batch) {
        Kernels.get().multiply(matrix, flux, fluxOffset, fluxStride, counts, countsOffset, countsStride, batch);
    }

    /** Expected counts per bin for one photon spectrum on {@link #energyGrid()}. */
    public double[] fold(double[] flux) {
        if (flux.length != energyGrid.size()) {
            throw new IllegalArgumentException("flux has " + flux.length + " bins, the operator takes " + energyGrid.size());
        }
        double[] counts = new double[bins()];
        fold(flux, 0, flux.length, counts, 0, counts.length, 1);
        return counts;
    }

    @Override
    public String toString() {
        return "TransferOperator[" + bins() + " bins x " + energyGrid.size() + " energies, "
                + matrix.storedValues() + " values in " + matrix.segments() + " segments]";
    }
}
