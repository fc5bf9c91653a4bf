package org.twinfold.core.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Sampling;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.Manifest;
import org.twinfold.core.testkit.NoisySineGenerator;

class SweepTest {
    private static final int SAMPLES = 37;

    @TempDir
    Path temp;

    private static List<ParameterPoint> points() {
        return Sampling.LATIN_HYPERCUBE.sample(NoisySineGenerator.SPACE, SAMPLES, new SplittableRandom(3));
    }

    private static Sweep sweep(NoisySineGenerator generator, int threads) {
        return Sweep.builder().generator(generator).points(points()).seed(42).shardSize(8).threads(threads).build();
    }

    @Test
    void sweepWritesReadableDataset() throws Exception {
        Manifest manifest = sweep(new NoisySineGenerator(), 2).run(temp.resolve("data"));

        Dataset dataset = Dataset.open(temp.resolve("data"));
        SampleBatch all = dataset.readAll();
        assertTrue(manifest.complete());
        assertEquals(5, manifest.shardCount());
        assertEquals(SAMPLES, all.size());
        assertEquals(SAMPLES, dataset.manifest().wallSeconds().length);

        // Sample 10 regenerated alone must equal sample 10 of the dataset.
        NoisySineGenerator single = new NoisySineGenerator();
        SampleBatch ten = single.generate(List.of(points().get(10)), new long[] {manifest.seeds()[10]});
        float[] expected = ten.floats("signal");
        float[] actual = new float[8];
        System.arraycopy(all.floats("signal"), 80, actual, 0, 8);
        assertArrayEquals(expected, actual);
        assertArrayEquals(ten.bytes("mask"), java.util.Arrays.copyOfRange(all.bytes("mask"), 40, 44));
    }

    @Test
    void sameSeedGivesIdenticalFilesWhateverTheThreadCount() throws Exception {
        sweep(new NoisySineGenerator(), 1).run(temp.resolve("one"));
        sweep(new NoisySineGenerator(), 2).run(temp.resolve("two"));

        for (int shard = 0; shard < 5; shard++) {
            String name = String.format("shard-%05d.h5", shard);
            assertArrayEquals(Files.readAllBytes(temp.resolve("one").resolve(name)),
                    Files.readAllBytes(temp.resolve("two").resolve(name)), name);
        }
    }

    @Test
    void crashedSweepResumesToIdenticalDataset() throws Exception {
        sweep(new NoisySineGenerator(), 1).run(temp.resolve("straight"));

        Path resumed = temp.resolve("resumed");
        assertThrows(IllegalStateException.class, () -> sweep(new NoisySineGenerator(20), 1).run(resumed));
        List<Path> afterCrash = shardFiles(resumed);
        assertEquals(2, afterCrash.size(), "two complete shards of 8 survive a crash at sample 20");
        long firstShardModified = Files.getLastModifiedTime(afterCrash.get(0)).toMillis();

        NoisySineGenerator second = new NoisySineGenerator();
        sweep(second, 2).run(resumed);

        assertEquals(SAMPLES - 16, second.generated(), "complete shards are not generated again");
        assertEquals(firstShardModified, Files.getLastModifiedTime(afterCrash.get(0)).toMillis());
        for (Path file : shardFiles(temp.resolve("straight"))) {
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(resumed.resolve(file.getFileName())),
                    file.getFileName().toString());
        }
    }

    @Test
    void singleShardSweepUsesEveryThread() throws Exception {
        java.util.Set<String> threadNames = java.util.concurrent.ConcurrentHashMap.newKeySet();
        NoisySineGenerator slow = new NoisySineGenerator() {
            @Override
            public SampleBatch generate(List<ParameterPoint> batchPoints, long[] seeds) {
                threadNames.add(Thread.currentThread().getName() + "@" + Thread.currentThread().getId());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.generate(batchPoints, seeds);
            }
        };
        Sweep.builder().generator(slow).points(points().subList(0, 8)).seed(1).shardSize(64).threads(2).build()
                .run(temp.resolve("data"));
        assertEquals(2, threadNames.size(), "threads used: " + threadNames);
    }

    @Test
    void differentPlanInSameFolderIsRejected() throws Exception {
        Path folder = temp.resolve("data");
        sweep(new NoisySineGenerator(), 1).run(folder);
        Sweep other = Sweep.builder().generator(new NoisySineGenerator()).points(points()).seed(7).shardSize(8)
                .build();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> other.run(folder));
        assertTrue(error.getMessage().contains("already contains a different dataset"), error.getMessage());
    }

    @Test
    void changedSettingsNamedOnReuse() throws Exception {
        Path folder = temp.resolve("data");
        sweep(new NoisySineGenerator(), 1).run(folder);
        NoisySineGenerator noisier = new NoisySineGenerator() {
            @Override
            public GeneratorInfo info() {
                return new GeneratorInfo("noisy-sine", "1", Map.of("noise", "0.2"));
            }
        };

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> sweep(noisier, 1).run(folder));
        assertTrue(error.getMessage().contains("; noise was '0.1' and is '0.2' now)"), error.getMessage());
    }

    @Test
    void pointOutsideRangeIsRejectedBeforeWriting() {
        Path folder = temp.resolve("data");
        Sweep sweep = Sweep.builder().generator(new NoisySineGenerator()).points(List.of(ParameterPoint.of(3.5)))
                .seed(1).build();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> sweep.run(folder));
        assertTrue(error.getMessage().contains("'frequency' = 3.5 rad/s is outside its range [0.5, 2.0]"),
                error.getMessage());
        assertTrue(Files.notExists(folder.resolve("manifest.json")));
    }

    @Test
    void unwritableOutputFolderIsReported() throws Exception {
        Path blocker = Files.writeString(temp.resolve("a-file"), "not a folder");
        IOException error = assertThrows(IOException.class,
                () -> sweep(new NoisySineGenerator(), 1).run(blocker.resolve("data")));
        assertTrue(error.getMessage().contains("cannot create output folder"), error.getMessage());
    }

    private static List<Path> shardFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".h5")).sorted().toList();
        }
    }
}
