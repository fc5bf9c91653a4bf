package org.twinfold.sim.calo;

import java.util.SplittableRandom;
import org.hipparchus.special.Gamma;

/**
 * A GFlash-style electromagnetic shower in a voxelised cylindrical calorimeter. Per shower:
 *
 * <ol>
 *   <li>Draw the longitudinal profile (T, alpha) ({@link LongitudinalProfile}) and a constant-term
 *       scale; the visible energy is E_inc * samplingFraction / challengeScale times that scale.
 *   <li>Split it over the readout layers with the regularised incomplete gamma function:
 *       E_l = E_vis [P(alpha, beta t_b) - P(alpha, beta t_a)], depth t in X0. What lies beyond the last
 *       layer is longitudinal leakage.
 *   <li>Smear each layer's energy with a gamma fluctuation of variance a^2 E_l (1 GeV), a the
 *       stochastic term, so that the total has the resolution a / sqrt(E / GeV).
 *   <li>Give each layer max(1, floor(N dP_spot)) spots of equal energy (N = (10.3 / a) (E / GeV)^0.959,
 *       dP_spot from the spot profile), and place each spot at a radius from the {@link RadialProfile}
 *       at the layer centre and a uniform angle. Spots beyond the outer edge are lateral leakage.
 * </ol>
 *
 * <p>Depth scaling: as Geant4's {@code ComputeTau}, tau = t / T * ((alpha - 1) / alpha) *
 * (abar / (abar - 1)), abar = exp(mean ln alpha), so a shower's own profile sets its radial evolution.
 *
 * <p>Speed: a spot costs one 64-bit random number. Its top 53 bits give u, compared with the
 * precomputed CDF of the radial mixture at the bin edges. Its low 11 bits give the angular bin
 * when the bin count divides 2048. This is the same distribution as drawing r = R sqrt(u / (1 - u))
 * and binning it, without a square root per spot. Counts per voxel are multiplied by the spot
 * energy at the end of each layer.
 *
 * <p>Thread-safe: immutable; each call uses only the random source it is given.
 */
final class ShowerSimulator {
    /** GFlash spot count coefficient: N = (10.3 / a) (E / GeV)^0.959 for a sampling calorimeter. */
    private static final double SPOT_COEFFICIENT = 10.3;
    private static final double SPOT_EXPONENT = 0.959;
    private static final double MEV_PER_GEV = 1000.0;

    private final CalorimeterGeometry geometry;
    private final SamplingStack stack;
    private final ShowerSettings settings;
    private final int voxelCount;
    private final int[] layerOffsets;
    private final int[] radialBins;
    private final int[] angularBins;
    /** Outer radial edge of each bin per layer, in Moliere radii. */
    private final double[][] outerEdgesInMoliere;

    ShowerSimulator(CalorimeterGeometry geometry, SamplingStack stack, ShowerSettings settings) {
        this.geometry = geometry;
        this.stack = stack;
        this.settings = settings;
        this.voxelCount = geometry.voxelCount();
        int layers = geometry.layerCount();
        this.layerOffsets = new int[layers];
        this.radialBins = new int[layers];
        this.angularBins = new int[layers];
        this.outerEdgesInMoliere = new double[layers][];
        for (int l = 0; l < layers; l++) {
            CalorimeterLayer layer = geometry.layer(l);
            layerOffsets[l] = geometry.layerOffset(l);
            radialBins[l] = layer.radialBins();
            angularBins[l] = layer.angularBins();
            double[] edges = layer.radialEdgesArray();
            outerEdgesInMoliere[l] = new double[edges.length - 1];
            for (int r = 1; r < edges.length; r++) {
                outerEdgesInMoliere[l][r - 1] = edges[r] / stack.moliereRadiusMm();
            }
        }
    }

    CalorimeterGeometry geometry() {
        return geometry;
    }

    ShowerSettings settings() {
        return settings;
    }

