package org.twinfold.sim.md;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;

class GeneratorTest {
    private static final LennardJonesGenerator SHORT = LennardJonesGenerator.builder()
            .totalSteps(2000)
            .saveInterval(100)
            .build();

    @Test
    void schemaShapes() {
        assertEquals(21, SHORT.frames());
        assertEquals(List.of(21, 16, 3), SHORT.schema().field("positions").shape());
        assertEquals(List.of(21, 16, 3), SHORT.schema().field("velocities").shape());
        assertEquals(List.of(21, 3), SHORT.schema().field("energy").shape());
        assertEquals("2.0", SHORT.info().settings().get("epsilon"));
        assertEquals("periodic", SHORT.info().settings().get("geometry"));
    }

    @Test
    void sameSeedGivesIdenticalArrays() {
        List<ParameterPoint> points = List.of(ParameterPoint.of(3.0), ParameterPoint.of(7.5));
        SampleBatch first = SHORT.generate(points, new long[] {5, 6});
        SampleBatch second = SHORT.generate(points, new long[] {5, 6});

        assertArrayEquals(first.floats("positions"), second.floats("positions"));
        assertArrayEquals(first.floats("velocities"), second.floats("velocities"));
        assertArrayEquals(first.doubles("energy"), second.doubles("energy"));
    }

    @Test
    void sampleDependsOnlyOnItsPointAndSeed() {
        SampleBatch pair = SHORT.generate(List.of(ParameterPoint.of(3.0), ParameterPoint.of(7.5)), new long[] {5, 6});
        SampleBatch single = SHORT.generate(List.of(ParameterPoint.of(7.5)), new long[] {6});
        int perSample = single.floats("positions").length;
        float[] second = Arrays.copyOfRange(pair.floats("positions"), perSample, 2 * perSample);
        assertArrayEquals(single.floats("positions"), second);
    }

    @Test
    void differentSeedsGiveDifferentStarts() {
        SampleBatch batch = SHORT.generate(List.of(ParameterPoint.of(2.0), ParameterPoint.of(2.0)), new long[] {1, 2});
        int perSample = batch.floats("positions").length / 2;
        float[] positions = batch.floats("positions");
        assertFalse(Arrays.equals(Arrays.copyOfRange(positions, 0, perSample),
                Arrays.copyOfRange(positions, perSample, 2 * perSample)));
    }

    @Test
    void parallelCallsMatchSequential() throws Exception {
        List<ParameterPoint> points = List.of(ParameterPoint.of(1.5));
        float[] expected = SHORT.generate(points, new long[] {9}).floats("positions");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<SampleBatch> a = pool.submit(() -> SHORT.generate(points, new long[] {9}));
            Future<SampleBatch> b = pool.submit(() -> SHORT.generate(points, new long[] {9}));
            assertArrayEquals(expected, a.get().floats("positions"));
            assertArrayEquals(expected, b.get().floats("positions"));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void startsAtRestInRangeAndApart() {
        for (long seed = 0; seed < 20; seed++) {
            LennardJonesSystem system = SHORT.initialSystem(1.0, seed);
            double[] position = system.positions();
            assertTrue(InitialPositions.minimumSeparation(position, system.container()) >= 1.0,
                    "seed " + seed + " placed two particles closer than sigma");
            for (double x : position) {
                assertTrue(Math.abs(x) <= 3.0, "seed " + seed + " placed a coordinate at " + x);
            }
            assertEquals(0.0, system.kineticEnergy(), 0.0);
        }
    }

    @Test
    void impossiblePlacementIsRejected() {
        Container cube = Container.periodicCube(10.0);
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> InitialPositions.random(30, 0.5, 1.0, cube, new SplittableRandom(1)));
        assertTrue(error.getMessage().contains("lower the particle count"), error.getMessage());
    }

    @Test
    void invalidSettingsAreRejected() {
        IllegalArgumentException cutoff = assertThrows(IllegalArgumentException.class,
                () -> LennardJonesGenerator.builder().containerSize(4.0).initialHalfWidth(1.0).build());
        assertTrue(cutoff.getMessage().contains("exceeds half the cube side"), cutoff.getMessage());

        IllegalArgumentException sphere = assertThrows(IllegalArgumentException.class,
                () -> LennardJonesGenerator.builder().geometry(Geometry.REFLECTING_SPHERE).containerSize(5.0).build());
        assertTrue(sphere.getMessage().contains("outside the sphere"), sphere.getMessage());

        IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
                () -> LennardJonesGenerator.builder().totalSteps(1000).saveInterval(300).build());
        assertTrue(interval.getMessage().contains("must divide"), interval.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> SHORT.generate(List.of(ParameterPoint.of(0.5)), new long[] {1}));
    }

    @Test
    void oneDimensionalSystemsStayBounded() {
        for (Potential1d system : Potential1d.values()) {
            Potential1dGenerator generator = new Potential1dGenerator(system, 0.001, 20_000, 100);
            double[] values = system.parameterSpace().parameters().stream()
                    .mapToDouble(p -> 0.5 * (p.min() + p.max())).toArray();
            SampleBatch batch = generator.generate(List.of(ParameterPoint.of(values)), new long[] {0});

            double[] energy = batch.doubles("energy");
            double initial = energy[2];
            for (int frame = 0; frame < generator.frames(); frame++) {
                assertEquals(initial, energy[3 * frame + 2], 1e-3 * Math.max(1.0, Math.abs(initial)),
                        system + " total energy at frame " + frame);
            }
            assertEquals(List.of(201, 1), generator.schema().field("positions").shape());
            assertEquals(values[values.length - 1], batch.floats("positions")[0], 1e-6);
        }
    }
}
