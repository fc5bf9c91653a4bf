package org.twinfold.cli.calo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinfold.core.metrics.MetricResult;

class ShowerDistancesTest {

    @Test
    void identicalSamplesGiveZeroChiSquare() {
        ShowerSample sample = CaloTestShowers.simulate(30, 1);
        List<MetricResult> chi = ShowerDistances.layerProfileChiSquare(sample, sample);

        assertEquals(List.of("chi2/layer_profile", "chi2/layer_profile/p_value", "chi2_diagonal/layer_profile",
                "chi2_diagonal/layer_profile/p_value"), chi.stream().map(MetricResult::name).toList());
        assertEquals(0.0, chi.get(0).value(), 1e-9);
        assertEquals(1.0, chi.get(1).value(), 1e-9);
        assertEquals(0.0, chi.get(2).value(), 1e-9);
    }

    @Test
    void shiftedProfileGivesLargeChiSquare() {
        ShowerSample sample = CaloTestShowers.simulate(30, 1);
        List<MetricResult> chi = ShowerDistances.layerProfileChiSquare(CaloTestShowers.scaled(sample, 1.2f), sample);

        assertTrue(chi.get(0).value() > 50, "chi2 " + chi.get(0).value());
        assertTrue(chi.get(1).value() < 1e-6, "p " + chi.get(1).value());
    }

    @Test
    void energyRatioOfIdenticalSamples() {
        ShowerSample sample = CaloTestShowers.simulate(20, 1);
        List<MetricResult> ratio = ShowerDistances.energyRatio(sample, sample);

        assertEquals(0.0, ratio.get(0).value(), 0.0);
        assertEquals(0.0, ratio.get(1).value(), 0.0);
        assertEquals(1.0, ratio.get(2).value(), 1e-9);
    }

    @Test
    void physicsDistancesNeedTenShowers() {
        // The end-to-end run checks the values. Each Frechet distance of 362 features takes two symmetric
        // eigendecompositions, so the 20 of one FPD are too slow for a unit test.
        assertTrue(ShowerDistances.physicsDistances(CaloTestShowers.simulate(5, 1), CaloTestShowers.simulate(40, 1), 3)
                .isEmpty());
    }
}
