package org.twinfold.sim.cpm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The incremental dH of a copy equals the difference of two full Hamiltonian evaluations. */
class EnergyChangeTest {

    private static CellLattice randomLattice(int width, int height, int cells, Xoshiro256PlusPlus random) {
        int[] ids = new int[width * height];
        for (int i = 0; i < ids.length; i++) {
            // Half medium, half random cells, so every kind of copy occurs.
            ids[i] = random.nextDouble() < 0.5 ? 0 : 1 + random.nextInt(cells);
        }
        byte[] types = new byte[cells + 1];
        java.util.Arrays.fill(types, 1, types.length, (byte) 1);
        return CellLattice.of(width, height, ids, types);
    }

    @Test
    void incrementalMatchesFullEvaluation() {
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(42);
        int checked = 0;
        for (int trial = 0; trial < 40; trial++) {
            int energyOrder = 1 + trial % 4;
            int copyOrder = 1 + (trial / 4) % 4;
            CpmParameters parameters = CpmParameters.builder()
                    .lattice(7 + trial % 5, 6 + trial % 3)
                    .contactEnergies(1.5, 3.0 + trial, 6.0)
                    .neighbourOrders(energyOrder, copyOrder)
                    .volume(9, 2.5)
                    .surface(11, 0.75)
                    .chemotaxis(0, 0.5, ChemotaxisMode.EXTENSION_AND_RETRACTION)
                    .build();
            CellLattice lattice = randomLattice(parameters.width(), parameters.height(), 5, random);
            MetropolisSweep sweep = new MetropolisSweep(lattice, parameters);
            float[] vegf = new float[parameters.sites()];
            int[] dx = Neighbourhood.dx(copyOrder);
            int[] dy = Neighbourhood.dy(copyOrder);

            for (int attempt = 0; attempt < 50; attempt++) {
                int x = random.nextInt(lattice.width);
                int y = random.nextInt(lattice.height);
                int k = random.nextInt(dx.length);
                int target = y * lattice.width + x;
                int source = Math.floorMod(y + dy[k], lattice.height) * lattice.width
                        + Math.floorMod(x + dx[k], lattice.width);
                if (lattice.sigma[target] == lattice.sigma[source]) {
                    continue;
                }
                double before = Hamiltonian.total(lattice, parameters);
                double incremental = sweep.energyChange(target, x, y, source, vegf);
                sweep.copy(target, source);
                double after = Hamiltonian.total(lattice, parameters);

                assertEquals(after - before, incremental, 1e-9 * Math.max(1, Math.abs(before)),
                        "trial " + trial + " copy " + source + " -> " + target);
                CellLattice recounted = CellLattice.of(lattice.width, lattice.height, lattice.sigma, lattice.cellType);
                for (int id = 0; id <= lattice.cellCount(); id++) {
                    assertEquals(recounted.volume(id), lattice.volume(id), "volume of cell " + id);
                    assertEquals(recounted.surface(id), lattice.surface(id), "surface of cell " + id);
                }
                checked++;
            }
        }
        assertEquals(true, checked > 500, "only " + checked + " copies were checked");
    }

    @Test
    void chemotaxisTermFollowsSaturatedGradient() {
        CpmParameters parameters = CpmParameters.builder()
                .lattice(8, 8)
                .contactEnergies(0, 0, 0)
                .volume(0, 0)
                .surface(0, 0)
                .chemotaxis(100, 0.5, ChemotaxisMode.EXTENSION_ONLY)
                .build();
        int[] ids = new int[64];
        ids[3 * 8 + 3] = 1;
        CellLattice lattice = CellLattice.of(8, 8, ids, new byte[] {0, 1});
        float[] vegf = new float[64];
        vegf[3 * 8 + 3] = 1f;
        vegf[3 * 8 + 4] = 3f;
        MetropolisSweep sweep = new MetropolisSweep(lattice, parameters);

        // Cell at (3,3) extends into medium at (4,3): -100 (3/2.5 - 1/1.5).
        double extension = sweep.energyChange(3 * 8 + 4, 4, 3, 3 * 8 + 3, vegf);
        assertEquals(-100 * (3 / 2.5 - 1 / 1.5), extension, 1e-9);
        // Medium at (4,3) copies into the cell: a retraction, which extension-only chemotaxis ignores.
        double retraction = sweep.energyChange(3 * 8 + 3, 3, 3, 3 * 8 + 4, vegf);
        assertEquals(0, retraction, 1e-12);

        MetropolisSweep both = new MetropolisSweep(lattice,
                parameters.toBuilder().chemotaxis(100, 0.5, ChemotaxisMode.EXTENSION_AND_RETRACTION).build());
        assertEquals(-100 * (1 / 1.5 - 3 / 2.5), both.energyChange(3 * 8 + 3, 3, 3, 3 * 8 + 4, vegf), 1e-9);
    }
}
