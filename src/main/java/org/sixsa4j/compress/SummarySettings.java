package org.sixsa4j.compress;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings of {@link SummaryStatistics}: how many geometric energy bands, whether to add the
 * hardness and differential ratios of neighbouring bands, and the energy windows of lines to
 * count on their own.
 *
 * <p>Defaults: 20 bands, as many as the default band grid of bsixsa, the code published with
 * Dupourqué &amp; Barret (2025, paper II), which spaces them linearly over 0.5–8 keV where these
 * are geometric over the spectrum's range; hardness and differential ratios on; no line windows. Immutable: each {@code with} method returns a changed copy.
 */
public final class SummarySettings {

    private final int bands;
    private final boolean hardnessRatios;
    private final boolean differentialRatios;
    private final List<double[]> lineWindows;

    private SummarySettings(int bands, boolean hardnessRatios, boolean differentialRatios, List<double[]> lineWindows) {
        this.bands = bands;
        this.hardnessRatios = hardnessRatios;
        this.differentialRatios = differentialRatios;
        this.lineWindows = lineWindows;
    }

    /** 20 bands, both ratios, no line windows. */
    public static SummarySettings defaults() {
        return new SummarySettings(20, true, true, List.of());
    }

    /** The number of geometric bands between the lowest and the highest bin energy, ≥ 1. */
    public SummarySettings withBands(int bands) {
        if (bands < 1) {
            throw new IllegalArgumentException("summary bands must be >= 1, got " + bands);
        }
        return new SummarySettings(bands, hardnessRatios, differentialRatios, lineWindows);
    }

    /** Whether to add C_{b+1}/(C_b + 1) for each pair of neighbouring bands. */
    public SummarySettings withHardnessRatios(boolean hardnessRatios) {
        return new SummarySettings(bands, hardnessRatios, differentialRatios, lineWindows);
    }

    /** Whether to add (C_b − C_{b+1})/(C_b + C_{b+1} + 1) for each pair of neighbouring bands. */
    public SummarySettings withDifferentialRatios(boolean differentialRatios) {
        return new SummarySettings(bands, hardnessRatios, differentialRatios, lineWindows);
    }

    /**
     * Adds a line window: the counts of the bins whose mid-energy lies in
     * [{@code lowKeV}, {@code highKeV}) become one more feature, after all the others.
     */
    public SummarySettings withLineWindow(double lowKeV, double highKeV) {
        if (!(lowKeV >= 0 && highKeV > lowKeV) || highKeV == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("summary line window must satisfy 0 <= low < high < infinity keV, got ["
                    + lowKeV + ", " + highKeV + "]");
        }
        List<double[]> windows = new ArrayList<>(lineWindows);
        windows.add(new double[] {lowKeV, highKeV});
        return new SummarySettings(bands, hardnessRatios, differentialRatios, List.copyOf(windows));
    }

    public int bands() {
        return bands;
    }

    public boolean hardnessRatios() {
        return hardnessRatios;
    }

    public boolean differentialRatios() {
        return differentialRatios;
    }

    /** The line windows as {low, high} keV pairs, in the order added; copies. */
    public List<double[]> lineWindows() {
        List<double[]> copy = new ArrayList<>();
        lineWindows.forEach(w -> copy.add(w.clone()));
        return copy;
    }

    @Override
    public String toString() {
        return "SummarySettings[bands=" + bands + ", hardnessRatios=" + hardnessRatios + ", differentialRatios="
                + differentialRatios + ", lineWindows=" + lineWindows.size() + "]";
    }
}
