package org.twinfold.cli.calo;

import java.util.ArrayList;
import java.util.List;
import org.twinfold.core.ParameterPoint;
import org.twinfold.sim.calo.CaloFeatures;
import org.twinfold.sim.calo.CaloShowerGenerator;

/** Small samples of simulated showers for the tests of this package. */
final class CaloTestShowers {
    private CaloTestShowers() {
    }

    /** Simulates {@code count} showers at energies from 1 GeV to 100 GeV, seeds from {@code firstSeed}. */
    static ShowerSample simulate(int count, long firstSeed) {
        List<ParameterPoint> points = new ArrayList<>();
        double[] energies = new double[count];
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            energies[i] = Math.pow(10, 3 + 2.0 * i / count);
            points.add(ParameterPoint.of(energies[i]));
            seeds[i] = firstSeed + i;
        }
        float[] showers = CaloShowerGenerator.builder().build().generate(points, seeds)
                .floats(CaloShowerGenerator.SHOWERS);
        return ShowerSample.of(energies, showers, CaloFeatures.dataset2());
    }

    /** Returns the sample with every voxel multiplied by {@code factor}. */
    static ShowerSample scaled(ShowerSample sample, float factor) {
        float[] showers = sample.showers().clone();
        for (int i = 0; i < showers.length; i++) {
            showers[i] *= factor;
        }
        return ShowerSample.of(sample.incidentEnergiesMeV(), showers, CaloFeatures.dataset2());
    }
}
