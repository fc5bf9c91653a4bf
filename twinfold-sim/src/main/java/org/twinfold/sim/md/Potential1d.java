package org.twinfold.sim.md;

import org.twinfold.core.Parameter;
import org.twinfold.core.ParameterSpace;

/**
 * The single-particle 1-D systems of Kadupitiya, Fox and Jadhao (arXiv:2004.06493), each with the
 * parameter ranges of their sweeps. A particle of mass m starts at rest at x0 and moves in U(x):
 *
 * <ul>
 *   <li>{@link #HARMONIC}: U = k x^2 / 2; m, k in [1, 10], x0 in [-10, -1].
 *   <li>{@link #LENNARD_JONES}: U = 4 [(1/x)^12 - (1/x)^6], a particle at distance x from a fixed one
 *       (epsilon = sigma = 1, no cutoff); m in [1, 10], x0 in [1, 3].
 *   <li>{@link #DOUBLE_WELL}: U = x^4 / 4 - x^2 / 2; m in [1, 10], x0 in [-3.1, 3.1].
 *   <li>{@link #RUGGED}: U = (x^4 - x^3 - 16 x^2 + 4 x + 48) / 50 + sin(30 (x + 5)) / 5;
 *       m in [1, 10], x0 in [-6.1, 6.1].
 * </ul>
 *
 * <p>Parameters are in the order of {@link #parameterSpace()}: mass first, x0 last, and the spring
 * constant k between them for the harmonic oscillator.
 */
public enum Potential1d {
    HARMONIC("harmonic", ParameterSpace.of(mass(),
            new Parameter("k", 1.0, 10.0, "epsilon/sigma^2", "spring constant"),
            new Parameter("x0", -10.0, -1.0, "sigma", "initial position, released at rest"))) {
        @Override
        public double energy(double x, double[] parameters) {
            return 0.5 * parameters[1] * x * x;
        }

        @Override
        public double force(double x, double[] parameters) {
            return -parameters[1] * x;
        }
    },

    // NOTE: the reference gives no epsilon or sigma for its 1-D Lennard-Jones pair; this uses 1 and 1.
    LENNARD_JONES("lj", ParameterSpace.of(mass(),
            new Parameter("x0", 1.0, 3.0, "sigma", "initial distance from the fixed particle, released at rest"))) {
        @Override
        public double energy(double x, double[] parameters) {
            double s6 = 1.0 / (x * x * x * x * x * x);
            return 4.0 * s6 * (s6 - 1.0);
        }

        @Override
        public double force(double x, double[] parameters) {
            double s6 = 1.0 / (x * x * x * x * x * x);
            return 24.0 * s6 * (2.0 * s6 - 1.0) / x;
        }
    },

    DOUBLE_WELL("double-well", ParameterSpace.of(mass(),
            new Parameter("x0", -3.1, 3.1, "sigma", "initial position, released at rest"))) {
        @Override
        public double energy(double x, double[] parameters) {
            double x2 = x * x;
            return 0.25 * x2 * x2 - 0.5 * x2;
        }

        @Override
        public double force(double x, double[] parameters) {
            return x - x * x * x;
        }
    },

    RUGGED("rugged", ParameterSpace.of(mass(),
            new Parameter("x0", -6.1, 6.1, "sigma", "initial position, released at rest"))) {
        @Override
        public double energy(double x, double[] parameters) {
            double x2 = x * x;
            return (x2 * x2 - x2 * x - 16 * x2 + 4 * x + 48) / 50.0 + Math.sin(30.0 * (x + 5.0)) / 5.0;
        }

        @Override
        public double force(double x, double[] parameters) {
            double x2 = x * x;
            return -(4 * x2 * x - 3 * x2 - 32 * x + 4) / 50.0 - 6.0 * Math.cos(30.0 * (x + 5.0));
        }
    };

    private final String shortName;
    private final ParameterSpace parameterSpace;

    Potential1d(String shortName, ParameterSpace parameterSpace) {
        this.shortName = shortName;
        this.parameterSpace = parameterSpace;
    }

    private static Parameter mass() {
        return new Parameter("mass", 1.0, 10.0, "m", "particle mass, in reduced mass units");
    }

    /** Returns U(x) in epsilon for the point's parameter values. */
    public abstract double energy(double x, double[] parameters);

    /** Returns F(x) = -dU/dx in epsilon / sigma for the point's parameter values. */
    public abstract double force(double x, double[] parameters);

    /** Returns the name used in settings: harmonic, lj, double-well or rugged. */
    public String shortName() {
        return shortName;
    }

    /** Returns the swept parameters: mass, then k for the harmonic oscillator, then x0. */
    public ParameterSpace parameterSpace() {
        return parameterSpace;
    }

    /** Parses a short name such as {@code double-well}; the error lists the accepted names. */
    public static Potential1d parse(String text) {
        for (Potential1d system : values()) {
            if (system.shortName.equals(text)) {
                return system;
            }
        }
        throw new IllegalArgumentException("unknown 1-D system '" + text
                + "'; expected harmonic, lj, double-well or rugged");
    }
}
