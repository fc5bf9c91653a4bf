package org.twinfold.sim.calo;

import java.util.List;

/**
 * One readout layer of a cylindrical calorimeter: radial bin edges and the number of equal angular
 * bins. Within the layer the flat voxel index is {@code angularBin * radialBins + radialBin}.
 *
 * @param id layer number, counted from the front face
 * @param radialEdgesMm increasing radial bin edges in mm, starting at 0; one edge alone means a
 *     layer without voxels, as in the challenge's Dataset 1 files
 * @param angularBins number of equal angular bins over [-pi, pi), at least 1
 */
public record CalorimeterLayer(int id, List<Double> radialEdgesMm, int angularBins) {

    public CalorimeterLayer {
        radialEdgesMm = List.copyOf(radialEdgesMm);
        if (radialEdgesMm.isEmpty()) {
            throw new IllegalArgumentException("layer " + id + " has no radial edges; give at least the edge 0");
        }
        if (radialEdgesMm.get(0) != 0.0) {
            throw new IllegalArgumentException("layer " + id + " has first radial edge " + radialEdgesMm.get(0)
                    + " mm; the first edge must be 0");
        }
        for (int i = 1; i < radialEdgesMm.size(); i++) {
            double edge = radialEdgesMm.get(i);
            if (!Double.isFinite(edge) || edge <= radialEdgesMm.get(i - 1)) {
                throw new IllegalArgumentException("layer " + id + " has radial edges " + radialEdgesMm
                        + " mm; the edges must be finite and strictly increasing");
            }
        }
        if (angularBins < 1) {
            throw new IllegalArgumentException("layer " + id + " has " + angularBins
                    + " angular bins; it needs at least 1");
        }
    }

    public int radialBins() {
        return radialEdgesMm.size() - 1;
    }

    /** Returns the number of voxels, angular bins times radial bins (0 for a layer without voxels). */
    public int voxels() {
        return radialBins() * angularBins;
    }

    /** Returns the outer radius of the last radial bin in mm; energy beyond it leaks out. */
    public double outerRadiusMm() {
        return radialEdgesMm.get(radialEdgesMm.size() - 1);
    }

    /** Returns the radial edges as an array, in mm. */
    public double[] radialEdgesArray() {
        return radialEdgesMm.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Returns the midpoints of the radial bins in mm, the radius that the challenge's features use. */
    public double[] radialCentresMm() {
        double[] centres = new double[radialBins()];
        for (int r = 0; r < centres.length; r++) {
            centres[r] = 0.5 * (radialEdgesMm.get(r) + radialEdgesMm.get(r + 1));
        }
        return centres;
    }

    /** Returns the midpoints of the angular bins in radians; bin 0 starts at -pi. */
    public double[] angularCentres() {
        double[] centres = new double[angularBins];
        double width = 2 * Math.PI / angularBins;
        for (int a = 0; a < angularBins; a++) {
            centres[a] = -Math.PI + (a + 0.5) * width;
        }
        return centres;
    }
}
