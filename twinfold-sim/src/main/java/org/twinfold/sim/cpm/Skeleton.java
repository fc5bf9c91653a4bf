package org.twinfold.sim.cpm;

/**
 * Morphological skeleton of a periodic binary image by Zhang-Suen thinning (Zhang and Suen, Commun.
 * ACM 27: 236, 1984), with neighbours taken across the periodic edges. The result is an 8-connected
 * skeleton one pixel wide; a band of odd width w thins to its middle line.
 *
 * <p>Neighbour numbering, as in the paper: P2 north (y - 1), then clockwise P3 north-east, P4 east,
 * P5 south-east, P6 south, P7 south-west, P8 west, P9 north-west.
 */
final class Skeleton {
    private static final int[] DX = {0, 1, 1, 1, 0, -1, -1, -1};
    private static final int[] DY = {-1, -1, 0, 1, 1, 1, 0, -1};

    private Skeleton() {
    }

    /** Returns the skeleton of the {@code true} pixels of {@code mask}. */
    static boolean[] thin(boolean[] mask, int width, int height) {
        boolean[] image = mask.clone();
        boolean[] remove = new boolean[image.length];
        boolean changed = true;
        while (changed) {
            changed = subIteration(image, remove, width, height, true);
            changed |= subIteration(image, remove, width, height, false);
        }
        return image;
    }

    private static boolean subIteration(boolean[] image, boolean[] remove, int width, int height, boolean first) {
        boolean any = false;
        boolean[] p = new boolean[8];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int site = y * width + x;
                remove[site] = false;
                if (!image[site]) {
                    continue;
                }
                neighbours(image, width, height, x, y, p);
                int count = count(p);
                if (count < 2 || count > 6 || crossings(p) != 1) {
                    continue;
                }
                // p[0] = P2 (north), p[2] = P4 (east), p[4] = P6 (south), p[6] = P8 (west).
                boolean deletable = first
                        ? !(p[0] && p[2] && p[4]) && !(p[2] && p[4] && p[6])
                        : !(p[0] && p[2] && p[6]) && !(p[0] && p[4] && p[6]);
                if (deletable) {
                    remove[site] = true;
                    any = true;
                }
            }
        }
        for (int site = 0; site < image.length; site++) {
            if (remove[site]) {
                image[site] = false;
            }
        }
        return any;
    }

    /** Fills {@code p} with the 8 neighbours of (x, y) in the order P2 ... P9. */
    static void neighbours(boolean[] image, int width, int height, int x, int y, boolean[] p) {
        for (int k = 0; k < 8; k++) {
            p[k] = image[Math.floorMod(y + DY[k], height) * width + Math.floorMod(x + DX[k], width)];
        }
    }

    static int count(boolean[] p) {
        int count = 0;
        for (boolean value : p) {
            count += value ? 1 : 0;
        }
        return count;
    }

    /** Returns the crossing number: 0-to-1 transitions in the cyclic sequence P2, P3, ..., P9, P2. */
    static int crossings(boolean[] p) {
        int transitions = 0;
        for (int k = 0; k < 8; k++) {
            if (!p[k] && p[(k + 1) % 8]) {
                transitions++;
            }
        }
        return transitions;
    }
}
