package org.twinfold.ml.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinfold.ml.DjlEngine;
import org.twinfold.ml.train.StepContext;

/**
 * Unrolled training examples and their loss, against hand-computed values: a network that always
 * outputs 0 predicts the constant-velocity step, which is exact for a trajectory linear in time and off
 * by known amounts for x(t) = t^2.
 */
class UnrolledBatchesTest {
    private static final int WINDOW = 3;

    /** Returns one trajectory of 10 one-component frames x_t = t^2, t = 0 .. 9. */
    private static float[][][] parabola() {
        float[][] frames = new float[10][1];
        for (int t = 0; t < frames.length; t++) {
            frames[t][0] = t * t;
        }
        return new float[][][] {frames};
    }

    @Test
    void lossFeedsPredictionsBackIntoTheWindow() {
        // Inputs standardized with mean 5 and std 2, residuals with mean 0 and std 0.5: a residual error e
        // costs (e / 0.5)^2. The zero network predicts x^_{n+1} = 2 x_n - x_{n-1}, 2 below t^2 one step
        // ahead. Fed back, the second prediction 2 x^_{n+1} - x_n is 6 below, the third 12 below.
        Standardization frames = new Standardization(new double[] {5}, new double[] {2});
        Standardization residuals = new Standardization(new double[] {0}, new double[] {0.5});
        double[] expected = {16, (16 + 144) / 2.0, (16 + 144 + 576) / 3.0};
        DjlEngine.start();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int steps = 1; steps <= 3; steps++) {
                UnrolledBatches batches = new UnrolledBatches(parabola(), new int[] {0}, WINDOW, steps, 4, frames,
                        PredictionTarget.EXTRAPOLATION_CORRECTION, residuals);
                assertEquals(10 - WINDOW - steps + 1, batches.count(), "examples for " + steps + " steps");
                StepContext context = new StepContext(1, manager, new SplittableRandom(3),
                        inputs -> new NDList(manager.zeros(new Shape(inputs.get(0).getShape().get(0), 1))));
                NDList batch = batches.next(context);
                float loss = UnrolledBatches.loss(PredictionTarget.EXTRAPOLATION_CORRECTION, steps)
                        .compute(context, batch).getFloat();
                assertEquals(expected[steps - 1], loss, 1e-3, "loss over " + steps + " unrolled steps");
            }
        }
    }

    @Test
    void batchContainsWindowsAndFutures() {
        Standardization frames = new Standardization(new double[] {5}, new double[] {2});
        Standardization residuals = new Standardization(new double[] {2}, new double[] {0.5});
        DjlEngine.start();
        try (NDManager manager = NDManager.newBaseManager()) {
            UnrolledBatches batches = new UnrolledBatches(parabola(), new int[] {0}, WINDOW, 2, 5, frames,
                    PredictionTarget.EXTRAPOLATION_CORRECTION, residuals);
            NDList batch = batches.next(new StepContext(1, manager, new SplittableRandom(11), null));
            float[] windows = batch.get(0).toFloatArray();
            float[] futures = batch.get(1).toFloatArray();
            for (int i = 0; i < 5; i++) {
                // Scaled frames (t^2 - 5) / 2 give back t; the frames after the window continue the same t.
                double start = Math.sqrt(2 * windows[i * WINDOW] + 5);
                for (int f = 0; f < WINDOW; f++) {
                    assertEquals(((start + f) * (start + f) - 5) / 2, windows[i * WINDOW + f], 1e-4);
                }
                for (int k = 0; k < 2; k++) {
                    double t = start + WINDOW + k;
                    assertEquals((t * t - 5) / 2, futures[i * 2 + k], 1e-4);
                }
            }
            // factor = (1 / 2) * 0.5 and offset = (1 / 2) * 2 map a scaled residual to scaled frame units.
            assertArrayEquals(new float[] {0.25f}, batch.get(2).toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {1f}, batch.get(3).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void tooShortTrajectoriesAreNamed() {
        Standardization frames = new Standardization(new double[] {5}, new double[] {2});
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new UnrolledBatches(parabola(), new int[] {0}, WINDOW, 8, 4, frames,
                        PredictionTarget.NEXT_FRAME, null));
        assertTrue(error.getMessage().contains("11 frames"), error.getMessage());
    }

    @Test
    void optionsRejectNoiseAndZeroSteps() {
        IllegalArgumentException noise = assertThrows(IllegalArgumentException.class,
                () -> LstmOptions.builder().optRolloutSteps(3).optInputNoise(0.01).build());
        assertTrue(noise.getMessage().contains("inputNoise 0.01"), noise.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> LstmOptions.builder().optRolloutSteps(0).build());
        assertTrue(zero.getMessage().contains("rolloutSteps is 0"), zero.getMessage());
    }
}
