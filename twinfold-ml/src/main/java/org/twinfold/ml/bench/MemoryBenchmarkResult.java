package org.twinfold.ml.bench;

import java.util.List;

/**
 * Outcome of {@link TrainingMemoryBenchmark#run}.
 *
 * @param steps steps trained
 * @param samples memory at the sampled steps, in step order
 * @param wallSeconds wall time of the training, in seconds
 */
public record MemoryBenchmarkResult(long steps, List<MemorySample> samples, double wallSeconds) {

    public MemoryBenchmarkResult {
        samples = List.copyOf(samples);
    }

    /**
     * Returns the relative rise of resident memory from the first sample to the last,
     * {@code (last - first) / first}.
     */
    public double residentRise() {
        MemorySample first = samples.get(0);
        MemorySample last = samples.get(samples.size() - 1);
        return (double) (last.residentBytes() - first.residentBytes()) / first.residentBytes();
    }

    /** Returns a table with one line per sample, for printing by a command-line program. */
    public String table() {
        StringBuilder text = new StringBuilder(String.format("%8s %12s %12s %12s%n", "step", "VmRSS MiB", "heap MiB", "live arrays"));
        for (MemorySample sample : samples) {
            text.append(String.format("%8d %12.1f %12.1f %12d%n", sample.step(), sample.residentBytes() / 1048576.0,
                    sample.heapCommittedBytes() / 1048576.0, sample.liveArrays()));
        }
        text.append(String.format("resident memory rise from step %d to %d: %.2f%%; %d steps in %.1f s%n",
                samples.get(0).step(), samples.get(samples.size() - 1).step(), 100 * residentRise(), steps,
                wallSeconds));
        return text.toString();
    }
}
