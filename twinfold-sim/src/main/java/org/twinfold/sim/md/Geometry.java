package org.twinfold.sim.md;

import java.util.Locale;

/** The container of a 3-D Lennard-Jones system, both centred on the origin. */
public enum Geometry {
    /** A cube of side L with periodic boundaries and minimum-image distances; positions are kept in [-L/2, L/2). */
    PERIODIC_CUBE,
    /** A sphere of radius R whose wall reflects particles specularly. */
    REFLECTING_SPHERE;

    /** Parses {@code periodic} or {@code sphere} (also the constant names, in any case). */
    public static Geometry parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "periodic", "periodic_cube", "periodic-cube", "cube" -> PERIODIC_CUBE;
            case "sphere", "reflecting_sphere", "reflecting-sphere" -> REFLECTING_SPHERE;
            default -> throw new IllegalArgumentException("unknown geometry '" + text
                    + "'; expected periodic or sphere");
        };
    }

    /** Returns the short name used in settings, {@code periodic} or {@code sphere}. */
    public String shortName() {
        return this == PERIODIC_CUBE ? "periodic" : "sphere";
    }
}
