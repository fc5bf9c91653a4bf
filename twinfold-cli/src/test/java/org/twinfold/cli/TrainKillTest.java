package org.twinfold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.DatasetWriter;
import org.twinfold.core.dataset.Manifest;
import org.twinfold.core.dataset.ManifestFiles;
import org.twinfold.ml.train.Checkpoint;

/** Kills a real training process with SIGKILL after its first checkpoint and resumes it. */
class TrainKillTest {
    private static final int STEPS = 1000;

    @TempDir
    Path temp;

    @Test
    void killedTrainingResumesFromCheckpoint() throws Exception {
        Path data = temp.resolve("data");
        Path checkpoints = temp.resolve("ckpt");
        assertEquals(0, CliRunner.run("simulate", "oscillator", "--samples", "128", "--out", data.toString()).exitCode());

        Process victim = start(data, checkpoints, ProcessBuilder.Redirect.DISCARD);
        waitForCheckpoint(checkpoints, victim);
        victim.destroyForcibly();
        victim.waitFor(30, TimeUnit.SECONDS);
        long stepAtKill = Checkpoint.read(checkpoints).state().step();
        assertTrue(stepAtKill < STEPS, "training finished before it was killed; give it more steps");

        Path log = temp.resolve("resume.log");
        Process resumed = start(data, checkpoints, ProcessBuilder.Redirect.to(log.toFile()));
        assertEquals(0, resumed.waitFor(), Files.readString(log));
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(output.contains("resuming, " + stepAtKill + " of " + STEPS + " steps already complete"), output);
        assertEquals(STEPS, Checkpoint.read(checkpoints).state().step());
        assertEquals(List.of(), temporaryFolders(checkpoints), "a temporary checkpoint folder was left behind");
    }

    @Test
    void stoppedTrainingPrintsResumeHint() throws Exception {
        Path data = temp.resolve("data");
        Path checkpoints = temp.resolve("ckpt");
        assertEquals(0, CliRunner.run("simulate", "oscillator", "--samples", "128", "--out", data.toString()).exitCode());

        // SIGTERM, as Ctrl-C or a batch system sends, runs the JVM's shutdown hooks.
        Path log = temp.resolve("stopped.log");
        Process stopped = start(data, checkpoints, ProcessBuilder.Redirect.to(log.toFile()));
        waitForCheckpoint(checkpoints, stopped);
        stopped.destroy();
        assertTrue(stopped.waitFor(30, TimeUnit.SECONDS), "training did not stop within 30 s of SIGTERM");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(output.contains("train stopped before it finished; run the same command again to resume"), output);
        long step = Checkpoint.read(checkpoints).state().step();
        assertTrue(output.contains("resume from the newest checkpoint (step " + step + ", "
                + checkpoints.toAbsolutePath()), output);
    }

    @Test
    void nanInTrainingDataExitsWithTwo() throws Exception {
        Path data = temp.resolve("data");
        assertEquals(0, CliRunner.run("simulate", "oscillator", "--samples", "8", "--out", data.toString()).exitCode());
        Path poisoned = poison(data);

        CliRunner.Result result = CliRunner.run("train", "oscillator", "--data", poisoned.toString(), "--out",
                temp.resolve("ckpt").toString(), "--steps", "10");

        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.all().contains("NaN"), result.all());
        assertTrue(Files.notExists(temp.resolve("ckpt").resolve("step-000000000010")));
    }

    // Rewrites the dataset with one NaN position in sample 3, through the normal writer.
    private Path poison(Path data) throws IOException {
        Dataset dataset = Dataset.open(data);
        var batch = dataset.readAll();
        float[] positions = batch.floats("position").clone();
        positions[3 * 100 + 17] = Float.NaN;
        Manifest manifest = dataset.manifest();
        Path poisoned = temp.resolve("poisoned");
        Manifest plan = new Manifest(manifest.formatVersion(), manifest.task(), manifest.generator(), manifest.fields(),
                manifest.parameters(), manifest.points(), manifest.classLabels(), manifest.seeds(),
                manifest.shardSize(), List.of(), false, manifest.provenance());
        DatasetWriter writer = DatasetWriter.open(poisoned, plan);
        writer.writeShard(0, org.twinfold.core.SampleBatch.builder(batch.schema(), batch.size())
                .put("position", positions).build(), new double[batch.size()]);
        writer.finish();
        assertTrue(Files.exists(poisoned.resolve(ManifestFiles.FILE_NAME)));
        return poisoned;
    }

    private static Process start(Path data, Path checkpoints, ProcessBuilder.Redirect output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                TwinfoldCommand.class.getName(), "train", "oscillator", "--data", data.toString(), "--out",
                checkpoints.toString(), "--steps", Integer.toString(STEPS), "--checkpoint-every", "100",
                "--hidden", "128,128", "--threads", "1")
                .redirectErrorStream(true)
                .redirectOutput(output)
                .start();
    }

    private static void waitForCheckpoint(Path checkpoints, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.isDirectory(checkpoints) || temporaryFree(checkpoints).isEmpty()) {
            assertTrue(process.isAlive(), "training ended before it could be killed");
            assertTrue(System.nanoTime() < deadline, "no checkpoint was written within 120 s");
            Thread.sleep(20);
        }
    }

    private static List<Path> temporaryFree(Path checkpoints) throws IOException {
        try (Stream<Path> folders = Files.list(checkpoints)) {
            return folders.filter(p -> p.getFileName().toString().startsWith("step-")).toList();
        }
    }

    private static List<Path> temporaryFolders(Path checkpoints) throws IOException {
        try (Stream<Path> folders = Files.list(checkpoints)) {
            return folders.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList();
        }
    }
}
