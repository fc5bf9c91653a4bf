package org.twinfold.cli.calo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinfold.core.metrics.BatchedDistance;
import org.twinfold.core.metrics.ChiSquareResult;
import org.twinfold.core.metrics.CorrelatedChiSquare;
import org.twinfold.core.metrics.ExtrapolatedDistance;
import org.twinfold.core.metrics.FrechetDistance;
import org.twinfold.core.metrics.FrechetExtrapolation;
import org.twinfold.core.metrics.KernelDistance;
import org.twinfold.core.metrics.KolmogorovSmirnov;
import org.twinfold.core.metrics.KolmogorovSmirnovResult;
import org.twinfold.core.metrics.MetricResult;
import org.twinfold.core.metrics.ScaledFeatures;
import org.twinfold.core.metrics.WassersteinDistance;

/**
 * The distances of the calorimeter evaluation that need no neural network: FPD and KPD on the
 * "cls-high" features, the correlated chi-square of the layer profile, and W1 and KS of
 * E_tot / E_inc.
 *
 * <p>Batch sizes follow the sample: the challenge's FPD uses batches of 10,000 to 50,000 rows and
 * its KPD batches of 10,000, which need 50,000 showers per sample. Here FPD runs from a fifth of
 * the smaller sample to all of it, and KPD on batches of at most {@value #MAX_KPD_BATCH} rows; the
 * definitions in the results name the sizes used.
 */
final class ShowerDistances {
    /** Largest KPD batch; the cost of a batch grows with the square of its rows. */
    static final int MAX_KPD_BATCH = 1000;
    static final int KPD_BATCHES = 10;
    static final int FPD_BATCH_SIZES = 5;
    static final int FPD_BATCHES_PER_SIZE = 4;
    /** Minimum showers per sample for FPD and KPD. */
    static final int MIN_ROWS = 10;

    private ShowerDistances() {
    }

    /**
     * Returns FPD and KPD of the cls-high features divided by the reference maximum of |value| per
     * feature, or an empty list when a sample has fewer than {@value #MIN_ROWS} showers.
     */
    static List<MetricResult> physicsDistances(ShowerSample reference, ShowerSample generated, long seed) {
        int rows = Math.min(reference.size(), generated.size());
        if (rows < MIN_ROWS) {
            return List.of();
        }
        ScaledFeatures scaled = ScaledFeatures.byReferenceMaximum(reference.clsHigh(), generated.clsHigh());
        int features = scaled.reference()[0].length;

        FrechetExtrapolation settings = new FrechetExtrapolation(Math.max(2, rows / 5), rows, FPD_BATCH_SIZES,
                FPD_BATCHES_PER_SIZE);
        ExtrapolatedDistance fpd = FrechetDistance.extrapolated(scaled.reference(), scaled.generated(), settings, seed);
        String scaling = String.format(Locale.ROOT, " On the %d cls-high features, each divided by the reference "
                + "maximum of its |value|; the challenge quotes it x 10^3.", features);
        MetricResult fpdResult = new MetricResult("fpd", fpd.value(), Double.isNaN(fpd.uncertainty()) ? Double.NaN
                : fpd.uncertainty(), "1", FrechetDistance.EXTRAPOLATED_DEFINITION + String.format(Locale.ROOT,
                ". Batches: %d sizes from %d to %d rows, %d batches each.", FPD_BATCH_SIZES,
                settings.minBatchSize(), settings.maxBatchSize(), FPD_BATCHES_PER_SIZE) + scaling);

        int kpdBatch = Math.min(rows, MAX_KPD_BATCH);
        BatchedDistance kpd = KernelDistance.batched(scaled.reference(), scaled.generated(), KPD_BATCHES, kpdBatch,
                seed + 1);
        // Batches that hold every row are identical, so their spread is no measure of the uncertainty.
        double spread = kpdBatch >= rows ? Double.NaN : kpd.halfSpread();
        MetricResult kpdResult = new MetricResult("kpd", kpd.median(), spread, "1", KernelDistance.DEFINITION
                + String.format(Locale.ROOT, ". Batches: %d of %d rows%s.", KPD_BATCHES, kpdBatch,
                kpdBatch >= rows ? ", each holding every row, so no uncertainty is given" : "") + scaling);
        return List.of(fpdResult, kpdResult);
    }

    /**
     * Returns the chi-square of the mean layer profile E_layer / E_inc, generated against reference,
     * with the covariance from the reference sample. Its diagonal version and both p-values follow.
     */
    static List<MetricResult> layerProfileChiSquare(ShowerSample reference, ShowerSample generated) {
        ChiSquareResult chi = CorrelatedChiSquare.ofSampleAgainstReference(generated.layerEnergyFractions(),
                reference.layerEnergyFractions());
        String vector = "mean vector of E_layer / E_inc over the " + reference.layers() + " layers, generated (O) "
                + "against reference (P), C = cov(reference) (1/n_generated + 1/n_reference)";
        String full = vector + "; " + CorrelatedChiSquare.DEFINITION + "; " + chi.dof() + " degrees of freedom";
        String diagonal = vector + "; diagonal only: sum_i (O_i - P_i)^2 / C_ii; " + chi.diagonalDof()
                + " degrees of freedom";
        List<MetricResult> metrics = new ArrayList<>();
        metrics.add(MetricResult.withoutUncertainty("chi2/layer_profile", chi.chi2(), "1", full));
        metrics.add(MetricResult.withoutUncertainty("chi2/layer_profile/p_value", chi.pValue(), "1",
                "upper-tail probability of chi2/layer_profile"));
        metrics.add(MetricResult.withoutUncertainty("chi2_diagonal/layer_profile", chi.diagonalChi2(), "1", diagonal));
        metrics.add(MetricResult.withoutUncertainty("chi2_diagonal/layer_profile/p_value", chi.diagonalPValue(), "1",
                "upper-tail probability of chi2_diagonal/layer_profile"));
        return metrics;
    }

    /** Returns W1 and the KS statistic and p-value of E_tot / E_inc, which the generic observables cannot see. */
    static List<MetricResult> energyRatio(ShowerSample reference, ShowerSample generated) {
        double[] simulated = reference.energyRatios();
        double[] surrogate = generated.energyRatios();
        KolmogorovSmirnovResult ks = KolmogorovSmirnov.twoSample(simulated, surrogate);
        return List.of(
                MetricResult.withoutUncertainty("energy_ratio/wasserstein", WassersteinDistance.of(simulated, surrogate),
                        "1", "E_tot / E_inc of each shower; " + WassersteinDistance.DEFINITION),
                MetricResult.withoutUncertainty("energy_ratio/ks_statistic", ks.statistic(), "1",
                        "E_tot / E_inc of each shower; " + KolmogorovSmirnov.DEFINITION),
                MetricResult.withoutUncertainty("energy_ratio/ks_p_value", ks.pValue(), "1",
                        "p-value of the two-sample Kolmogorov-Smirnov test of E_tot / E_inc"));
    }
}
