package org.twinfold.ml.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MinMaxScalingTest {
    // Two trajectories of two frames, d = 2; component 1 is constant in trajectory 0.
    private static final float[][][] TRAJECTORIES = {
        {{-2f, 5f}, {6f, 5f}},
        {{100f, -100f}, {0f, 0f}},
    };

    @Test
    void fitUsesOnlySelectedTrajectories() {
        MinMaxScaling scaling = MinMaxScaling.fit(TRAJECTORIES, new int[] {0});

        assertArrayEquals(new double[] {-2, 5}, scaling.min());
        assertArrayEquals(new double[] {6, 5}, scaling.max());
    }

    @Test
    void rangeMapsToMinusOneToOne() {
        MinMaxScaling scaling = MinMaxScaling.fit(TRAJECTORIES, new int[] {0});

        assertEquals(-1f, scaling.scale(-2f, 0));
        assertEquals(1f, scaling.scale(6f, 0));
        assertEquals(0f, scaling.scale(2f, 0));
        // Zero spread: spread 2, so x - min - 1.
        assertEquals(-1f, scaling.scale(5f, 1));
    }

    @Test
    void scaleUnscaleRoundTrip() {
        MinMaxScaling scaling = MinMaxScaling.fit(TRAJECTORIES, new int[] {0, 1});
        float[] frames = {-2f, 5f, 6f, 5f, 100f, -100f, 0.37f, -3.1f};
        float[] scaled = frames.clone();

        scaling.scaleInPlace(scaled);
        float[][] back = scaling.unscale(scaled);

        for (int i = 0; i < frames.length; i++) {
            assertEquals(frames[i], back[i / 2][i % 2], 1e-5 * Math.max(1, Math.abs(frames[i])), "value " + i);
        }
    }

    @Test
    void jsonRoundTrip() {
        MinMaxScaling scaling = MinMaxScaling.fit(TRAJECTORIES, new int[] {0, 1});

        MinMaxScaling read = MinMaxScaling.fromJson(scaling.toJson());

        assertArrayEquals(scaling.min(), read.min());
        assertArrayEquals(scaling.max(), read.max());
    }

    @Test
    void newerFormatRejected() {
        var json = MinMaxScaling.fit(TRAJECTORIES, new int[] {0}).toJson();
        json.put("formatVersion", MinMaxScaling.FORMAT_VERSION + 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MinMaxScaling.fromJson(json));
        assertTrue(e.getMessage().contains("format version 2"), e.getMessage());
    }
}
