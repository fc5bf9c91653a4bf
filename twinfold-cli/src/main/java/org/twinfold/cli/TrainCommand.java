package org.twinfold.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.twinfold.cli.operator.OperatorPipeline;
import org.twinfold.core.Preset;
import org.twinfold.core.Task;
import org.twinfold.core.Tasks;
import org.twinfold.core.dataset.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Trains a task's surrogate on a simulated dataset, resuming from the newest checkpoint. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a neural surrogate of a task on a simulated dataset. Checkpoints are written "
                + "periodically; rerunning the same command resumes from the newest one.")
final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK", description = "Task name, as listed by 'twinfold tasks'.")
    String taskName;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Simulated training dataset folder.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Checkpoint folder to write.")
    Path out;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Preset that sets the default steps, batch size and learning rate. Default: the task's first"
                    + " preset (quick, or harmonic for md-1d).")
    String preset;

    @Mixin
    TrainingOptions training;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        Task task = Tasks.byName(taskName);
        Preset chosen = task.preset(preset == null ? task.presets().get(0).name() : preset);
        chosen.requireTraining("train", task);
        Dataset dataset = Dataset.open(data);
        Surrogates.requireTask(task, dataset);
        if (training.family == null && OperatorPipeline.handles(task.name())) {
            throw new IllegalArgumentException("the " + task.surrogateFamily() + " operator of task '" + task.name()
                    + "' trains inside its pipeline, which also rolls it out and evaluates it; run 'twinfold run "
                    + task.name() + " --preset " + chosen.name() + " --out DIR' (see 'twinfold tasks' for its other"
                    + " presets, or give a plan file)");
        }
        String family = training.family == null ? task.surrogateFamily() : training.family;

        Surrogates.train(task, family, dataset, training.resolve(chosen, common.seed), out, common.resolvedThreads(),
                "train");
        System.out.printf("Wrote checkpoints of the %s surrogate of %s to %s%n", family, task.name(), out);
        return ExitCode.SUCCESS;
    }
}
