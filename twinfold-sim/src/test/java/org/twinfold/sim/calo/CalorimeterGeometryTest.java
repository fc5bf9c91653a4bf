package org.twinfold.sim.calo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CalorimeterGeometryTest {

    private static CalorimeterGeometry parse(String xml, Double depth) throws IOException {
        return BinningXml.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml", depth);
    }

    private static String messageOf(String xml) {
        return assertThrows(IllegalArgumentException.class, () -> parse(xml, null)).getMessage();
    }

    @Test
    void dataset2HasChallengeLayout() {
        CalorimeterGeometry geometry = CalorimeterGeometry.dataset2();

        assertEquals(45, geometry.layerCount());
        assertEquals(6480, geometry.voxelCount());
        assertEquals(3.4, geometry.layerDepthMm());
        assertEquals(153.0, geometry.totalDepthMm(), 1e-9);
        assertEquals(11, geometry.pid());
        assertEquals("electron", geometry.particle());
        CalorimeterLayer first = geometry.layer(0);
        assertEquals(9, first.radialBins());
        assertEquals(16, first.angularBins());
        assertEquals(41.85, first.outerRadiusMm(), 1e-12);
        assertEquals(2.325, first.radialCentresMm()[0], 1e-12);
        assertEquals(-Math.PI + Math.PI / 16, first.angularCentres()[0], 1e-12);
    }

    @Test
    void indexRunsRadialThenAngularThenLayer() {
        CalorimeterGeometry geometry = CalorimeterGeometry.dataset2();
        int expected = 0;
        for (int layer = 0; layer < 45; layer++) {
            for (int alpha = 0; alpha < 16; alpha++) {
                for (int r = 0; r < 9; r++) {
                    assertEquals(144 * layer + 9 * alpha + r, geometry.index(layer, alpha, r));
                    assertEquals(expected++, geometry.index(layer, alpha, r));
                }
            }
        }
        assertEquals(144 * 44, geometry.layerOffset(44));
        assertThrows(IllegalArgumentException.class, () -> geometry.index(0, 16, 0));
        assertThrows(IllegalArgumentException.class, () -> geometry.index(45, 0, 0));
    }

    @Test
    void customLayersAndParticleElement() throws IOException {
        String xml = "<Bins><Particle pid=\"22\" name=\"photon\">"
                + "<Layer id=\"0\" r_edges=\"0,5,10\" n_bin_alpha=\"1\"/>"
                + "<Layer id=\"1\" r_edges=\"0\" n_bin_alpha=\"1\"/>"
                + "<Layer id=\"2\" r_edges=\"0,2,4,8\" n_bin_alpha=\"10\"/>"
                + "</Particle></Bins>";
        CalorimeterGeometry geometry = parse(xml, 5.0);

        assertEquals(3, geometry.layerCount());
        assertEquals(2 + 0 + 30, geometry.voxelCount());
        assertEquals(5.0, geometry.layerDepthMm());
        assertEquals(0, geometry.layer(1).voxels());
        assertEquals(2, geometry.layerOffset(2));
        assertEquals(2 + 3 * 4 + 1, geometry.index(2, 4, 1));
        assertArrayEquals(new double[] {1, 3, 6}, geometry.layer(2).radialCentresMm(), 1e-12);
    }

    @Test
    void malformedFilesNameTheProblem() {
        String layer = "<Layer id=\"0\" r_edges=\"0,1\" n_bin_alpha=\"4\"/>";
        assertTrue(messageOf("<Bins layer_depth_mm=\"3\"><Bin>" + layer).contains("not well-formed XML"));
        assertTrue(messageOf("<Grid layer_depth_mm=\"3\"/>").contains("expected <Bins>"));
        assertTrue(messageOf("<Bins><Bin>" + layer + "</Bin></Bins>").contains("no layer_depth_mm"));
        assertTrue(messageOf("<Bins layer_depth_mm=\"-1\"><Bin>" + layer + "</Bin></Bins>")
                .contains("positive depth"));
        assertTrue(messageOf("<Bins layer_depth_mm=\"3\"><Bin></Bin></Bins>").contains("no <Layer>"));
        assertTrue(messageOf("<Bins layer_depth_mm=\"3\"><Bin><Layer id=\"1\" r_edges=\"0,1\" n_bin_alpha=\"4\"/>"
                + "</Bin></Bins>").contains("layer id 1 appears where id 0"));
        assertTrue(messageOf("<Bins layer_depth_mm=\"3\"><Bin><Layer id=\"0\" r_edges=\"0,2,1\" n_bin_alpha=\"4\"/>"
                + "</Bin></Bins>").contains("strictly increasing"));
        assertTrue(messageOf("<Bins layer_depth_mm=\"3\"><Bin><Layer id=\"0\" r_edges=\"0,x\" n_bin_alpha=\"4\"/>"
                + "</Bin></Bins>").contains("'x' is not a number"));
        assertTrue(messageOf("<Bins layer_depth_mm=\"3\"><Bin><Layer id=\"0\" r_edges=\"0,1\"/>"
                + "</Bin></Bins>").contains("lacks the attribute n_bin_alpha"));
        assertTrue(messageOf("<Bins layer_depth_mm=\"3\"><Bin><Layer id=\"0\" r_edges=\"0,1\" n_bin_alpha=\"0\"/>"
                + "</Bin></Bins>").contains("at least 1"));
        assertTrue(messageOf("<Bins layer_depth_mm=\"3\"><Bin>" + layer + "</Bin><Bin>" + layer + "</Bin></Bins>")
                .contains("exactly one"));
    }

    @Test
    void doctypeIsRejected() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Bins [<!ENTITY x \"y\">]><Bins layer_depth_mm=\"3\"/>";
        assertTrue(messageOf(xml).contains("not well-formed XML"));
    }
}
