package org.twinfold.sim.md;

import java.util.Arrays;

/**
 * A Verlet neighbour list for a periodic cube, built with a linked-cell list.
 *
 * <p>The list contains every pair closer than r_c + skin. It stays valid while no particle has moved
 * more than skin / 2 since it was built, because then no pair outside the list can have come within
 * r_c. {@link #update} checks that and rebuilds when needed.
 *
 * <p>The build divides the cube of side L into m^3 cells of side L/m >= r_c + skin (Allen and
 * Tildesley, Computer Simulation of Liquids, 2nd ed., section 5.3), so that only pairs in the same or
 * adjacent cells can be close enough. Each cell visits itself and 13 of its 26 neighbours, so every
 * pair is seen once. That needs m >= 3. The build costs O(N) per rebuild.
 *
 * <p>Mutable and not thread-safe; one instance per trajectory.
 */
final class NeighbourList {
    private final int count;
    private final double side;
    private final double listRangeSquared;
    private final double maxDisplacementSquared;
    private final int cellsPerSide;
    private final int[] head;
    private final int[] next;
    private final int[][] halfShell;
    private final int[] start;
    private final int[] end;
    private final double[] builtAt;
    private int[] partners = new int[0];
    private int builds;

    NeighbourList(int count, double side, double cutoff, double skin) {
        this.count = count;
        this.side = side;
        double range = cutoff + skin;
        this.listRangeSquared = range * range;
        this.maxDisplacementSquared = 0.25 * skin * skin;
        this.cellsPerSide = cellsPerSide(side, cutoff, skin);
        if (cellsPerSide < 3) {
            throw new IllegalArgumentException("a neighbour list needs a periodic cube at least 3 (cutoff + skin) wide; "
                    + "side " + side + " is less than " + 3 * range + ", so use all pairs or a larger box");
        }
        this.head = new int[cellsPerSide * cellsPerSide * cellsPerSide];
        this.next = new int[count];
        this.halfShell = halfShell(cellsPerSide);
        this.start = new int[count];
        this.end = new int[count];
        this.builtAt = new double[3 * count];
    }

    /** Returns how many cells fit along the side, each at least cutoff + skin wide. */
    static int cellsPerSide(double side, double cutoff, double skin) {
        return (int) Math.floor(side / (cutoff + skin));
    }

    /** Rebuilds the list if it was never built or a particle moved more than skin / 2 since the last build. */
    void update(double[] position) {
        if (builds == 0 || movedTooFar(position)) {
            build(position);
        }
    }

    /** Returns the first index into {@link #partners()} of particle i's partners. */
    int start(int i) {
        return start[i];
    }

    /** Returns one past the last index into {@link #partners()} of particle i's partners. */
    int end(int i) {
        return end[i];
    }

    /** Returns the partner array; particle i's partners j are at [start(i), end(i)), each pair stored once. */
    int[] partners() {
        return partners;
    }

    /** Returns the number of builds so far. */
    int builds() {
        return builds;
    }

    private boolean movedTooFar(double[] position) {
        for (int i = 0; i < count; i++) {
            double sum = 0;
            for (int d = 0; d < 3; d++) {
                double delta = position[3 * i + d] - builtAt[3 * i + d];
                delta -= side * Math.rint(delta / side);
                sum += delta * delta;
            }
            if (sum > maxDisplacementSquared) {
                return true;
            }
        }
        return false;
    }

    private void build(double[] position) {
        fillCells(position);

        int filled = 0;
        for (int cell = 0; cell < head.length; cell++) {
            for (int i = head[cell]; i >= 0; i = next[i]) {
                start[i] = filled;
                // Partners inside the cell come after i in the cell's list, so each pair is stored once.
                for (int j = next[i]; j >= 0; j = next[j]) {
                    filled = addIfClose(position, i, j, filled);
                }
                for (int neighbour : halfShell[cell]) {
                    for (int j = head[neighbour]; j >= 0; j = next[j]) {
                        filled = addIfClose(position, i, j, filled);
                    }
                }
                end[i] = filled;
            }
        }

        System.arraycopy(position, 0, builtAt, 0, position.length);
        builds++;
    }

    private int addIfClose(double[] position, int i, int j, int filled) {
        double sum = 0;
        for (int d = 0; d < 3; d++) {
            double delta = position[3 * i + d] - position[3 * j + d];
            delta -= side * Math.rint(delta / side);
            sum += delta * delta;
        }
        if (sum >= listRangeSquared) {
            return filled;
        }
        if (filled == partners.length) {
            partners = Arrays.copyOf(partners, Math.max(64, 2 * partners.length));
        }
        partners[filled] = j;
        return filled + 1;
    }

    private void fillCells(double[] position) {
        Arrays.fill(head, -1);
        double half = 0.5 * side;
        double cellsPerLength = cellsPerSide / side;
        // Insert in reverse so that each cell's list runs in increasing particle order.
        for (int i = count - 1; i >= 0; i--) {
            int cx = cellCoordinate(position[3 * i], half, cellsPerLength);
            int cy = cellCoordinate(position[3 * i + 1], half, cellsPerLength);
            int cz = cellCoordinate(position[3 * i + 2], half, cellsPerLength);
            int cell = (cz * cellsPerSide + cy) * cellsPerSide + cx;
            next[i] = head[cell];
            head[cell] = i;
        }
    }

    private int cellCoordinate(double x, double half, double cellsPerLength) {
        int c = (int) ((x + half) * cellsPerLength);
        // Rounding can put x = L/2 - ulp into cell m; clamp it into the last cell.
        return Math.min(Math.max(c, 0), cellsPerSide - 1);
    }

    // For each cell, the 13 neighbours whose offset (dx, dy, dz) comes after (0, 0, 0) in z, y, x order.
    private static int[][] halfShell(int m) {
        int[][] table = new int[m * m * m][13];
        for (int cz = 0; cz < m; cz++) {
            for (int cy = 0; cy < m; cy++) {
                for (int cx = 0; cx < m; cx++) {
                    int cell = (cz * m + cy) * m + cx;
                    int filled = 0;
                    for (int dz = -1; dz <= 1; dz++) {
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                boolean after = dz > 0 || (dz == 0 && dy > 0) || (dz == 0 && dy == 0 && dx > 0);
                                if (after) {
                                    int nx = Math.floorMod(cx + dx, m);
                                    int ny = Math.floorMod(cy + dy, m);
                                    int nz = Math.floorMod(cz + dz, m);
                                    table[cell][filled++] = (nz * m + ny) * m + nx;
                                }
                            }
                        }
                    }
                }
            }
        }
        return table;
    }
}
