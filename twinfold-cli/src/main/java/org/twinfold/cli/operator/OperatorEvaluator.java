package org.twinfold.cli.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.twinfold.ml.lstm.LstmOperator;
import org.twinfold.ml.lstm.OperatorSpeedup;
import org.twinfold.ml.lstm.Rollout;
import org.twinfold.ml.lstm.RolloutResult;
import org.twinfold.ml.lstm.TrajectoryErrors;

/**
 * Rolls one operator out from the first w Verlet frames of every test trajectory and compares it with
 * Verlet at the same times: the mean position error delta_r(t), the one-step error and the baselines of
 * {@link ReferenceErrors}, the relative energy drift and the speedup from measured step times.
 */
final class OperatorEvaluator {
    /** Operator steps timed at batch 1 for t_R, at least; short rollouts are repeated to reach it. */
    static final int TIMED_STEPS = 200;
    /** Verlet steps of the reference's long run, t = 1e6, for the paper-style S_p. */
    static final long PAPER_RUN_STEPS = 1_000_000_000L;
    /**
     * Smallest |E(0)| in epsilon for the relative drift; a start with every pair beyond the cutoff has
     * E(0) = 0 and is left out of it (the drift is NaN when every test trajectory is such a start).
     */
    static final double MIN_INITIAL_ENERGY = 1e-6;

    private OperatorEvaluator() {
    }

    /**
     * Evaluates a trained operator.
     *
     * @param test (trajectories, frames, d) test frames at every saved frame
     * @param parameters parameters of each test trajectory, the mass first
     * @param verletStepSeconds t_V, measured
     * @param trainingSimulationSeconds Verlet wall time per training trajectory
     * @param trainingTrajectories training trajectories simulated (held-out ones included)
     */
    static MultipleResult evaluate(OperatorPlan plan, MultiplePlan multiple, TrainedOperator trained, float[][][] test,
            double[][] parameters, OperatorSystem system, double verletStepSeconds,
            double trainingSimulationSeconds, int trainingTrajectories) {
        int w = plan.windowLength();
        int horizon = multiple.horizon();
        int stride = multiple.multiple() / plan.saveInterval();
        float[][][] reference = TrajectoryFeatures.subsample(test, stride, w + horizon);
        float[][][] initial = new float[test.length][][];
        for (int b = 0; b < test.length; b++) {
            initial[b] = Arrays.copyOf(reference[b], w);
        }

        LstmOperator operator = trained.operator();
        RolloutResult rollout = Rollout.run(operator, initial, parameters, horizon);
        double operatorStepSeconds = batchOneStepSeconds(operator, initial[0], parameters[0], horizon);
        float[][][] frames = rollout.frames();

        int n = system.particles();
        int dimensions = system.dimensions();
        double[] error = TrajectoryErrors.meanPositionError(reference, frames, n, dimensions);
        double[] baseline = TrajectoryErrors.meanPositionError(reference, stayAtLastFrame(initial, horizon), n,
                dimensions);
        ReferenceErrors references = ReferenceErrors.of(operator, reference, parameters, w, system,
                multiple.multiple());
        double[] operatorDrift = new double[w + horizon];
        double[] verletDrift = new double[w + horizon];
        List<Double> operatorRunDrift = new ArrayList<>();
        List<Double> verletRunDrift = new ArrayList<>();
        int counted = 0;
        for (int b = 0; b < test.length; b++) {
            double initialEnergy = system.energy(parameters[b], reference[b][0]);
            if (Math.abs(initialEnergy) < MIN_INITIAL_ENERGY) {
                continue;
            }
            counted++;
            double operatorSum = 0;
            double verletSum = 0;
            for (int f = 0; f < w + horizon; f++) {
                double lstm = relativeDrift(system.energy(parameters[b], frames[b][f]), initialEnergy);
                double verlet = relativeDrift(system.energy(parameters[b], reference[b][f]), initialEnergy);
                operatorDrift[f] += lstm;
                verletDrift[f] += verlet;
                if (f >= w) {
                    operatorSum += lstm;
                    verletSum += verlet;
                }
            }
            operatorRunDrift.add(operatorSum / horizon);
            verletRunDrift.add(verletSum / horizon);
        }
        for (int f = 0; f < w + horizon; f++) {
            operatorDrift[f] /= counted;
            verletDrift[f] /= counted;
        }

        double[] time = new double[w + horizon];
        for (int f = 0; f < time.length; f++) {
            time[f] = f * multiple.multiple() * system.timeStep();
        }
        SpeedupNumbers speedup = speedup(plan, multiple, trained, verletStepSeconds, operatorStepSeconds,
                rollout.stepSecondsPerTrajectory(), trainingSimulationSeconds, trainingTrajectories, test.length);
        ExampleTrajectory example = example(test[0], parameters[0], frames[0], system, time, stride);
        return new MultipleResult(multiple, trained, operator.parameterCount(), time, error, baseline, references,
                operatorDrift, verletDrift, median(operatorRunDrift), median(verletRunDrift),
                meanOfRollout(error, horizon), error[error.length - 1], meanOfRollout(baseline, horizon),
                operatorStepSeconds, rollout.stepSecondsPerTrajectory(), speedup, example);
    }

