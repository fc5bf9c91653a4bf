package org.twinfold.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.twinfold.cli.calo.CaloEvaluationStep;
import org.twinfold.cli.classes.ClassEvaluationStep;
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
                + "deterministic tasks, and the speedup from recorded wall times; for task calorimeter also the CaloChallenge "
                + "metrics (separation powers, classifier AUC, FPD, KPD) and, with --checkpoint, the generation time "
                + "per shower. Writes JSON.")
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

    @Option(names = "--floor", paramLabel = "DIR",
            description = "A second simulated test set with the classes and counts of --reference and other seeds. "
                    + "With it, a class-conditional mask surrogate also gets the class-by-class section: a classifier "
                    + "trained on the training masks, and each class's distances next to this noise floor.")
    Path floor;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the class-by-class and calorimeter classifiers' weights and batches; 'run' uses "
                    + "its own --seed, so the same seed repeats its verdicts. Default: ${DEFAULT-VALUE}, as for run.")
    long seed;

    @Option(names = "--challenge-files", paramLabel = "DIR",
            description = "Task calorimeter only: folder to write reference.hdf5 and generated.hdf5 in, the two "
                    + "samples as CaloChallenge HDF5 files for the challenge's evaluate.py. Default: none written.")
    Path challengeFiles;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "libtorch threads for the classifiers of the class-by-class and calorimeter sections; 0 uses "
                    + "every processor, and on a busy machine 1 is often faster. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Evaluation JSON file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (threads < 0) {
            throw new InvalidInputException("--threads is " + threads + "; use a positive count, or 0 for every "
                    + "available processor");
        }
        Surrogates.startEngine(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
        Task task = Tasks.byName(taskName);
        if (challengeFiles != null && !CaloEvaluationStep.applies(task)) {
            throw new InvalidInputException("--challenge-files applies to task calorimeter only, not '" + task.name()
                    + "'; leave it out");
        }
        Evaluation evaluation = evaluate(task, reference, generated, checkpoint, training);
        if (floor != null) {
            evaluation = withClassSection(task, evaluation);
        }
        if (CaloEvaluationStep.applies(task)) {
            evaluation = CaloEvaluationStep.extend(evaluation, new CaloEvaluationStep.Inputs(reference, generated,
                    checkpoint, challengeFiles, seed, threads == 0 ? "every processor" : threads + " thread(s)"),
                    System.err::println);
            CaloEvaluationStep.printSummary(evaluation);
        }
        EvaluationFiles.write(out, evaluation);
        System.out.printf("Wrote the evaluation to %s%n", out);
        return ExitCode.SUCCESS;
    }

    private Evaluation withClassSection(Task task, Evaluation evaluation) throws Exception {
        Dataset referenceData = Dataset.open(reference);
        if (!ClassEvaluationStep.applies(referenceData)) {
            throw new InvalidInputException("--floor applies to class-labelled datasets of one 2-D mask, such as those of"
                    + " vasculogenesis simulated with --sampling classes; " + reference + " is not one, so leave it out");
        }
        Dataset floorData = Dataset.open(floor);
        Surrogates.requireTask(task, floorData);
        HeldOutChecks.requireDisjoint(floorData, "--floor", referenceData, "--reference", task.deterministic());
        HeldOutChecks.requireSameClassCounts(referenceData, floorData);
        Path trainingFolder = training != null ? training
                : checkpoint != null ? Surrogates.trainingData(checkpoint) : null;
        if (trainingFolder == null || !Files.isDirectory(trainingFolder)) {
            throw new InvalidInputException("--floor needs the simulated training masks to train the classifier; give "
                    + "--training DIR or a --checkpoint whose training dataset still exists");
        }
        Dataset trainingData = Dataset.open(trainingFolder);
        if (!ClassEvaluationStep.applies(trainingData)) {
            throw new InvalidInputException("--floor applies to class-labelled datasets of one 2-D mask; "
                    + trainingFolder + " is not one (sample it with --sampling classes)");
        }
        HeldOutChecks.requireDisjoint(floorData, "--floor", trainingData, "the training set", task.deterministic());
        Evaluation extended = ClassEvaluationStep.extend(task, evaluation, trainingFolder, reference, floor, generated,
                seed, new TrainingProgress("train classifier"));
        ClassEvaluationStep.printSummary(extended.classes());
        return extended;
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
            HeldOutChecks.requireDisjoint(referenceData, "--reference", trainingData, "the training set",
                    task.deterministic());
        }
        return Evaluator.evaluate(task, referenceData, generatedData, trainingData,
                trainingSeconds, checkpoint == null ? "" : checkpoint.toAbsolutePath().normalize().toString());
    }
}
