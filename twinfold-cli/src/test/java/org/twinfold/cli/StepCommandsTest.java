package org.twinfold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.evaluation.EvaluationFiles;

/** Runs simulate, train, sample, evaluate and report one by one, as a scientist would by hand. */
class StepCommandsTest {
    @TempDir
    Path temp;

    @Test
    void stepByStepCommandsWriteReport() throws Exception {
        Path train = temp.resolve("train");
        Path test = temp.resolve("test");
        Path checkpoints = temp.resolve("ckpt");
        Path generated = temp.resolve("gen");
        assertEquals(0, CliRunner.run("simulate", "oscillator", "--samples", "256", "--out", train.toString()).exitCode());
        assertEquals(0, CliRunner.run("simulate", "oscillator", "--samples", "32", "--seed", "7", "--out",
                test.toString()).exitCode());
        CliRunner.Result trained = CliRunner.run("train", "oscillator", "--data", train.toString(), "--out",
                checkpoints.toString(), "--steps", "200", "--hidden", "32,32");
        assertEquals(0, trained.exitCode(), trained.all());
        CliRunner.Result sampled = CliRunner.run("sample", "--checkpoint", checkpoints.toString(), "--points-from",
                test.toString(), "--out", generated.toString(), "--batch", "16");
        assertEquals(0, sampled.exitCode(), sampled.all());
        assertFalse(sampled.all().contains("--seed has no effect"), sampled.all());
        CliRunner.Result seeded = CliRunner.run("sample", "--checkpoint", checkpoints.toString(), "--points-from",
                test.toString(), "--out", temp.resolve("seeded").toString(), "--seed", "5");
        assertEquals(0, seeded.exitCode(), seeded.all());
        assertTrue(seeded.all().contains("--seed has no effect with --points-from"), seeded.all());
        CliRunner.Result churned = CliRunner.run("sample", "--checkpoint", checkpoints.toString(), "--points-from",
                test.toString(), "--out", temp.resolve("churned").toString(), "--churn", "5");
        assertEquals(2, churned.exitCode(), churned.all());
        assertTrue(churned.all().contains("apply to diffusion checkpoints"), churned.all());
        assertFalse(java.nio.file.Files.exists(temp.resolve("churned")), "no output for rejected options");
        Path evaluation = temp.resolve("eval.json");
        CliRunner.Result evaluated = CliRunner.run("evaluate", "oscillator", "--reference", test.toString(),
                "--generated", generated.toString(), "--checkpoint", checkpoints.toString(), "--out",
                evaluation.toString());
        assertEquals(0, evaluated.exitCode(), evaluated.all());
        CliRunner.Result reported = CliRunner.run("report", "--evaluation", evaluation.toString(), "--out",
                temp.resolve("report.html").toString());
        assertEquals(0, reported.exitCode(), reported.all());
        assertEquals(train.toString(), EvaluationFiles.read(evaluation).training().path());
    }

}
