package org.twinfold.ml;

import java.util.OptionalInt;

/**
 * Settings that DJL's PyTorch engine reads once, when it starts.
 *
 * @param intraOpThreads threads that one operator (a matrix product, a convolution) may use;
 *     sets {@code ai.djl.pytorch.num_threads}; empty keeps libtorch's default (all cores) or a value
 *     given on the command line
 * @param interOpThreads threads that run independent operators in parallel; sets
 *     {@code ai.djl.pytorch.num_interop_threads}; empty keeps the default
 */
public record EngineOptions(OptionalInt intraOpThreads, OptionalInt interOpThreads) {

    public EngineOptions {
        requirePositive("intraOpThreads", intraOpThreads);
        requirePositive("interOpThreads", interOpThreads);
    }

    /** Returns options that keep every default. */
    public static EngineOptions defaults() {
        return new EngineOptions(OptionalInt.empty(), OptionalInt.empty());
    }

    /** Returns options with {@code threads} intra-op threads and one inter-op thread. */
    public static EngineOptions threads(int threads) {
        return new EngineOptions(OptionalInt.of(threads), OptionalInt.of(1));
    }

    private static void requirePositive(String name, OptionalInt value) {
        if (value.isPresent() && value.getAsInt() < 1) {
            throw new IllegalArgumentException(name + " is " + value.getAsInt()
                    + "; it must be 1 or more, or empty to keep the engine's default");
        }
    }
}