    /**
     * Returns the median step time of one trajectory over one rollout of at least {@value #TIMED_STEPS}
     * steps, after ten steps to warm up. Only the time is used, so the rollout may run past the horizon.
     */
    private static double batchOneStepSeconds(LstmOperator operator, float[][] initial, double[] parameters,
            int horizon) {
        float[][][] single = {initial};
        double[][] singleParameters = {parameters};
        Rollout.run(operator, single, singleParameters, 10);
        return Rollout.run(operator, single, singleParameters, Math.max(horizon, TIMED_STEPS)).medianStepSeconds();
    }

    private static SpeedupNumbers speedup(OperatorPlan plan, MultiplePlan multiple, TrainedOperator trained,
            double verletStepSeconds, double operatorStepSeconds, double batchedStepSeconds,
            double trainingSimulationSeconds, int trainingTrajectories, int runs) {
        double ratio = multiple.multiple();
        long kickStart = OperatorSpeedup.kickStartSteps(plan.windowLength(), ratio);
        long total = kickStart + (long) multiple.horizon() * multiple.multiple();
        OperatorSpeedup single = new OperatorSpeedup(verletStepSeconds, operatorStepSeconds, total, kickStart, ratio);
        OperatorSpeedup batched = new OperatorSpeedup(verletStepSeconds, batchedStepSeconds, total, kickStart, ratio);
        OperatorSpeedup paperRun = new OperatorSpeedup(verletStepSeconds, operatorStepSeconds,
                Math.max(PAPER_RUN_STEPS, total), kickStart, ratio);
        double effective = single.effective(trainingSimulationSeconds, trained.trainingWallSeconds(), runs,
                trainingTrajectories);
        return new SpeedupNumbers(total, kickStart, single.speedup(), batched.speedup(), single.asymptoticSpeedup(),
                paperRun.speedup(), effective, breakEvenRuns(single, trainingSimulationSeconds,
                        trained.trainingWallSeconds(), trainingTrajectories));
    }

    /**
     * Returns the runs N after which the operator has paid for its training: the smallest N with
     * N T_seq + N_train T_seq >= N T_lookup + N_train (T_train + T_learn), from the effective speedup's terms.
     */
    private static double breakEvenRuns(OperatorSpeedup speedup, double trainingSimulationSeconds,
            double trainingWallSeconds, int trainingTrajectories) {
        double saved = speedup.verletRunSeconds() - speedup.operatorRunSeconds();
        if (saved <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double cost = trainingTrajectories * (trainingSimulationSeconds - speedup.verletRunSeconds())
                + trainingWallSeconds;
        return Math.max(0, Math.ceil(cost / saved));
    }

    private static ExampleTrajectory example(float[][] test, double[] parameters, float[][] rollout,
            OperatorSystem system, double[] rolloutTime, int stride) {
        int frames = (rollout.length - 1) * stride + 1;
        double[] verletTime = new double[frames];
        double[] verletEnergy = new double[frames];
        float[][] verlet = Arrays.copyOf(test, frames);
        for (int f = 0; f < frames; f++) {
            verletTime[f] = f * system.frameInterval();
            verletEnergy[f] = system.energy(parameters, verlet[f]);
        }
        double[] rolloutEnergy = new double[rollout.length];
        for (int f = 0; f < rollout.length; f++) {
            rolloutEnergy[f] = system.energy(parameters, rollout[f]);
        }
        return new ExampleTrajectory(verletTime, verlet, verletEnergy, rolloutTime, rollout, rolloutEnergy);
    }

    /** Returns the median, NaN when empty; a NaN value (a rollout that blew up) sorts last. */
    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : 0.5 * (sorted.get(middle - 1) + sorted.get(middle));
    }

    private static double relativeDrift(double energy, double initial) {
        return Math.abs(energy - initial) / Math.abs(initial);
    }

    private static double meanOfRollout(double[] series, int horizon) {
        double sum = 0;
        for (int f = series.length - horizon; f < series.length; f++) {
            sum += series[f];
        }
        return sum / horizon;
    }

    private static float[][][] stayAtLastFrame(float[][][] initial, int horizon) {
        float[][][] frames = new float[initial.length][][];
        for (int b = 0; b < initial.length; b++) {
            int w = initial[b].length;
            frames[b] = new float[w + horizon][];
            for (int f = 0; f < w + horizon; f++) {
                frames[b][f] = initial[b][Math.min(f, w - 1)];
            }
        }
        return frames;
    }
}
