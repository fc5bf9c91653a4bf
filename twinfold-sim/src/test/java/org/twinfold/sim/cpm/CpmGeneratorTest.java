package org.twinfold.sim.cpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinfold.core.Observable;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Task;
import org.twinfold.core.Tasks;

class CpmGeneratorTest {
    private final CpmGenerator generator = new CpmGenerator(new CpmGenerator.Settings(24, 20, 30));

    @Test
    void classesFollowTheSurrogateGrid() {
        List<ParameterPoint> classes = generator.parameterSpace().classes();
        assertEquals(25, classes.size());
        ParameterPoint point = classes.get(5 * 3 + 2);
        assertEquals(5 * 3 + 2, point.classLabel().getAsInt());
        assertEquals(15, point.value(0), 0);
        assertEquals(0.325, point.value(1), 0);
    }

    @Test
    void generatesSchemaShapedSamples() {
        List<ParameterPoint> points = List.of(ParameterPoint.of(0, 0.05), ParameterPoint.of(20, 0.6));
        SampleBatch batch = generator.generate(points, new long[] {1, 2});

        assertEquals(List.of(20, 24), generator.schema().field("cell_type").shape());
        byte[] types = batch.bytes("cell_type");
        int[] ids = batch.ints("cell_id");
        float[] vegf = batch.floats("vegf");
        assertEquals(2 * 480, types.length);
        for (int i = 0; i < types.length; i++) {
            assertEquals(ids[i] != 0 ? 1 : 0, types[i], "type and id disagree at " + i);
            assertTrue(vegf[i] >= 0, "negative VEGF at " + i);
        }

        SampleBatch again = generator.generate(List.of(points.get(1)), new long[] {2});
        assertArrayEquals(java.util.Arrays.copyOfRange(ids, 480, 960), again.ints("cell_id"));
    }

    @Test
    void infoRecordsSettings() {
        assertEquals("24", generator.info().settings().get("width"));
        assertEquals("20", generator.info().settings().get("height"));
        assertEquals("30", generator.info().settings().get("mcs"));
        assertEquals("7", generator.info().settings().get("cells"), "1000 cells per 256^2, scaled to 480 sites");
    }

    @Test
    void rejectsPointsOutsideRange() {
        assertThrows(IllegalArgumentException.class,
                () -> generator.generate(List.of(ParameterPoint.of(25, 0.1)), new long[] {1}));
    }

    @Test
    void taskIsRegisteredWithObservables() {
        Task task = Tasks.byName("vasculogenesis");
        assertFalse(task.deterministic());
        assertEquals(List.of("quick", "quick-full", "long", "long-full", "paper", "fields", "smoke"),
                task.presets().stream().map(p -> p.name()).toList());
        VasculogenesisTask vasculogenesis = (VasculogenesisTask) task;
        assertEquals(256, ((CpmMaskGenerator) vasculogenesis.simulator("paper")).simulator().settings().width());
        assertEquals(64, ((CpmMaskGenerator) vasculogenesis.simulator("quick")).simulator().settings().width());
        CpmMaskGenerator longRuns = (CpmMaskGenerator) vasculogenesis.simulator("long");
        assertEquals(new CpmGenerator.Settings(64, 64, 20_000), longRuns.simulator().settings());
        assertEquals(2, longRuns.downsample());
        CpmMaskGenerator longFullRuns = (CpmMaskGenerator) vasculogenesis.simulator("long-full");
        assertEquals(new CpmGenerator.Settings(64, 64, 20_000), longFullRuns.simulator().settings());
        assertEquals(1, longFullRuns.downsample());
        assertEquals(List.of(10, 64, 64),
                vasculogenesis.simulator("fields").schema().field(CpmGenerator.SNAPSHOTS).shape());

        SampleBatch batch = generator.generate(List.of(ParameterPoint.of(10, 0.3)), new long[] {4});
        double coverage = 0;
        for (byte type : batch.bytes("cell_type")) {
            coverage += type;
        }
        for (Observable observable : task.observables()) {
            double value = observable.evaluate(batch)[0];
            if (observable.name().equals("vessel_area_fraction")) {
                assertEquals(coverage / 480, value, 1e-12);
            }
        }
    }
}
