package org.twinfold.ml.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FrameWindowsTest {

    @Test
    void overlappingWindowsOfOneTrajectory() {
        // Frames 0..6 with d = 1 on the range [0, 6], so frame value f scales to f / 3 - 1.
        float[][][] trajectories = {IntStream.range(0, 7).mapToObj(f -> new float[] {f}).toArray(float[][]::new)};
        MinMaxScaling scaling = MinMaxScaling.fit(trajectories, new int[] {0});

        FrameWindows windows = FrameWindows.of(trajectories, new int[] {0}, 5, scaling);

        assertEquals(2, windows.count());
        assertArrayEquals(new float[] {-1f, -2f / 3, -1f / 3, 0f, 1f / 3}, Arrays.copyOfRange(windows.inputs(), 0, 5),
                1e-6f);
        assertArrayEquals(new float[] {-2f / 3, -1f / 3, 0f, 1f / 3, 2f / 3},
                Arrays.copyOfRange(windows.inputs(), 5, 10), 1e-6f);
        assertArrayEquals(new float[] {2f / 3, 1f}, windows.targets(), 1e-6f);
    }

    @Test
    void splitIsByTrajectoryEightyTwenty() {
        int[][] split = FrameWindows.split(10, 0.2, 3);

        assertEquals(8, split[0].length);
        assertEquals(2, split[1].length);
        int[] all = IntStream.concat(Arrays.stream(split[0]), Arrays.stream(split[1])).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 10).toArray(), all);
    }

    @Test
    void splitKeepsOneForTraining() {
        int[][] split = FrameWindows.split(1, 0.5, 3);

        assertArrayEquals(new int[] {0}, split[0]);
        assertEquals(0, split[1].length);
    }

    @Test
    void shortTrajectoryRejected() {
        float[][][] trajectories = {{{0f}, {1f}, {2f}, {3f}, {4f}}};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrameWindows.requireTrajectories(trajectories, 5));
        assertTrue(e.getMessage().startsWith("trajectory 0 has 5 frames"), e.getMessage());
    }

    @Test
    void nanFrameRejected() {
        float[][][] trajectories = {{{0f}, {1f}, {2f}, {3f}, {4f}, {5f}}, {{0f}, {1f}, {Float.NaN}, {3f}, {4f}, {5f}}};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrameWindows.requireTrajectories(trajectories, 5));
        assertTrue(e.getMessage().startsWith("trajectory 1 frame 2 contains NaN at component 0"), e.getMessage());
    }
}
