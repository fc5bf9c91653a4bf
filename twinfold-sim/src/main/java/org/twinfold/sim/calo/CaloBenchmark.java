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
 * {@link #calibration} prints the energy response and shower maximum that the calibration is judged by.
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

    /**
     * Returns the calibration table: at 1 GeV, 10 GeV, 100 GeV and 1 TeV, the mean and relative width
     * of E_tot / E_inc after the threshold and the layer where the mean profile peaks, from
     * {@code showers} showers each with seeds 0 to showers - 1.
     */
    public static String calibration(int showers) {
        if (showers < 2) {
            throw new IllegalArgumentException("the calibration needs at least 2 showers per energy; got " + showers);
        }
        CaloShowerGenerator generator = CaloShowerGenerator.builder().build();
        CaloFeatures features = CaloFeatures.dataset2();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "E_inc      mean E_tot/E_inc   relative width   peak layer   (%d showers each)%n", showers));
        for (double energy : DECADE_EDGES_MEV) {
            double sum = 0;
            double sumSquares = 0;
            double[] profile = new double[generator.geometry().layerCount()];
            for (int seed = 0; seed < showers; seed++) {
                float[] voxels = generator.generate(List.of(ParameterPoint.of(energy)), new long[] {seed})
                        .floats(CaloShowerGenerator.SHOWERS);
                ShowerFeatures shower = features.compute(voxels, 0, energy);
                sum += shower.energyRatio();
                sumSquares += shower.energyRatio() * shower.energyRatio();
                for (int l = 0; l < profile.length; l++) {
                    profile[l] += shower.layerEnergy()[l];
                }
            }
            double mean = sum / showers;
            double width = Math.sqrt(Math.max(0, sumSquares / showers - mean * mean)) / mean;
            int peak = 0;
            for (int l = 1; l < profile.length; l++) {
                peak = profile[l] > profile[peak] ? l : peak;
            }
            text.append(String.format(Locale.ROOT, "%-10s %-18.4f %-16.4f %d%n", energyLabel(energy), mean, width, peak));
        }
        return text.toString();
    }

    private static String energyLabel(double energyMeV) {
        return energyMeV >= 1e6 ? "1 TeV" : String.format(Locale.ROOT, "%.0f GeV", energyMeV / 1e3);
    }

    private static String decadeLabel(int decade) {
        return energyLabel(DECADE_EDGES_MEV[decade]) + " - " + energyLabel(DECADE_EDGES_MEV[decade + 1]);
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
