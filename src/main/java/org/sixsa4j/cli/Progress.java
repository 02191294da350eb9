package org.sixsa4j.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, redrawn at most five times a second, with the elapsed time
 * and an estimate of what remains. It stays silent when stderr is not a terminal (pipes, CI
 * logs) or when the user asked for quiet.
 */
final class Progress {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final String label;
    private final PrintStream out;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    Progress(String label, boolean quiet) {
        this.label = label;
        this.out = System.err;
        this.enabled = !quiet && System.console() != null;
    }

    /** Reports {@code done} of {@code total} units, with an optional note such as the current log Z. */
    synchronized void update(long done, long total, String note) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        double fraction = total > 0 ? Math.min(1.0, done / (double) total) : 0.0;
        int filled = (int) Math.round(fraction * WIDTH);
        double elapsed = (now - start) * 1e-9;
        String eta = fraction > 0 ? String.format(Locale.ROOT, ", %s left", seconds(elapsed * (1 - fraction) / fraction)) : "";
        out.printf(Locale.ROOT, "\r%s [%s%s] %3.0f%% %s%s%s   ", label, "=".repeat(filled), " ".repeat(WIDTH - filled),
                100 * fraction, seconds(elapsed), eta, note == null ? "" : ", " + note);
        out.flush();
        drawn = true;
    }

    /** Ends the line the bar was drawn on. */
    synchronized void finish() {
        if (drawn) {
            out.println();
            out.flush();
        }
    }

    private static String seconds(double s) {
        return s < 120 ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.1f min", s / 60);
    }
}
