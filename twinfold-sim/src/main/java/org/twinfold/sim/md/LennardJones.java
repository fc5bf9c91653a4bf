package org.twinfold.sim.md;

/**
 * The truncated and shifted Lennard-Jones pair potential,
 * U(r) = 4 epsilon [(sigma/r)^12 - (sigma/r)^6] - U_LJ(r_c) for r < r_c and 0 beyond.
 *
 * <p>The shift makes the energy continuous at the cutoff. The force is the plain Lennard-Jones force,
 * F(r) = 24 epsilon [2 (sigma/r)^12 - (sigma/r)^6] / r, and jumps to zero at r_c, as in the reference
 * code of Kadupitiya, Fox and Jadhao (softmaterialslab/RNN-MD, cutoff 2.5 sigma, epsilon 2).
 *
 * @param epsilon well depth, in energy units (reduced: 1 is the unit of energy)
 * @param sigma distance where the unshifted potential is zero, in length units
 * @param cutoff interaction range r_c, in length units; must exceed sigma
 */
public record LennardJones(double epsilon, double sigma, double cutoff) {

    /** Well depth of the reference's 3-D systems and figures. */
    public static final double REFERENCE_EPSILON = 2.0;
    /** Particle diameter of the reference, the unit of length. */
    public static final double REFERENCE_SIGMA = 1.0;
    /** Cutoff of the reference, in units of sigma. */
    public static final double REFERENCE_CUTOFF = 2.5;

    public LennardJones {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon is " + epsilon + "; it must be finite and positive");
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma is " + sigma + "; it must be finite and positive");
        }
        if (!(cutoff > sigma) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("cutoff is " + cutoff + " with sigma " + sigma
                    + "; the cutoff must be finite and larger than sigma (the reference uses 2.5 sigma)");
        }
    }

    /** Returns the reference's potential: epsilon 2, sigma 1, cutoff 2.5. */
    public static LennardJones reference() {
        return new LennardJones(REFERENCE_EPSILON, REFERENCE_SIGMA, REFERENCE_CUTOFF);
    }

    /** Returns the square of the cutoff. */
    public double cutoffSquared() {
        return cutoff * cutoff;
    }

    /** Returns the shifted pair energy at squared distance {@code r2}; zero at and beyond the cutoff. */
    public double energy(double r2) {
        if (r2 >= cutoff * cutoff) {
            return 0.0;
        }
        return unshiftedEnergy(r2) - unshiftedEnergy(cutoff * cutoff);
    }

    /**
     * Returns F(r) / r at squared distance {@code r2}, so that the force on particle i from j is this
     * value times (r_i - r_j). Zero at and beyond the cutoff.
     */
    public double forceOverDistance(double r2) {
        if (r2 >= cutoff * cutoff) {
            return 0.0;
        }
        double s2 = sigma * sigma / r2;
        double s6 = s2 * s2 * s2;
        return 24.0 * epsilon * s6 * (2.0 * s6 - 1.0) / r2;
    }

    /** Returns the plain Lennard-Jones energy 4 epsilon [(sigma/r)^12 - (sigma/r)^6] at squared distance r2. */
    public double unshiftedEnergy(double r2) {
        double s2 = sigma * sigma / r2;
        double s6 = s2 * s2 * s2;
        return 4.0 * epsilon * s6 * (s6 - 1.0);
    }
}
