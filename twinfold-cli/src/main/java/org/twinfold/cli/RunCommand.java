package org.twinfold.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.cli.operator.OperatorPipeline;
import org.twinfold.cli.operator.OperatorRequest;
import org.twinfold.cli.calo.CaloEvaluationStep;
import org.twinfold.cli.classes.ClassEvaluationStep;
import org.twinfold.cli.report.ReportWriter;
import org.twinfold.core.Preset;
import org.twinfold.core.Sampling;
import org.twinfold.core.Task;
import org.twinfold.core.Tasks;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.evaluation.Evaluation;
import org.twinfold.core.evaluation.EvaluationFiles;
import org.twinfold.core.evaluation.SpeedupReport;
import org.twinfold.ml.SurrogateOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The whole life cycle in one command: simulate training and test sets, train, sample at the test
 * points, evaluate and report. Every step resumes, so rerunning after a kill continues.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulate, train, sample, evaluate and report in one go, into one folder: train/, test/, "
                + "checkpoints/, generated/, evaluation.json and report.html. Tasks sampled by class with a mask "
                + "as data also get test-floor/, a second test set, and a class-by-class evaluation with a "
                + "classifier. The calorimeter task also gets the CaloChallenge metrics and plots, and challenge/ with both "
                + "test samples as challenge HDF5 files. The operator tasks (md-lstm, md-1d) write train/, test/, "
                + "checkpoints/ with one folder per operator, plan.json, evaluation.json and report.html instead. "
                + "Rerun the same command to resume.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Parameters(index = "0", paramLabel = "TASK", description = "Task name, as listed by 'twinfold tasks'.")
    String taskName;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Preset that sets sample counts, training steps and the simulator's scale. The operator"
                    + " tasks md-lj and md-lstm take quick, paper, smoke, and md-1d takes harmonic, lj-pair,"
                    + " double-well or rugged, or a plan file ending in .json (a run folder's plan.json repeats that"
                    + " run). Default: the task's first preset (quick, or harmonic for md-1d).")
    String preset;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run folder to write.")
    Path out;

    @Option(names = "--train-samples", paramLabel = "N",
            description = "Simulated training samples, in place of the preset's count. Default: the preset's.")
    Integer trainSamples;

    @Option(names = "--test-samples", paramLabel = "N",
            description = "Simulated test samples (and as many for the noise-floor set of class-conditional tasks), "
                    + "in place of the preset's count. Default: the preset's.")
    Integer testSamples;

    @Option(names = "--shard-size", paramLabel = "N", defaultValue = "64",
            description = "Samples per HDF5 shard, the unit that a resumed sweep skips. Default: ${DEFAULT-VALUE}.")
    int shardSize;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256",
            description = "Samples per surrogate call when generating. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Mixin
    TrainingOptions training;

    @Mixin
    DiffusionSamplerOptions sampler;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if (preset == null) {
            preset = Tasks.byName(taskName).presets().get(0).name();
        }
        if (OperatorPipeline.handles(taskName)) {
            if (trainSamples != null || testSamples != null) {
                throw new IllegalArgumentException("--train-samples and --test-samples do not apply to the operator"
                        + " pipeline of " + taskName + "; its plan sets the trajectory counts (write the run folder's"
                        + " plan.json with other values and give it as --preset PLAN.json)");
            }
            if (!sampler.isEmpty()) {
                throw new IllegalArgumentException(DiffusionSamplerOptions.NAMES + " apply to diffusion surrogates;"
                        + " the operator pipeline of " + taskName
                        + " trains LSTM operators, so drop them");
            }
            List<String> ignored = training.familyOnlyOptions();
            if (!ignored.isEmpty()) {
                String options = ignored.size() == 1 ? "option " + ignored.get(0) + " does"
                        : "options " + String.join(", ", ignored) + " do";
                throw new IllegalArgumentException(options + " not apply to the operator pipeline of " + taskName
                        + "; its plan sets the network and training of each operator (write the run folder's"
                        + " plan.json with other values and give it as --preset PLAN.json)");
            }
            return OperatorPipeline.run(new OperatorRequest(taskName, preset, out, common.resolvedThreads(), common.seed,
                    training.steps, ProgressBar::onStandardError, TrainingProgress::new));
        }
        Task task = Tasks.byName(taskName);
        task.preset(preset).requireTraining("run", task);
        Preset chosen = withSampleCounts(task.preset(preset));
        int threads = common.resolvedThreads();
        String family = training.family == null ? task.surrogateFamily() : training.family;
        sampler.checkFor(family);
        SurrogateOptions surrogateOptions = training.resolve(chosen, common.seed);
        Surrogates.checkSettings(task, family, surrogateOptions, task.simulator(chosen.name()).schema(),
                out.resolve("checkpoints"));
        LOG.info("Run of {} with preset {} into {}: {} training and {} test samples, {} training steps",
                task.name(), chosen.name(), out, chosen.trainSamples(), chosen.testSamples(), surrogateOptions.steps());

        Path trainData = out.resolve("train");
        Path testData = out.resolve("test");
        Path checkpoints = out.resolve("checkpoints");
        Path generated = out.resolve("generated");
        // Class-conditional mask surrogates add a noise-floor set and a classifier to the five steps.
        boolean byClass = chosen.sampling() == Sampling.CLASSES
                && ClassEvaluationStep.mask(task.simulator(chosen.name()).schema()) != null;
        int stepCount = byClass ? 7 : 5;
        Simulation.run(task, task.simulator(chosen.name()), chosen.sampling(), chosen.trainSamples(), common.seed,
                threads, shardSize, trainData, "1/" + stepCount + " simulate training set");
        Simulation.run(task, task.simulator(chosen.name()), chosen.sampling(), chosen.testSamples(), common.seed + 1,
                threads, shardSize, testData, "2/" + stepCount + " simulate test set");

        System.err.println("3/" + stepCount + " train the " + family + " surrogate");
        Surrogates.train(task, family, Dataset.open(trainData), surrogateOptions, checkpoints,
                threads, "3/" + stepCount + " train");
        System.err.println("4/" + stepCount + " generate one sample per test point");
        Dataset test = Dataset.open(testData);
        Surrogates.sample(checkpoints, test.points(), test.manifest().seeds(), common.seed + 2, batch, threads, sampler,
                generated, "4/" + stepCount + " generate");

        System.err.println("5/" + stepCount + " evaluate against the test set");
        Evaluation evaluation = EvaluateCommand.evaluate(task, testData, generated, checkpoints, trainData);
        if (ClassEvaluationStep.applies(Dataset.open(trainData))) {
            // A class-conditional mask surrogate is also judged class by class, against a second
            // simulated test set as the noise floor and by a classifier trained on the training masks.
            Path floorData = out.resolve("test-floor");
            Simulation.run(task, task.simulator(chosen.name()), chosen.sampling(), chosen.testSamples(),
                    common.seed + 3, threads, shardSize, floorData,
                    "6/" + stepCount + " simulate second test set (noise floor)");
            evaluation = ClassEvaluationStep.extend(task, evaluation, trainData, testData, floorData, generated,
                    common.seed, new TrainingProgress("7/" + stepCount + " train classifier"));
        }
        if (CaloEvaluationStep.applies(task)) {
            evaluation = CaloEvaluationStep.extend(evaluation, new CaloEvaluationStep.Inputs(testData, generated,
                    checkpoints, out.resolve("challenge"), common.seed, threads + " intra-op thread(s)"),
                    System.err::println);
        }
        EvaluationFiles.write(out.resolve("evaluation.json"), evaluation);
        ReportWriter.write(evaluation, out.resolve("report.html"));
        printSummary(evaluation);
        if (evaluation.classes() != null) {
            ClassEvaluationStep.printSummary(evaluation.classes());
        }
        if (CaloEvaluationStep.applies(task)) {
            CaloEvaluationStep.printSummary(evaluation);
        }
        return ExitCode.SUCCESS;
    }

    /** Returns the preset with the sample counts of --train-samples and --test-samples, when given. */
    private Preset withSampleCounts(Preset preset) {
        if (trainSamples == null && testSamples == null) {
            return preset;
        }
        requireCount("--train-samples", trainSamples);
        requireCount("--test-samples", testSamples);
        return new Preset(preset.name(), preset.description(), preset.sampling(),
                trainSamples == null ? preset.trainSamples() : trainSamples,
                testSamples == null ? preset.testSamples() : testSamples,
                preset.trainingSteps(), preset.batchSize(), preset.learningRate());
    }

    private static void requireCount(String option, Integer count) {
        if (count != null && count < 1) {
            throw new IllegalArgumentException(option + " is " + count + "; give at least 1 sample");
        }
    }

    private void printSummary(Evaluation evaluation) {
        System.out.printf("Report: %s%n", out.resolve("report.html"));
        evaluation.fieldErrors().forEach(metric -> System.out.printf("  %-28s %.4g %s%n", metric.name(),
                metric.value(), metric.unit()));
        // Dimensionless observables have the unit "1", which would read as a second number.
        evaluation.observables().forEach(o -> System.out.printf("  %-28s W1 %.3g%s, KS p %.3g%n", o.name(),
                o.wasserstein(), "1".equals(o.unit()) ? "" : " " + o.unit(), o.ksPValue()));
        SpeedupReport speedup = evaluation.speedup();
        if (speedup != null) {
            System.out.printf("  speedup per sample %.4g, effective speedup %.4g%n", speedup.plain(),
                    speedup.effective());
        }
    }
}
