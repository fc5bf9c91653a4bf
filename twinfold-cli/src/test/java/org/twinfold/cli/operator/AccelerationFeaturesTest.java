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
    void descriptionRebuildsSameFeatures() {
        AccelerationFeatures features = AccelerationFeatures.of(TWO_PARTICLES);
        ObjectNode description = features.toJson();

        AccelerationFeatures rebuilt = AccelerationFeatures.fromJson(description);

        assertEquals(description, rebuilt.toJson());
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
