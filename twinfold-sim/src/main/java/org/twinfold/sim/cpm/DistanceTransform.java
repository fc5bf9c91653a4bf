package org.twinfold.sim.cpm;

/**
 * Exact Euclidean distance transform on a periodic lattice by the separable lower-envelope algorithm
 * of Felzenszwalb and Huttenlocher (Theory of Computing 8: 415, 2012). Periodicity is handled by
 * running each 1-D pass over three copies of the line and keeping the middle one.
 */
final class DistanceTransform {
    private static final double FAR = 1e18;

    private DistanceTransform() {
    }

    /**
     * Returns, per pixel, the squared distance between its centre and the nearest centre of a
     * {@code true} pixel of {@code features}, or a value of at least 1e18 when there is none.
     */
    static double[] squared(boolean[] features, int width, int height) {
        double[] grid = new double[width * height];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = features[i] ? 0 : FAR;
        }

        double[] line = new double[3 * Math.max(width, height)];
        double[] result = new double[line.length];
        for (int x = 0; x < width; x++) {
            for (int copy = 0; copy < 3; copy++) {
                for (int y = 0; y < height; y++) {
                    line[copy * height + y] = grid[y * width + x];
                }
            }
            transform1d(line, 3 * height, result);
            for (int y = 0; y < height; y++) {
                grid[y * width + x] = result[height + y];
            }
        }
        for (int y = 0; y < height; y++) {
            for (int copy = 0; copy < 3; copy++) {
                System.arraycopy(grid, y * width, line, copy * width, width);
            }
            transform1d(line, 3 * width, result);
            System.arraycopy(result, width, grid, y * width, width);
        }
        return grid;
    }

    // Lower envelope of the parabolas (q - p)^2 + f(p).
    private static void transform1d(double[] f, int n, double[] d) {
        int[] v = new int[n];
        double[] z = new double[n + 1];
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = intersection(f, q, v[k]);
            while (s <= z[k]) {
                k--;
                s = intersection(f, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double offset = q - v[k];
            d[q] = offset * offset + f[v[k]];
        }
    }

    private static double intersection(double[] f, int q, int p) {
        return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
    }
}
