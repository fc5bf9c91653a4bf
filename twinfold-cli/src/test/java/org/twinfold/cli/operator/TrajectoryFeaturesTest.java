package org.twinfold.cli.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;
import org.twinfold.sim.md.Container;
import org.twinfold.sim.md.FrameEnergy;
import org.twinfold.sim.md.LennardJones;

class TrajectoryFeaturesTest {

    @Test
    void unwrapsPositionsAcrossTheCubeFaces() {
        // One particle in a cube of side 10 moving +0.3 per frame in x: 4.7, wrapped -5.0 (= 5.0), -4.7.
        Schema schema = Schema.of(new Field("positions", List.of(3, 1, 3), ElementType.FLOAT32, "sigma", "r"),
                new Field("velocities", List.of(3, 1, 3), ElementType.FLOAT32, "sigma/tau", "v"));
        SampleBatch batch = SampleBatch.builder(schema, 1)
                .put("positions", new float[] {4.7f, 1, -2, -5.0f, 1, -2, -4.7f, 1, -2})
                .put("velocities", new float[] {3, 0, 0, 3, 0, 0, 3, 0, 0})
                .build();

        float[][][] frames = TrajectoryFeatures.of(batch, 10);

        assertArrayEquals(new float[] {4.7f, 1, -2, 3, 0, 0}, frames[0][0]);
        assertArrayEquals(new float[] {5.0f, 1, -2, 3, 0, 0}, frames[0][1], 1e-5f);
        assertArrayEquals(new float[] {5.3f, 1, -2, 3, 0, 0}, frames[0][2], 1e-5f);
        assertArrayEquals(new float[] {5.3f, 1, -2}, TrajectoryFeatures.positions(frames[0][2]), 1e-5f);
        float[][][] every2 = TrajectoryFeatures.subsample(frames, 2, 10);
        assertEquals(2, every2[0].length);
        assertEquals(frames[0][2], every2[0][1]);
    }

    @Test
    void frameEnergyOfAPairAtTheMinimumUsesTheMinimumImage() {
        // u(r) = 4 eps (r^-12 - r^-6) - u(2.5) with eps = 2: u(2^(1/6)) = -2 + 0.0326341, as unwrapped pair
        // positions 4.5 and 14.5 + 2^(1/6) - 10 apart by one cube side.
        double r = Math.pow(2, 1.0 / 6);
        double shift = 8 * (Math.pow(2.5, -12) - Math.pow(2.5, -6));
        float[] positions = {4.5f, 0, 0, (float) (4.5 + r + 10), 0, 0};
        float[] velocities = {1, 0, 0, 0, 2, 0};
        double energy = FrameEnergy.total(LennardJones.reference(), Container.periodicCube(10), 3, positions,
                velocities);
        // K = 3 / 2 (1 + 4) = 7.5.
        assertEquals(7.5 - 2 - shift, energy, 1e-5);
    }

    @Test
    void planRejectsAMultipleBetweenSavedFrames() {
        MultiplePlan odd = new MultiplePlan(250, 20, 5, 10, 8, 1e-3);
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new OperatorPlan("t", "t", OperatorPlan.LENNARD_JONES, 3, 10_000, 100, 4, 1, 5, 8,
                        OperatorInputs.POSITIONS_VELOCITIES, OperatorTarget.CONSTANT_VELOCITY_CORRECTION, 0, 1, List.of(odd)));
        assertEquals(true, error.getMessage().contains("unknown multiple 250"), error.getMessage());
    }
}
