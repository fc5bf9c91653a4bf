package org.twinfold.sim.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinfold.core.Generator;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Task;
import org.twinfold.core.Tasks;

class MdTaskTest {

    @Test
    void taskIsRegistered() {
        Task task = Tasks.byName("md-lj");
        assertFalse(task.deterministic());
        assertEquals(List.of("quick", "paper"), task.presets().stream().map(p -> p.name()).toList());
    }

    @Test
    void mdLstmIsTheSameSystem() {
        Task alias = Tasks.byName("md-lstm");
        Task system = Tasks.byName("md-lj");

        assertEquals("md-lstm", alias.name());
        assertEquals(system.presets(), alias.presets());
        assertEquals(system.simulator("quick").info(), alias.simulator("quick").info());
        assertEquals("lstm", alias.surrogateFamily());
    }

    @Test
    void presetsSizeTheRun() {
        MdTask task = new MdTask();
        LennardJonesGenerator quick = (LennardJonesGenerator) task.simulator("quick");
        LennardJonesGenerator paper = (LennardJonesGenerator) task.simulator("paper");
        assertEquals(201, quick.frames());
        assertEquals(20_001, paper.frames());
        assertEquals(0.1, paper.frameInterval(), 1e-12);
        assertEquals("2000000", paper.info().settings().get("totalSteps"));
    }

    @Test
    void observablesOfHandMadeBatch() {
        // Two frames of two particles: energies (K, U, E) = (0, -3, -3) then (1, -3.5, -2.5).
        Generator generator = LennardJonesGenerator.builder().particles(2).totalSteps(1).saveInterval(1).build();
        SampleBatch batch = SampleBatch.builder(generator.schema(), 1)
                .put("positions", new float[] {0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 4, 0})
                .put("velocities", new float[12])
                .put("energy", new double[] {0, -3, -3, 1, -3.5, -2.5})
                .build();

        MdTask task = new MdTask();
        assertEquals(0.25, task.observables().get(0).function().apply(batch, 0), 1e-12);
        assertEquals(0.25, task.observables().get(1).function().apply(batch, 0), 1e-12);
        // sqrt((9 + 16) / 2)
        assertEquals(Math.sqrt(12.5), task.observables().get(2).function().apply(batch, 0), 1e-6);
    }

    @Test
    void quickSimulatorRuns() {
        Generator generator = new MdTask().simulator("quick");
        SampleBatch batch = generator.generate(List.of(ParameterPoint.of(4.0)), new long[] {42});
        double drift = new MdTask().observables().get(0).function().apply(batch, 0);
        assertTrue(Math.abs(drift) < 1e-3, "energy drift per particle " + drift);
    }
}
