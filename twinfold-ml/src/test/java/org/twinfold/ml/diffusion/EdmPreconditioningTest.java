package org.twinfold.ml.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Preconditioning coefficients and the noise schedule at hand-computed values. */
class EdmPreconditioningTest {
    private static final double TOLERANCE = 1e-12;
    private final EdmPreconditioning edm = new EdmPreconditioning(0.5);

    @Test
    void coefficientsAtSigmaEqualToSigmaData() {
        // sigma^2 + sigma_data^2 = 0.5
        assertEquals(0.5, edm.cSkip(0.5), TOLERANCE);
        assertEquals(0.25 / Math.sqrt(0.5), edm.cOut(0.5), TOLERANCE);
        assertEquals(Math.sqrt(2), edm.cIn(0.5), TOLERANCE);
        assertEquals(Math.log(0.5) / 4, edm.cNoise(0.5), TOLERANCE);
        assertEquals(8.0, edm.lossWeight(0.5), TOLERANCE);
    }

    @Test
    void coefficientsAtSigmaTwo() {
        // sigma^2 + sigma_data^2 = 4.25; sigma sigma_data = 1
        assertEquals(0.25 / 4.25, edm.cSkip(2), TOLERANCE);
        assertEquals(1 / Math.sqrt(4.25), edm.cOut(2), TOLERANCE);
        assertEquals(1 / Math.sqrt(4.25), edm.cIn(2), TOLERANCE);
        assertEquals(Math.log(2) / 4, edm.cNoise(2), TOLERANCE);
        assertEquals(4.25, edm.lossWeight(2), TOLERANCE);
    }

    @Test
    void lossWeightCancelsOutputScale() {
        for (double sigma : new double[] {0.002, 0.1, 1, 80}) {
            assertEquals(1.0, edm.lossWeight(sigma) * edm.cOut(sigma) * edm.cOut(sigma), 1e-12);
        }
    }

    @Test
    void scheduleRunsFromSigmaMaxToZero() {
        double[] t = SamplerSettings.deterministic(3).noiseLevels();
        double mid = Math.pow((Math.pow(80, 1 / 7.0) + Math.pow(0.002, 1 / 7.0)) / 2, 7);
        assertEquals(4, t.length);
        assertEquals(80, t[0], 1e-9);
        assertEquals(mid, t[1], 1e-12);
        assertEquals(0.002, t[2], 1e-12);
        assertEquals(0, t[3]);
    }

    @Test
    void churnIsCapped() {
        SamplerSettings settings = SamplerSettings.deterministic(10).withChurn(40, 1.0);
        assertEquals(Math.sqrt(2) - 1, settings.churnAt(1.0), 1e-15);
        assertEquals(0.2, SamplerSettings.deterministic(10).withChurn(2, 1.0).churnAt(1.0), 1e-15);
        assertEquals(0, SamplerSettings.deterministic(10).churnAt(1.0));
        assertThrows(IllegalArgumentException.class, () -> new EdmPreconditioning(0));
    }
}
