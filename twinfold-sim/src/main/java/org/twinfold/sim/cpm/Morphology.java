package org.twinfold.sim.cpm;

import java.util.Arrays;

/**
 * Morphology metrics of vascular networks on a periodic cell-type mask: lacunae (medium components),
 * vessel area fraction, skeleton length, branch and end points, cord width, Euler characteristic and
 * compactness (see {@link MorphologyMetrics} for each definition). Cells are 8-connected and medium
 * 4-connected, the dual pairing under which the Euler characteristic equals components minus holes.
 *
 * <p>Note: lacunae follow the U-Net surrogate study (connected medium, periodic, small ones dropped);
 * the skeleton length is the total length, not skan's junction-to-junction branches of 5 px or more.
 * Stateless and thread-safe.
 */
public final class Morphology {
    /** Minimum lacuna area of the U-Net surrogate study (it keeps areas above 3 px). */
    public static final int DEFAULT_MIN_LACUNA_AREA = 4;

    private Morphology() {
    }

    /** Measures a mask with the default minimum lacuna area of 4 pixels. */
    public static MorphologyMetrics measure(byte[] cellType, int width, int height) {
        return measure(cellType, 0, width, height, DEFAULT_MIN_LACUNA_AREA);
    }

    /**
     * Measures the mask of one sample.
     *
     * @param cellType cell-type codes, row-major [height, width]; non-zero means cell
     * @param offset index of the sample's first pixel in {@code cellType}
     * @param minLacunaArea smallest medium component that counts as a lacuna, pixels
     */
    public static MorphologyMetrics measure(byte[] cellType, int offset, int width, int height, int minLacunaArea) {
        if (width < 1 || height < 1 || offset < 0 || cellType.length < offset + width * height) {
            throw new IllegalArgumentException("mask of " + cellType.length + " values cannot hold a " + width + " x "
                    + height + " image at offset " + offset);
        }
        boolean[] cells = new boolean[width * height];
        int covered = 0;
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cellType[offset + i] != 0;
            covered += cells[i] ? 1 : 0;
        }

        int[] lacunae = lacunaAreas(cells, width, height, minLacunaArea);
        boolean[] skeleton = Skeleton.thin(cells, width, height);
        int[] points = branchAndEndPoints(skeleton, width, height);
        return new MorphologyMetrics(lacunae.length, lacunae, covered / (double) cells.length,
                skeletonLength(skeleton, width, height), points[0], points[1],
                meanCordWidth(cells, skeleton, width, height), eulerCharacteristic(cells, width, height),
                compactness(cells, width, height));
    }

    static int[] lacunaAreas(boolean[] cells, int width, int height, int minArea) {
        PeriodicComponents medium = PeriodicComponents.find(cells, width, height, false, false);
        int[] areas = new int[medium.count];
        int count = 0;
        for (int c = 0; c < medium.count; c++) {
            if (!medium.wraps[c] && medium.area[c] >= minArea) {
                areas[count++] = medium.area[c];
            }
        }
        int[] lacunae = Arrays.copyOf(areas, count);
        Arrays.sort(lacunae);
        return lacunae;
    }

    static double skeletonLength(boolean[] skeleton, int width, int height) {
        int axial = 0;
        int diagonal = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (!skeleton[y * width + x]) {
                    continue;
                }
                // Links to the east and south are axial; to the south-east and south-west diagonal.
                boolean east = at(skeleton, width, height, x + 1, y);
                boolean south = at(skeleton, width, height, x, y + 1);
                boolean west = at(skeleton, width, height, x - 1, y);
                axial += (east ? 1 : 0) + (south ? 1 : 0);
                if (at(skeleton, width, height, x + 1, y + 1) && !east && !south) {
                    diagonal++;
                }
                if (at(skeleton, width, height, x - 1, y + 1) && !west && !south) {
                    diagonal++;
                }
            }
        }
        return axial + Math.sqrt(2) * diagonal;
    }

    /** Returns {branch points, end points}. */
    static int[] branchAndEndPoints(boolean[] skeleton, int width, int height) {
        boolean[] junction = new boolean[skeleton.length];
        boolean[] p = new boolean[8];
        int ends = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int site = y * width + x;
                if (!skeleton[site]) {
                    continue;
                }
                Skeleton.neighbours(skeleton, width, height, x, y, p);
                int crossings = Skeleton.crossings(p);
                junction[site] = crossings >= 3;
                ends += crossings == 1 ? 1 : 0;
            }
        }
        int branches = PeriodicComponents.find(junction, width, height, true, true).count;
        return new int[] {branches, ends};
    }

    static double meanCordWidth(boolean[] cells, boolean[] skeleton, int width, int height) {
        boolean[] medium = new boolean[cells.length];
        boolean anyMedium = false;
        for (int i = 0; i < cells.length; i++) {
            medium[i] = !cells[i];
            anyMedium |= medium[i];
        }
        if (!anyMedium) {
            return Double.NaN;
        }
        double[] squared = DistanceTransform.squared(medium, width, height);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < skeleton.length; i++) {
            if (skeleton[i]) {
                sum += 2 * Math.sqrt(squared[i]) - 1;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * Returns the 8-connected Euler characteristic (n(Q1) - n(Q3) - 2 n(QD)) / 4 over all 2 x 2 quads of
     * the periodic image, where Q1 quads hold one cell pixel, Q3 three, and QD two on a diagonal.
     */
    static int eulerCharacteristic(boolean[] cells, int width, int height) {
        int q1 = 0;
        int q3 = 0;
        int qd = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean a = cells[y * width + x];
                boolean b = at(cells, width, height, x + 1, y);
                boolean c = at(cells, width, height, x, y + 1);
                boolean d = at(cells, width, height, x + 1, y + 1);
                int count = (a ? 1 : 0) + (b ? 1 : 0) + (c ? 1 : 0) + (d ? 1 : 0);
                if (count == 1) {
                    q1++;
                } else if (count == 3) {
                    q3++;
                } else if (count == 2 && a == d) {
                    qd++;
                }
            }
        }
        return (q1 - q3 - 2 * qd) / 4;
    }

    static double compactness(boolean[] cells, int width, int height) {
        PeriodicComponents clusters = PeriodicComponents.find(cells, width, height, true, true);
        int[] start = new int[clusters.count + 1];
        for (int i = 0; i < cells.length; i++) {
            if (clusters.label[i] >= 0) {
                start[clusters.label[i] + 1]++;
            }
        }
        for (int c = 0; c < clusters.count; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = Arrays.copyOf(start, clusters.count);
        int[] xs = new int[cells.length];
        int[] ys = new int[cells.length];
        for (int i = 0; i < cells.length; i++) {
            int c = clusters.label[i];
            if (c >= 0) {
                xs[fill[c]] = clusters.unwrappedX[i];
                ys[fill[c]] = clusters.unwrappedY[i];
                fill[c]++;
            }
        }

        double area = 0;
        double hullArea = 0;
        for (int c = 0; c < clusters.count; c++) {
            if (clusters.wraps[c]) {
                continue;
            }
            int count = clusters.area[c];
            int[] clusterX = Arrays.copyOfRange(xs, start[c], start[c] + count);
            int[] clusterY = Arrays.copyOfRange(ys, start[c], start[c] + count);
            area += count;
            hullArea += ConvexHull.pixelHullArea(clusterX, clusterY, count);
        }
        return area == 0 ? Double.NaN : area / hullArea;
    }

    private static boolean at(boolean[] image, int width, int height, int x, int y) {
        return image[Math.floorMod(y, height) * width + Math.floorMod(x, width)];
    }
}
