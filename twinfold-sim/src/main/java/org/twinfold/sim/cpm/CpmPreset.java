package org.twinfold.sim.cpm;

import java.util.Objects;

/**
 * A complete run definition: parameters, initial layout and run length.
 *
 * @param name short identifier
 * @param description one sentence with the source of the values
 * @param parameters model parameters, lattice size included
 * @param layout initial placement of the cells
 * @param mcs run length, Monte Carlo steps
 */
public record CpmPreset(String name, String description, CpmParameters parameters, InitialLayout layout, int mcs) {

    public CpmPreset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(layout, "layout");
        if (mcs < 0) {
            throw new IllegalArgumentException("preset '" + name + "' has " + mcs + " MCS; it must be zero or more");
        }
    }

    /** Starts a run of this preset seeded from {@code seed}. */
    public CpmSimulation start(long seed) {
        return CpmSimulation.start(parameters, layout, seed);
    }
}
