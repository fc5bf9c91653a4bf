package org.twinfold.sim.calo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;

class ShowerSimulatorTest {
    private static final CalorimeterGeometry GEOMETRY = CalorimeterGeometry.dataset2();
    private static final CaloShowerGenerator GENERATOR = CaloShowerGenerator.builder().build();
    /** Chi-square tests reject at this significance; a correct sampler fails one in 1,000 seeds. */
    private static final double SIGNIFICANCE = 0.001;

    @Test
    void voxelsPlusLeakageEqualVisibleEnergy() {
        for (double energy : new double[] {1e3, 3e4, 1e6}) {
            for (long seed = 0; seed < 5; seed++) {
                ShowerDeposit deposit = GENERATOR.simulateDeposit(energy, seed);
                double layers = Arrays.stream(deposit.layerEnergies()).sum();
                double accounted = deposit.voxelSum() + deposit.lateralLeakage();
                assertEquals(layers, accounted, 1e-9 * layers, "layer energies at " + energy + " MeV, seed " + seed);
                assertEquals(deposit.visibleEnergy(), accounted + deposit.longitudinalLeakage(),
                        1e-9 * deposit.visibleEnergy());
            }
        }
    }

    @Test
    void profilePeaksAtPredictedShowerMaximum() {
        // GFlash's average sampling T_max for this stack: 3.4, 5.7, 8.0 and 10.3 X0 at 1 GeV to 1 TeV,
        // that is layers 4, 7, 10 and 13 of 0.806 X0 each. The mean profile of discrete layers and
        // fluctuating T may shift the peak by one layer.
        double[] energies = {1e3, 1e4, 1e5, 1e6};
        int[] predictedLayer = {4, 7, 10, 13};
        for (int e = 0; e < energies.length; e++) {
            double[] profile = new double[45];
            int showers = energies[e] >= 1e6 ? 100 : 400;
            for (int seed = 0; seed < showers; seed++) {
                double[] layers = GENERATOR.simulateDeposit(energies[e], seed).layerEnergies();
                for (int l = 0; l < 45; l++) {
                    profile[l] += layers[l];
                }
            }
            int peak = 0;
            for (int l = 1; l < 45; l++) {
                if (profile[l] > profile[peak]) {
                    peak = l;
                }
            }
            assertEquals(predictedLayer[e], peak, 1, "peak layer at " + energies[e] + " MeV");
        }
    }

    @Test
    void totalEnergyRatioAndResolution() {
        // Expected relative width: stochastic 0.12 / sqrt(E / GeV) and constant 0.01 in quadrature;
        // leakage fluctuations add a little, so the tolerance is 15%. The mean is 1 minus about 1%
        // lateral leakage.
        double[] energies = {1e3, 1e4, 1e5};
        for (double energy : energies) {
            int n = 1000;
            double sum = 0;
            double sumSquares = 0;
            float[] voxels = new float[6480];
            for (int seed = 0; seed < n; seed++) {
                SampleBatch batch = GENERATOR.generate(List.of(ParameterPoint.of(energy)), new long[] {seed});
                System.arraycopy(batch.floats("showers"), 0, voxels, 0, voxels.length);
                double total = 0;
                for (float v : voxels) {
                    total += v;
                }
                double ratio = total / energy;
                sum += ratio;
                sumSquares += ratio * ratio;
            }
            double mean = sum / n;
            double width = Math.sqrt(sumSquares / n - mean * mean) / mean;
            double expected = Math.hypot(0.12 / Math.sqrt(energy / 1000), 0.01);
            assertTrue(mean > 0.95, "mean E_tot/E_inc at " + energy + " MeV is " + mean);
            assertTrue(mean < 1.0, "mean E_tot/E_inc at " + energy + " MeV is " + mean);
            assertEquals(expected, width, 0.15 * expected, "relative resolution at " + energy + " MeV");
        }
    }

    @Test
    void radialSamplerFollowsItsCdf() {
        RadialProfile profile = new RadialProfile(5e4, SamplingStack.dataset2());
        double[] edgesMm = GEOMETRY.layer(0).radialEdgesArray();
        double[] outer = new double[9];
        for (int r = 0; r < 9; r++) {
            outer[r] = edgesMm[r + 1] / SamplingStack.dataset2().moliereRadiusMm();
        }
        ShowerSimulator simulator = new ShowerSimulator(GEOMETRY, SamplingStack.dataset2(), ShowerSettings.defaults());
        for (double tau : new double[] {0.3, 1.0, 2.5}) {
            double[] cdf = profile.cumulative(tau, outer);
            int spots = 200_000;
            double[] voxels = new double[6480];
            long escaped = simulator.depositSpots(new SplittableRandom(11), 0, spots, cdf, 1.0, voxels);

            // Radial bins plus the escaped class: 10 categories against the CDF's bin probabilities.
            long[] observed = new long[10];
            long[] angular = new long[16];
            for (int a = 0; a < 16; a++) {
                for (int r = 0; r < 9; r++) {
                    observed[r] += Math.round(voxels[9 * a + r]);
                    angular[a] += Math.round(voxels[9 * a + r]);
                }
            }
            observed[9] = escaped;
            double chiSquare = 0;
            for (int k = 0; k < 10; k++) {
                double probability = k == 9 ? 1 - cdf[8] : cdf[k] - (k == 0 ? 0 : cdf[k - 1]);
                double expected = probability * spots;
                chiSquare += (observed[k] - expected) * (observed[k] - expected) / expected;
            }
            double critical = new ChiSquaredDistribution(9).inverseCumulativeProbability(1 - SIGNIFICANCE);
            assertTrue(chiSquare < critical, "radial chi-square " + chiSquare + " >= " + critical + " at tau " + tau);

            double inside = spots - escaped;
            double angularChiSquare = 0;
            for (long count : angular) {
                angularChiSquare += (count - inside / 16) * (count - inside / 16) / (inside / 16);
            }
            double angularCritical = new ChiSquaredDistribution(15).inverseCumulativeProbability(1 - SIGNIFICANCE);
            assertTrue(angularChiSquare < angularCritical, "angular chi-square " + angularChiSquare + " at tau " + tau);
        }
    }

    @Test
    void sameSeedGivesSameShowerBitForBit() {
        List<ParameterPoint> points = List.of(ParameterPoint.of(2e3), ParameterPoint.of(5e5), ParameterPoint.of(7e4));
        long[] seeds = {3, 4, 5};
        float[] first = GENERATOR.generate(points, seeds).floats("showers");
        float[] again = CaloShowerGenerator.builder().build().generate(points, seeds).floats("showers");
        assertArrayEquals(first, again);

        float[] single = GENERATOR.generate(points.subList(1, 2), new long[] {4}).floats("showers");
        assertArrayEquals(Arrays.copyOfRange(first, 6480, 2 * 6480), single);
        float[] otherSeed = GENERATOR.generate(points.subList(1, 2), new long[] {99}).floats("showers");
        assertFalse(Arrays.equals(single, otherSeed));
    }

    @Test
    void thresholdZeroesSmallVoxels() {
        float[] showers = GENERATOR.generate(List.of(ParameterPoint.of(1e3), ParameterPoint.of(1e6)),
                new long[] {1, 2}).floats("showers");
        int nonZero = 0;
        for (float value : showers) {
            assertTrue(value == 0f || value >= 0.01515f, "voxel value " + value + " is below the threshold");
            nonZero += value > 0 ? 1 : 0;
        }
        assertTrue(nonZero > 100, "only " + nonZero + " voxels are above the threshold");
    }
}
