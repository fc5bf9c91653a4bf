package org.twinfold.sim.cpm;

import java.util.Arrays;

/**
 * Placement of the cells before the first MCS. Every layout puts square cells of a given side on an
 * otherwise empty (medium) periodic lattice; cells may touch but never overlap.
 */
public sealed interface InitialLayout {

    /** Builds the lattice; random layouts draw from {@code random}, which the run then continues to use. */
    CellLattice place(int width, int height, Xoshiro256PlusPlus random);

    /**
     * {@code count} squares of {@code side} x {@code side} pixels at uniformly random positions, placed one
     * after another and redrawn when they would overlap an earlier cell (random sequential adsorption).
     */
    record RandomSquares(int count, int side) implements InitialLayout {
        private static final int TRIES_PER_CELL = 10_000;

        public RandomSquares {
            if (count < 0 || side < 1) {
                throw new IllegalArgumentException("random squares need count >= 0 and side >= 1, got count " + count
                        + " and side " + side);
            }
        }

        @Override
        public CellLattice place(int width, int height, Xoshiro256PlusPlus random) {
            if ((long) count * side * side > (long) width * height) {
                throw new IllegalArgumentException(count + " cells of " + side + " x " + side + " pixels do not fit"
                        + " on a " + width + " x " + height + " lattice; lower the count or the side");
            }
            int[] ids = new int[width * height];
            for (int cell = 1; cell <= count; cell++) {
                boolean placed = false;
                for (int attempt = 0; attempt < TRIES_PER_CELL && !placed; attempt++) {
                    int x0 = random.nextInt(width);
                    int y0 = random.nextInt(height);
                    if (isFree(ids, width, height, x0, y0, side)) {
                        fill(ids, width, height, x0, y0, side, cell);
                        placed = true;
                    }
                }
                if (!placed) {
                    throw new IllegalStateException("found no free place for cell " + cell + " of " + count + " ("
                            + side + " x " + side + " pixels) after " + TRIES_PER_CELL + " tries on a " + width
                            + " x " + height + " lattice; lower the cell count or the side");
                }
            }
            return CellLattice.of(width, height, ids, endothelialTypes(count));
        }
    }

    /**
     * A regular grid of {@code columns x rows} squares: cell {@code m + columns n + 1} has its lower-left
     * corner at {@code (offset + pitch m, offset + pitch n)}. With side 1, pitch 10 and offset 5 this is
     * the 400-cell start of the cross-framework benchmark on 200 x 200.
     */
    record Grid(int columns, int rows, int pitch, int offset, int side) implements InitialLayout {
        public Grid {
            if (columns < 0 || rows < 0 || side < 1 || pitch < side) {
                throw new IllegalArgumentException("grid needs columns, rows >= 0, side >= 1 and pitch >= side; got "
                        + columns + " x " + rows + ", side " + side + ", pitch " + pitch);
            }
        }

        @Override
        public CellLattice place(int width, int height, Xoshiro256PlusPlus random) {
            if (columns * pitch > width || rows * pitch > height) {
                throw new IllegalArgumentException("a " + columns + " x " + rows + " grid with pitch " + pitch
                        + " does not fit on " + width + " x " + height + "; lower the grid size or pitch");
            }
            int[] ids = new int[width * height];
            for (int n = 0; n < rows; n++) {
                for (int m = 0; m < columns; m++) {
                    fill(ids, width, height, offset + pitch * m, offset + pitch * n, side, m + columns * n + 1);
                }
            }
            return CellLattice.of(width, height, ids, endothelialTypes(columns * rows));
        }
    }

    private static boolean isFree(int[] ids, int width, int height, int x0, int y0, int side) {
        for (int dy = 0; dy < side; dy++) {
            int row = ((y0 + dy) % height) * width;
            for (int dx = 0; dx < side; dx++) {
                if (ids[row + (x0 + dx) % width] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void fill(int[] ids, int width, int height, int x0, int y0, int side, int id) {
        for (int dy = 0; dy < side; dy++) {
            int row = Math.floorMod(y0 + dy, height) * width;
            for (int dx = 0; dx < side; dx++) {
                ids[row + Math.floorMod(x0 + dx, width)] = id;
            }
        }
    }

    private static byte[] endothelialTypes(int count) {
        byte[] types = new byte[count + 1];
        Arrays.fill(types, 1, types.length, (byte) CellType.ENDOTHELIAL.code());
        return types;
    }
}
