package org.twinfold.sim.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PairAccelerationsTest {
    private static final PairAccelerations TWO_IN_CUBE =
            new PairAccelerations(LennardJones.reference(), Container.periodicCube(10.0), 2);

    @Test
    void pairAtSigmaPushesApart() {
        // At r = sigma the force is 24 epsilon / sigma = 48 (epsilon 2), so with m = 2 each particle
        // accelerates at 24 away from the other. Two leading values are padding to check the offset.
        float[] positions = {0.5f, 0, 0, -0.5f, 0, 0};
        float[] out = new float[8];

        TWO_IN_CUBE.compute(positions, 2.0, out, 2);

        float[] expected = {0, 0, 24, 0, 0, -24, 0, 0};
        for (int k = 0; k < out.length; k++) {
            assertEquals(expected[k], out[k], 1e-5, "value " + k);
        }
    }

    @Test
    void unwrappedPairUsesMinimumImage() {
        // 11 apart as unwrapped, 1 apart through the face at x = +-5 in the cube of side 10.
        float[] positions = {4.5f, 0, 0, 15.5f, 0, 0, 99, 99, 99};
        float[] out = new float[6];

        TWO_IN_CUBE.compute(positions, 4.0, out, 0);

        assertEquals(-12, out[0], 1e-5);
        assertEquals(12, out[3], 1e-5);
        assertEquals(0, out[1]);
        assertEquals(0, out[5]);
    }

    @Test
    void pairBeyondCutoffHasNoAcceleration() {
        float[] positions = {0, 0, 0, 0, 2.6f, 0};
        float[] out = new float[6];

        TWO_IN_CUBE.compute(positions, 1.0, out, 0);

        for (int k = 0; k < out.length; k++) {
            assertEquals(0, out[k], "value " + k);
        }
    }

    @Test
    void invalidMassIsRejected() {
        float[] positions = new float[6];
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TWO_IN_CUBE.compute(positions, 0, new float[6], 0));
        assertEquals("mass is 0.0; it must be finite and positive", error.getMessage());
    }

    @Test
    void shortFrameIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TWO_IN_CUBE.compute(new float[3], 1.0, new float[6], 0));
        assertEquals("positions have 3 values; 2 particles need 6", error.getMessage());
    }
}
