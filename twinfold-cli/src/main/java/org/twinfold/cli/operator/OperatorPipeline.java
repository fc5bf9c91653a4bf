package org.twinfold.cli.operator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.core.Generator;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.Sampling;
import org.twinfold.core.dataset.AtomicFiles;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.Manifest;
import org.twinfold.core.sweep.Sweep;
import org.twinfold.ml.DjlEngine;
import org.twinfold.ml.EngineOptions;
import org.twinfold.ml.lstm.LstmOperator;

/**
 * {@code twinfold run md-lstm} (also {@code md-lj}) and {@code run md-1d}: simulate the plan's system, train
 * one LSTM operator per large step Delta_R, roll each out from five Verlet frames, compare with Verlet and
 * write the report. The run folder gets {@code train/} and {@code test/} (datasets), {@code checkpoints/x100/} and so on,
 * {@code plan.json}, {@code evaluation.json} and {@code report.html}. Rerunning the same command skips the
 * complete sweeps and trainings and resumes a killed one.
 */
public final class OperatorPipeline {
    /**
     * Task names that run this pipeline: the operator's name and the Lennard-Jones system's, kept for old run
     * folders, and the 1-D systems'.
     */
    private static final List<String> TASKS = List.of("md-lstm", "md-lj", "md-1d");
    private static final Logger LOG = LoggerFactory.getLogger(OperatorPipeline.class);

    private OperatorPipeline() {
    }

    /** Returns true for the tasks whose {@code run} is this pipeline. */
    public static boolean handles(String task) {
        return TASKS.contains(task);
    }

    /**
     * Runs the pipeline and returns the exit code, 0. The sweeps use {@code request.threads()} threads; the
     * neural engine uses one intra-op thread.
     */
    public static int run(OperatorRequest request) throws IOException, InterruptedException {
        OperatorPlan plan = OperatorPlans.resolve(request.preset());
        requireSystemOfTask(plan, request.task());
        if (request.trainingSteps() != null) {
            plan = plan.withTrainingSteps(request.trainingSteps());
        }
        if (request.threads() < 1) {
            throw new IllegalArgumentException("threads is " + request.threads() + "; use at least 1");
        }
        Path out = request.out();
        OperatorTraining.requireSameSettings(plan, plan.trainTrajectories(), request.seed(), out.resolve("checkpoints"));
        Files.createDirectories(out);
        long started = System.nanoTime();
        int stages = plan.multiples().size() + 4;
        System.err.printf("%s operator run, plan %s: %s%n", request.task(), plan.name(), plan.description());

        OperatorSystem system = plan.operatorSystem();
        SplittableRandom root = new SplittableRandom(request.seed());
        Manifest train = simulate(request, system.generator(), plan.trainTrajectories(), root.nextLong(), out.resolve("train"),
                "1/" + stages + " simulate training set");
        Manifest test = simulate(request, system.generator(), plan.testTrajectories(), root.nextLong(), out.resolve("test"),
                "2/" + stages + " simulate test set");
        requireFrames(train, plan, out.resolve("train"));
        requireFrames(test, plan, out.resolve("test"));

        float[][][] trainFrames = system.frames(Dataset.open(out.resolve("train")).readAll());
        float[][][] testFrames = system.frames(Dataset.open(out.resolve("test")).readAll());
        double[][] parameters = parameters(system, Dataset.open(out.resolve("test")).points());
        double[][] trainParameters = parameters(system, Dataset.open(out.resolve("train")).points());
        double trainingSimulationSeconds = mean(train.wallSeconds());

        // One intra-op thread: the network is small, and two libtorch threads on a loaded two-core machine
        // wait on each other (measured here: 2.4 against 95 training steps per second).
        DjlEngine.start(EngineOptions.threads(1));
        System.err.printf("3/%d measure the Verlet step time%n", stages);
        double verletStepSeconds = system.verletStepSeconds(parameters[0], request.seed());
        System.err.printf("t_V = %.3g s per Verlet step of %s%n", verletStepSeconds, system.description());

        List<MultipleResult> results = new ArrayList<>();
        int stage = 4;
        for (MultiplePlan multiple : plan.multiples()) {
            System.err.printf("%d/%d operator at %dx the Verlet step (Delta_R = %s)%n", stage++, stages,
                    multiple.multiple(), multiple.multiple() * OperatorPlan.VERLET_STEP);
            float[][][] frames = TrajectoryFeatures.subsample(trainFrames, multiple.multiple() / plan.saveInterval(),
                    multiple.trainingFrames());
            TrainedOperator trained = OperatorTraining.trainOrLoad(frames, trainParameters, plan, multiple, request.seed(),
                    out.resolve("checkpoints").resolve(multiple.label()), request.trainingProgress()::apply);
            try (LstmOperator operator = trained.operator()) {
                MultipleResult result = OperatorEvaluator.evaluate(plan, multiple, trained, testFrames, parameters,
                        system, verletStepSeconds, trainingSimulationSeconds, plan.trainTrajectories());
                System.err.printf("%s: mean position error %.3g sigma over %d steps (t = %.4g to %.4g), final %.3g;"
                        + " one-step %.3g; mean |dE/E0| %.3g; t_R %.3g s; S_p %.3g%n", multiple.label(),
                        result.meanPositionError(), multiple.horizon(), result.time()[plan.windowLength()],
                        result.time()[result.time().length - 1], result.finalPositionError(),
                        result.references().meanOneStepError(), result.meanOperatorEnergyDrift(),
                        result.operatorStepSeconds(), result.speedup().speedup());
                results.add(result);
                LOG.debug("evaluated {} with {} parameters", multiple.label(), operator.parameterCount());
            }
        }

        System.err.printf("%d/%d write the report%n", stages, stages);
        double wallSeconds = (System.nanoTime() - started) * 1e-9;
        OperatorRun run = new OperatorRun(request.task(), plan, request.seed(), request.threads(),
                DatasetInfo.of(out.resolve("train"), train), DatasetInfo.of(out.resolve("test"), test),
                verletStepSeconds, trainingSimulationSeconds, results, wallSeconds);
        // Written last, so that a run rejected for a folder of another plan leaves that plan's file intact.
        AtomicFiles.write(out.resolve("plan.json"), plan.toJson().toPrettyString().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(out.resolve("evaluation.json"), OperatorResultsJson.of(run).toPrettyString()
                .getBytes(StandardCharsets.UTF_8));
        OperatorReport.write(run, out.resolve("report.html"));
        printSummary(run, out);
        return 0;
    }

    private static Manifest simulate(OperatorRequest request, Generator simulator, int samples, long seed,
            Path folder, String label) throws IOException, InterruptedException {
        SplittableRandom random = new SplittableRandom(seed);
        List<ParameterPoint> points = Sampling.LATIN_HYPERCUBE.sample(simulator.parameterSpace(), samples,
                random.split());
        return Sweep.builder().generator(simulator).points(points).seed(random.nextLong()).threads(request.threads())
                .shardSize(Math.max(1, Math.min(64, samples / (2 * request.threads()))))
                .task(request.task()).commandLine("twinfold run " + request.task() + " --preset " + request.preset())
                .configuration(Map.of("sampling", Sampling.LATIN_HYPERCUBE.name(), "seed", Long.toString(seed)))
                .listener(request.sweepProgress().apply(label, "trajectories"))
                .build()
                .run(folder);
    }

    private static void requireFrames(Manifest manifest, OperatorPlan plan, Path folder) {
        int frames = manifest.schema().field("positions").shape().get(0);
        if (frames != plan.frames()) {
            throw new IllegalArgumentException("dataset " + folder + " has " + frames + " frames per trajectory; the"
                    + " plan needs " + plan.frames() + "; use another --out folder");
        }
    }

    /** Returns each trajectory's parameters, the mass first, (trajectories, p). */
    private static double[][] parameters(OperatorSystem system, List<ParameterPoint> points) {
        double[][] parameters = new double[points.size()][];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = system.parameters(points.get(i));
        }
        return parameters;
    }

