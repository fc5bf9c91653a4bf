package org.twinfold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.twinfold.core.Preset;
import org.twinfold.core.Sampling;
import org.twinfold.ml.SurrogateOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Defaults that {@link TrainingOptions} derives from the preset and the other options. */
class TrainingOptionsTest {
    private static final Preset PRESET = new Preset("test", "a preset of 4,000 steps", Sampling.CLASSES, 10, 5,
            4000, 8, 1e-3);

    @Command
    static final class Holder {
        @Mixin
        TrainingOptions training;
    }

    private static SurrogateOptions resolve(String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.training.resolve(PRESET, 42);
    }

    @Test
    void shortRunsCheckpointFiveTimes() {
        assertEquals(500, resolve().checkpointEvery());
        assertEquals(40, resolve("--steps", "200").checkpointEvery());
        assertEquals(1, resolve("--steps", "3").checkpointEvery());
        assertEquals(7, resolve("--steps", "200", "--checkpoint-every", "7").checkpointEvery());
    }
}
