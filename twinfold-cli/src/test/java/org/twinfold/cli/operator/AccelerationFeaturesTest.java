package org.twinfold.cli.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.twinfold.sim.md.Geometry;
import org.twinfold.sim.md.LennardJonesGenerator;

class AccelerationFeaturesTest {
    private static final LennardJonesGenerator TWO_PARTICLES = LennardJonesGenerator.builder().particles(2)
            .geometry(Geometry.PERIODIC_CUBE).totalSteps(100).saveInterval(100).build();

    @Test
    void pairAtSigmaGivesForceOverMass() {
        // Positions then velocities; the pair is sigma apart along y, where the reference force is
        // 24 epsilon / sigma = 48, so with mass 3 the particles accelerate at 16 away from each other.
        float[] frame = {0, 0.5f, 0, 0, -0.5f, 0, 7, 7, 7, -7, -7, -7};
        AccelerationFeatures features = AccelerationFeatures.of(TWO_PARTICLES);
        float[] out = new float[7];

        features.compute(frame, new double[] {3.0}, out, 1);

        float[] expected = {0, 0, 16, 0, 0, -16, 0};
        for (int k = 0; k < out.length; k++) {
            assertEquals(expected[k], out[k], 1e-5, "value " + k);
        }
        assertEquals(6, features.size());
        assertEquals(1, features.parameterCount());
    }

    @Test
    void verletStepOfFreePairIsStraightLine() {
        // 3 sigma apart, beyond the cutoff, so the step is x + v h with unchanged velocities.
        float[] frame = {0, 0, 0, 3, 0, 0, 1, 2, 0, 0, 0, -1};
        double[] out = new double[12];

        AccelerationFeatures.withVerletStep(TWO_PARTICLES, 0.1).step(frame, new double[] {2.0}, out);

        double[] expected = {0.1, 0.2, 0, 3, 0, -0.1, 1, 2, 0, 0, 0, -1};
        for (int k = 0; k < out.length; k++) {
            assertEquals(expected[k], out[k], 1e-6, "value " + k);
        }
    }

    @Test
    void verletStepMovesRepellingPair() {
        // At rest sigma apart with mass 2: a = +-24 along x, so x moves by a h^2 / 2 = 0.12 with h = 0.1.
        float[] frame = {0.5f, 0, 0, -0.5f, 0, 0, 0, 0, 0, 0, 0, 0};
        double[] out = new double[12];
        AccelerationFeatures features = AccelerationFeatures.withVerletStep(TWO_PARTICLES, 0.1);

        features.step(frame, new double[] {2.0}, out);

        assertEquals(0.62, out[0], 1e-6);
        assertEquals(-0.62, out[3], 1e-6);
        // v' = (a + a(x')) h / 2, with a(x') at separation 1.24 from the same pair force.
        float[] after = new float[6];
        features.compute(new float[] {0.62f, 0, 0, -0.62f, 0, 0, 0, 0, 0, 0, 0, 0}, new double[] {2.0}, after, 0);
        assertEquals(0.05 * (24 + after[0]), out[6], 1e-5);
        assertEquals(-out[6], out[9], 1e-6);
        assertTrue(features.hasStep());
        assertEquals(0.1, features.toJson().path("verletStep").asDouble());
    }

    @Test
    void descriptionRebuildsSameFeatures() {
        AccelerationFeatures features = AccelerationFeatures.of(TWO_PARTICLES);
        ObjectNode description = features.toJson();

        AccelerationFeatures rebuilt = AccelerationFeatures.fromJson(description);
        ObjectNode stepDescription = AccelerationFeatures.withVerletStep(TWO_PARTICLES, 0.4).toJson();

        assertEquals(description, rebuilt.toJson());
        assertEquals(stepDescription, AccelerationFeatures.fromJson(stepDescription).toJson());
        assertEquals("periodic", description.path("geometry").asText());
        assertEquals(2.5, description.path("cutoff").asDouble());
    }

    @Test
    void otherKindRejected() {
        ObjectNode description = AccelerationFeatures.of(TWO_PARTICLES).toJson().put("kind", "coulomb");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AccelerationFeatures.fromJson(description));
        assertTrue(error.getMessage().startsWith("unknown operator features 'coulomb'"), error.getMessage());
    }

    @Test
    void frameOfOtherSystemRejected() {
        AccelerationFeatures features = AccelerationFeatures.of(TWO_PARTICLES);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> features.compute(new float[9], new double[] {1.0}, new float[6], 0));
        assertEquals("frame has 9 values; 2 particles need 12 (positions then velocities)", error.getMessage());
    }
}
