package org.twinfold.sim.cpm;

/**
 * Full evaluation of the CPM Hamiltonian from scratch, the reference against which the incremental
 * energy change of {@link MetropolisSweep} is checked. Chemotaxis is a work term of a copy, not part
 * of H, so it is not included. Cost O(sites x neighbours); for tests and diagnostics only.
 */
final class Hamiltonian {

    private Hamiltonian() {
    }

    /** Returns H = contact + volume + surface energy of the lattice. */
    static double total(CellLattice lattice, CpmParameters parameters) {
        return contact(lattice, parameters) + constraints(lattice, parameters);
    }

    /** Returns the contact energy, each unordered neighbour pair of the energy order counted once. */
    static double contact(CellLattice lattice, CpmParameters parameters) {
        int width = lattice.width;
        int height = lattice.height;
        int[] dx = Neighbourhood.dx(parameters.energyNeighbourOrder());
        int[] dy = Neighbourhood.dy(parameters.energyNeighbourOrder());
        double orderedPairs = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int id = lattice.sigma[y * width + x];
                for (int k = 0; k < dx.length; k++) {
                    int neighbour = lattice.id(x + dx[k], y + dy[k]);
                    if (neighbour != id) {
                        orderedPairs += parameters.contactEnergy(lattice.cellType[id], lattice.cellType[neighbour]);
                    }
                }
            }
        }
        // The offsets come in +/- pairs, so every unordered pair was visited twice.
        return orderedPairs / 2;
    }

    /** Returns the volume and surface energy, with volumes and surfaces recounted from the ids. */
    static double constraints(CellLattice lattice, CpmParameters parameters) {
        CellLattice recounted = CellLattice.of(lattice.width, lattice.height, lattice.sigma, lattice.cellType);
        double energy = 0;
        for (int id = 1; id < lattice.cellType.length; id++) {
            double volumeDeviation = recounted.volume(id) - parameters.targetVolume();
            double surfaceDeviation = recounted.surface(id) - parameters.targetSurface();
            energy += parameters.lambdaVolume() * volumeDeviation * volumeDeviation
                    + parameters.lambdaSurface() * surfaceDeviation * surfaceDeviation;
        }
        return energy;
    }
}
