package org.twinfold.sim.calo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CaloFeaturesTest {
    private static final CalorimeterGeometry GEOMETRY = CalorimeterGeometry.dataset2();
    private static final CaloFeatures FEATURES = CaloFeatures.dataset2();
    private static final double TOLERANCE = 1e-9;

    private static float[] shower() {
        return new float[GEOMETRY.voxelCount()];
    }

    @Test
    void singleVoxelHasItsBinCentre() {
        float[] voxels = shower();
        voxels[GEOMETRY.index(3, 0, 2)] = 10f;
        ShowerFeatures features = FEATURES.compute(voxels, 0, 1000.0);

        double radius = (9.3 + 13.95) / 2;
        double angle = -Math.PI + Math.PI / 16;
        assertEquals(10.0, features.totalEnergy(), TOLERANCE);
        assertEquals(0.01, features.energyRatio(), TOLERANCE);
        assertEquals(10.0, features.layerEnergy()[3], TOLERANCE);
        assertEquals(0.0, features.layerEnergy()[4], TOLERANCE);
        assertEquals(radius, features.centreR()[3], 1e-6);
        assertEquals(0.0, features.widthR()[3], 1e-6);
        assertEquals(radius * Math.cos(angle), features.centreEta()[3], 1e-6);
        assertEquals(radius * Math.sin(angle), features.centrePhi()[3], 1e-6);
        assertEquals(0.0, features.widthEta()[3], 1e-3);
        assertEquals(1 - 1.0 / 144, features.sparsity()[3], TOLERANCE);
        assertEquals(1.0, features.sparsity()[0], TOLERANCE);
        assertEquals(0.0, features.centreR()[0], TOLERANCE);
    }

    @Test
    void opposedVoxelsCentreOnAxis() {
        float[] voxels = shower();
        voxels[GEOMETRY.index(0, 0, 0)] = 2f;
        voxels[GEOMETRY.index(0, 8, 0)] = 2f;
        ShowerFeatures features = FEATURES.compute(voxels, 0, 100.0);

        double radius = 4.65 / 2;
        assertEquals(0.0, features.centreEta()[0], 1e-9);
        assertEquals(0.0, features.centrePhi()[0], 1e-9);
        assertEquals(radius * Math.cos(Math.PI / 16), features.widthEta()[0], 1e-9);
        assertEquals(radius * Math.sin(Math.PI / 16), features.widthPhi()[0], 1e-9);
        assertEquals(radius, features.centreR()[0], 1e-9);
        assertEquals(1 - 2.0 / 144, features.sparsity()[0], TOLERANCE);
    }

    @Test
    void radialCentreAndWidthOfTwoBins() {
        float[] voxels = shower();
        voxels[GEOMETRY.index(10, 5, 0)] = 1f;
        voxels[GEOMETRY.index(10, 5, 1)] = 3f;
        ShowerFeatures features = FEATURES.compute(voxels, 0, 100.0);

        assertEquals((2.325 + 3 * 6.975) / 4, features.centreR()[10], 1e-9);
        assertEquals(4.65 * Math.sqrt(3) / 4, features.widthR()[10], 1e-9);
    }

    @Test
    void voxelsBelowThresholdAreIgnored() {
        float[] voxels = shower();
        voxels[GEOMETRY.index(2, 1, 1)] = 0.01f;
        voxels[GEOMETRY.index(2, 1, 2)] = 0.5f;
        ShowerFeatures features = FEATURES.compute(voxels, 0, 100.0);

        assertEquals(0.5, features.totalEnergy(), 1e-7);
        assertEquals(1 - 1.0 / 144, features.sparsity()[2], TOLERANCE);
        assertEquals((9.3 + 13.95) / 2, features.centreR()[2], 1e-6);

        ShowerFeatures unthresholded = new CaloFeatures(GEOMETRY, 0).compute(voxels, 0, 100.0);
        assertEquals(0.51, unthresholded.totalEnergy(), 1e-7);
        assertEquals(1 - 2.0 / 144, unthresholded.sparsity()[2], TOLERANCE);
    }

    @Test
    void clsHighHasChallengeOrder() {
        float[] voxels = new float[2 * GEOMETRY.voxelCount()];
        int second = GEOMETRY.voxelCount();
        voxels[second + GEOMETRY.index(3, 0, 2)] = 10f;
        double[][] rows = FEATURES.clsHigh(voxels, new double[] {500.0, 1000.0});
        double[] values = rows[1];

        assertEquals(362, values.length);
        assertEquals(362, ShowerFeatures.clsHighLength(45));
        assertEquals(3.0, values[0], TOLERANCE);
        assertEquals(Math.log10(10 + 1e-8), values[1 + 3], TOLERANCE);
        assertEquals(-8.0, values[1], TOLERANCE);
        double radius = (9.3 + 13.95) / 2;
        double angle = -Math.PI + Math.PI / 16;
        assertEquals(radius * Math.cos(angle) / 100, values[46 + 3], 1e-8);
        assertEquals(radius * Math.sin(angle) / 100, values[91 + 3], 1e-8);
        assertEquals(Math.log10(10 + 1e-8), values[226], TOLERANCE);
        assertEquals(1 - 1.0 / 144, values[227 + 3], TOLERANCE);
        assertEquals(radius / 100, values[272 + 3], 1e-8);
        assertEquals(0.0, values[317 + 3], 1e-8);
        assertEquals(-8.0, rows[0][226], TOLERANCE);
    }
}
