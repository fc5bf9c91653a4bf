package org.twinfold.sim.cpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Sampling;

class CpmMaskGeneratorTest {

    @Test
    void blocksTieGoesToCells() {
        // One 4 x 2 mask: the left 2 x 2 block has 2 cells (a tie), the right one 1 cell.
        byte[] mask = {
            1, 0, 1, 0,
            0, 1, 0, 0};
        assertArrayEquals(new byte[] {1, 0}, Downsampling.blocks(mask, 1, 4, 2, 2));
    }

    @Test
    void blocksOfSecondSampleUseItsOwnSites() {
        byte[] masks = new byte[2 * 4];
        masks[4] = 1;
        masks[5] = 1;
        assertArrayEquals(new byte[] {0, 1}, Downsampling.blocks(masks, 2, 2, 2, 2));
    }

    @Test
    void maskMatchesFullRunDownsampled() {
        CpmGenerator full = new CpmGenerator(new CpmGenerator.Settings(16, 16, 20));
        CpmMaskGenerator masks = new CpmMaskGenerator(full, 2, VasculogenesisTask.quickClasses());
        List<ParameterPoint> points = Sampling.CLASSES.sample(masks.parameterSpace(), 3, null);

        SampleBatch batch = masks.generate(points, new long[] {1, 2, 3});
        byte[] expected = Downsampling.blocks(full.generate(points, new long[] {1, 2, 3}).bytes("cell_type"), 3, 16,
                16, 2);

        assertEquals(List.of("cell_type"), masks.schema().names());
        assertEquals(List.of(8, 8), masks.schema().field("cell_type").shape());
        assertArrayEquals(expected, batch.bytes("cell_type"));
        assertEquals(2, points.get(2).classLabel().getAsInt());
        assertEquals(20.0, points.get(2).value(0));
        assertEquals("2", masks.info().settings().get("downsample"));
    }

    @Test
    void rejectsFactorThatDoesNotDivide() {
        CpmGenerator full = new CpmGenerator(new CpmGenerator.Settings(10, 10, 1));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new CpmMaskGenerator(full, 3, VasculogenesisTask.quickClasses()));
        assertTrue(error.getMessage().contains("does not divide the 10 x 10 lattice"), error.getMessage());
    }
}
