package org.twinfold.ml.vae;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.core.Parameter;
import org.twinfold.core.ParameterPoint;
import org.twinfold.ml.DjlEngine;
import org.twinfold.ml.EngineOptions;

/**
 * Generation time per sample of a VAE on a calorimeter-sized field (6,480 values by default), at
 * several batch sizes. The weights are untrained, because the time of a forward pass does not depend
 * on them. Each timed call draws the latents, runs the decoder and inverts a logit preprocessing
 * with division by a log-uniform incident energy, as the calorimeter VAE does. One call per batch
 * size warms up first; then calls repeat until {@code minSeconds} have passed (at least once).
 *
 * <p>The engine's thread count is whatever the process started it with; {@link #main} starts it with
 * the given count.
 */
public final class VaeGenerationBenchmark {
    /** Field size of CaloChallenge Dataset 2: 45 layers x 16 angular x 9 radial bins. */
    public static final int CALORIMETER_FIELD_SIZE = 6480;
    private static final Logger LOG = LoggerFactory.getLogger(VaeGenerationBenchmark.class);

    private VaeGenerationBenchmark() {
    }

    /**
     * Times generation with the given network at each batch size.
     *
     * @param options latent size and hidden widths of the network
     * @param fieldSize values per sample
     * @param batchSizes samples per decoder pass, each at least 1
     * @param minSeconds timed seconds per batch size, at least; 0 times a single call
     */
    public static VaeBenchmarkResult run(VaeOptions options, int fieldSize, int[] batchSizes, double minSeconds) {
        Parameter energy = new Parameter("incident_energy", 1e3, 1e6, "MeV", "incident energy");
        VaeArchitecture architecture = new VaeArchitecture(fieldSize, 1, options.latentSize(), options.hiddenWidths());
        FieldPreprocessing field = new FieldPreprocessing(fieldSize, Optional.of(energy.name()), 0,
                VoxelTransform.LOGIT, FieldPreprocessing.ALPHA, 0.5, Standardization.GLOBAL,
                FieldPreprocessing.filled(fieldSize, -11), FieldPreprocessing.filled(fieldSize, 3), true, 0.01515);
        ParameterConditioning conditioning = ParameterConditioning.fit(List.of(energy),
                new double[][] {{1e3}, {1e6}}, Set.of(energy.name()));

        List<VaeBenchmarkResult.Timing> timings = new ArrayList<>();
        try (VaeModel model = VaeModel.untrained(architecture, field, conditioning, 1)) {
            for (int batch : batchSizes) {
                List<ParameterPoint> points = logUniformPoints(batch, batch);
                long[] seeds = new SplittableRandom(batch + 1L).longs(batch).toArray();
                model.sample(points, seeds, batch);

                int calls = 0;
                long start = System.nanoTime();
                double elapsed;
                do {
                    model.sample(points, seeds, batch);
                    calls++;
                    elapsed = (System.nanoTime() - start) * 1e-9;
                } while (elapsed < minSeconds);
                VaeBenchmarkResult.Timing timing = new VaeBenchmarkResult.Timing(batch, calls,
                        elapsed / ((double) calls * batch));
                LOG.info("VAE generation at batch {}: {} ms per sample over {} calls", batch,
                        String.format(Locale.ROOT, "%.4f", timing.secondsPerSample() * 1e3), calls);
                timings.add(timing);
            }
        }
        return new VaeBenchmarkResult(architecture, architecture.parameterCount(),
                System.getProperty("ai.djl.pytorch.num_threads", "default"), timings);
    }

    /** Runs the default network at batch 1, 100 and 10,000. Usage: {@code VaeGenerationBenchmark [threads=2]}. */
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        DjlEngine.start(EngineOptions.threads(threads));
        VaeBenchmarkResult result = run(VaeOptions.builder().build(), CALORIMETER_FIELD_SIZE,
                new int[] {1, 100, 10_000}, 3);
        System.out.println(result.describe());
    }

    private static List<ParameterPoint> logUniformPoints(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ParameterPoint> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            points.add(ParameterPoint.of(Math.pow(10, 3 + 3 * random.nextDouble())));
        }
        return points;
    }
}
