package org.twinfold.sim.calo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinfold.core.Generator;
import org.twinfold.core.Observable;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.Preset;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Sampling;
import org.twinfold.core.Task;
import org.twinfold.core.Tasks;

class CalorimeterTaskTest {

    @Test
    void serviceLoaderFindsTask() {
        Task task = Tasks.byName("calorimeter");
        assertInstanceOf(CalorimeterTask.class, task);
        assertEquals("vae", task.surrogateFamily());
        assertEquals("incident_energy", task.surrogateSettings().get("vae.normalize-by"));
        assertEquals("none", task.surrogateSettings().get("vae.transform"));
        assertEquals("per-element", task.surrogateSettings().get("vae.standardize"));
        assertEquals("0.01515", task.surrogateSettings().get("vae.threshold-mev"));
        assertEquals("incident_energy", task.surrogateSettings().get("vae.log-parameters"));
    }

    @Test
    void presetsAndSchema() {
        Task task = new CalorimeterTask();
        Preset quick = task.preset("quick");
        assertEquals(20_000, quick.trainSamples());
        assertEquals(5_000, quick.testSamples());
        assertEquals(Sampling.LOG_UNIFORM, quick.sampling());
        assertEquals(100_000, task.preset("paper").testSamples());
        assertEquals(64, task.preset("smoke").trainSamples());

        Generator simulator = task.simulator("smoke");
        assertEquals(List.of(6480), simulator.schema().field("showers").shape());
        assertEquals("MeV", simulator.schema().field("showers").unit());
        assertEquals("incident_energy", simulator.parameterSpace().parameter(0).name());
        assertEquals(1e3, simulator.parameterSpace().parameter(0).min());
        assertEquals(1e6, simulator.parameterSpace().parameter(0).max());
    }

    @Test
    void observablesAreFiniteAndPlausible() {
        Task task = new CalorimeterTask();
        SampleBatch batch = task.simulator().generate(List.of(ParameterPoint.of(1e4), ParameterPoint.of(1e6)),
                new long[] {1, 2});
        for (Observable observable : task.observables()) {
            double[] values = observable.evaluate(batch);
            for (double value : values) {
                assertTrue(Double.isFinite(value), observable.name() + " is " + value);
            }
        }
        assertEquals(4.0, CalorimeterTask.log10TotalEnergy(batch, 0), 0.1);
        double shallow = CalorimeterTask.showerDepth(batch, 0);
        double deep = CalorimeterTask.showerDepth(batch, 1);
        assertTrue(deep > shallow, "a 1 TeV shower (mean layer " + deep + ") should be deeper than a 10 GeV one ("
                + shallow + ")");
        assertTrue(CalorimeterTask.sparsity(batch, 0) > CalorimeterTask.sparsity(batch, 1));
    }

    @Test
    void previewIsLayerByRadiusHeatMap() {
        Task task = new CalorimeterTask();
        SampleBatch batch = task.simulator().generate(List.of(ParameterPoint.of(5e4)), new long[] {3});
        BufferedImage image = task.preview(batch, 0).orElseThrow();
        assertEquals(45 * 12, image.getWidth());
        assertEquals(9 * 12, image.getHeight());
        assertTrue((image.getRGB(6 * 12, 0) & 0xFFFFFF) != 0, "the core of layer 6 should not be black");
    }

    @Test
    void incidentEnergyOptions() {
        IncidentEnergies fixed = IncidentEnergies.parse("fixed:5e4");
        assertEquals(Sampling.UNIFORM, fixed.sampling());
        List<ParameterPoint> points = fixed.sampling().sample(fixed.parameterSpace(), 3, new java.util.SplittableRandom(1));
        assertEquals(5e4, points.get(2).value(0));

        IncidentEnergies list = IncidentEnergies.parse("list:1e3,1e4,1e5");
        List<ParameterPoint> drawn = list.sampling().sample(list.parameterSpace(), 6, new java.util.SplittableRandom(1));
        assertEquals(1e5, drawn.get(5).value(0));

        IncidentEnergies range = IncidentEnergies.parse("log-uniform:1e3,1e6");
        assertEquals(IncidentEnergies.challenge(), range);
        for (ParameterPoint point : range.sampling().sample(range.parameterSpace(), 200, new java.util.SplittableRandom(2))) {
            assertTrue(point.value(0) >= 1e3, "energy " + point.value(0) + " is below the range");
            assertTrue(point.value(0) <= 1e6, "energy " + point.value(0) + " is above the range");
        }
        CaloShowerGenerator generator = CaloShowerGenerator.builder().incidentEnergies(list).build();
        assertEquals(3, generator.parameterSpace().classes().size());
    }

    @Test
    void invalidEnergyOptionsAreRejected() {
        assertTrue(message("fixed").contains("fixed:E"));
        assertTrue(message("ramp:1,2").contains("unknown"));
        assertTrue(message("log-uniform:1e6,1e3").contains("empty"));
        assertTrue(message("fixed:10").contains("at least 100.0 MeV"));
        assertTrue(message("list:1e3,x").contains("not a number"));
    }

    private static String message(String text) {
        try {
            IncidentEnergies.parse(text);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("'" + text + "' was accepted");
    }
}
