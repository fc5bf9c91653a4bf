package org.twinfold.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.twinfold.core.Task;
import org.twinfold.core.Tasks;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.evaluation.Evaluation;
import org.twinfold.core.evaluation.EvaluationFiles;
import org.twinfold.core.evaluation.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Compares surrogate samples with held-out simulations and writes the numbers as JSON. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Compare a surrogate's dataset with held-out simulations: observables (Wasserstein-1, "
                + "Kolmogorov-Smirnov, separation power), a correlated chi-square, sample-by-sample errors for "
                + "deterministic tasks, and the speedup from recorded wall times. Writes JSON.")
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK", description = "Task name, as listed by 'twinfold tasks'.")
    String taskName;

    @Option(names = "--reference", required = true, paramLabel = "DIR", description = "Held-out simulated dataset.")
    Path reference;

    @Option(names = "--generated", required = true, paramLabel = "DIR", description = "Surrogate dataset.")
    Path generated;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "Surrogate checkpoint folder; its training time and training dataset give the speedup.")
    Path checkpoint;

    @Option(names = "--training", paramLabel = "DIR",
            description = "Simulated training dataset. Default: the one recorded in the checkpoint.")
    Path training;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Evaluation JSON file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Evaluation evaluation = evaluate(Tasks.byName(taskName), reference, generated, checkpoint, training);
        EvaluationFiles.write(out, evaluation);
        System.out.printf("Wrote the evaluation to %s%n", out);
        return ExitCode.SUCCESS;
    }

    static Evaluation evaluate(Task task, Path reference, Path generated, Path checkpoint, Path training)
            throws Exception {
        OptionalDouble trainingSeconds = OptionalDouble.empty();
        Path trainingFolder = training;
        if (checkpoint != null) {
            trainingSeconds = Surrogates.trainingSeconds(checkpoint);
            if (trainingFolder == null) {
                Path recorded = Surrogates.trainingData(checkpoint);
                trainingFolder = Files.isDirectory(recorded) ? recorded : null;
            }
        }
        Dataset trainingData = trainingFolder == null ? null : Dataset.open(trainingFolder);
        Dataset referenceData = Dataset.open(reference);
        Dataset generatedData = Dataset.open(generated);
        Surrogates.requireTask(task, referenceData);
        Surrogates.requireTask(task, generatedData);
        if (trainingData != null) {
            Surrogates.requireTask(task, trainingData);
        }
        return Evaluator.evaluate(task, referenceData, generatedData, trainingData,
                trainingSeconds, checkpoint == null ? "" : checkpoint.toString());
    }
}
