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
        // NOTE: in a JVM that had run other commands, this training once diverged with an infinite
        // gradient, which a fresh JVM never showed. DJL's freed scalar buffers (now avoided in SiLU) are
        // the likely cause. The run still gets a JVM of its own, as it has when a scientist types it.
        ChildJvm.Result result = ChildJvm.run("run", "oscillator", "--out", out.toString(), "--threads", "1");
        assertEquals(0, result.exitCode(), result.output());

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

        ChildJvm.Result again = ChildJvm.run("run", "oscillator", "--out", out.toString(), "--threads", "1");
        assertEquals(0, again.exitCode(), again.output());
        assertTrue(again.output().contains("already complete"), again.output());

        CliRunner.Result inspect = CliRunner.run("inspect", out.resolve("checkpoints").toString());
        assertEquals(0, inspect.exitCode(), inspect.all());
        assertContains(inspect, "step 1500");
        assertContains(inspect, "\"family\" : \"mlp\"");
    }

    @Test
    void sampleCountOptionsReplacePreset() throws Exception {
        Path out = temp.resolve("counts");
        CliRunner.Result result = CliRunner.run("run", "oscillator", "--train-samples", "24", "--test-samples", "6",
                "--steps", "5", "--threads", "1", "--out", out.toString());

        assertEquals(0, result.exitCode(), result.all());
        assertEquals(24, Dataset.open(out.resolve("train")).size());
        assertEquals(6, Dataset.open(out.resolve("test")).size());
    }

    @Test
    void zeroTrainSamplesExitsTwo() {
        Path out = temp.resolve("zero");
        CliRunner.Result result = CliRunner.run("run", "oscillator", "--train-samples", "0", "--out", out.toString());

        assertEquals(2, result.exitCode(), result.all());
        assertContains(result, "--train-samples is 0; give at least 1 sample");
        assertTrue(Files.notExists(out.resolve("train")), result.all());
    }

    @Test
    void simulateOnlyPresetRejected() {
        Path out = temp.resolve("fields");
        CliRunner.Result result = CliRunner.run("run", "vasculogenesis", "--preset", "fields", "--out",
                out.toString());

        assertEquals(2, result.exitCode(), result.all());
        assertContains(result, "preset 'fields' of vasculogenesis is for 'simulate' only and sets no training;"
                + " give 'run' one of quick, quick-full, long, long-full, paper, smoke");
        assertTrue(Files.notExists(out), result.all());
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
    void operatorTrainPointsToPipeline() {
        Path data = temp.resolve("md");
        assertEquals(0, CliRunner.run("simulate", "md-lstm", "--samples", "2", "--threads", "1", "--out",
                data.toString()).exitCode());

        // The md-lstm dataset comes from the md-lj simulator, so the task check passes and the family check fails.
        CliRunner.Result result = CliRunner.run("train", "md-lj", "--data", data.toString(),
                "--out", temp.resolve("ckpt").toString(), "--steps", "2", "--threads", "1");

        assertEquals(2, result.exitCode(), result.all());
        assertContains(result, "run 'twinfold run md-lj --preset quick --out DIR'");
        assertTrue(Files.notExists(temp.resolve("ckpt")));
    }

    @Test
    void operatorRunRejectsSettings() {
        CliRunner.Result result = CliRunner.run("run", "md-lstm", "--preset", "smoke", "--setting", "lstm.hidden=8",
                "--out", temp.resolve("md-run").toString());

        assertEquals(2, result.exitCode(), result.all());
        assertContains(result, "does not apply to the operator pipeline of md-lstm");
        assertTrue(Files.notExists(temp.resolve("md-run")));
    }

    @Test
    void operatorRunRejectsFamilyOptions() {
        CliRunner.Result result = CliRunner.run("run", "md-1d", "--preset", "harmonic", "--learning-rate", "0.01",
                "--batch-size", "64", "--out", temp.resolve("md-1d-run").toString());

        assertEquals(2, result.exitCode(), result.all());
        assertContains(result, "options --batch-size, --learning-rate do not apply to the operator pipeline of md-1d");
        assertTrue(Files.notExists(temp.resolve("md-1d-run")));
    }

    @Test
    void operatorRunRejectsSamplerOptions() {
        CliRunner.Result result = CliRunner.run("run", "md-1d", "--preset", "harmonic", "--guidance-interval", "0.3,3",
                "--out", temp.resolve("md-1d-run").toString());

        assertEquals(2, result.exitCode(), result.all());
        assertContains(result, "the operator pipeline of md-1d trains LSTM operators, so drop them");
        assertTrue(Files.notExists(temp.resolve("md-1d-run")));
    }

    @Test
    void configListReachesCommaSeparatedOption() throws Exception {
        Path config = Files.writeString(temp.resolve("interval.yaml"), "guidance-interval: [3, 0.3]\n");
        Path out = temp.resolve("listed-run");
        CliRunner.Result listed = CliRunner.run("run", "vasculogenesis", "--preset", "smoke", "--config",
                config.toString(), "--out", out.toString());

        // The list arrives as the text 3,0.3, which the sampler's check then rejects as reversed.
        assertEquals(2, listed.exitCode(), listed.all());
        assertContains(listed, "guidance interval is sigma 3.0 to 0.3");
        assertTrue(Files.notExists(out));

        Path seeds = Files.writeString(temp.resolve("seeds.yaml"), "seed: [1, 2]\n");
        CliRunner.Result single = CliRunner.run("run", "vasculogenesis", "--preset", "smoke", "--config",
                seeds.toString(), "--out", out.toString());

        assertEquals(2, single.exitCode(), single.all());
        assertContains(single, "config key 'seed' in " + seeds + " has a list as its value, but --seed takes a"
                + " single value");
        assertTrue(Files.notExists(out));

        Path nested = Files.writeString(temp.resolve("nested.yaml"), "guidance-interval: [[0.3, 3]]\n");
        CliRunner.Result deep = CliRunner.run("run", "vasculogenesis", "--preset", "smoke", "--config",
                nested.toString(), "--out", out.toString());

        assertEquals(2, deep.exitCode(), deep.all());
        assertContains(deep, "config key 'guidance-interval' in " + nested + " has a nested list or mapping");
        assertTrue(Files.notExists(out));
    }

    @Test
    void samplerOptionsCheckedBeforeSimulating() {
        Path mlp = temp.resolve("mlp-run");
        CliRunner.Result notDiffusion = CliRunner.run("run", "oscillator", "--churn", "5", "--out", mlp.toString());

        assertEquals(2, notDiffusion.exitCode(), notDiffusion.all());
        assertContains(notDiffusion, "this run trains a 'mlp' surrogate, so drop them");
        assertTrue(Files.notExists(mlp));

        Path reversed = temp.resolve("reversed-run");
        CliRunner.Result badInterval = CliRunner.run("run", "vasculogenesis", "--preset", "smoke",
                "--guidance-interval", "3,0.3", "--out", reversed.toString());

        assertEquals(2, badInterval.exitCode(), badInterval.all());
        assertContains(badInterval, "--guidance-interval: guidance interval is sigma 3.0 to 0.3; it needs 0 <= low"
                + " < high");
        assertTrue(Files.notExists(reversed));

        CliRunner.Result negativeChurn = CliRunner.run("run", "vasculogenesis", "--preset", "smoke",
                "--churn", "-1", "--out", reversed.toString());
        assertEquals(2, negativeChurn.exitCode(), negativeChurn.all());
        assertContains(negativeChurn, "--churn is -1.0; give 0 or more, e.g. 10");
        CliRunner.Result oneStep = CliRunner.run("run", "vasculogenesis", "--preset", "smoke",
                "--sampler-steps", "1", "--out", reversed.toString());
        assertEquals(2, oneStep.exitCode(), oneStep.all());
        assertContains(oneStep, "--sampler-steps: sampler steps is 1; it must be at least 2");
        CliRunner.Result unknownCondition = CliRunner.run("run", "vasculogenesis", "--preset", "smoke",
                "--guide-condition", "class", "--out", reversed.toString());
        assertEquals(2, unknownCondition.exitCode(), unknownCondition.all());
        assertContains(unknownCondition, "--guide-condition: guide condition 'class' is invalid; give none");
        assertTrue(Files.notExists(reversed));

        Path noGuide = temp.resolve("no-guide-run");
        CliRunner.Result missingGuide = CliRunner.run("run", "vasculogenesis", "--preset", "smoke",
                "--guide-checkpoint", temp.resolve("none").toString(), "--out", noGuide.toString());

        assertEquals(2, missingGuide.exitCode(), missingGuide.all());
        assertContains(missingGuide, "none does not exist");
        assertTrue(Files.notExists(noGuide));
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
