package org.twinfold.sim.md;

import java.util.Objects;

/**
 * The region that contains a 3-D system, centred on the origin.
 *
 * <ul>
 *   <li>{@link Geometry#PERIODIC_CUBE}: {@code size} is the side L. Pair distances use the minimum
 *       image, and after each drift a position is wrapped into [-L/2, L/2).
 *   <li>{@link Geometry#REFLECTING_SPHERE}: {@code size} is the radius R. A particle that ends a drift
 *       at distance r > R from the centre is mirrored to distance 2R - r along the same ray, and the
 *       outward radial part of its velocity is reversed (a specular, energy-conserving reflection).
 * </ul>
 *
 * @param geometry periodic cube or reflecting sphere
 * @param size cube side or sphere radius, in units of sigma
 */
public record Container(Geometry geometry, double size) {

    public Container {
        Objects.requireNonNull(geometry, "geometry");
        if (!(size > 0) || !Double.isFinite(size)) {
            throw new IllegalArgumentException(geometry.shortName() + " size is " + size
                    + "; the cube side or sphere radius must be finite and positive");
        }
    }

    public static Container periodicCube(double side) {
        return new Container(Geometry.PERIODIC_CUBE, side);
    }

    public static Container reflectingSphere(double radius) {
        return new Container(Geometry.REFLECTING_SPHERE, radius);
    }

    public boolean periodic() {
        return geometry == Geometry.PERIODIC_CUBE;
    }

    /**
     * Applies the boundary to flat [N, 3] positions and velocities after a drift: wraps them into the
     * periodic cube, or reflects them at the sphere wall.
     *
     * @throws IllegalStateException if a particle crossed the whole sphere in one step (r > 2R), which
     *     means the time step is far too large for the velocities
     */
    void confine(double[] position, double[] velocity) {
        if (periodic()) {
            wrap(position);
        } else {
            reflect(position, velocity);
        }
    }

    private void wrap(double[] position) {
        double side = size;
        double half = 0.5 * side;
        for (int k = 0; k < position.length; k++) {
            double x = position[k];
            if (x < -half || x >= half) {
                position[k] = x - side * Math.floor((x + half) / side);
            }
        }
    }

    private void reflect(double[] position, double[] velocity) {
        double radius = size;
        for (int k = 0; k < position.length; k += 3) {
            double x = position[k];
            double y = position[k + 1];
            double z = position[k + 2];
            double r2 = x * x + y * y + z * z;
            if (r2 <= radius * radius) {
                continue;
            }

            double r = Math.sqrt(r2);
            if (r >= 2 * radius) {
                throw new IllegalStateException("particle " + k / 3 + " is at distance " + r
                        + " from the centre of a sphere of radius " + radius
                        + " after one step; the simulation diverged, so use a smaller time step");
            }
            // Mirror the position at the wall, along the ray from the centre.
            double scale = (2 * radius - r) / r;
            position[k] = x * scale;
            position[k + 1] = y * scale;
            position[k + 2] = z * scale;

            // Reverse the outward radial velocity; an inward one (possible after a kick) is kept.
            double nx = x / r;
            double ny = y / r;
            double nz = z / r;
            double radial = velocity[k] * nx + velocity[k + 1] * ny + velocity[k + 2] * nz;
            if (radial > 0) {
                velocity[k] -= 2 * radial * nx;
                velocity[k + 1] -= 2 * radial * ny;
                velocity[k + 2] -= 2 * radial * nz;
            }
        }
    }
}
