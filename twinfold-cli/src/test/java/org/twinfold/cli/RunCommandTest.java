package org.twinfold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.evaluation.Evaluation;
import org.twinfold.core.evaluation.EvaluationFiles;

/** Runs the whole oscillator life cycle through the command line, on a small scale. */
class RunCommandTest {
    @TempDir
    Path temp;

    private static void assertContains(CliRunner.Result result, String text) {
        assertTrue(result.all().contains(text), "output lacks '" + text + "':\n" + result.all());
    }

    @Test
    void runWritesEvaluationAndReport() throws Exception {
        Path out = temp.resolve("run");
        CliRunner.Result result = CliRunner.run("run", "oscillator", "--out", out.toString(), "--threads", "1");
        assertEquals(0, result.exitCode(), result.all());

        Evaluation evaluation = EvaluationFiles.read(out.resolve("evaluation.json"));
        assertEquals(128, evaluation.generated().samples());
        // A network that predicts only the mean trajectory has an RMSE equal to the trajectories' spread
        // around their mean. The quick preset's training must bring the error well below that.
        double rmse = evaluation.fieldErrors().get(0).value();
        double meanPredictorRmse = spreadAroundMean(Dataset.open(out.resolve("test")).readAll().floats("position"));
        assertTrue(rmse < 0.2 * meanPredictorRmse, "RMSE " + rmse + " m against " + meanPredictorRmse + " m");
        assertTrue(evaluation.speedup().plain() > 1, "surrogate slower than the simulator");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("effective speedup"));
        assertTrue(html.contains("data:image/png;base64,"));

        CliRunner.Result again = CliRunner.run("run", "oscillator", "--out", out.toString(), "--threads", "1");
        assertEquals(0, again.exitCode(), again.all());
        assertContains(again, "already complete");

        CliRunner.Result inspect = CliRunner.run("inspect", out.resolve("checkpoints").toString());
        assertEquals(0, inspect.exitCode(), inspect.all());
        assertContains(inspect, "step 1500");
        assertContains(inspect, "\"family\" : \"mlp\"");
    }

    private static double spreadAroundMean(float[] positions) {
        int length = 100;
        int samples = positions.length / length;
        double squared = 0;
        for (int t = 0; t < length; t++) {
            double mean = 0;
            for (int i = 0; i < samples; i++) {
                mean += positions[i * length + t] / (double) samples;
            }
            for (int i = 0; i < samples; i++) {
                double difference = positions[i * length + t] - mean;
                squared += difference * difference;
            }
        }
        return Math.sqrt(squared / positions.length);
    }

    @Test
    void stepsByStepCommandsMatchRun() throws Exception {
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

    @Test
    void trainingOnAnotherTasksDataExitsWithTwo() {
        Path data = temp.resolve("osc");
        assertEquals(0, CliRunner.run("simulate", "oscillator", "--samples", "8", "--out", data.toString()).exitCode());

        CliRunner.Result result = CliRunner.run("train", "md-lj", "--data", data.toString(), "--out",
                temp.resolve("ckpt").toString(), "--steps", "5");

        assertEquals(2, result.exitCode(), result.all());
        assertContains(result, "was made for task 'oscillator', not 'md-lj'");
        assertTrue(Files.notExists(temp.resolve("ckpt")));
    }

    @Test
    void runWithoutRegisteredFamilyFailsBeforeSimulating() {
        Path out = temp.resolve("run");
        CliRunner.Result result = CliRunner.run("run", "oscillator", "--family", "gan", "--out", out.toString());

        assertEquals(2, result.exitCode(), result.all());
        assertContains(result, "unknown surrogate family 'gan'");
        assertTrue(Files.notExists(out.resolve("train")), "nothing is simulated for a run that cannot finish");
    }

    @Test
    void sampleNeedsExactlyOnePointSource() {
        CliRunner.Result result = CliRunner.run("sample", "--checkpoint", temp.toString(), "--out",
                temp.resolve("g").toString());
        assertEquals(2, result.exitCode());
        assertContains(result, "exactly one of --points-from DIR and --samples N");
    }

    @Test
    void missingCheckpointExitsWithTwo() {
        CliRunner.Result result = CliRunner.run("sample", "--checkpoint", temp.resolve("none").toString(),
                "--samples", "3", "--out", temp.resolve("g").toString());
        assertEquals(2, result.exitCode());
        assertContains(result, "does not exist");
    }

    @Test
    void evaluationWithNewerVersionExitsWithTwo() throws Exception {
        Path file = Files.writeString(temp.resolve("e.json"), "{\"formatVersion\": 7}");
        CliRunner.Result result = CliRunner.run("report", "--evaluation", file.toString(), "--out",
                temp.resolve("r.html").toString());
        assertEquals(2, result.exitCode());
        assertContains(result, "format version 7");
        assertTrue(Files.notExists(temp.resolve("r.html")));
    }
}
