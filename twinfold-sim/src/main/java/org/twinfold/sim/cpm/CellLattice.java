package org.twinfold.sim.cpm;

import java.util.Arrays;

/**
 * The cell configuration of a periodic square lattice: the cell id of every site, the type of every
 * cell, and each cell's volume (pixels) and surface (first-order neighbour pairs it shares with
 * other ids). Id 0 is the medium; cells have ids 1 to {@link #cellCount()}.
 *
 * <p>Sites are stored row-major, site {@code y * width + x}. The Metropolis sweep updates the arrays in
 * place and keeps volumes and surfaces in step with the ids, so this class is not thread-safe; each
 * run owns one lattice.
 */
public final class CellLattice {
    final int width;
    final int height;
    final int[] sigma;
    final byte[] siteType;
    final byte[] cellType;
    final int[] volume;
    final int[] surface;

    private CellLattice(int width, int height, int[] sigma, byte[] cellType) {
        this.width = width;
        this.height = height;
        this.sigma = sigma;
        this.cellType = cellType;
        this.siteType = new byte[sigma.length];
        this.volume = new int[cellType.length];
        this.surface = new int[cellType.length];
        for (int site = 0; site < sigma.length; site++) {
            siteType[site] = cellType[sigma[site]];
            volume[sigma[site]]++;
        }
        recomputeSurfaces();
    }

    /**
     * Creates a lattice from cell ids and the type of each id.
     *
     * @param width extent in x, pixels
     * @param height extent in y, pixels
     * @param ids cell id per site, row-major, {@code width * height} values in [0, typeById.length)
     * @param typeById type code per id; entry 0 must be medium and the others endothelial
     */
    public static CellLattice of(int width, int height, int[] ids, byte[] typeById) {
        if (width <= 0 || height <= 0 || ids.length != width * height) {
            throw new IllegalArgumentException("ids has " + ids.length + " values for a " + width + " x " + height
                    + " lattice; expected width * height values");
        }
        if (typeById.length == 0 || typeById[0] != CellType.MEDIUM.code()) {
            throw new IllegalArgumentException("id 0 must be the medium (type 0)");
        }
        for (int id = 1; id < typeById.length; id++) {
            if (typeById[id] != CellType.ENDOTHELIAL.code()) {
                throw new IllegalArgumentException("cell " + id + " has type " + typeById[id]
                        + "; every cell id above 0 must be endothelial (type 1)");
            }
        }
        for (int site = 0; site < ids.length; site++) {
            if (ids[site] < 0 || ids[site] >= typeById.length) {
                throw new IllegalArgumentException("site " + site + " has cell id " + ids[site] + "; ids must lie in"
                        + " [0, " + typeById.length + ")");
            }
        }
        return new CellLattice(width, height, ids.clone(), typeById.clone());
    }

    /** Returns a deep copy. */
    public CellLattice copy() {
        return new CellLattice(width, height, sigma.clone(), cellType.clone());
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Returns the number of cell ids above 0, including cells whose volume has shrunk to 0. */
    public int cellCount() {
        return cellType.length - 1;
    }

    /** Returns the cell id at (x, y), coordinates taken modulo the lattice. */
    public int id(int x, int y) {
        return sigma[Math.floorMod(y, height) * width + Math.floorMod(x, width)];
    }

    /** Returns the volume of a cell in pixels. */
    public int volume(int id) {
        return volume[id];
    }

    /** Returns the surface of a cell: first-order neighbour pairs with a different id. */
    public int surface(int id) {
        return surface[id];
    }

    /** Returns a copy of the cell ids, row-major. */
    public int[] ids() {
        return sigma.clone();
    }

    /** Returns a copy of the cell-type mask, row-major. */
    public byte[] typeMask() {
        return siteType.clone();
    }

    /** Returns a copy of the type code of every id. */
    public byte[] cellTypes() {
        return cellType.clone();
    }

    /** Recomputes every surface from the ids; used after bulk changes and by tests as ground truth. */
    void recomputeSurfaces() {
        Arrays.fill(surface, 0);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int id = sigma[y * width + x];
                int right = sigma[y * width + (x + 1) % width];
                int down = sigma[((y + 1) % height) * width + x];
                if (right != id) {
                    surface[id]++;
                    surface[right]++;
                }
                if (down != id) {
                    surface[id]++;
                    surface[down]++;
                }
            }
        }
    }
}
