package org.twinfold.ml.vae;

import java.util.List;
import java.util.Locale;

/**
 * Outcome of {@link VaeGenerationBenchmark#run}.
 *
 * @param architecture the timed network
 * @param parameterCount trainable values of encoder and decoder; generation uses the decoder only
 * @param intraOpThreads libtorch's intra-op thread setting, or {@code default}
 * @param timings one entry per batch size, in the order requested
 */
public record VaeBenchmarkResult(VaeArchitecture architecture, long parameterCount, String intraOpThreads,
                                 List<Timing> timings) {

    public VaeBenchmarkResult {
        timings = List.copyOf(timings);
    }

    /**
     * Generation time at one batch size.
     *
     * @param batchSize samples per decoder pass
     * @param calls timed calls
     * @param secondsPerSample wall seconds per generated sample, averaged over the timed calls
     */
    public record Timing(int batchSize, int calls, double secondsPerSample) {
    }

    /** Returns one line per batch size, in milliseconds per sample, after a line on the network. */
    public String describe() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "VAE, field %d, latent %d, hidden %s, %d parameters, intra-op threads %s%n", architecture.fieldSize(),
                architecture.latentSize(), architecture.hiddenWidths(), parameterCount, intraOpThreads));
        for (Timing timing : timings) {
            text.append(String.format(Locale.ROOT, "batch %d: %.4f ms per sample (%d calls)%n", timing.batchSize(),
                    timing.secondsPerSample() * 1e3, timing.calls()));
        }
        return text.toString();
    }
}
