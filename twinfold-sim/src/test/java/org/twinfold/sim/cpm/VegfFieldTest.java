package org.twinfold.sim.cpm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VegfFieldTest {

    @Test
    void diffusionConservesMass() {
        VegfField field = new VegfField(17, 13, 1.0, 5);
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(3);
        float[] initial = new float[17 * 13];
        for (int i = 0; i < initial.length; i++) {
            initial[i] = (float) (10 * random.nextDouble());
        }
        field.set(initial);
        double before = sum(field.values());
        float[] zero = new float[initial.length];
        for (int mcs = 0; mcs < 100; mcs++) {
            field.advance(zero, zero);
        }
        // float32 rounding: about 1e-7 relative per update, accumulated over 500 sub-steps.
        assertEquals(before, sum(field.values()), 1e-4 * before);
    }

    @Test
    void uniformFieldDecaysExponentially() {
        double decay = 0.3;
        int substeps = 5;
        int width = 9;
        VegfField field = new VegfField(width, width, 1.0, substeps);
        float[] initial = new float[width * width];
        java.util.Arrays.fill(initial, 2f);
        field.set(initial);
        float[] source = new float[initial.length];
        float[] rate = new float[initial.length];
        java.util.Arrays.fill(rate, (float) (decay / substeps));

        int mcs = 10;
        for (int i = 0; i < mcs; i++) {
            field.advance(source, rate);
        }
        // Forward Euler gives (1 - k/n)^(n t) exactly; it differs from exp(-k t) by about k^2 t / (2n).
        double euler = 2 * Math.pow(1 - decay / substeps, substeps * mcs);
        double exact = 2 * Math.exp(-decay * mcs);
        for (float value : field.values()) {
            assertEquals(euler, value, 1e-5 * euler);
            assertEquals(exact, value, exact * (decay * decay * mcs / (2 * substeps)) * 1.1);
        }
    }

    @Test
    void unstableSubstepsAreRejected() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CpmParameters.builder().vegf(1.0, 0.1, 0.6).pdeSubsteps(3).build());
        assertEquals(5, CpmParameters.substepsFor(1.0));
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float value : values) {
            total += value;
        }
        return total;
    }
}
