package org.twinfold.cli.classes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinfold.cli.ChildJvm;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.evaluation.ClassComparison;
import org.twinfold.core.evaluation.ClassSection;
import org.twinfold.core.evaluation.Evaluation;
import org.twinfold.core.evaluation.EvaluationFiles;

/**
 * Runs the vasculogenesis twin end to end on the smoke preset (16 x 16 lattices, 3 classes, 30
 * training steps) through the command line, each command in a JVM of its own as a user would.
 */
class VasculogenesisRunTest {
    @TempDir
    Path temp;

    @Test
    void runWritesClassSectionAndSamplingRepeats() throws Exception {
        Path out = temp.resolve("run");
        ChildJvm.Result run = ChildJvm.run("run", "vasculogenesis", "--preset", "smoke", "--out", out.toString(),
                "--threads", "1");
        assertEquals(0, run.exitCode(), run.output());

        Evaluation evaluation = EvaluationFiles.read(out.resolve("evaluation.json"));
        ClassSection section = evaluation.classes();
        assertNotNull(section, "a class-conditional mask twin gets a class-by-class section");
        assertEquals(List.of("lacuna_count", "vessel_area_fraction"), section.targetObservables());
        assertEquals(3, section.classes().size());
        for (ClassComparison c : section.classes()) {
            assertEquals(4, c.referenceCount(), "12 test samples over 3 classes");
            assertEquals(4, c.floorCount());
            assertEquals(4, c.generatedCount());
            assertNotNull(c.classifier());
            assertEquals(4, c.classifier().referenceCount());
            assertEquals(200, c.observable("lacuna_count").splits().count(), "the verdicts use the splits");
        }
        assertEquals("J_EC_medium=10.0, vegf_decay=0.6", section.classes().get(1).name());
        assertEquals(12, Dataset.open(out.resolve("test-floor")).size());
        assertTrue(run.output().contains("class 2 (J_EC_medium=20.0, vegf_decay=0.6)"), run.output());
        assertTrue(run.output().contains("NOTE: the smallest class has 4 samples in a set"), run.output());
        assertTrue(run.output().contains("targets per class: classifier accuracy on generated masks at least 0.80 x"),
                run.output());
        assertTrue(run.output().contains("7/7 train classifier"), run.output());
        assertTrue(run.output().contains("4/7 generate: 12 samples complete"), run.output());
        assertTrue(run.output().contains("Training the guide model of autoguidance"), run.output());
        assertTrue(run.output().contains("3/7 train diffusion guide"), "the guide's bar is named: " + run.output());

        // A rerun trains nothing, and its log reports the finished guide.
        ChildJvm.Result rerun = ChildJvm.run("run", "vasculogenesis", "--preset", "smoke", "--out", out.toString(),
                "--threads", "1");
        assertEquals(0, rerun.exitCode(), rerun.output());
        assertTrue(rerun.output().contains("has finished its 8 steps"), rerun.output());
        assertFalse(rerun.output().contains("Training the guide model"), rerun.output());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Class by class"));
        assertTrue(html.contains("simulated (held out)</th><th>surrogate"));
        assertTrue(html.contains("alt=\"surrogate class 2\""));
        assertTrue(html.contains("values that tie, as counts do, stay tied"), "the report explains tied KS values");
        assertTrue(html.contains("diffusion surrogate at step 30, settings diffusion.churn=10, diffusion.guidance=2,"
                + " diffusion.guidance-interval=0,3, diffusion.guide-condition=none, diffusion.guide-fraction=0.25,"
                + " diffusion.p-mean=0.533, diffusion.p-std=2.333, diffusion.self-condition=true"),
                "the report names the checkpoint's family settings");
        assertTrue(html.contains("guide model " + out.resolve("checkpoints").resolve("guide")
                        .resolve("step-000000000008")),
                "the report names the guide model that generated the masks");
        assertTrue(html.contains("too noisy for these verdicts to mean anything"), "the report warns of 4 samples a class");
        assertTrue(html.contains("masks where defined, held out / floor / generated"));
        assertTrue(html.contains("averaged over 200 random splits of the held-out and floor sets pooled"));
        assertTrue(html.contains("one pair: W1 generated / floor"));
        assertTrue(run.output().contains("Both W1 are means over 200 random splits"), run.output());

        // The evaluate command gives the same class section when handed the noise-floor set.
        Path evaluated = temp.resolve("evaluated.json");
        ChildJvm.Result evaluate = ChildJvm.run("evaluate", "vasculogenesis", "--reference", out.resolve("test").toString(),
                "--generated", out.resolve("generated").toString(), "--checkpoint",
                out.resolve("checkpoints").toString(), "--floor", out.resolve("test-floor").toString(),
                "--out", evaluated.toString());
        assertEquals(0, evaluate.exitCode(), evaluate.output());
        ClassSection fromEvaluate = EvaluationFiles.read(evaluated).classes();
        assertNotNull(fromEvaluate, evaluate.output());
        assertEquals(3, fromEvaluate.classes().size());
        assertEquals(4, fromEvaluate.classes().get(0).floorCount());
        for (int c = 0; c < 3; c++) {
            assertEquals(section.classes().get(c).classifier(), fromEvaluate.classes().get(c).classifier(),
                    "evaluate's default seed repeats run's classifier verdicts");
        }
        assertTrue(evaluate.output().contains("class 1 (J_EC_medium=10.0, vegf_decay=0.6)"), evaluate.output());

        ChildJvm.Result wrongFloor = ChildJvm.run("evaluate", "vasculogenesis", "--reference", out.resolve("test").toString(),
                "--generated", out.resolve("generated").toString(), "--floor", out.resolve("test-floor").toString(),
                "--out", temp.resolve("no-training.json").toString());
        assertEquals(2, wrongFloor.exitCode(), wrongFloor.output());
        assertTrue(wrongFloor.output().contains("--training DIR"), wrongFloor.output());
        assertFalse(Files.exists(temp.resolve("no-training.json")));

        // Held-out sets that repeat other sets' samples are rejected, naming the clash.
        ChildJvm.Result floorIsReference = ChildJvm.run("evaluate", "vasculogenesis", "--reference",
                out.resolve("test").toString(), "--generated", out.resolve("generated").toString(), "--checkpoint",
                out.resolve("checkpoints").toString(), "--floor", out.resolve("test").toString(), "--out",
                temp.resolve("same-floor.json").toString());
        assertEquals(2, floorIsReference.exitCode(), floorIsReference.output());
        assertTrue(floorIsReference.output().contains("--floor"), floorIsReference.output());
        assertTrue(floorIsReference.output().contains("repeats 12 of its 12 samples"), floorIsReference.output());
        ChildJvm.Result referenceIsTraining = ChildJvm.run("evaluate", "vasculogenesis", "--reference",
                out.resolve("train").toString(), "--generated", out.resolve("generated").toString(), "--checkpoint",
                out.resolve("checkpoints").toString(), "--out", temp.resolve("on-training.json").toString());
        assertEquals(2, referenceIsTraining.exitCode(), referenceIsTraining.output());
        assertTrue(referenceIsTraining.output().contains("from the training set"), referenceIsTraining.output());
        assertFalse(Files.exists(temp.resolve("on-training.json")));

        // Masks of another preset's size are rejected, naming both shapes.
        Path quickMasks = temp.resolve("quick-masks");
        ChildJvm.Result simulated = ChildJvm.run("simulate", "vasculogenesis", "--preset", "quick", "--samples", "3",
                "--sampling", "classes", "--out", quickMasks.toString());
        assertEquals(0, simulated.exitCode(), simulated.output());
        ChildJvm.Result otherSize = ChildJvm.run("evaluate", "vasculogenesis", "--reference",
                out.resolve("test").toString(), "--generated", quickMasks.toString(), "--out",
                temp.resolve("other-size.json").toString());
        assertEquals(2, otherSize.exitCode(), otherSize.output());
        assertTrue(otherSize.output().contains("has cell_type 32 x 32 uint8 in 1 but reference"), otherSize.output());
        assertTrue(otherSize.output().contains("has cell_type 16 x 16 uint8 in 1; compare datasets of the same task"
                + " and preset"), otherSize.output());
        assertFalse(Files.exists(temp.resolve("other-size.json")));

        // The same checkpoint, points and seed give the same masks.
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        for (Path generated : List.of(first, second)) {
            ChildJvm.Result sample = ChildJvm.run("sample", "--checkpoint", out.resolve("checkpoints").toString(),
                    "--points-from", out.resolve("test").toString(), "--seed", "9", "--out", generated.toString(),
                    "--threads", "1");
            assertEquals(0, sample.exitCode(), sample.output());
        }
        byte[] firstMasks = Dataset.open(first).readAll().bytes("cell_type");
        assertEquals(12 * 16 * 16, firstMasks.length);
        assertArrayEquals(firstMasks, Dataset.open(second).readAll().bytes("cell_type"));
        assertArrayEquals(Files.readAllBytes(first.resolve("shard-00000.h5")),
                Files.readAllBytes(second.resolve("shard-00000.h5")));

        // Other sampler settings give other masks, again the same for the same seed.
        Path churned = temp.resolve("churned");
        ChildJvm.Result churn = ChildJvm.run("sample", "--checkpoint", out.resolve("checkpoints").toString(),
                "--points-from", out.resolve("test").toString(), "--seed", "9", "--sampler-steps", "4", "--churn", "10",
                "--guidance-interval", "0.3,3", "--out", churned.toString(), "--threads", "1");
        assertEquals(0, churn.exitCode(), churn.output());
        assertFalse(Arrays.equals(firstMasks, Dataset.open(churned).readAll().bytes("cell_type")),
                "4 stochastic steps give other masks than 18 deterministic ones");
        String sampler = Dataset.open(churned).manifest().generator().settings().get("sampler");
        assertTrue(sampler.contains("Heun, 4 steps"), sampler);
        assertTrue(sampler.contains("S_churn 10 "), sampler);
        assertTrue(sampler.contains("guidance 2 over sigma 0.3 to 3, guide without condition,"), sampler);
        // A guide equal to the checkpoint, given each sample's condition at every noise level, leaves the
        // conditional model alone: the masks of --guidance 1. At every level, because a self-conditioned
        // guide's previous estimate is updated only where it guides.
        Path selfGuided = temp.resolve("self-guided");
        Path unguided = temp.resolve("unguided");
        ChildJvm.Result guided = ChildJvm.run("sample", "--checkpoint", out.resolve("checkpoints").toString(),
                "--points-from", out.resolve("test").toString(), "--seed", "9", "--guide-checkpoint",
                out.resolve("checkpoints").toString(), "--guide-condition", "same", "--guidance-interval", "0,inf",
                "--out", selfGuided.toString(), "--threads", "1");
        assertEquals(0, guided.exitCode(), guided.output());
        ChildJvm.Result plain = ChildJvm.run("sample", "--checkpoint", out.resolve("checkpoints").toString(),
                "--points-from", out.resolve("test").toString(), "--seed", "9", "--guidance", "1",
                "--out", unguided.toString(), "--threads", "1");
        assertEquals(0, plain.exitCode(), plain.output());
        assertArrayEquals(Dataset.open(unguided).readAll().bytes("cell_type"),
                Dataset.open(selfGuided).readAll().bytes("cell_type"));
        String guide = Dataset.open(selfGuided).manifest().generator().settings().get("guide");
        assertEquals(out.resolve("checkpoints").resolve("step-000000000030").toString(), guide);
        assertNull(Dataset.open(unguided).manifest().generator().settings().get("guide"),
                "--guidance 1 leaves the guide unused, so the provenance does not name it");
        // The run trained a guide for a quarter of the 30 steps, and its generated set names it.
        assertTrue(Files.isDirectory(out.resolve("checkpoints").resolve("guide").resolve("step-000000000008")));
        assertEquals(out.resolve("checkpoints").resolve("guide").resolve("step-000000000008").toString(),
                Dataset.open(out.resolve("generated")).manifest().generator().settings().get("guide"));

        ChildJvm.Result badSteps = ChildJvm.run("sample", "--checkpoint", out.resolve("checkpoints").toString(),
                "--points-from", out.resolve("test").toString(), "--sampler-steps", "1",
                "--out", temp.resolve("bad").toString());
        assertEquals(2, badSteps.exitCode(), badSteps.output());
        assertTrue(badSteps.output().contains("at least 2"), badSteps.output());
        ChildJvm.Result datasetAsGuide = ChildJvm.run("sample", "--checkpoint", out.resolve("checkpoints").toString(),
                "--points-from", out.resolve("test").toString(), "--guide-checkpoint", out.resolve("test").toString(),
                "--out", temp.resolve("bad").toString());
        assertEquals(2, datasetAsGuide.exitCode(), datasetAsGuide.output());
        assertTrue(datasetAsGuide.output().contains("--guide-checkpoint " + out.resolve("test")
                + " cannot guide this model: no complete checkpoint"), datasetAsGuide.output());
        assertFalse(Files.exists(temp.resolve("bad")));
        ChildJvm.Result badInterval = ChildJvm.run("sample", "--checkpoint", out.resolve("checkpoints").toString(),
                "--points-from", out.resolve("test").toString(), "--guidance-interval", "3,0.3",
                "--out", temp.resolve("bad").toString());
        assertEquals(2, badInterval.exitCode(), badInterval.output());
        assertTrue(badInterval.output().contains("guidance interval is sigma 3.0 to 0.3"), badInterval.output());
        assertFalse(Files.exists(temp.resolve("bad")));
    }


}
