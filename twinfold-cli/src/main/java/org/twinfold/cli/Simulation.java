package org.twinfold.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinfold.core.Generator;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.Sampling;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Manifest;
import org.twinfold.core.sweep.Sweep;

/** Runs a task's simulator over sampled parameter points into a dataset folder, with a progress bar. */
final class Simulation {

    private Simulation() {
    }

    /**
     * Samples points and sweeps the simulator over them. The points come from a random stream split
     * off the seed, and each sample's seed from the next value, so one seed fixes both.
     */
    static Manifest run(Task task, Generator simulator, Sampling sampling, int samples, long seed, int threads,
                        int shardSize, Path out, String label) throws IOException, InterruptedException {
        SplittableRandom root = new SplittableRandom(seed);
        List<ParameterPoint> points = sampling.sample(simulator.parameterSpace(), samples, root.split());
        return Sweep.builder()
                .generator(simulator)
                .points(points)
                .seed(root.nextLong())
                .threads(threads)
                .shardSize(shardSize)
                .task(task.name())
                .commandLine(CommandLineRecord.get())
                .configuration(Map.of("sampling", sampling.name(), "seed", Long.toString(seed)))
                .listener(ProgressBar.onStandardError(label, "samples"))
                .build()
                .run(out);
    }
}
