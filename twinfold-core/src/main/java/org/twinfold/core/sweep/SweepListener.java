package org.twinfold.core.sweep;

/** Receives a sweep's progress; called from worker threads, so implementations must be thread-safe. */
public interface SweepListener {

    /** Called once before work starts, with the samples already complete from an earlier run. */
    default void started(long totalSamples, long alreadyComplete) {
    }

    /** Called after each generated batch with the running count of complete samples. */
    void progressed(long completeSamples, long totalSamples);

    /**
     * Called while a batch is being generated, when its generator reports how far it is, with the complete
     * samples counted in fractions.
     */
    default void progressedWithin(double completeSamples, long totalSamples) {
    }

    /** Called once when every shard is written. */
    default void finished(long totalSamples, double wallSeconds) {
    }

    SweepListener NONE = (complete, total) -> { };
}
