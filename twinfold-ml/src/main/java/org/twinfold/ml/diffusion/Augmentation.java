package org.twinfold.ml.diffusion;

import java.util.Locale;
import java.util.SplittableRandom;
import org.twinfold.ml.LatticeSymmetry;

/**
 * Transformations applied to each training image when a batch is drawn. They are exact symmetries of
 * the data, so the model learns the same distribution from more distinct images. This is not EDM's
 * non-leaking augmentation, which conditions the network on the transformation.
 *
 * <ul>
 *   <li>{@link #NONE}: images as stored.</li>
 *   <li>{@link #LATTICE}: a uniform periodic shift in both directions, then one of the 8 rotations and
 *       reflections of a square lattice (4 of them, the flips and the half-turn, on a rectangular one).
 *       Valid for a periodic lattice whose dynamics has no preferred direction, such as the Cellular
 *       Potts model on a torus.</li>
 * </ul>
 */
public enum Augmentation {
    NONE,
    LATTICE;

    /** Returns the augmentation named {@code text} (case-insensitive). */
    public static Augmentation parse(String text) {
        for (Augmentation value : values()) {
            if (value.name().equalsIgnoreCase(text.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("augmentation '" + text + "' not found; use none or lattice");
    }

    /** Returns the lower-case name used in settings and metadata. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Transforms image {@code index} of {@code images} in place, with a transformation drawn from
     * {@code random}. {@link #NONE} draws nothing.
     *
     * @param images flat (N, C, H, W) images
     * @param scratch at least C H W floats of working space
     */
    void apply(float[] images, int index, int channels, int height, int width, SplittableRandom random,
               float[] scratch) {
        if (this == NONE) {
            return;
        }
        int dy = random.nextInt(height);
        int dx = random.nextInt(width);
        // Transposes (symmetries 4 to 7) keep the shape of square lattices only.
        int symmetry = random.nextInt(height == width ? 8 : 4);
        transform(images, index, channels, height, width, dy, dx, symmetry, scratch);
    }

    /**
     * Sets image {@code index} to {@code out(y, x) = D(in)((y + dy) mod H, (x + dx) mod W)}, where D is
     * symmetry number {@code symmetry} of {@link LatticeSymmetry}.
     */
    static void transform(float[] images, int index, int channels, int height, int width, int dy, int dx,
                          int symmetry, float[] scratch) {
        int size = channels * height * width;
        int offset = index * size;
        System.arraycopy(images, offset, scratch, 0, size);
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int source = LatticeSymmetry.source(symmetry, (y + dy) % height, (x + dx) % width, height, width);
                    images[offset + plane + y * width + x] = scratch[plane + source];
                }
            }
        }
    }
}
