package org.twinfold.cli.calo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.core.Generator;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.metrics.MetricResult;
import org.twinfold.ml.SurrogateFamilies;

/**
 * Generation time per shower of a trained surrogate at several batch sizes, as the CaloChallenge
 * reports it (batch 1, 100 and 10,000). Each batch size gets one warm-up call of at most
 * {@value #MAX_WARMUP_BATCH} showers, then calls repeat until {@value #MIN_SECONDS} s have passed
 * (at least one call). The points cycle through the given
 * incident energies, so the spectrum is the test set's.
 */
final class GenerationTiming {
    /** Batch sizes of the challenge's timing table. */
    static final int[] CHALLENGE_BATCHES = {1, 100, 10_000};
    static final String PREFIX = "generation_time/batch_";
    private static final double MIN_SECONDS = 1.0;
    /** Largest warm-up call, because a large batch spreads the first-call overhead anyway. */
    private static final int MAX_WARMUP_BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(GenerationTiming.class);

    private GenerationTiming() {
    }

    /**
     * Times the surrogate of a checkpoint folder.
     *
     * @param points parameter points to cycle through, at least one
     * @param threads how the engine's threads were set, for the definition (such as "1 intra-op thread")
     * @return one metric per batch size, named {@code generation_time/batch_N}, in ms per shower
     */
    static List<MetricResult> measure(Path checkpoints, List<ParameterPoint> points, int[] batchSizes, String threads,
                                      long seed) throws IOException {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("generation timing needs at least one parameter point");
        }
        Generator surrogate = SurrogateFamilies.forCheckpoint(checkpoints).load(checkpoints);
        List<MetricResult> metrics = new ArrayList<>();
        try {
            SplittableRandom random = new SplittableRandom(seed);
            for (int batch : batchSizes) {
                List<ParameterPoint> batchPoints = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    batchPoints.add(points.get(i % points.size()));
                }
                long[] seeds = random.longs(batch).toArray();
                int warmup = Math.min(batch, MAX_WARMUP_BATCH);
                surrogate.generate(batchPoints.subList(0, warmup), Arrays.copyOf(seeds, warmup));

                int calls = 0;
                long start = System.nanoTime();
                double elapsed;
                do {
                    surrogate.generate(batchPoints, seeds);
                    calls++;
                    elapsed = (System.nanoTime() - start) * 1e-9;
                } while (elapsed < MIN_SECONDS);
                double millisecondsPerShower = 1e3 * elapsed / ((double) calls * batch);
                LOG.info("generation at batch {}: {} ms per shower over {} calls", batch,
                        String.format(Locale.ROOT, "%.4g", millisecondsPerShower), calls);
                metrics.add(MetricResult.withoutUncertainty(PREFIX + batch, millisecondsPerShower, "ms",
                        String.format(Locale.ROOT, "wall time per shower of one generate call of %d showers, float32 "
                                + "on the CPU with %s, averaged over %d calls after a warm-up call; generator %s%s",
                                batch, threads, calls, surrogate.info().id(), passSize(surrogate))));
            }
        } finally {
            if (surrogate instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("closing the timed surrogate failed: {}", e.toString());
                }
            }
        }
        return metrics;
    }

    /** Returns the surrogate's recorded samples per network pass, if it records one, as a clause. */
    private static String passSize(Generator surrogate) {
        String size = surrogate.info().settings().get("sampleBatchSize");
        return size == null ? "" : ", at most " + size + " showers per network pass";
    }
}
