package org.twinfold.ml.classifier;

/** The symmetries of a rectangle (flips) and, for squares, of a square (flips, rotations, transposes). */
final class Symmetry {

    private Symmetry() {
    }

    /**
     * Returns the flat source index (row-major, H x W) of pixel (y, x) under symmetry s: bit 0 flips
     * rows, bit 1 flips columns, and bit 2 (squares only) transposes before the flips.
     */
    static int source(int s, int y, int x, int height, int width) {
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
