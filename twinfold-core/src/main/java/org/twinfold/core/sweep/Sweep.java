package org.twinfold.core.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.core.Generator;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.DatasetWriter;
import org.twinfold.core.dataset.Manifest;
import org.twinfold.core.provenance.Provenance;

/**
 * Runs a {@link Generator} over parameter points on a local thread pool and writes the samples as a
 * dataset. Threads take batches of samples, so even a single shard uses every thread; a shard is
 * written as soon as its last batch is done. Resumable: rerunning the same sweep into the same folder skips
 * complete shards. The data depend only on the points, the run seed and the shard size, not on the
 * thread count or the order in which shards finish.
 */
public final class Sweep {
    private static final Logger LOG = LoggerFactory.getLogger(Sweep.class);

    private final Generator generator;
    private final List<ParameterPoint> points;
    private final long seed;
    private final long[] seeds;
    private final int shardSize;
    private final int batchSize;
    private final int threads;
    private final String task;
    private final String commandLine;
    private final Map<String, String> configuration;
    private final Map<String, String> parents;
    private final SweepListener listener;

    private Sweep(Builder builder) {
        this.generator = builder.generator;
        this.points = builder.points;
        this.seed = builder.seed;
        this.seeds = builder.seeds;
        this.shardSize = builder.shardSize;
        this.batchSize = builder.batchSize;
        this.threads = builder.threads;
        this.task = builder.task;
        this.commandLine = builder.commandLine;
        this.configuration = builder.configuration;
        this.parents = builder.parents;
        this.listener = builder.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the sweep into {@code folder}, resuming a sweep with the same plan already there.
     *
     * @return the complete manifest
     * @throws IOException when the folder cannot be written
     * @throws InterruptedException when the calling thread is interrupted; complete shards are kept
     */
    public Manifest run(Path folder) throws IOException, InterruptedException {
        DatasetWriter writer = DatasetWriter.open(folder, plan());
        List<Integer> pending = writer.pendingShards();
        long total = points.size();
        long alreadyComplete = total - pending.stream().mapToLong(writer::shardLength).sum();
        LOG.info("Sweep of {} with {} samples in {} shard(s) on {} thread(s) into {} ({} samples already complete)",
                generator.info().id(), total, writer.manifest().shardCount(), threads, folder, alreadyComplete);
        listener.started(total, alreadyComplete);

        long start = System.nanoTime();
        AtomicLong complete = new AtomicLong(alreadyComplete);
        runShards(writer, pending, complete, total);
        Manifest manifest = writer.finish();

        double wallSeconds = (System.nanoTime() - start) * 1e-9;
        listener.finished(total, wallSeconds);
        LOG.info("Sweep finished: {} shard(s) written in {} s", pending.size(), String.format("%.1f", wallSeconds));
        return manifest;
    }

    // Each batch of each pending shard is one task, so that every thread works even when a sweep has
    // fewer shards than threads. The task that finishes a shard's last batch writes the shard.
    private void runShards(DatasetWriter writer, List<Integer> pending, AtomicLong complete, long total)
            throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "twinfold-sweep");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int shard : pending) {
                ShardWork work = new ShardWork(writer, shard);
                for (int offset = 0; offset < work.length; offset += batchSize) {
                    int batchOffset = offset;
                    futures.add(pool.submit(() -> {
                        work.generate(batchOffset, complete, total);
                        return null;
                    }));
                }
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("sweep worker failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The batches of one shard, collected from worker threads until the shard is complete. */
    private final class ShardWork {
        private final DatasetWriter writer;
        private final int shard;
        private final int first;
        private final int length;
        private final SampleBatch[] batches;
        private final double[] wallSeconds;
        private final AtomicInteger remainingBatches;

        ShardWork(DatasetWriter writer, int shard) {
            this.writer = writer;
            this.shard = shard;
            this.first = writer.firstSample(shard);
            this.length = writer.shardLength(shard);
            int batchCount = (length + batchSize - 1) / batchSize;
            this.batches = new SampleBatch[batchCount];
            this.wallSeconds = new double[length];
            this.remainingBatches = new AtomicInteger(batchCount);
        }

        void generate(int offset, AtomicLong complete, long total) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            int size = Math.min(batchSize, length - offset);
            int from = first + offset;
            long[] seeds = writer.manifest().seeds();
            long started = System.nanoTime();
            SampleBatch batch = generator.generate(points.subList(from, from + size),
                    Arrays.copyOfRange(seeds, from, from + size),
                    fraction -> listener.progressedWithin(complete.get() + fraction * size, total));
            double perSample = (System.nanoTime() - started) * 1e-9 / size;

            synchronized (this) {
                batches[offset / batchSize] = batch;
                Arrays.fill(wallSeconds, offset, offset + size, perSample);
            }
            listener.progressed(complete.addAndGet(size), total);
            if (remainingBatches.decrementAndGet() == 0) {
                write();
            }
        }

        private void write() throws IOException {
            SampleBatch joined;
            double[] times;
            synchronized (this) {
                joined = Dataset.concatenate(generator.schema(), List.of(batches));
                times = wallSeconds.clone();
            }
            writer.writeShard(shard, joined, times);
        }
    }

    private Manifest plan() {
        double[][] values = new double[points.size()][];
        int[] labels = points.isEmpty() || points.get(0).classLabel().isEmpty() ? null : new int[points.size()];
        for (int i = 0; i < values.length; i++) {
            ParameterPoint point = points.get(i);
            generator.parameterSpace().validate(point);
            values[i] = point.values();
            if (labels != null) {
                labels[i] = point.classLabel().orElseThrow(() -> new IllegalArgumentException(
                        "points mix class-labelled and unlabelled points; label all of them or none"));
            }
        }

        Map<String, String> settings = new LinkedHashMap<>(generator.info().settings());
        settings.putAll(configuration);
        settings.put("shardSize", Integer.toString(shardSize));
        settings.put("threads", Integer.toString(threads));
        settings.put("samples", Integer.toString(points.size()));
        Provenance provenance = Provenance.now(generator.info().id(), generator.info().version(), settings, seed, parents,
                commandLine);
        return new Manifest(Manifest.FORMAT_VERSION, task, generator.info(),
                Manifest.fieldsOf(generator.schema()), generator.parameterSpace().parameters(), values, labels,
                seeds == null ? Seeds.derive(seed, points.size()) : seeds.clone(), shardSize, List.of(), false, provenance);
    }

    /** Collects a sweep's settings; generator, points and seed are required. */
    public static final class Builder {
        private Generator generator;
        private List<ParameterPoint> points;
        private Long seed;
        private long[] seeds;
        private int shardSize = 64;
        private int batchSize = 1;
        private int threads = Runtime.getRuntime().availableProcessors();
        private String task = "";
        private String commandLine = "";
        private Map<String, String> configuration = Map.of();
        private Map<String, String> parents = Map.of();
        private SweepListener listener = SweepListener.NONE;

        public Builder generator(Generator value) {
            this.generator = Objects.requireNonNull(value, "generator");
            return this;
        }

        public Builder points(List<ParameterPoint> value) {
            this.points = List.copyOf(value);
            return this;
        }

        /** Sets the run seed from which every sample's seed is derived. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets every sample's seed explicitly, in place of deriving them from the run seed. This gives a
         * surrogate the same inputs as the simulations it is compared with. The run seed is still
         * required and recorded.
         */
        public Builder seeds(long[] value) {
            this.seeds = value.clone();
            return this;
        }

        /** Sets the samples per shard file (default 64): the unit of resumption. */
        public Builder shardSize(int value) {
            this.shardSize = requirePositive("shard size", value);
            return this;
        }

        /** Sets the samples per generator call (default 1); surrogates generate faster in larger batches. */
        public Builder batchSize(int value) {
            this.batchSize = requirePositive("batch size", value);
            return this;
        }

        /** Sets the worker threads (default: available processors). */
        public Builder threads(int value) {
            this.threads = requirePositive("thread count", value);
            return this;
        }

        public Builder task(String value) {
            this.task = Objects.requireNonNull(value, "task");
            return this;
        }

        /** Sets the command line recorded in the manifest's provenance. */
        public Builder commandLine(String value) {
            this.commandLine = Objects.requireNonNull(value, "commandLine");
            return this;
        }

        /** Sets extra configuration recorded in provenance, such as the sampling method. */
        public Builder configuration(Map<String, String> value) {
            this.configuration = Map.copyOf(value);
            return this;
        }

        /** Sets the SHA-256 of the manifests this dataset derives from, by role, for its provenance. */
        public Builder parents(Map<String, String> value) {
            this.parents = Map.copyOf(value);
            return this;
        }

        public Builder listener(SweepListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        public Sweep build() {
            if (generator == null || points == null || seed == null) {
                throw new IllegalStateException("a sweep needs a generator, points and a seed");
            }
            if (points.isEmpty()) {
                throw new IllegalArgumentException("a sweep needs at least one parameter point");
            }
            if (seeds != null && seeds.length != points.size()) {
                throw new IllegalArgumentException("a sweep of " + points.size() + " points got " + seeds.length
                        + " seeds; give one seed per point");
            }
            return new Sweep(this);
        }

        private static int requirePositive(String name, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " is " + value + "; it must be positive");
            }
            return value;
        }
    }
}
