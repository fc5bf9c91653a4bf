package org.twinfold.sim.cpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Unit tests 1-5 of the cross-framework angiogenesis benchmark (Kuecken et al., angiogenesis-cpm):
 * changes to its baseline model (200 x 200, T 5, J(EC,EC) 1, J(EC,medium) 4, lambda 5, A 50, D 1,
 * alpha = epsilon = 0.3, 10 PDE steps per MCS) with the behaviour each should show.
 */
class AngiogenesisBenchmarkUnitTest {
    private static final int SIDE = 200;
    private static final int MIDDLE = 100;

    private static CpmParameters withoutPde() {
        return CpmPresets.angiogenesisBenchmark().parameters().toBuilder().vegf(0, 0, 0).pdeSubsteps(10).build();
    }

    /** Test 1: one single-pixel cell without PDE grows to near its target area and moves diffusively. */
    @Test
    void singleCellGrowsAndMoves() {
        int replicates = 6;
        double areaSum = 0;
        int areaCount = 0;
        double squaredEarly = 0;
        double squaredLate = 0;

        for (int rep = 0; rep < replicates; rep++) {
            CpmSimulation simulation = CpmSimulation.start(withoutPde(),
                    new InitialLayout.Grid(1, 1, 1, MIDDLE, 1), 100 + rep);
            for (int t = 10; t <= 500; t += 10) {
                simulation.run(10);
                double[] centre = centreOfMass(simulation.lattice(), 1);
                double squared = Math.pow(centre[0] - (MIDDLE + 0.5), 2) + Math.pow(centre[1] - (MIDDLE + 0.5), 2);
                if (t == 50) {
                    squaredEarly += squared / replicates;
                }
                if (t == 500) {
                    squaredLate += squared / replicates;
                }
                if (t >= 100) {
                    areaSum += simulation.lattice().volume(1);
                    areaCount++;
                }
            }
        }

        double meanArea = areaSum / areaCount;
        // The contact energy of the border (20 neighbours at J = 4 each) pulls the area below the
        // target of 50: at A = 50 - x the volume force 2 lambda x balances dE_contact/dA.
        assertTrue(meanArea > 35, "mean area " + meanArea + " should lie just below 50");
        assertTrue(meanArea < 50, "mean area " + meanArea + " should lie below the target 50");
        assertTrue(squaredLate > squaredEarly, "mean squared displacement should grow: " + squaredEarly
                + " at 50 MCS, " + squaredLate + " at 500 MCS");
        assertTrue(squaredLate > 1, "the cell should move more than a pixel in 500 MCS; MSD " + squaredLate);
    }

    /** Test 2: a 3 x 3 cluster of cells without PDE stays one adhesive cluster (gamma = 4 - 1/2 > 0). */
    @Test
    void nineCellClusterStaysTogether() {
        CpmSimulation simulation = CpmSimulation.start(withoutPde(), new InitialLayout.Grid(3, 3, 7, 90, 7), 5);
        simulation.run(500);

        CellLattice lattice = simulation.lattice();
        for (int id = 1; id <= 9; id++) {
            int volume = lattice.volume(id);
            assertTrue(volume > 25, "cell " + id + " has shrunk to area " + volume);
            assertTrue(volume < 60, "cell " + id + " has grown to area " + volume);
        }
        boolean[] cells = new boolean[SIDE * SIDE];
        byte[] mask = lattice.typeMask();
        for (int i = 0; i < cells.length; i++) {
            cells[i] = mask[i] != 0;
        }
        assertEquals(1, PeriodicComponents.find(cells, SIDE, SIDE, true, true).count);
    }

