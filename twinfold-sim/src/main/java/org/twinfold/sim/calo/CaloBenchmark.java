package org.twinfold.sim.calo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.twinfold.core.ParameterPoint;

/**
 * Measures showers per second of the {@link CaloShowerGenerator} on N threads, over the challenge's
 * log-uniform 1 GeV to 1 TeV spectrum and per energy decade. Each shower is one
 * {@code generate} call with its own seed, as in a sweep, but no file is written. Every
 * measurement follows a warm-up of the same size so that the JIT has compiled the spot loop.
 */
public final class CaloBenchmark {
    private static final double[] DECADE_EDGES_MEV = {1e3, 1e4, 1e5, 1e6};

    private CaloBenchmark() {
    }

    /** Rates in showers per second: the whole spectrum, then one per decade. */
    public record Result(int threads, int showers, double spectrumRate, double[] decadeRates) {

        /** Returns the result as lines of text, one per measurement. */
        public String table() {
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, "log-uniform 1 GeV - 1 TeV: %,.0f showers/s on %d thread(s) "
                    + "(%d showers)%n", spectrumRate, threads, showers));
            for (int d = 0; d < decadeRates.length; d++) {
                text.append(String.format(Locale.ROOT, "  %s: %,.0f showers/s%n", decadeLabel(d), decadeRates[d]));
            }
            return text.toString();
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param showers showers per measurement, at least 1
     * @param threads worker threads, at least 1
     */
    public static Result run(int showers, int threads, long seed) {
        if (showers < 1 || threads < 1) {
            throw new IllegalArgumentException("the benchmark needs at least 1 shower and 1 thread; got " + showers
                    + " showers and " + threads + " threads");
        }
        CaloShowerGenerator generator = CaloShowerGenerator.builder().build();
        SplittableRandom random = new SplittableRandom(seed);
        double[] spectrum = logUniform(showers, 1e3, 1e6, random);
        measure(generator, spectrum, threads, seed);
        double spectrumRate = measure(generator, spectrum, threads, seed + 1);

        double[] decadeRates = new double[DECADE_EDGES_MEV.length - 1];
        for (int d = 0; d < decadeRates.length; d++) {
            double[] energies = logUniform(showers, DECADE_EDGES_MEV[d], DECADE_EDGES_MEV[d + 1], random);
            decadeRates[d] = measure(generator, energies, threads, seed + 2 + d);
        }
        return new Result(threads, showers, spectrumRate, decadeRates);
    }

    private static String decadeLabel(int decade) {
        String[] names = {"1 GeV", "10 GeV", "100 GeV", "1 TeV"};
        return names[decade] + " - " + names[decade + 1];
    }

    private static double[] logUniform(int count, double min, double max, SplittableRandom random) {
        double[] energies = new double[count];
        double logMin = Math.log(min);
        double span = Math.log(max) - logMin;
        for (int i = 0; i < count; i++) {
            energies[i] = Math.min(max, Math.exp(logMin + span * random.nextDouble()));
        }
        return energies;
    }

    // Threads take showers in an interleaved order, so each gets the same mix of energies.
    private static double measure(CaloShowerGenerator generator, double[] energies, int threads, long seed) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < energies.length; i += threads) {
                        generator.generate(List.of(ParameterPoint.of(energies[i])), new long[] {seed + i});
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return energies.length / ((System.nanoTime() - start) * 1e-9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the benchmark was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a benchmark thread failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
