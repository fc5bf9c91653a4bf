package org.twinfold.sim.cpm;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/**
 * Renders a cell configuration as an RGB image: each cell in a colour from a hash of its id, medium
 * (and so the lacunae) dark grey, and pixels next to a different id drawn darker so cell borders show.
 * Row y of the lattice is image row y. Stateless and thread-safe.
 */
public final class ConfigurationRenderer {
    private static final int MEDIUM = 0x202020;

    private ConfigurationRenderer() {
    }

    /**
     * Renders cell ids of shape [height, width] with each pixel drawn as a {@code scale x scale} block.
     */
    public static BufferedImage render(int[] ids, int width, int height, int scale) {
        if (ids.length != width * height || scale < 1) {
            throw new IllegalArgumentException("render needs width * height = " + width * height + " ids and scale"
                    + " >= 1; got " + ids.length + " ids and scale " + scale);
        }
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int id = ids[y * width + x];
                int rgb = id == 0 ? MEDIUM : colour(id);
                if (id != 0 && isBorder(ids, width, height, x, y, id)) {
                    rgb = (rgb >> 1) & 0x7F7F7F;
                }
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(x * scale + dx, y * scale + dy, rgb);
                    }
                }
            }
        }
        return image;
    }

    /** Writes a snapshot's cells as PNG. */
    public static void writePng(CpmSnapshot snapshot, int scale, OutputStream out) throws IOException {
        BufferedImage image = render(snapshot.cellId(), snapshot.width(), snapshot.height(), scale);
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer is available in this Java runtime");
        }
    }

    // A bright colour from a hash of the id, so neighbouring cells differ.
    static int colour(int id) {
        int hash = id * 0x9E3779B1;
        hash ^= hash >>> 15;
        int red = 96 + ((hash >>> 16) & 0x9F);
        int green = 96 + ((hash >>> 8) & 0x9F);
        int blue = 96 + (hash & 0x9F);
        return (red << 16) | (green << 8) | blue;
    }

    private static boolean isBorder(int[] ids, int width, int height, int x, int y, int id) {
        return ids[y * width + (x + 1) % width] != id
                || ids[y * width + (x + width - 1) % width] != id
                || ids[((y + 1) % height) * width + x] != id
                || ids[((y + height - 1) % height) * width + x] != id;
    }
}
