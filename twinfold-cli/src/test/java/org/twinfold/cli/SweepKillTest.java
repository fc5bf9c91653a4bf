package org.twinfold.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.Manifest;

/** Kills a real sweep process with SIGKILL mid-way and checks that the rerun completes it exactly. */
class SweepKillTest {
    private static final int SAMPLES = 3000;

    @TempDir
    Path temp;

    @Test
    void killedSweepResumesToIdenticalDataset() throws Exception {
        Path straight = temp.resolve("straight");
        Path killed = temp.resolve("killed");
        assertEquals(0, start(straight).waitFor());

        Process victim = start(killed);
        waitForShards(killed, 2, victim);
        victim.destroyForcibly();
        victim.waitFor(30, TimeUnit.SECONDS);
        int completeAtKill = countShards(killed);
        assertTrue(completeAtKill < SAMPLES / 100, "the sweep finished before it was killed; make it longer");

        assertEquals(0, start(killed).waitFor(), "rerun after the kill failed");
        Manifest manifest = Dataset.open(killed).manifest();
        assertEquals(SAMPLES, manifest.sampleCount());
        for (Path file : shardFiles(straight)) {
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(killed.resolve(file.getFileName())),
                    file.getFileName().toString());
        }
        assertEquals(List.of(), leftovers(killed));
    }

    private static Process start(Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TwinfoldCommand.class.getName(), "simulate", "oscillator", "--samples", Integer.toString(SAMPLES),
                "--shard-size", "100", "--threads", "1", "--seed", "11", "--out", out.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void waitForShards(Path folder, int shards, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (countShards(folder) < shards) {
            assertTrue(process.isAlive(), "the sweep ended before it could be killed");
            assertTrue(System.nanoTime() < deadline, "no shard was written within 60 s");
            Thread.sleep(20);
        }
    }

    private static int countShards(Path folder) throws IOException {
        return Files.isDirectory(folder) ? shardFiles(folder).size() : 0;
    }

    private static List<Path> shardFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".h5")).sorted().toList();
        }
    }

    private static List<Path> leftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
