package org.twinfold.ml.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.ml.train.LearningRateSchedule;
import org.twinfold.ml.train.TrainingConfig;

/**
 * Learns the operator of x'' = -x at Delta_R = 0.1 = 100 Verlet steps from exact (x, v) trajectories
 * and rolls it out for 200 steps (t = 20, about three periods) from initial conditions outside the
 * training set.
 *
 * <p>NOTE: the 1,000 training steps take about 4 s on an idle 2-core machine, but 1 to 5 minutes when
 * other processes load the cores, because libtorch's two intra-op threads then wait on each other.
 */
class HarmonicOperatorTest {
    private static final Logger LOG = LoggerFactory.getLogger(HarmonicOperatorTest.class);
    private static final int STEPS = 1000;
    private static final int ROLLOUT_STEPS = 200;
    private static final int WINDOW = 5;

    @TempDir
    Path folder;

    @Test
    void rolloutTracksExactSolution() throws Exception {
        float[][][] training = HarmonicOscillator.trajectories(64, 80, true, 1);
        float[][][] test = HarmonicOscillator.trajectories(16, WINDOW + ROLLOUT_STEPS, true, 99);
        float[][][] initial = HarmonicOscillator.firstFrames(test, WINDOW);
        LstmOptions options = LstmOptions.builder().optHiddenSize(32).optBatchSize(64).build();
        TrainingConfig config = TrainingConfig.builder().setTotalSteps(STEPS).setSeed(7)
                .setSchedule(LearningRateSchedule.warmupCosine(1e-2, 20, STEPS, 1e-4)).optEmaDecay(0.98)
                .optCheckpointEvery(STEPS).build();

        LstmTraining trained = LstmOperator.train(training, options, config, folder, report -> { });
        RolloutResult rollout;
        try (LstmOperator operator = trained.operator()) {
            assertEquals(options.architecture(2).pytorchParameterCount(), operator.parameterCount());
            rollout = Rollout.run(operator, initial, ROLLOUT_STEPS);
        }

        double[] error = TrajectoryErrors.meanPositionError(test, rollout.frames(), 1, 1);
        double[] trivialError = TrajectoryErrors.meanPositionError(test, repeatLastFrame(initial, ROLLOUT_STEPS), 1, 1);
        double[] drift = absoluteEnergyDrift(rollout.frames());
        LOG.info("validation MSE {} (scaled), mean position error {}, final {}, repeat-last-frame {},"
                + " |dE/E0| mean {} max {}", trained.validationMeanSquaredError(), TrajectoryErrors.mean(error),
                error[error.length - 1], TrajectoryErrors.mean(trivialError), drift[0], drift[1]);
        logSpeedup(rollout, trained.result().trainingWallSeconds());

        // Repeating the last frame gives 0.72 here (amplitudes 0.5 to 1.5 over three periods). With seed 7
        // and 2 threads the operator measured 0.036 (0.068 at t = 20), from a validation MSE of 5e-6 in
        // scaled units, i.e. a one-step error near 1e-3 in x that adds up, mostly as phase, over 200 steps.
        // The limit 0.1 leaves a factor near three for other thread counts and libtorch builds and is still
        // seven times below the trivial predictor.
        assertTrue(TrajectoryErrors.mean(trivialError) > 0.6, "repeat-last-frame error "
                + TrajectoryErrors.mean(trivialError));
        assertTrue(TrajectoryErrors.mean(error) < 0.1, "mean position error " + TrajectoryErrors.mean(error));
        // E = A^2 / 2, so a relative amplitude error a gives |dE/E0| near 2a; measured mean 0.11 (max 0.37,
        // on the smallest amplitudes). The limit 0.25 fails an operator whose amplitude is off by 12 %.
        assertTrue(drift[0] < 0.25, "mean |dE/E0| " + drift[0]);

        try (LstmOperator loaded = LstmOperator.load(folder)) {
            RolloutResult again = Rollout.run(loaded, initial, ROLLOUT_STEPS);
            for (int b = 0; b < initial.length; b++) {
                for (int f = 0; f < WINDOW + ROLLOUT_STEPS; f++) {
                    assertArrayEquals(rollout.frames()[b][f], again.frames()[b][f], "trajectory " + b + " frame " + f);
                }
            }
        }
    }

    private static float[][][] repeatLastFrame(float[][][] initial, int steps) {
        float[][][] frames = new float[initial.length][WINDOW + steps][];
        for (int b = 0; b < initial.length; b++) {
            for (int f = 0; f < WINDOW + steps; f++) {
                frames[b][f] = initial[b][Math.min(f, WINDOW - 1)];
            }
        }
        return frames;
    }

    /** Returns {mean, max} of |dE/E0| over all trajectories and frames. */
    private static double[] absoluteEnergyDrift(float[][][] frames) {
        double sum = 0;
        double max = 0;
        int count = 0;
        for (float[][] trajectory : frames) {
            for (double drift : TrajectoryErrors.energyDrift(trajectory, HarmonicOscillator::energy)) {
                sum += Math.abs(drift);
                max = Math.max(max, Math.abs(drift));
                count++;
            }
        }
        return new double[] {sum / count, max};
    }

    /** Logs S_p for this rollout's physical time, with t_V from timed Verlet steps of the same oscillator. */
    private static void logSpeedup(RolloutResult rollout, double trainingSeconds) {
        int verletSteps = 2_000_000;
        double[] state = {1, 0};
        long start = System.nanoTime();
        for (int i = 0; i < verletSteps; i++) {
            HarmonicOscillator.verletStep(state);
        }
        double verletStepSeconds = (System.nanoTime() - start) * 1e-9 / verletSteps;

        double ratio = HarmonicOscillator.OPERATOR_STEP / HarmonicOscillator.VERLET_STEP;
        long totalSteps = Math.round((WINDOW - 1 + ROLLOUT_STEPS) * ratio);
        OperatorSpeedup speedup = new OperatorSpeedup(verletStepSeconds, rollout.stepSecondsPerTrajectory(), totalSteps,
                OperatorSpeedup.kickStartSteps(WINDOW, ratio), ratio);
        LOG.info("t_V {} s (x = {}), t_R {} s per trajectory, S_p {}, limit {}, effective over 1e6 runs {}",
                verletStepSeconds, state[0], rollout.stepSecondsPerTrajectory(), speedup.speedup(),
                speedup.asymptoticSpeedup(), speedup.effective(verletStepSeconds * 80 * ratio, trainingSeconds,
                        1_000_000, 64));
    }
}
