package org.twinfold.ml.train;

import java.util.SplittableRandom;

/**
 * Random sources that are a pure function of (run seed, step), so that a resumed run draws the
 * same batches and the same engine noise as an uninterrupted one. The mixing is the SplitMix64
 * finalizer (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014)
 * applied to the seed and the step, each offset by the golden-ratio constant.
 */
public final class StepRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private StepRandom() {
    }

    /** Returns a random source for batch selection at {@code step}; the same pair gives the same stream. */
    public static SplittableRandom forStep(long seed, long step) {
        return new SplittableRandom(mix(seed, step));
    }

    /** Returns the seed for the engine's own generator (dropout, noise drawn with NDArray ops) at {@code step}. */
    public static int engineSeed(long seed, long step) {
        long mixed = mix(seed ^ GOLDEN_GAMMA, step);
        return (int) (mixed ^ (mixed >>> 32));
    }

    static long mix(long seed, long step) {
        long z = mix64(seed + GOLDEN_GAMMA);
        return mix64(z + (step + 1) * GOLDEN_GAMMA);
    }

    private static long mix64(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
