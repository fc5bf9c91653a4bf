package org.twinfold.sim.cpm;

/**
 * Neighbour offsets on the square lattice by neighbour order: order 1 is the 4 nearest sites
 * (distance 1), order 2 adds the diagonals (8 sites), order 3 the sites at distance 2 (12 sites) and
 * order 4 the sites at distance sqrt(5) (20 sites), as CompuCell3D counts neighbour orders.
 *
 * <p>The first four offsets are always the order-1 sites, so a loop over a higher order can count
 * first-order neighbours on the way.
 */
final class Neighbourhood {
    static final int MAX_ORDER = 4;
    /** Largest |dx| or |dy| of any offset; a periodic lattice needs extents above 2 * REACH. */
    static final int REACH = 2;

    private static final int[] DX = {1, 0, -1, 0, 1, -1, -1, 1, 2, 0, -2, 0, 2, 1, -1, -2, -2, -1, 1, 2};
    private static final int[] DY = {0, 1, 0, -1, 1, 1, -1, -1, 0, 2, 0, -2, 1, 2, 2, 1, -1, -2, -2, -1};
    private static final int[] SIZE = {0, 4, 8, 12, 20};

    private Neighbourhood() {
    }

    /** Returns the number of neighbours of this order. */
    static int size(int order) {
        checkOrder(order);
        return SIZE[order];
    }

    /** Returns the x offsets of the neighbours of this order. */
    static int[] dx(int order) {
        return java.util.Arrays.copyOf(DX, size(order));
    }

    /** Returns the y offsets of the neighbours of this order. */
    static int[] dy(int order) {
        return java.util.Arrays.copyOf(DY, size(order));
    }

    static void checkOrder(int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("neighbour order " + order + " is not supported; use 1 (4 sites),"
                    + " 2 (8), 3 (12) or 4 (20)");
        }
    }
}
