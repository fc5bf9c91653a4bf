package org.twinfold.ml.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrajectoryErrorsTest {

    @Test
    void threeDimensionalPositionErrorByHand() {
        // Two particles in 3-D; the frame ends with 6 velocity components that must be ignored.
        float[][] reference = {{0, 0, 0, 1, 1, 1, 9, 9, 9, 9, 9, 9}};
        float[][] rollout = {{3, 4, 0, 1, 1, 2, 0, 0, 0, 0, 0, 0}};

        // (|(3, 4, 0)| + |(0, 0, 1)|) / 2 = (5 + 1) / 2 = 3.
        assertArrayEquals(new double[] {3.0}, TrajectoryErrors.positionError(reference, rollout, 2, 3), 1e-12);
    }

    @Test
    void oneDimensionalErrorIsAbsoluteDifference() {
        float[][] reference = {{1f}, {2f}, {-1f}};
        float[][] rollout = {{1f}, {2.5f}, {1f}};

        assertArrayEquals(new double[] {0, 0.5, 2}, TrajectoryErrors.positionError(reference, rollout, 1, 1), 1e-12);
    }

    @Test
    void meanOverInitialConditions() {
        float[][][] references = {{{0f}, {0f}}, {{0f}, {0f}}};
        float[][][] rollouts = {{{1f}, {2f}}, {{3f}, {0f}}};

        assertArrayEquals(new double[] {2, 1}, TrajectoryErrors.meanPositionError(references, rollouts, 1, 1), 1e-12);
    }

    @Test
    void energyDriftByHand() {
        float[][] frames = {{2f}, {2.2f}, {1.8f}};

        double[] drift = TrajectoryErrors.energyDrift(frames, frame -> frame[0]);

        assertArrayEquals(new double[] {0, 0.1, -0.1}, drift, 1e-6);
    }

    @Test
    void zeroInitialEnergyRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> TrajectoryErrors.energyDrift(new float[][] {{0f}}, frame -> frame[0]));
    }

    @Test
    void tooFewComponentsRejected() {
        float[][] frames = {{0f, 0f}};
        assertThrows(IllegalArgumentException.class, () -> TrajectoryErrors.positionError(frames, frames, 1, 3));
    }

    @Test
    void meanOfSeries() {
        assertEquals(2.0, TrajectoryErrors.mean(new double[] {1, 2, 3}), 1e-15);
    }
}