    /** Simulates one shower of an incident energy in MeV and returns its deposits before the threshold. */
    ShowerDeposit simulate(double energyMeV, SplittableRandom random) {
        LongitudinalProfile longitudinal = new LongitudinalProfile(energyMeV, stack);
        RadialProfile radial = new RadialProfile(energyMeV, stack);
        double[] shape = longitudinal.draw(random);
        double alpha = shape[0];
        double beta = shape[1];
        double scale = Math.max(0, 1 + settings.constantTerm() * random.nextGaussian());
        double visible = energyMeV * settings.visibleRatio() * scale;

        double averageAlpha = longitudinal.averageAlpha();
        double tauFactor = beta / alpha * averageAlpha / (averageAlpha - 1);
        double totalSpots = SPOT_COEFFICIENT / settings.stochasticTerm()
                * StrictMath.pow(energyMeV / MEV_PER_GEV, SPOT_EXPONENT);
        double smearingScale = settings.stochasticTerm() * settings.stochasticTerm() * MEV_PER_GEV;
        double depthInX0 = geometry.layerDepthMm() / stack.radiationLengthMm();

        double[] voxels = new double[voxelCount];
        double[] layerEnergies = new double[geometry.layerCount()];
        double lateral = 0;
        long spots = 0;
        double previous = 0;
        double previousSpot = 0;
        for (int l = 0; l < layerEnergies.length; l++) {
            double back = (l + 1) * depthInX0;
            double cumulative = Gamma.regularizedGammaP(alpha, beta * back);
            double cumulativeSpot = Gamma.regularizedGammaP(longitudinal.spotAlpha(), longitudinal.spotBeta() * back);
            double energy = visible * (cumulative - previous);
            int layerSpots = (int) Math.max(1, Math.floor(totalSpots * (cumulativeSpot - previousSpot)));
            previous = cumulative;
            previousSpot = cumulativeSpot;
            if (!(energy > 0)) {
                continue;
            }

            double smeared = GammaVariates.next(random, energy / smearingScale, smearingScale);
            layerEnergies[l] = smeared;
            if (!(smeared > 0)) {
                continue;
            }
            double tau = (l + 0.5) * depthInX0 * tauFactor;
            double[] edgeCdf = radial.cumulative(tau, outerEdgesInMoliere[l]);
            double spotEnergy = smeared / layerSpots;
            long escaped = depositSpots(random, l, layerSpots, edgeCdf, spotEnergy, voxels);
            lateral += escaped * spotEnergy;
            spots += layerSpots;
        }
        double longitudinalLeakage = visible * (1 - previous);
        return new ShowerDeposit(voxels, layerEnergies, lateral, longitudinalLeakage, spots);
    }

    /**
     * Places a layer's spots and adds their energy to the voxels; returns the count beyond the outer edge.
     *
     * @param edgeCdf radial mixture CDF at the outer edge of each radial bin
     */
    long depositSpots(SplittableRandom random, int layer, int count, double[] edgeCdf, double spotEnergy,
                              double[] voxels) {
        int bins = radialBins[layer];
        int angles = angularBins[layer];
        int[] counts = new int[bins * angles];
        boolean bitAngles = angles <= 2048 && 2048 % angles == 0;
        long escaped = 0;
        for (int s = 0; s < count; s++) {
            long bits = random.nextLong();
            double u = (bits >>> 11) * 0x1.0p-53;
            int r = 0;
            while (r < bins && u >= edgeCdf[r]) {
                r++;
            }
            if (r == bins) {
                escaped++;
                continue;
            }
            int a = bitAngles ? (int) (((bits & 0x7FF) * angles) >>> 11) : random.nextInt(angles);
            counts[a * bins + r]++;
        }
        int offset = layerOffsets[layer];
        for (int v = 0; v < counts.length; v++) {
            if (counts[v] > 0) {
                voxels[offset + v] += counts[v] * spotEnergy;
            }
        }
        return escaped;
    }

    /**
     * Converts deposits to the dataset's float32 voxels, with values below the threshold set to 0.
     *
     * @param target array to write into, at {@code offset}
     */
    void writeVoxels(ShowerDeposit deposit, float[] target, int offset) {
        double threshold = settings.thresholdMeV();
        double[] voxels = deposit.voxelEnergies();
        for (int v = 0; v < voxels.length; v++) {
            target[offset + v] = voxels[v] < threshold ? 0f : (float) voxels[v];
        }
    }
}
