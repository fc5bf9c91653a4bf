package org.twinfold.cli.calo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinfold.core.metrics.Binning;
import org.twinfold.core.metrics.Histogram;
import org.twinfold.core.metrics.MetricResult;

class ChallengeHistogramsTest {
    private static final ChallengeHistograms HISTOGRAMS = new ChallengeHistograms(0.01515);

    @Test
    void identicalSamplesGiveZero() {
        ShowerSample sample = CaloTestShowers.simulate(40, 1);
        List<MetricResult> metrics = HISTOGRAMS.separationPowers(sample, sample);

        assertEquals(1 + 45 + 1 + 5 + 1, metrics.size());
        for (MetricResult metric : metrics) {
            assertTrue(metric.name().startsWith("separation_power/"), metric.name());
            assertEquals(0.0, metric.value(), 1e-12, metric.name());
        }
    }

    @Test
    void doubledEnergiesSeparateTheRatio() {
        ShowerSample sample = CaloTestShowers.simulate(40, 1);
        ShowerSample doubled = CaloTestShowers.scaled(sample, 2f);
        List<MetricResult> metrics = HISTOGRAMS.separationPowers(sample, doubled);

        // E_tot / E_inc is about 0.99 for the simulation and 1.98 for the doubled showers, outside [0.5, 1.5].
        assertEquals(1.0, value(metrics, "separation_power/energy_ratio"), 0.0);
        assertTrue(value(metrics, "separation_power/layer_energy/mean") > 0.1);
        assertEquals(0.0, value(metrics, "separation_power/centre_eta/mean"), 1e-12,
                "scaling every voxel keeps the centres");
    }

    @Test
    void voxelCountsMatchHistogram() {
        float[] values = {0f, 0.01f, 0.01515f, 0.02f, 0.5f, 1f, 7.5f, 99f, 100f, 150f};
        double[] edges = Binning.logarithmic(0.01515, 100, 7);
        double[] asDoubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            asDoubles[i] = values[i];
        }

        assertArrayEquals(Histogram.of(edges, asDoubles).counts(), ChallengeHistograms.voxelCounts(values, edges));
    }

    @Test
    void emptyHistogramsFollowTheRule() {
        double[] edges = ChallengeHistograms.energyRatioEdges();
        double[] outside = {3, 4};
        double[] inside = {0.9, 1.0};

        assertEquals(0.0, ChallengeHistograms.separation(edges, outside, outside), 0.0);
        assertEquals(1.0, ChallengeHistograms.separation(edges, inside, outside), 0.0);
        assertEquals(1.0, ChallengeHistograms.separation(edges, outside, inside), 0.0);
    }

    private static double value(List<MetricResult> metrics, String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().value();
    }
}
