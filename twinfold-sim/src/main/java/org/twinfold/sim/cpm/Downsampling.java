package org.twinfold.sim.cpm;

/** Block downsampling of binary masks. Stateless and thread-safe. */
final class Downsampling {

    private Downsampling() {
    }

    /**
     * Reduces masks of shape (count, height, width) by f in each direction: output pixel (y, x) is 1
     * when at least half of the f x f sites (f y .. f y + f - 1, f x .. f x + f - 1) are nonzero.
     *
     * @return masks of shape (count, height / f, width / f)
     */
    static byte[] blocks(byte[] masks, int count, int width, int height, int factor) {
        int outWidth = width / factor;
        int outHeight = height / factor;
        int threshold = (factor * factor + 1) / 2;
        byte[] out = new byte[count * outWidth * outHeight];

        for (int n = 0; n < count; n++) {
            int inOffset = n * width * height;
            int outOffset = n * outWidth * outHeight;
            for (int y = 0; y < outHeight; y++) {
                for (int x = 0; x < outWidth; x++) {
                    int cells = 0;
                    for (int dy = 0; dy < factor; dy++) {
                        for (int dx = 0; dx < factor; dx++) {
                            cells += masks[inOffset + (y * factor + dy) * width + x * factor + dx] != 0 ? 1 : 0;
                        }
                    }
                    out[outOffset + y * outWidth + x] = (byte) (cells >= threshold ? 1 : 0);
                }
            }
        }
        return out;
    }
}
