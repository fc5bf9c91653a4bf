package org.twinfold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bar off a terminal, as in a log file: one line per tenth of the work. */
class ProgressBarTest {

    /** Returns a bar that writes to {@code bytes}, started on {@code total} items. */
    private static ProgressBar started(ByteArrayOutputStream bytes, String label, String unit, long total) {
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), label, unit);
        bar.started(total, 0);
        return bar;
    }

    @Test
    void progressWithinBatchMovesBar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = started(bytes, "generate", "samples", 100);

        bar.progressedWithin(25.5, 100);
        bar.progressedWithin(15.0, 100);
        bar.progressed(64, 100);

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), "a count below the one shown prints nothing: " + lines);
        assertTrue(lines.get(0).startsWith("generate [" + "=".repeat(7) + " ".repeat(23) + "] 25/100 samples"),
                lines.get(0));
        assertTrue(lines.get(1).contains("] 64/100 samples"), lines.get(1));
    }

    @Test
    void shortBarShowsRateAtEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = started(bytes, "train", "steps", 30);

        bar.progressed(10, 30);
        bar.progressed(30, 30);

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).endsWith("10/30 steps, --/s, --:-- left"), lines.get(0));
        assertTrue(lines.get(1).matches(".*30/30 steps, [0-9.]+/s, 0:00 left"), lines.get(1));
    }
}
