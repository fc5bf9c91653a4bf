package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/**
 * Boundary handling of the U-Net's convolutions. {@link #CIRCULAR} wraps the lattice around, so a
 * periodic lattice (the CPM's torus) has no edges: a network made only of circularly padded
 * convolutions, stride-2 downsampling and nearest-neighbour upsampling is equivariant to shifts by
 * multiples of 2^(levels - 1) sites.
 */
public enum Padding {
    /** Zeros outside the image, as in most image U-Nets. */
    ZERO,
    /** Periodic boundaries: row -1 is row H - 1, column W is column 0. */
    CIRCULAR;

    /**
     * Pads the last two axes of {@code x} (N, C, H, W) by {@code width} sites on each side with the
     * values from the opposite edge. Shape (N, C, H + 2 width, W + 2 width).
     */
    static NDArray wrap(NDArray x, int width) {
        if (width == 0) {
            return x;
        }
        String lead = ":, :, ";
        NDArray rows = NDArrays.concat(new ai.djl.ndarray.NDList(x.get(lead + "-" + width + ":"), x,
                x.get(lead + ":" + width)), 2);
        return NDArrays.concat(new ai.djl.ndarray.NDList(rows.get(lead + ":, -" + width + ":"), rows,
                rows.get(lead + ":, :" + width)), 3);
    }
}
