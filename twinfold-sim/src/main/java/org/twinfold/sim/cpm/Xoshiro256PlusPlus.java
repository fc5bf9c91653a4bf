package org.twinfold.sim.cpm;

/**
 * The xoshiro256++ pseudo-random generator of Blackman and Vigna (2019), period 2^256 - 1, seeded
 * from one 64-bit seed through SplitMix64 as its authors recommend. Not thread-safe: each run owns
 * one instance, so a run depends on its seed only.
 */
public final class Xoshiro256PlusPlus {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    public Xoshiro256PlusPlus(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = mix(x);
    }

    // SplitMix64 output function (Steele, Lea and Flood 2014).
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        long result = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Returns a uniform double in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Returns a value in [0, bound) by Lemire's multiply-shift of 32 random bits, without rejection;
     * each value's probability differs from 1/bound by less than 2^-32.
     */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }
}
