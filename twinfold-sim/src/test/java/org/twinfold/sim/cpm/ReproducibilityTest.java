package org.twinfold.sim.cpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ReproducibilityTest {

    private static CpmSnapshot run(long seed) {
        CpmSimulation simulation = CpmPresets.comlekogluRun(5, 0.2, 32, 32, 50).start(seed);
        simulation.run(50);
        return simulation.snapshot();
    }

    @Test
    void sameSeedGivesSameLattice() throws Exception {
        CpmSnapshot first = run(11);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CpmSnapshot> a = pool.submit(() -> run(11));
            Future<CpmSnapshot> b = pool.submit(() -> run(11));
            for (CpmSnapshot other : new CpmSnapshot[] {a.get(), b.get()}) {
                assertArrayEquals(first.cellId(), other.cellId());
                assertArrayEquals(first.cellType(), other.cellType());
                assertArrayEquals(first.vegf(), other.vegf());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void differentSeedsDiffer() {
        assertFalse(java.util.Arrays.equals(run(11).cellId(), run(12).cellId()));
    }
}
