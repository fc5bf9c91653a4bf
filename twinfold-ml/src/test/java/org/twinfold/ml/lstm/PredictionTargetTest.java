package org.twinfold.ml.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionTargetTest {
    // x_n = n^2: constant acceleration, so the second difference is 2 everywhere.
    private static final float[][][] PARABOLA = {{{0f}, {1f}, {4f}, {9f}, {16f}, {25f}}};

    @Test
    void basesOfEachTarget() {
        float[][] frames = PARABOLA[0];

        assertEquals(0, PredictionTarget.NEXT_FRAME.base(frames, 3, 0));
        assertEquals(9, PredictionTarget.INCREMENT.base(frames, 3, 0));
        assertEquals(14, PredictionTarget.EXTRAPOLATION_CORRECTION.base(frames, 3, 0));
    }

    @Test
    void correctionResidualsOfParabolaAreTwo() {
        List<float[]> residuals = new ArrayList<>();
        InputFrames inputs = new InputFrames(MinMaxScaling.fit(PARABOLA, new int[] {0}), null, null);
        FrameWindows.residuals(PARABOLA, null, new int[] {0}, 2, inputs, PredictionTarget.EXTRAPOLATION_CORRECTION)
                .forEach(residuals::add);

        assertEquals(4, residuals.size());
        for (float[] residual : residuals) {
            assertArrayEquals(new float[] {2f}, residual);
        }
    }

    @Test
    void windowTargetsAreScaledResiduals() {
        Standardization residualScaling = new Standardization(new double[] {1}, new double[] {0.5});
        MinMaxScaling inputs = MinMaxScaling.fit(PARABOLA, new int[] {0});

        FrameWindows windows = FrameWindows.of(PARABOLA, new int[] {0}, 3, inputs,
                PredictionTarget.EXTRAPOLATION_CORRECTION, residualScaling);

        assertEquals(3, windows.count());
        assertArrayEquals(new float[] {2f, 2f, 2f}, windows.targets());
    }

    @Test
    void correctionNeedsTwoFrames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LstmOptions.builder()
                .optWindowLength(1).optTarget(PredictionTarget.EXTRAPOLATION_CORRECTION).build());
        assertTrue(e.getMessage().contains("at least 2 frames"), e.getMessage());
    }
}
