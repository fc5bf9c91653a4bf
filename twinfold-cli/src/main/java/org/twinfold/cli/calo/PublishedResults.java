package org.twinfold.cli.calo;

import java.util.List;

/**
 * Selected Dataset 2 results of the CaloChallenge 2022, from the table
 * {@code final_results/CaloChallenge_results_ds2.hdf} (key {@code ds2}) of the CaloChallenge/homepage
 * repository at commit 9b41df7, which contains the numbers behind the review paper arXiv:2410.21611.
 * The Geant4 row compares Geant4 with itself.
 *
 * <p>Note: the table stores no unit for the generation times; milliseconds per shower is inferred
 * from their magnitudes, and the hardware is not recorded. NaN marks a value not measured.
 */
final class PublishedResults {

    /**
     * One model's row.
     *
     * @param fpd FPD x 10^3
     * @param kpd KPD x 10^3
     * @param cpuBatch1Ms generation time per shower on a CPU at batch 1, ms (inferred unit)
     * @param cpuBatch100Ms the same at batch 100
     */
    record Row(String model, double aucLow, double aucHigh, double fpd, double kpd, double cpuBatch1Ms,
               double cpuBatch100Ms) {
    }

    static final List<Row> DATASET_2 = List.of(
            new Row("Geant4", 0.4996, 0.4993, 10.78, -0.028, Double.NaN, Double.NaN),
            new Row("CaloDREAM", 0.5308, 0.5208, 24.65, 0.023, 16_940, 5_052),
            new Row("CaloDiffusion", 0.5766, 0.591, 146.9, 0.174, 36_500, 23_320),
            new Row("CaloScore", 0.5946, 0.666, 112.5, 0.149, 133_500, 147_700),
            new Row("CaloScore single-shot", 0.7465, 0.902, 546.3, 0.93, 407, 280),
            new Row("conv. L2LFlows", 0.7083, 0.737, 157.4, 0.271, 1_969, 121),
            new Row("CaloINN", 0.7426, 0.865, 732.8, 2.82, 388, 59.7),
            new Row("Calo-VQ", 0.9858, 0.9941, 1316, 8.52, 168, 26.1),
            new Row("MDMA", 0.9415, 0.9867, 865, 4.96, 14.3, 19.9));

    private PublishedResults() {
    }
}
