package org.twinfold.sim.cpm;

/**
 * Morphology of one cell-type mask, as computed by {@link Morphology#measure}. Lengths are in pixels,
 * areas in pixels^2.
 *
 * @param lacunaCount medium components (4-connected) that do not wind around the periodic lattice and
 *     have at least the minimum area
 * @param lacunaAreas areas of those lacunae, ascending
 * @param vesselAreaFraction fraction of sites covered by cells
 * @param skeletonLength length of the Zhang-Suen skeleton of the cells: 1 per axial link between
 *     skeleton pixels and sqrt(2) per diagonal link whose two shared axial neighbours are both empty
 * @param branchPoints 8-connected clusters of skeleton pixels with crossing number 3 or more
 * @param endPoints skeleton pixels with crossing number 1
 * @param meanCordWidth mean over skeleton pixels of 2 d - 1, with d the Euclidean distance from the
 *     pixel centre to the nearest medium centre. It is exact for straight cords of odd width, and NaN
 *     without skeleton or without medium
 * @param eulerCharacteristic components minus holes of the cells with 8-connectivity, from 2 x 2 pixel
 *     quads (Gray 1971), so a band that winds around the periodic lattice counts 0
 * @param compactness total area over total convex-hull area of the 8-connected cell clusters that do
 *     not wind around the lattice, each hull taken over the pixel squares; NaN when there is none
 */
public record MorphologyMetrics(int lacunaCount, int[] lacunaAreas, double vesselAreaFraction,
                                double skeletonLength, int branchPoints, int endPoints, double meanCordWidth,
                                int eulerCharacteristic, double compactness) {

    @Override
    public int[] lacunaAreas() {
        return lacunaAreas.clone();
    }

    /** Returns the mean lacuna area, pixels; NaN without lacunae. */
    public double meanLacunaArea() {
        return java.util.Arrays.stream(lacunaAreas).average().orElse(Double.NaN);
    }
}
