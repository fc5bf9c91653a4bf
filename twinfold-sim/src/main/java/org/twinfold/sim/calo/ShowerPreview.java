package org.twinfold.sim.calo;

import java.awt.image.BufferedImage;

/**
 * Draws one shower as a heat map of energy per (layer, radial bin), summed over angular bins: layers
 * run left to right, radius from top (axis) to bottom. Colours follow log10 of the energy over four
 * decades below the shower's hottest cell, from dark blue through green to yellow. Empty cells are
 * black. Stateless and thread-safe.
 */
final class ShowerPreview {
    /** Decades of energy below the maximum that still get a colour. */
    private static final double DECADES = 4;
    private static final int[][] RAMP = {{20, 20, 90}, {30, 110, 160}, {60, 180, 90}, {250, 230, 40}};

    private ShowerPreview() {
    }

    /**
     * Renders shower {@code index} of a flat (N, voxels) array; every layer must have the same radial
     * bins.
     *
     * @param scale pixels per cell side
     */
    static BufferedImage render(CalorimeterGeometry geometry, float[] showers, int index, int scale) {
        int layers = geometry.layerCount();
        int bins = geometry.layer(0).radialBins();
        double[][] energy = new double[layers][bins];
        double max = 0;
        int base = index * geometry.voxelCount();
        for (int l = 0; l < layers; l++) {
            CalorimeterLayer layer = geometry.layer(l);
            if (layer.radialBins() != bins) {
                throw new IllegalArgumentException("the preview needs the same radial bins in every layer; layer " + l
                        + " has " + layer.radialBins() + ", layer 0 has " + bins);
            }
            int offset = base + geometry.layerOffset(l);
            for (int a = 0; a < layer.angularBins(); a++) {
                for (int r = 0; r < bins; r++) {
                    energy[l][r] += showers[offset + a * bins + r];
                }
            }
            for (int r = 0; r < bins; r++) {
                max = Math.max(max, energy[l][r]);
            }
        }

        BufferedImage image = new BufferedImage(layers * scale, bins * scale, BufferedImage.TYPE_INT_RGB);
        for (int l = 0; l < layers; l++) {
            for (int r = 0; r < bins; r++) {
                int rgb = colour(energy[l][r], max);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(l * scale + dx, r * scale + dy, rgb);
                    }
                }
            }
        }
        return image;
    }

    private static int colour(double energy, double max) {
        if (!(energy > 0) || !(max > 0)) {
            return 0;
        }
        double level = 1 + Math.log10(energy / max) / DECADES;
        if (level <= 0) {
            return 0;
        }
        double position = Math.min(1, level) * (RAMP.length - 1);
        int lower = Math.min((int) position, RAMP.length - 2);
        double fraction = position - lower;
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            int value = (int) Math.round(RAMP[lower][c] + fraction * (RAMP[lower + 1][c] - RAMP[lower][c]));
            rgb = (rgb << 8) | value;
        }
        return rgb;
    }
}
