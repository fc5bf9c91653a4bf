package org.twinfold.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.Generator;
import org.twinfold.core.Observable;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.Preset;
import org.twinfold.core.Sampling;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.Json;
import org.twinfold.core.metrics.MetricResult;
import org.twinfold.core.sweep.Sweep;
import org.twinfold.core.testkit.NoisySineGenerator;

/**
 * Class-by-class numbers on noisy sines: signal[1] = sin(frequency) + N(0, 0.1^2), so two classes
 * whose frequencies differ have normal distributions shifted by the difference of the sines, and
 * the Wasserstein-1 distance of two normals with one width is the shift of their means.
 */
class ClassEvaluatorTest {
    private static final int PER_CLASS = 200;

    @TempDir
    Path temp;

    private static final Task TASK = new Task() {
        @Override
        public String name() {
            return "noisy-sine";
        }

        @Override
        public String description() {
            return "test task";
        }

        @Override
        public Generator simulator() {
            return new NoisySineGenerator();
        }

        @Override
        public List<Observable> observables() {
            return List.of(new Observable("second", "1", "signal at t = 1", (b, i) -> b.value("signal", i, 1)));
        }

        @Override
        public boolean deterministic() {
            return false;
        }

        @Override
        public List<Preset> presets() {
            return List.of(new Preset("quick", "test", Sampling.CLASSES, 10, 10, 1, 1, 1e-3));
        }
    };

    /** Returns a dataset with PER_CLASS samples of class 0 at frequency 0.5 and of class 1 at {@code second}. */
    private Dataset sweep(String name, double second, long seed) throws Exception {
        List<ParameterPoint> points = new ArrayList<>();
        for (int i = 0; i < PER_CLASS; i++) {
            points.add(ParameterPoint.ofClass(0, 0.5));
            points.add(ParameterPoint.ofClass(1, second));
        }
        Sweep.builder().generator(new NoisySineGenerator()).points(points).seed(seed).build().run(temp.resolve(name));
        return Dataset.open(temp.resolve(name));
    }

    private static int[] alternating(int count, int secondClassCorrectEvery) {
        int[] predicted = new int[count];
        for (int i = 0; i < count; i++) {
            boolean secondClass = i % 2 == 1;
            predicted[i] = secondClass && (i / 2) % secondClassCorrectEvery != 0 ? 0 : i % 2;
        }
        return predicted;
    }

    @Test
    void shiftedClassIsFarAboveNoiseFloor() throws Exception {
        Dataset reference = sweep("ref", 1.0, 1);
        Dataset floor = sweep("floor", 1.0, 2);
        Dataset generated = sweep("gen", 1.2, 3);
        // Held out: every sample right. Generated: class 0 right, class 1 right every second time.
        ClassPredictions predictions = new ClassPredictions(alternating(2 * PER_CLASS, 1),
                alternating(2 * PER_CLASS, 2));

        ClassSection section = ClassEvaluator.evaluate(TASK, reference, floor, generated, predictions,
                new ClassEvaluator.Settings(List.of("second"), 2, 0.8, "test classifier"));

        assertEquals(2, section.classes().size());
        ClassComparison first = section.classes().get(0);
        ClassComparison second = section.classes().get(1);
        assertEquals("frequency=0.5", first.name());
        assertEquals(PER_CLASS, second.generatedCount());
        // Class 1 moved from sin(1.0) to sin(1.2): W1 = 0.0909 up to the sampling error of the means, 0.01.
        assertEquals(Math.sin(1.2) - Math.sin(1.0), second.observable("second").wasserstein(), 0.03);
        assertTrue(second.observable("second").floorWasserstein() < 0.04,
                "floor " + second.observable("second").floorWasserstein());
        assertTrue(second.observable("second").ksPValue() < 1e-6);
        // Averaged over splits, the generated distance keeps the shift and the floor stays small.
        SplitDistances splits = second.observable("second").splits();
        assertEquals(SplitDistances.COUNT, splits.count());
        assertEquals(Math.sin(1.2) - Math.sin(1.0), splits.wasserstein(), 0.03);
        assertTrue(splits.floorWasserstein() < 0.04, "floor over splits " + splits.floorWasserstein());
        assertEquals(1.0, second.classifier().referenceAccuracy());
        assertEquals(0.5, second.classifier().generatedAccuracy());
        assertEquals(1.0, first.classifier().accuracyRatio());
        assertTrue(section.verdicts().get(0).targetsMet(), "class 0 is unchanged");
        assertEquals(List.of("classifier", "second"), section.verdicts().get(1).missed(),
                "class 1 moved and is misclassified");
        assertFalse(section.allTargetsMet());
    }

