package org.twinfold.sim.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinfold.core.testkit.AllClose.assertAllClose;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForcesTest {
    private static final LennardJones REFERENCE = LennardJones.reference();

    @Test
    void pairEnergyAndForceMatchHandValues() {
        double shift = 4 * 2.0 * (Math.pow(2.5, -12) - Math.pow(2.5, -6));
        // At r = sigma the unshifted energy is zero and F = 24 epsilon / sigma.
        assertEquals(-shift, REFERENCE.energy(1.0), 1e-15);
        assertEquals(48.0, REFERENCE.forceOverDistance(1.0), 1e-12);
        // At the minimum r = 2^(1/6) sigma the energy is -epsilon and the force vanishes.
        double r2Minimum = Math.pow(2.0, 1.0 / 3.0);
        assertEquals(-2.0 - shift, REFERENCE.energy(r2Minimum), 1e-12);
        assertEquals(0.0, REFERENCE.forceOverDistance(r2Minimum), 1e-12);
        // Zero at and beyond the cutoff.
        assertEquals(0.0, REFERENCE.energy(6.25));
        assertEquals(0.0, REFERENCE.forceOverDistance(6.25));
    }

    @Test
    void forcesMatchFiniteDifferenceInCube() {
        Container cube = Container.periodicCube(6.0);
        // Starts fill the whole cube, so many pairs interact through the periodic boundary.
        double[] position = InitialPositions.random(12, 3.0, 1.0, cube, new SplittableRandom(3));
        checkFiniteDifference(cube, position);
    }

    @Test
    void forcesMatchFiniteDifferenceInSphere() {
        Container sphere = Container.reflectingSphere(6.0);
        double[] position = InitialPositions.random(12, 2.0, 0.95, sphere, new SplittableRandom(4));
        checkFiniteDifference(sphere, position);
    }

    @Test
    void minimumImageAcrossFace() {
        Container cube = Container.periodicCube(10.0);
        // 9 apart inside the box, 1 apart through the face at x = +-5.
        double[] position = {4.5, 0, 0, -4.5, 0, 0};
        LennardJonesSystem system = LennardJonesSystem.create(REFERENCE, cube, 1.0, position, new double[6]);

        double[] force = system.forces();
        // The image of particle 1 sits at x = 5.5, so particle 0 is pushed towards -x with 24 epsilon / sigma.
        assertEquals(-48.0, force[0], 1e-12);
        assertEquals(48.0, force[3], 1e-12);
        assertEquals(0.0, force[1], 0.0);
        assertEquals(REFERENCE.energy(1.0), system.potentialEnergy(), 1e-15);
    }

    @Test
    void positionsWrapIntoCube() {
        Container cube = Container.periodicCube(10.0);
        double[] position = {4.99, 0, 0};
        double[] velocity = {1.0, 0, -2.0};
        LennardJonesSystem system = LennardJonesSystem.create(REFERENCE, cube, 1.0, position, velocity);

        system.advance(0.01, 2);

        double[] after = system.positions();
        assertEquals(-4.99, after[0], 1e-12);
        assertEquals(-0.04, after[2], 1e-12);
    }

    @Test
    void neighbourListMatchesAllPairs() {
        LennardJonesSystem reference = MdBenchmark.liquid(512, 0.8442, 1.0, 5L);
        double[] position = reference.positions();
        double[] velocity = reference.velocities();
        Container cube = reference.container();
        LennardJones potential = reference.potential();
        LennardJonesSystem listed = LennardJonesSystem.createNeighbourList(potential, cube, 1.0, position, velocity);
        LennardJonesSystem plain = LennardJonesSystem.createAllPairs(potential, cube, 1.0, position, velocity);
        assertAllClose(plain.forces(), listed.forces(), 1e-12, 1e-10);

        listed.advance(0.001, 300);
        plain.advance(0.001, 300);

        assertTrue(listed.neighbourListBuilds() > 1, "the list was never rebuilt; run longer or hotter");
        assertAllClose(plain.positions(), listed.positions(), 0, 1e-9);
        assertEquals(plain.potentialEnergy(), listed.potentialEnergy(), 1e-9 * Math.abs(plain.potentialEnergy()));
    }

    @Test
    void largePeriodicSystemUsesNeighbourList() {
        assertTrue(MdBenchmark.liquid(1000, 0.8442, 1.0, 1L).usesNeighbourList());
    }

    private static void checkFiniteDifference(Container container, double[] position) {
        double[] analytic = LennardJonesSystem.createAllPairs(REFERENCE, container, 1.0, position,
                new double[position.length]).forces();

        double h = 1e-5;
        double[] numeric = new double[position.length];
        double largest = 0;
        for (int k = 0; k < position.length; k++) {
            double[] plus = position.clone();
            double[] minus = position.clone();
            plus[k] += h;
            minus[k] -= h;
            numeric[k] = -(energy(container, plus) - energy(container, minus)) / (2 * h);
            largest = Math.max(largest, Math.abs(numeric[k]));
        }
        // Central differences err by h^2 U''' / 6 plus round-off near 1e-16 U / h; both stay below 1e-6 here.
        assertAllClose(numeric, analytic, 1e-6, 1e-6 * largest);
    }

    private static double energy(Container container, double[] position) {
        return LennardJonesSystem.createAllPairs(REFERENCE, container, 1.0, position, new double[position.length])
                .potentialEnergy();
    }
}
