package org.twinfold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptHintTest {
    @TempDir
    Path temp;

    @Test
    void hintNamesNewestCheckpointOfRun() throws Exception {
        Path checkpoint = temp.resolve("checkpoints").resolve("step-000000000500");
        Files.createDirectories(checkpoint);
        Files.writeString(checkpoint.resolve("state.json"), "{}");

        String hint = InterruptHint.newestCheckpoint(new String[] {"run", "oscillator", "--out", temp.toString()});

        assertEquals(" (step 500, " + checkpoint.toAbsolutePath() + ")", hint);
    }

    @Test
    void hintNamesGuideCheckpointToo() throws Exception {
        Path checkpoint = temp.resolve("checkpoints").resolve("step-000000004000");
        Path guide = temp.resolve("checkpoints").resolve("guide").resolve("step-000000000500");
        for (Path folder : new Path[] {checkpoint, guide}) {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("state.json"), "{}");
        }

        String hint = InterruptHint.newestCheckpoint(new String[] {"run", "vasculogenesis", "--out", temp.toString()});

        assertEquals(" (step 4000, " + checkpoint.toAbsolutePath() + ") and the guide model's (step 500, "
                + guide.toAbsolutePath() + ")", hint);
    }

    @Test
    void stopBeforeFirstCheckpointSaysStartOver() {
        String[] train = {"train", "oscillator", "--out", temp.resolve("none").toString()};

        assertEquals("twinfold: train stopped before it finished; run the same command again to start over,"
                + " because it wrote no checkpoint yet.", InterruptHint.message(train));
        assertEquals("twinfold: simulate stopped before it finished; run the same command again to resume from"
                + " the complete shards.", InterruptHint.message(new String[] {"simulate", "oscillator"}));
    }

    @Test
    void hintWithoutCheckpointIsEmpty() {
        assertEquals("", InterruptHint.newestCheckpoint(new String[] {"train", "oscillator",
                "--out=" + temp.resolve("none")}));
        assertEquals("", InterruptHint.newestCheckpoint(new String[] {"simulate", "oscillator"}));
    }
}