    @Test
    void classesRoundTripThroughJsonAndVersionOneStillReads() throws Exception {
        Dataset reference = sweep("ref", 1.0, 1);
        Dataset floor = sweep("floor", 1.0, 2);
        Evaluation plain = Evaluator.evaluate(TASK, reference, floor, null, java.util.OptionalDouble.empty(), "");
        ClassSection section = ClassEvaluator.evaluate(TASK, reference, floor, floor, null,
                new ClassEvaluator.Settings(List.of("second"), 2, 0.8, "none"));

        Path file = temp.resolve("evaluation.json");
        MetricResult auc = MetricResult.withoutUncertainty("classifier_auc", 0.53, "1", "ROC AUC");
        EvaluationFiles.write(file, plain.withClasses(section).withMetrics(List.of(auc)));
        Evaluation read = EvaluationFiles.read(file);
        assertEquals(4, read.formatVersion());
        assertEquals(List.of(auc), read.metrics());
        assertEquals(section.classes().get(1).observable("second").wasserstein(),
                read.classes().classes().get(1).observable("second").wasserstein());
        assertEquals(section.classes().get(1).observable("second").splits(),
                read.classes().classes().get(1).observable("second").splits());
        assertNull(read.classes().classes().get(0).classifier(), "no classifier was given");
        assertEquals(section.verdicts(), read.classes().verdicts());

        // A version 1 file, written before the class section existed, has no 'classes' key.
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(file.toFile());
        // The verdicts are written for scripts, with the ratios the report shows.
        var verdict = tree.path("classes").path("verdicts").path(1);
        assertEquals(section.classes().get(1).observable("second").floorRatio(),
                verdict.path("floorRatios").path("second").asDouble());
        assertTrue(verdict.path("targetsMet").isBoolean(), verdict.toString());
        assertEquals(section.verdicts().get(1).targetsMet(), verdict.path("targetsMet").booleanValue());
        // A version 3 file has no splits, so its verdicts use the one pair of sets.
        var observable = (com.fasterxml.jackson.databind.node.ObjectNode) tree.path("classes").path("classes").path(1)
                .path("observables").path(0);
        observable.remove("splits");
        tree.put("formatVersion", 3);
        Files.write(file, Json.mapper().writeValueAsBytes(tree));
        ClassObservable version3 = EvaluationFiles.read(file).classes().classes().get(1).observable("second");
        assertNull(version3.splits());
        assertEquals(version3.pairRatio(), version3.floorRatio());

        tree.put("formatVersion", 1);
        tree.remove("classes");
        tree.remove("metrics");
        Files.write(file, Json.mapper().writeValueAsBytes(tree));
        Evaluation old = EvaluationFiles.read(file);
        assertEquals(1, old.formatVersion());
        assertNull(old.classes());
        assertEquals(List.of(), old.metrics());
    }

    @Test
    void sameDistributionSplitRatioNearOne() {
        // Three samples of one uniform distribution: the generated distance and the floor estimate the same
        // expected W1, so their ratio over many splits is near 1, whatever this pair's own ratio.
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        double[] reference = random.doubles(50).toArray();
        double[] floor = random.doubles(50).toArray();
        double[] generated = random.doubles(50).toArray();

        SplitDistances splits = SplitDistances.of(reference, floor, generated);

        assertEquals(1.0, splits.ratio(), 0.35);
        assertTrue(splits.floorSpread() > 0.1 * splits.floorWasserstein(), "spread " + splits.floorSpread());
        assertEquals(splits, SplitDistances.of(reference, floor, generated), "the splits have a fixed seed");
    }

    @Test
    void shiftedGeneratorSplitsKeepShift() {
        double[] reference = new java.util.SplittableRandom(4).doubles(50).toArray();
        double[] floor = new java.util.SplittableRandom(5).doubles(50).toArray();
        double[] generated = java.util.Arrays.stream(reference).map(x -> x + 1).toArray();

        SplitDistances splits = SplitDistances.of(reference, floor, generated);

        // W1 of a uniform sample shifted by 1 against a sample of the unshifted one is 1 up to the floor.
        assertEquals(1.0, splits.wasserstein(), splits.floorWasserstein() + 0.01);
        assertTrue(splits.ratio() > 5, "ratio " + splits.ratio());
    }

    @Test
    void unlabelledDatasetIsRejected() throws Exception {
        Sweep.builder().generator(new NoisySineGenerator()).points(List.of(ParameterPoint.of(0.5))).seed(1).build()
                .run(temp.resolve("plain"));
        Dataset plain = Dataset.open(temp.resolve("plain"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClassEvaluator.labels(plain));
        assertTrue(error.getMessage().contains("has no class label"), error.getMessage());
    }
}
