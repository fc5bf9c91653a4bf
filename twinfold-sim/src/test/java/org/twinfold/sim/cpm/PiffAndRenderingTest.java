package org.twinfold.sim.cpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PiffAndRenderingTest {

    @Test
    void piffRoundTrip() throws IOException {
        String text = "7 EC 1 3 2 4 0 0\n9 EC 6 6 0 1 0 0\n0 Medium 0 0 0 0 0 0\n";
        CellLattice lattice = PiffFormat.read(new BufferedReader(new StringReader(text)), 8, 6);
        assertEquals(2, lattice.cellCount());
        assertEquals(9, lattice.volume(1));
        assertEquals(2, lattice.volume(2));
        assertEquals(12, lattice.surface(1), "a 3 x 3 square has 12 boundary edges");
        assertEquals(2, lattice.id(6, 1));

        StringWriter out = new StringWriter();
        PiffFormat.write(lattice, out);
        CellLattice copy = PiffFormat.read(new BufferedReader(new StringReader(out.toString())), 8, 6);
        assertArrayEquals(lattice.ids(), copy.ids());
    }

    @Test
    void piffRejectsOtherTypes() {
        assertThrows(IOException.class, () -> PiffFormat.read(
                new BufferedReader(new StringReader("1 Temp 0 0 0 0 0 0\n")), 4, 4));
    }

    @Test
    void renderingShowsMediumAndBorders() throws IOException {
        int[] ids = new int[8 * 8];
        for (int y = 2; y < 7; y++) {
            for (int x = 2; x < 7; x++) {
                ids[y * 8 + x] = 3;
            }
        }
        BufferedImage image = ConfigurationRenderer.render(ids, 8, 8, 2);
        assertEquals(16, image.getWidth());
        assertEquals(0x202020, image.getRGB(0, 0) & 0xFFFFFF, "medium is dark grey");
        int interior = image.getRGB(9, 9) & 0xFFFFFF;
        int border = image.getRGB(4, 4) & 0xFFFFFF;
        assertEquals(ConfigurationRenderer.colour(3), interior);
        assertNotEquals(interior, border, "border pixels are drawn darker");

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ConfigurationRenderer.writePng(new CpmSnapshot(0, 8, 8, new byte[64], ids, new float[64]), 1, png);
        byte[] bytes = png.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));
    }
}
