package org.twinfold.ml.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.ml.train.LearningRateSchedule;
import org.twinfold.ml.train.TrainingConfig;

/**
 * Step times of the reference-size operator (d = 48, i.e. 16 particles in 3-D, two LSTM layers of 64):
 * one training step at batch 128 and one rollout step at batch 1 and 128. It is off by default, so run it with
 * {@code mvn -o -pl twinfold-core,twinfold-ml test -Dtest=LstmOperatorBenchmark -Dtwinfold.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. The frames are smooth random curves, since only the time
 * matters here.
 */
@EnabledIfSystemProperty(named = "twinfold.bench", matches = "true")
class LstmOperatorBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(LstmOperatorBenchmark.class);
    private static final int D = 48;
    private static final int WARMUP_STEPS = 20;
    private static final int TIMED_STEPS = 200;

    @Test
    void stepTimes() {
        float[][][] trajectories = smoothCurves(20, 60, 1);
        List<Long> stepNanos = new ArrayList<>();
        TrainingConfig config = TrainingConfig.builder().setTotalSteps(WARMUP_STEPS + TIMED_STEPS).setSeed(1)
                .setSchedule(LearningRateSchedule.constant(1e-3)).optEmaDecay(0.999).build();

        LstmTraining trained = LstmOperator.train(trajectories, LstmOptions.builder().build(), config, null,
                report -> stepNanos.add(System.nanoTime()));
        try (LstmOperator operator = trained.operator()) {
            assertEquals(65_584, operator.parameterCount());
            double trainingStepSeconds = medianInterval(stepNanos.subList(WARMUP_STEPS - 1, stepNanos.size()));
            float[][][] windows = HarmonicOscillator.firstFrames(smoothCurves(128, 5, 2), 5);
            Rollout.run(operator, windows, 20);
            RolloutResult single = Rollout.run(operator, new float[][][] {windows[0]}, 200);
            RolloutResult batched = Rollout.run(operator, windows, 200);
            LOG.info("d = {}, {} parameters (Keras convention {}): training step at batch 128 {} ms; rollout step"
                    + " {} ms at batch 1, {} ms at batch 128 ({} ms per trajectory)", D, operator.parameterCount(),
                    operator.architecture().kerasParameterCount(), trainingStepSeconds * 1e3,
                    single.medianStepSeconds() * 1e3, batched.medianStepSeconds() * 1e3,
                    batched.stepSecondsPerTrajectory() * 1e3);
        }
    }

    /** Returns (count, frames, D) curves sum_j a_j sin(w_j t + p_j) with random a, w and p per component. */
    private static float[][][] smoothCurves(int count, int frames, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][][] curves = new float[count][frames][D];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < D; k++) {
                double amplitude = random.nextDouble(0.5, 3);
                double frequency = random.nextDouble(0.05, 0.5);
                double phase = random.nextDouble(0, 2 * Math.PI);
                for (int f = 0; f < frames; f++) {
                    curves[i][f][k] = (float) (amplitude * Math.sin(frequency * f + phase));
                }
            }
        }
        return curves;
    }

    /** Returns the median interval between consecutive timestamps, in seconds. */
    private static double medianInterval(List<Long> nanos) {
        double[] intervals = new double[nanos.size() - 1];
        for (int i = 1; i < nanos.size(); i++) {
            intervals[i - 1] = (nanos.get(i) - nanos.get(i - 1)) * 1e-9;
        }
        Arrays.sort(intervals);
        return intervals[intervals.length / 2];
    }
}
