package org.twinfold.sim.calo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The voxel layout of a cylindrical calorimeter in the CaloChallenge 2022 convention: layers along
 * the particle direction, each split into radial and equal angular bins. The flat voxel index runs
 * over layers, then angular bins, then radial bins (radial fastest); for Dataset 2 it is
 * {@code 144 * layer + 9 * angularBin + radialBin}, so a shower reshapes to (45, 16, 9).
 *
 * <p>Geometries are read from the challenge's binning XML format by {@link BinningXml}; Dataset 2
 * ships as a resource ({@link #dataset2()}).
 *
 * @param particle particle name of the binning file, such as {@code electron}
 * @param pid PDG particle id of the binning file, such as 11
 * @param layerDepthMm depth of every readout layer along the particle direction, in mm
 * @param layers the readout layers, front to back
 */
public record CalorimeterGeometry(String particle, int pid, double layerDepthMm, List<CalorimeterLayer> layers) {

    static final String DATASET_2_RESOURCE = "binning_dataset_2.xml";

    public CalorimeterGeometry {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a calorimeter geometry needs at least one layer");
        }
        if (!(layerDepthMm > 0) || !Double.isFinite(layerDepthMm)) {
            throw new IllegalArgumentException("layer depth is " + layerDepthMm + " mm; it must be finite and positive");
        }
    }

    /**
     * Returns the CaloChallenge Dataset 2 geometry: 45 layers of 3.4 mm, 16 angular bins and 9 radial
     * bins of 4.65 mm up to 41.85 mm, 6,480 voxels.
     */
    public static CalorimeterGeometry dataset2() {
        try (InputStream in = CalorimeterGeometry.class.getResourceAsStream(DATASET_2_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DATASET_2_RESOURCE + " is missing from the twinfold-sim "
                        + "jar; rebuild it");
            }
            return BinningXml.read(in, DATASET_2_RESOURCE, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + DATASET_2_RESOURCE, e);
        }
    }

    public int layerCount() {
        return layers.size();
    }

    public CalorimeterLayer layer(int index) {
        return layers.get(index);
    }

    /** Returns the total number of voxels over all layers. */
    public int voxelCount() {
        int count = 0;
        for (CalorimeterLayer layer : layers) {
            count += layer.voxels();
        }
        return count;
    }

    /** Returns the flat index of the first voxel of a layer. */
    public int layerOffset(int layer) {
        int offset = 0;
        for (int l = 0; l < layer; l++) {
            offset += layers.get(l).voxels();
        }
        return offset;
    }

    /**
     * Returns the flat voxel index of a (layer, angular bin, radial bin) cell.
     *
     * @throws IllegalArgumentException when a bin is outside its layer
     */
    public int index(int layer, int angularBin, int radialBin) {
        if (layer < 0 || layer >= layers.size()) {
            throw new IllegalArgumentException("layer " + layer + " is outside [0, " + layers.size() + ")");
        }
        CalorimeterLayer cells = layers.get(layer);
        if (angularBin < 0 || angularBin >= cells.angularBins() || radialBin < 0 || radialBin >= cells.radialBins()) {
            throw new IllegalArgumentException("bin (angular " + angularBin + ", radial " + radialBin + ") is outside "
                    + "layer " + layer + ", which has " + cells.angularBins() + " angular and " + cells.radialBins()
                    + " radial bins");
        }
        return layerOffset(layer) + angularBin * cells.radialBins() + radialBin;
    }

    /** Returns the depth of the whole readout, layers times layer depth, in mm. */
    public double totalDepthMm() {
        return layers.size() * layerDepthMm;
    }
}
