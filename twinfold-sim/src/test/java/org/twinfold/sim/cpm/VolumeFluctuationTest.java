package org.twinfold.sim.cpm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * With only the volume term, P(V) is proportional to exp(-lambda (V - V_t)^2 / T), a Gaussian of
 * variance T / (2 lambda).
 */
class VolumeFluctuationTest {

    @Test
    void varianceMatchesBoltzmann() {
        double temperature = 10;
        double lambda = 1;
        CpmParameters parameters = CpmParameters.builder()
                .lattice(24, 24)
                .temperature(temperature)
                .contactEnergies(0, 0, 0)
                .volume(50, lambda)
                .surface(0, 0)
                .chemotaxis(0, 0, ChemotaxisMode.EXTENSION_ONLY)
                .vegf(0, 0, 0)
                .build();
        CpmSimulation simulation = CpmSimulation.start(parameters, new InitialLayout.Grid(1, 1, 7, 8, 7), 7);
        simulation.run(200);

        // Samples 4 MCS apart; the volume relaxes within about one MCS, so they are close to independent.
        int samples = 2000;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < samples; i++) {
            simulation.run(4);
            double volume = simulation.lattice().volume(1);
            sum += volume;
            sumSquares += volume * volume;
        }
        double mean = sum / samples;
        double variance = (sumSquares - samples * mean * mean) / (samples - 1);
        double expected = temperature / (2 * lambda);

        // Two-sided chi-square test of (n - 1) s^2 / sigma^2 at significance 0.001.
        ChiSquaredDistribution chiSquared = new ChiSquaredDistribution(samples - 1);
        double statistic = (samples - 1) * variance / expected;
        assertTrue(statistic > chiSquared.inverseCumulativeProbability(0.0005)
                        && statistic < chiSquared.inverseCumulativeProbability(0.9995),
                "volume variance " + variance + " (mean " + mean + ") differs from T / (2 lambda) = " + expected);
    }
}
