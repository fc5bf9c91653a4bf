package org.twinfold.cli.calo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShowerSampleTest {

    @Test
    void clsLowDividesByIncidentEnergyAfterThreshold() {
        ShowerSample sample = CaloTestShowers.simulate(3, 1);
        float[] showers = sample.showers();
        showers[6480 + 5] = 0.01f;
        showers[6480 + 6] = 12f;
        double[][] rows = sample.clsLow(0.01515);

        assertEquals(3, rows.length);
        assertEquals(6481, rows[1].length);
        assertEquals(Math.log10(sample.incidentEnergiesMeV()[1]), rows[1][0], 1e-12);
        assertEquals(0.0, rows[1][6], 0.0, "a voxel below 15.15 keV counts as 0");
        assertEquals(12.0 / sample.incidentEnergiesMeV()[1], rows[1][7], 1e-12);
    }

    @Test
    void clsHighHasChallengeLength() {
        ShowerSample sample = CaloTestShowers.simulate(2, 1);

        assertEquals(362, sample.clsHigh()[0].length);
        assertEquals(45, sample.layerEnergyFractions()[0].length);
        assertEquals(sample.features()[1].energyRatio(), sample.energyRatios()[1], 0.0);
    }

    @Test
    void clsHighZeroesRoundingResidues() {
        ShowerSample sample = CaloTestShowers.simulate(2, 1);
        // Width in eta of layer 0 (block 4 of the cls-high layout), given a rounding residue in mm.
        sample.features()[0].widthEta()[0] = 1.5e-6;
        sample.features()[1].widthEta()[0] = 2.5e-3;

        assertEquals(0.0, sample.clsHigh()[0][1 + 3 * 45], 0.0);
        assertEquals(2.5e-5, sample.clsHigh()[1][1 + 3 * 45], 1e-15);
    }
}