    /** Test 3: PDE alone, with secretion and decay at the middle pixel only; c is read at (80, 80). */
    @Test
    void pointSourceDiffusion() {
        // The solver's 10 sub-steps per MCS, taken one at a time to check the mass balance of each.
        int substeps = 10;
        VegfField field = new VegfField(SIDE, SIDE, 1.0 / substeps, 1);
        int middle = MIDDLE * SIDE + MIDDLE;
        float[] source = new float[SIDE * SIDE];
        float[] decay = new float[SIDE * SIDE];
        source[middle] = 0.3f / substeps;
        decay[middle] = 0.3f / substeps;

        double mass = 0;
        double previous = 0;
        for (int mcs = 1; mcs <= 500; mcs++) {
            for (int step = 0; step < substeps; step++) {
                mass += source[middle] - decay[middle] * field.values()[middle];
                field.advance(source, decay);
            }
            float[] c = field.values();
            double probe = c[80 * SIDE + 80];
            assertTrue(probe >= previous, "c(80,80) fell from " + previous + " to " + probe + " at MCS " + mcs);
            previous = probe;
            if (mcs % 100 == 0) {
                assertEquals(mass, sum(c), 1e-4 * mass, "mass balance at MCS " + mcs);
                assertEquals(probe, c[120 * SIDE + 120], 1e-5 * probe, "mirror symmetry at MCS " + mcs);
                assertEquals(probe, c[80 * SIDE + 120], 1e-5 * probe, "mirror symmetry at MCS " + mcs);
            }
        }
        assertTrue(previous > 0, "VEGF should reach (80, 80) within 500 MCS");
    }

    /** Test 4: without diffusion the middle pixel follows dc/dt = alpha - epsilon c. */
    @Test
    void secretionAndDecayWithoutDiffusion() {
        int substeps = 10;
        double alpha = 0.3;
        double epsilon = 0.3;
        VegfField field = new VegfField(SIDE, SIDE, 0, substeps);
        int middle = MIDDLE * SIDE + MIDDLE;
        float[] source = new float[SIDE * SIDE];
        float[] decay = new float[SIDE * SIDE];
        source[middle] = (float) (alpha / substeps);
        decay[middle] = (float) (epsilon / substeps);

        for (int mcs = 1; mcs <= 50; mcs++) {
            field.advance(source, decay);
            double euler = alpha / epsilon * (1 - Math.pow(1 - epsilon / substeps, substeps * mcs));
            double exact = alpha / epsilon * (1 - Math.exp(-epsilon * mcs));
            assertEquals(euler, field.values()[middle], 1e-5, "forward Euler value at MCS " + mcs);
            assertEquals(exact, field.values()[middle], 0.02 * exact, "exact solution at MCS " + mcs);
        }
        assertEquals(0.0, field.values()[middle + 1], 0.0);
    }

    /** Test 5: a frozen 7 x 7 cell secretes; at steady state secretion equals decay in the medium. */
    @Test
    void frozenCellReachesSteadyState() {
        CpmParameters parameters = CpmPresets.angiogenesisBenchmark().parameters();
        CpmSimulation simulation = CpmSimulation.start(parameters, new InitialLayout.Grid(1, 1, 7, 97, 7), 1);
        for (int mcs = 0; mcs < 300; mcs++) {
            simulation.stepField();
        }

        CpmSnapshot state = simulation.snapshot();
        float[] c = state.vegf();
        double decayed = 0;
        for (int i = 0; i < c.length; i++) {
            decayed += state.cellType()[i] == 0 ? parameters.vegfDecay() * c[i] : 0;
        }
        assertEquals(parameters.vegfSecretion() * 49, decayed, 1e-3 * decayed, "secretion equals decay");

        int centre = MIDDLE * SIDE + MIDDLE;
        double previous = c[centre];
        for (int x = MIDDLE + 1; x < MIDDLE + 20; x++) {
            assertTrue(c[MIDDLE * SIDE + x] < previous, "c should fall away from the cell at x = " + x);
            previous = c[MIDDLE * SIDE + x];
        }
        assertEquals(c[MIDDLE * SIDE + 110], c[MIDDLE * SIDE + 90], 1e-5 * c[MIDDLE * SIDE + 90], "symmetry");
    }

    private static double[] centreOfMass(CellLattice lattice, int id) {
        double x = 0;
        double y = 0;
        for (int site = 0; site < lattice.sigma.length; site++) {
            if (lattice.sigma[site] == id) {
                x += site % lattice.width + 0.5;
                y += site / lattice.width + 0.5;
            }
        }
        int volume = lattice.volume(id);
        return new double[] {x / volume, y / volume};
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float value : values) {
            total += value;
        }
        return total;
    }
}