    /** Checks that md-1d runs a plan of a 1-D system and md-lj or md-lstm one of Lennard-Jones particles. */
    private static void requireSystemOfTask(OperatorPlan plan, String task) {
        boolean oneDimensionalTask = task.equals("md-1d");
        boolean oneDimensionalPlan = !plan.system().equals(OperatorPlan.LENNARD_JONES);
        if (oneDimensionalTask != oneDimensionalPlan) {
            throw new IllegalArgumentException("plan " + plan.name() + " simulates " + (oneDimensionalPlan
                    ? "the 1-D system " + plan.system() + "; run it as task md-1d" : "Lennard-Jones particles; run it as"
                    + " task md-lstm") + ", or give task " + task + " one of its presets ("
                    + (oneDimensionalTask ? "harmonic, lj-pair, double-well, rugged" : "quick, paper, smoke") + ")");
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static void printSummary(OperatorRun run, Path out) {
        System.out.printf("Report: %s%n", out.resolve("report.html"));
        System.out.printf("  t_V %.3g s per Verlet step; wall time %.1f s%n", run.verletStepSeconds(),
                run.wallSeconds());
        for (MultipleResult result : run.results()) {
            ReferenceErrors references = result.references();
            System.out.printf("  %-6s rollout mean position error %.3g sigma (final %.3g; stay-put %.3g, constant"
                    + " velocity %.3g, restarted Verlet %.3g); one-step %.3g (constant velocity %.3g, x + v Delta_R %.3g); mean |dE/E0|"
                    + " %.3g (median over runs %.3g), t_R %.3g s, S_p %.4g, effective %.4g%n", result.plan().label(),
                    result.meanPositionError(), result.finalPositionError(), result.meanBaselineError(),
                    references.meanConstantVelocityError(), references.meanRestartedVerletError(),
                    references.meanOneStepError(), references.meanOneStepConstantVelocityError(),
                    references.meanOneStepVelocityStepError(),
                    result.meanOperatorEnergyDrift(), result.medianOperatorEnergyDrift(), result.operatorStepSeconds(),
                    result.speedup().speedup(),
                    result.speedup().effectiveSpeedup());
        }
    }
}
