package org.twinfold.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.twinfold.core.Preset;
import org.twinfold.core.Sampling;
import org.twinfold.core.Task;
import org.twinfold.core.Tasks;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a task's reference simulator over a parameter sweep and writes an HDF5 dataset. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a task's reference simulator over sampled parameter points and write an HDF5 dataset "
                + "(shards plus manifest.json). Rerunning the same command resumes an interrupted sweep.")
final class SimulateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK", description = "Task name, as listed by 'twinfold tasks'.")
    String taskName;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Preset that sets the default sample count and sampling. Default: the task's first preset"
                    + " (quick, or harmonic for md-1d).")
    String preset;

    @Option(names = "--samples", paramLabel = "N",
            description = "Number of simulations (positive). Default: the preset's training sample count.")
    Integer samples;

    @Option(names = "--sampling", paramLabel = "METHOD",
            description = "How parameter points are drawn: grid, uniform, log-uniform, lhs (Latin hypercube) or "
                    + "classes (the task's fixed class points in turn, such as the 25 (J, decay) pairs of "
                    + "vasculogenesis; use a multiple of the class count for equal classes). Default: the preset's.")
    String sampling;

    @Option(names = "--shard-size", paramLabel = "N", defaultValue = "64",
            description = "Samples per HDF5 shard, the unit that a resumed sweep skips. Default: ${DEFAULT-VALUE}.")
    int shardSize;

    @Option(names = "--previews", paramLabel = "N", defaultValue = "4",
            description = "Pictures of the first N samples to write as previews/sample-NNNNN.png, for tasks that draw "
                    + "their samples (0 for none). Default: ${DEFAULT-VALUE}.")
    int previews;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset folder to write.")
    Path out;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        Task task = Tasks.byName(taskName);
        Preset chosen = task.preset(preset == null ? task.presets().get(0).name() : preset);
        int count = samples == null ? chosen.trainSamples() : samples;
        Sampling method = sampling == null ? chosen.sampling() : Sampling.parse(sampling);

        Manifest manifest = Simulation.run(task, task.simulator(chosen.name()), method, count, common.seed,
                common.resolvedThreads(), shardSize, out, "simulate " + task.name());
        System.out.printf("Wrote %d samples of %s to %s%n", manifest.sampleCount(), task.name(), out);
        int written = Previews.write(task, Dataset.open(out), previews, out.resolve("previews"));
        if (written > 0) {
            System.out.printf("Wrote %d preview images to %s%n", written, out.resolve("previews"));
        }
        return ExitCode.SUCCESS;
    }
}
