package org.twinfold.sim.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Task;
import org.twinfold.core.Tasks;

class Md1dTaskTest {

    @Test
    void presetsAreTheReferenceSystems() {
        Task task = Tasks.byName("md-1d");
        assertTrue(task.deterministic());
        assertEquals("lstm", task.surrogateFamily());
        assertEquals(List.of("harmonic", "lj-pair", "double-well", "rugged"),
                task.presets().stream().map(p -> p.name()).toList());
        assertEquals(Potential1d.LENNARD_JONES, ((Potential1dGenerator) task.simulator("lj-pair")).system());
        assertEquals(Potential1d.RUGGED, ((Potential1dGenerator) task.simulator("rugged")).system());
        Potential1dGenerator harmonic = (Potential1dGenerator) task.simulator();
        assertEquals(Potential1d.HARMONIC, harmonic.system());
        assertEquals(1001, harmonic.frames());
        assertEquals(0.1, harmonic.frameInterval(), 1e-12);
    }

    @Test
    void observablesOfAnOscillatorRun() {
        // m = 1, k = 1, x0 = -2: x(t) = -2 cos t, E = 2 throughout; over t = 100 x spans [-2, 2].
        Potential1dGenerator generator = (Potential1dGenerator) new Md1dTask().simulator("harmonic");
        SampleBatch batch = generator.generate(List.of(ParameterPoint.of(1.0, 1.0, -2.0)), new long[] {0});
        Md1dTask task = new Md1dTask();

        assertEquals(0, task.observables().get(0).function().apply(batch, 0), 1e-5, "energy drift");
        // The kinetic energy 2 sin^2 t averages to 1 over many periods.
        assertEquals(1, task.observables().get(1).function().apply(batch, 0), 0.02, "mean kinetic energy");
        assertEquals(4, task.observables().get(2).function().apply(batch, 0), 1e-3, "position range");
    }
}
