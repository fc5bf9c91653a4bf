package org.twinfold.sim.cpm;

/**
 * The state of a run after {@code mcs} Monte Carlo steps, in the output schema of the task. Arrays are
 * row-major with shape [height, width] and are copies the caller owns.
 *
 * @param mcs Monte Carlo steps done
 * @param width lattice extent in x, pixels
 * @param height lattice extent in y, pixels
 * @param cellType cell-type code per site (0 medium, 1 endothelial), read as unsigned bytes
 * @param cellId cell id per site, 0 for medium
 * @param vegf VEGF concentration per site
 */
public record CpmSnapshot(long mcs, int width, int height, byte[] cellType, int[] cellId, float[] vegf) {
}
