package org.twinfold.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.twinfold.core.sweep.SweepListener;

/**
 * A progress line on standard error: items done, rate and time left. On a terminal it redraws one
 * line; otherwise (a log file, CI) it prints a new line every 10% or every 30 seconds.
 */
final class ProgressBar implements SweepListener {
    private static final int WIDTH = 30;
    private static final long QUIET_INTERVAL_NANOS = 30_000_000_000L;

    private final PrintStream out;
    private final String label;
    private final String unit;
    private final boolean terminal;
    private long startNanos;
    private long startCount;
    private long lastPrintNanos;
    private long lastPrintedDecile = -1;
    private String detail = "";
    private double shownCount;

    ProgressBar(PrintStream out, String label, String unit) {
        this.out = out;
        this.label = label;
        this.unit = unit;
        this.terminal = System.console() != null;
    }

    static ProgressBar onStandardError(String label, String unit) {
        return new ProgressBar(System.err, label, unit);
    }

    @Override
    public synchronized void started(long total, long alreadyComplete) {
        startNanos = System.nanoTime();
        startCount = alreadyComplete;
        if (alreadyComplete > 0) {
            out.printf(Locale.ROOT, "%s: resuming, %d of %d %s already complete%n", label, alreadyComplete, total, unit);
        }
    }

    /** Sets a short text shown after the counts, such as the current loss. */
    synchronized void setDetail(String text) {
        detail = text;
    }

    @Override
    public synchronized void progressed(long complete, long total) {
        show(complete, total);
    }

    /** Moves the bar within a batch. A count below the one shown, from another thread's batch, is skipped. */
    @Override
    public synchronized void progressedWithin(double complete, long total) {
        if (complete > shownCount) {
            show(complete, total);
        }
    }

    private void show(double complete, long total) {
        long now = System.nanoTime();
        long decile = total == 0 ? 10 : (long) (complete * 10 / total);
        boolean due = terminal ? now - lastPrintNanos > 200_000_000L || complete == total
                : decile != lastPrintedDecile || now - lastPrintNanos > QUIET_INTERVAL_NANOS;
        shownCount = complete;
        if (!due) {
            return;
        }
        lastPrintNanos = now;
        lastPrintedDecile = decile;
        out.print(render(complete, total, now));
        out.print(terminal ? "\r" : "\n");
        out.flush();
    }

    @Override
    public synchronized void finished(long total, double wallSeconds) {
        if (terminal) {
            out.println();
        }
        long generatedNow = total - startCount;
        String resumed = startCount > 0 ? String.format(Locale.ROOT, " (%d done now, %d before)", generatedNow, startCount) : "";
        out.printf(Locale.ROOT, "%s: %d %s complete%s in %.1f s%n", label, total, unit, resumed, wallSeconds);
    }

    /** Renders the line. {@code complete} may include a fraction of a batch, and the count shows its whole part. */
    String render(double complete, long total, long nowNanos) {
        double seconds = Math.max(1e-9, (nowNanos - startNanos) * 1e-9);
        double rate = (complete - startCount) / seconds;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * complete / total);
        long whole = (long) complete;
        String bar = "=".repeat(filled) + " ".repeat(WIDTH - filled);
        // Within the first second, or before the second item, the rate is not yet meaningful. A bar
        // that ends sooner still gets it on its last line, which is what a log file keeps.
        boolean measured = (seconds >= 1.0 || complete == total) && complete - startCount >= 2;
        String rateText = measured ? String.format(Locale.ROOT, "%.1f/s", rate) : "--/s";
        String left = measured && rate > 0 ? formatDuration((total - complete) / rate) : "--:--";
        String suffix = detail.isEmpty() ? "" : ", " + detail;
        return String.format(Locale.ROOT, "%s [%s] %d/%d %s, %s, %s left%s", label, bar, whole, total, unit,
                rateText, left, suffix);
    }

    static String formatDuration(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
