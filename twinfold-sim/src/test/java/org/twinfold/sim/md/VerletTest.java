package org.twinfold.sim.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;

class VerletTest {

    @Test
    void harmonicOscillatorFollowsCosine() {
        double mass = 2.0;
        double k = 8.0;
        double x0 = -5.0;
        Potential1dGenerator generator = new Potential1dGenerator(Potential1d.HARMONIC, 0.001, 10_000, 100);
        SampleBatch batch = generator.generate(List.of(ParameterPoint.of(mass, k, x0)), new long[] {0});

        float[] x = batch.floats("positions");
        float[] v = batch.floats("velocities");
        double omega = Math.sqrt(k / mass);
        double maxError = 0;
        for (int frame = 0; frame < generator.frames(); frame++) {
            double t = frame * 0.1;
            maxError = Math.max(maxError, Math.abs(x[frame] - x0 * Math.cos(omega * t)));
            maxError = Math.max(maxError, Math.abs(v[frame] + x0 * omega * Math.sin(omega * t)) / omega);
        }
        // Verlet's phase error after t = 10 is about omega^3 dt^2 t / 24 = 3.3e-6 rad, times |x0| = 5.
        assertTrue(maxError < 3e-5, "largest deviation from x0 cos(omega t) is " + maxError);
        assertTrue(maxError > 1e-6, "deviation " + maxError + " is below the expected Verlet phase error");
    }

    @Test
    void harmonicEnergyErrorScalesAsStepSquared() {
        double coarse = maxEnergyError1d(Potential1d.HARMONIC, 0.004, 2500, ParameterPoint.of(1.0, 9.0, -3.0));
        double fine = maxEnergyError1d(Potential1d.HARMONIC, 0.002, 5000, ParameterPoint.of(1.0, 9.0, -3.0));
        assertEquals(4.0, coarse / fine, 0.1);
    }

    @Test
    void doubleWellEnergyErrorScalesAsStepSquared() {
        double coarse = maxEnergyError1d(Potential1d.DOUBLE_WELL, 0.004, 5000, ParameterPoint.of(1.0, 2.0));
        double fine = maxEnergyError1d(Potential1d.DOUBLE_WELL, 0.002, 10_000, ParameterPoint.of(1.0, 2.0));
        assertEquals(4.0, coarse / fine, 0.2);
    }

    @Test
    void clusterEnergyErrorScalesAsStepSquared() {
        // A sphere without a cutoff inside it (r_c = 12 > diameter) keeps the force smooth, so the
        // energy error of a fixed time span must fall by 4 when dt halves.
        LennardJonesGenerator.Builder builder = LennardJonesGenerator.builder()
                .particles(8)
                .geometry(Geometry.REFLECTING_SPHERE)
                .containerSize(6.0)
                .cutoff(12.0)
                .saveInterval(1);
        double coarse = maxEnergyError3d(builder.timeStep(0.002).totalSteps(1000).build());
        double fine = maxEnergyError3d(builder.timeStep(0.001).totalSteps(2000).build());
        assertEquals(4.0, coarse / fine, 0.1);
    }

    @Test
    void referenceRunConservesEnergy() {
        LennardJonesGenerator generator = LennardJonesGenerator.builder().totalSteps(10_000).build();
        SampleBatch batch = generator.generate(List.of(ParameterPoint.of(1.0)), new long[] {11});
        double[] energy = batch.doubles("energy");
        double initial = energy[2];
        double kineticScale = 0;
        double maxError = 0;
        for (int frame = 0; frame < generator.frames(); frame++) {
            kineticScale = Math.max(kineticScale, energy[3 * frame]);
            maxError = Math.max(maxError, Math.abs(energy[3 * frame + 2] - initial));
        }
        assertTrue(kineticScale > 1.0, "the particles barely moved; kinetic energy peaked at " + kineticScale);
        assertTrue(maxError < 1e-4 * kineticScale, "total energy moved by " + maxError
                + " with kinetic energy up to " + kineticScale);
    }

    @Test
    void sphereKeepsParticlesInsideAndConservesEnergy() {
        double radius = 6.0;
        LennardJonesGenerator generator = LennardJonesGenerator.builder()
                .geometry(Geometry.REFLECTING_SPHERE)
                .containerSize(radius)
                .totalSteps(20_000)
                .saveInterval(10)
                .build();
        LennardJonesSystem system = generator.initialSystem(1.0, 21);
        double initial = system.kineticEnergy() + system.potentialEnergy();

        int outside = 0;
        double maxRadius = 0;
        double maxError = 0;
        for (int frame = 0; frame < 2000; frame++) {
            system.advance(0.001, 10);
            double[] position = system.positions();
            for (int i = 0; i < system.count(); i++) {
                double r = Math.sqrt(position[3 * i] * position[3 * i] + position[3 * i + 1] * position[3 * i + 1]
                        + position[3 * i + 2] * position[3 * i + 2]);
                maxRadius = Math.max(maxRadius, r);
                outside += r > radius ? 1 : 0;
            }
            maxError = Math.max(maxError, Math.abs(system.kineticEnergy() + system.potentialEnergy() - initial));
        }

        assertEquals(0, outside, "particle positions outside the sphere; largest radius " + maxRadius);
        assertTrue(maxRadius > 0.9 * radius, "no particle came near the wall (largest radius " + maxRadius
                + "), so the test did not exercise reflection");
        assertTrue(maxError < 1e-3 * Math.abs(initial), "total energy moved by " + maxError + " from " + initial);
    }

    @Test
    void wallReflectionIsSpecular() {
        // One free particle flies radially at the wall with speed 2; it must come back with speed 2.
        Container sphere = Container.reflectingSphere(1.0);
        LennardJonesSystem system = LennardJonesSystem.create(new LennardJones(1.0, 1.0, 2.5), sphere, 3.0,
                new double[] {0.0, 0.0, 0.9}, new double[] {0.0, 0.0, 2.0});

        system.advance(0.1, 1);

        assertEquals(0.9, system.positions()[2], 1e-12);
        assertEquals(-2.0, system.velocities()[2], 0.0);
        assertEquals(6.0, system.kineticEnergy(), 1e-12);
    }

    private static double maxEnergyError1d(Potential1d system, double dt, int steps, ParameterPoint point) {
        Potential1dGenerator generator = new Potential1dGenerator(system, dt, steps, 1);
        double[] energy = generator.generate(List.of(point), new long[] {0}).doubles("energy");
        return maxDeviation(energy);
    }

    private static double maxEnergyError3d(LennardJonesGenerator generator) {
        double[] energy = generator.generate(List.of(ParameterPoint.of(1.0)), new long[] {7}).doubles("energy");
        return maxDeviation(energy);
    }

    // Largest |E_total(t) - E_total(0)| over the rows [kinetic, potential, total].
    private static double maxDeviation(double[] energy) {
        double max = 0;
        for (int row = 0; row < energy.length / 3; row++) {
            max = Math.max(max, Math.abs(energy[3 * row + 2] - energy[2]));
        }
        return max;
    }
}
