package org.twinfold.ml;

/**
 * The symmetries of a rectangular lattice (flips) and, for square lattices, of a square (flips,
 * rotations, transposes), numbered 0 to 3 and 0 to 7. The mask classifier and the diffusion model's
 * training augmentation draw from them.
 */
public final class LatticeSymmetry {

    private LatticeSymmetry() {
    }

    /**
     * Returns the flat source index (row-major, H x W) of pixel (y, x) under symmetry s: bit 0 flips
     * rows, bit 1 flips columns, and bit 2 (squares only) transposes before the flips.
     */
    public static int source(int s, int y, int x, int height, int width) {
        int row = y;
        int column = x;
        if ((s & 4) != 0) {
            row = x;
            column = y;
        }
        if ((s & 1) != 0) {
            row = height - 1 - row;
        }
        if ((s & 2) != 0) {
            column = width - 1 - column;
        }
        return row * width + column;
    }
}
