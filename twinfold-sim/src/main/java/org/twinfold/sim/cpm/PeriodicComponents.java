package org.twinfold.sim.cpm;

/**
 * Connected components of the pixels of one value in a periodic binary image, found by breadth-first
 * search with 4- or 8-connectivity across the periodic edges.
 *
 * <p>The search also unwraps coordinates: each pixel gets the coordinates of the path that reached it,
 * so a component that stays inside one copy of the lattice gets consistent coordinates (used for its
 * convex hull). A component that winds around the torus reaches some pixel by two paths with
 * different unwrapped coordinates; it is marked as wrapping.
 */
final class PeriodicComponents {
    final int count;
    /** Component index per pixel, -1 for pixels of the other value. */
    final int[] label;
    final int[] area;
    final boolean[] wraps;
    /** Unwrapped coordinates per pixel, valid for pixels of non-wrapping components. */
    final int[] unwrappedX;
    final int[] unwrappedY;

    private PeriodicComponents(int count, int[] label, int[] area, boolean[] wraps, int[] unwrappedX,
                               int[] unwrappedY) {
        this.count = count;
        this.label = label;
        this.area = area;
        this.wraps = wraps;
        this.unwrappedX = unwrappedX;
        this.unwrappedY = unwrappedY;
    }

    /**
     * Labels the components of the pixels where {@code mask[i] == value}.
     *
     * @param eightConnected true for 8-connectivity, false for 4-connectivity
     */
    static PeriodicComponents find(boolean[] mask, int width, int height, boolean value, boolean eightConnected) {
        int[] dx = eightConnected ? new int[] {1, 1, 0, -1, -1, -1, 0, 1} : new int[] {1, 0, -1, 0};
        int[] dy = eightConnected ? new int[] {0, 1, 1, 1, 0, -1, -1, -1} : new int[] {0, 1, 0, -1};
        int sites = width * height;
        int[] label = new int[sites];
        java.util.Arrays.fill(label, -1);
        int[] unwrappedX = new int[sites];
        int[] unwrappedY = new int[sites];
        int[] queue = new int[sites];
        int[] areas = new int[16];
        boolean[] wraps = new boolean[16];
        int count = 0;

        for (int seed = 0; seed < sites; seed++) {
            if (mask[seed] != value || label[seed] >= 0) {
                continue;
            }
            if (count == areas.length) {
                areas = java.util.Arrays.copyOf(areas, 2 * count);
                wraps = java.util.Arrays.copyOf(wraps, 2 * count);
            }
            label[seed] = count;
            unwrappedX[seed] = seed % width;
            unwrappedY[seed] = seed / width;
            int head = 0;
            int tail = 0;
            queue[tail++] = seed;
            while (head < tail) {
                int pixel = queue[head++];
                int ux = unwrappedX[pixel];
                int uy = unwrappedY[pixel];
                for (int k = 0; k < dx.length; k++) {
                    int nx = ux + dx[k];
                    int ny = uy + dy[k];
                    int neighbour = Math.floorMod(ny, height) * width + Math.floorMod(nx, width);
                    if (mask[neighbour] != value) {
                        continue;
                    }
                    if (label[neighbour] < 0) {
                        label[neighbour] = count;
                        unwrappedX[neighbour] = nx;
                        unwrappedY[neighbour] = ny;
                        queue[tail++] = neighbour;
                    } else if (unwrappedX[neighbour] != nx || unwrappedY[neighbour] != ny) {
                        wraps[count] = true;
                    }
                }
            }
            areas[count] = tail;
            count++;
        }
        return new PeriodicComponents(count, label, java.util.Arrays.copyOf(areas, count),
                java.util.Arrays.copyOf(wraps, count), unwrappedX, unwrappedY);
    }
}
