package org.twinfold.sim.cpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each metric on a constructed image whose value is counted by hand. */
class MorphologyTest {

    private static byte[] image(int width, int height) {
        return new byte[width * height];
    }

    private static void fill(byte[] mask, int width, int x0, int y0, int w, int h, int value) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                mask[y * width + x] = (byte) value;
            }
        }
    }

    /** A band 5 rows high that winds around a 32 x 16 torus in x. */
    @Test
    void windingBand() {
        byte[] mask = image(32, 16);
        fill(mask, 32, 0, 5, 32, 5, 1);
        MorphologyMetrics metrics = Morphology.measure(mask, 32, 16);

        assertEquals(160.0 / 512, metrics.vesselAreaFraction(), 1e-12);
        assertEquals(32, metrics.skeletonLength(), 1e-12, "the skeleton is the middle row");
        assertEquals(0, metrics.branchPoints());
        assertEquals(0, metrics.endPoints());
        assertEquals(5, metrics.meanCordWidth(), 1e-12);
        assertEquals(0, metrics.eulerCharacteristic(), "an annulus on the torus");
        assertEquals(0, metrics.lacunaCount(), "the medium band winds around too, so it is no lacuna");
        assertTrue(Double.isNaN(metrics.compactness()), "the only cluster winds around the torus");
    }

    /** A 12 x 12 square with a 4 x 4 hole: one lacuna of 16 pixels, Euler characteristic 0. */
    @Test
    void squareRing() {
        byte[] mask = image(32, 32);
        fill(mask, 32, 10, 10, 12, 12, 1);
        fill(mask, 32, 14, 14, 4, 4, 0);
        MorphologyMetrics metrics = Morphology.measure(mask, 32, 32);

        assertEquals(1, metrics.lacunaCount());
        assertArrayEquals(new int[] {16}, metrics.lacunaAreas());
        assertEquals(128.0 / 1024, metrics.vesselAreaFraction(), 1e-12);
        assertEquals(0, metrics.eulerCharacteristic());
        assertEquals(128.0 / 144, metrics.compactness(), 1e-12, "area 128 in a 12 x 12 hull");
        assertEquals(0, metrics.endPoints(), "a ring skeleton has no ends");
    }

    /**
     * A plus of 1-pixel lines, arms of 5: 21 pixels, 20 links, 1 junction, 4 ends. Arm pixels have width
     * 2 * 1 - 1 = 1; the centre's nearest medium is diagonal, so its width is 2 sqrt(2) - 1.
     */
    @Test
    void plusSign() {
        byte[] mask = image(32, 32);
        fill(mask, 32, 11, 16, 11, 1, 1);
        fill(mask, 32, 16, 11, 1, 11, 1);
        MorphologyMetrics metrics = Morphology.measure(mask, 32, 32);

        assertEquals(20, metrics.skeletonLength(), 1e-12);
        assertEquals(1, metrics.branchPoints());
        assertEquals(4, metrics.endPoints());
        assertEquals((20 + 2 * Math.sqrt(2) - 1) / 21, metrics.meanCordWidth(), 1e-12);
        assertEquals(1, metrics.eulerCharacteristic());
        // Hull of the pixel squares: an 11 x 11 square less four corner triangles of legs 5: 121 - 50.
        assertEquals(21.0 / 71, metrics.compactness(), 1e-12);
    }

    /** A diagonal line of 5 pixels is 4 diagonal links long. */
    @Test
    void diagonalLine() {
        byte[] mask = image(16, 16);
        for (int i = 0; i < 5; i++) {
            mask[(5 + i) * 16 + 5 + i] = 1;
        }
        MorphologyMetrics metrics = Morphology.measure(mask, 16, 16);

        assertEquals(4 * Math.sqrt(2), metrics.skeletonLength(), 1e-12);
        assertEquals(2, metrics.endPoints());
        assertEquals(0, metrics.branchPoints());
        assertEquals(1, metrics.eulerCharacteristic(), "8-connected cells form one component");
    }

    /** Two separate blocks, one with holes of 1 and 9 pixels; the minimum area decides what counts. */
    @Test
    void lacunaeAndComponents() {
        byte[] mask = image(40, 20);
        fill(mask, 40, 2, 2, 3, 3, 1);
        fill(mask, 40, 10, 2, 12, 8, 1);
        fill(mask, 40, 12, 4, 1, 1, 0);
        fill(mask, 40, 15, 4, 3, 3, 0);

        MorphologyMetrics atLeastFour = Morphology.measure(mask, 40, 20);
        MorphologyMetrics all = Morphology.measure(mask, 0, 40, 20, 1);

        assertArrayEquals(new int[] {9}, atLeastFour.lacunaAreas());
        assertArrayEquals(new int[] {1, 9}, all.lacunaAreas());
        assertEquals(5.0, all.meanLacunaArea(), 1e-12);
        assertEquals(2 - 2, all.eulerCharacteristic(), "two components minus two holes");
        assertEquals((9 + 96 - 10) / 800.0, all.vesselAreaFraction(), 1e-12);
    }

    /** The periodic distance transform wraps: a medium pixel at x = 0 is 1 away from x = width - 1. */
    @Test
    void distanceTransformWraps() {
        boolean[] medium = new boolean[10 * 6];
        medium[2 * 10] = true;
        double[] squared = DistanceTransform.squared(medium, 10, 6);
        assertEquals(1, squared[2 * 10 + 9], 0);
        assertEquals(1 + 9, squared[5 * 10 + 9], 0, "dx 1 and dy 3 to the nearest copy");
        assertEquals(25, squared[2 * 10 + 5], 0);
    }
}
