package org.twinfold.sim.cpm;

/**
 * Published parameter sets of the vasculogenesis CPM, in lattice units (pixels, MCS).
 *
 * <ol>
 *   <li>{@link #comlekoglu}: the CompuCell3D 4.6 model that generated the training data of the diffusion
 *       surrogate of Comlekoglu et al. (arXiv:2505.09630): 256 x 256, T 8, J(EC,EC) 6, J(EC,medium)
 *       swept over [0, 20], V_t 50 with lambda 5, S_t 29 with lambda 1, contact over 20 neighbours,
 *       copies over 4, chemotaxis 2000 with saturation 0.5 on cell-medium copies, D 1, secretion 0.1,
 *       decay swept over [0.05, 0.6], 5 PDE sub-steps, about 1,000 cells at about 32 % coverage,
 *       20,000 MCS.
 *   <li>{@link #merks2008}: Merks, Perryn, Shirinifard and Glazier, PLoS Comput Biol 4(9): e1000163
 *       (2008), de novo vasculogenesis: T 50, J 40/20, lambda 25, A 50, mu 500 without saturation,
 *       extension-only chemotaxis, D 0.75, alpha = epsilon = 0.03, 15 PDE steps per MCS, 1,000 cells.
 *   <li>{@link #angiogenesisBenchmark}: the cross-framework benchmark of Kuecken et al.
 *       (angiogenesis-cpm): 200 x 200, 400 single-pixel cells on a 20 x 20 grid, T 5, J 1/4, lambda 5,
 *       A 50, mu 500 with s 0.1, D 1, alpha = epsilon = 0.3, 10 PDE steps, 500 MCS.
 * </ol>
 */
public final class CpmPresets {
    /** Side of the 256 x 256 lattice of the CompuCell3D model. */
    public static final int COMLEKOGLU_SIDE = 256;
    /** Cells on the 256 x 256 lattice; the reference state has 1,001 cells on 31.8 % of the sites. */
    public static final int COMLEKOGLU_CELLS = 1000;
    /** Run length of one surrogate training sample, MCS. */
    public static final int COMLEKOGLU_MCS = 20_000;
    /** J(EC, medium) of the five classes of the diffusion surrogate. */
    public static final double[] CLASS_CONTACT_ENERGIES = {0, 5, 10, 15, 20};
    /** VEGF decay rates of the five classes of the diffusion surrogate, per MCS. */
    public static final double[] CLASS_DECAY_RATES = {0.05, 0.1875, 0.325, 0.4625, 0.6};

    private CpmPresets() {
    }

    /**
     * Returns the parameters of the CompuCell3D model of Comlekoglu et al. on 256 x 256.
     *
     * @param contactCellMedium J(EC, medium), energy units; swept over [0, 20], baseline 8.2
     * @param vegfDecay VEGF decay in medium, per MCS; swept over [0.05, 0.6], baseline 0.6
     */
    public static CpmParameters comlekoglu(double contactCellMedium, double vegfDecay) {
        // The VEGF sub-steps are CompuCell3D's ceil(D / 0.23) = 5 for D = 1. The chemotaxis acts on both
        // extension and retraction, as CompuCell3D's ChemotactTowards="Medium" does.
        int substeps = CpmParameters.substepsFor(1.0);
        return new CpmParameters(COMLEKOGLU_SIDE, COMLEKOGLU_SIDE, 8.0, 5.0, contactCellMedium, 6.0, 4, 1,
                50.0, 5.0, 29.0, 1.0, 2000.0, 0.5, ChemotaxisMode.EXTENSION_AND_RETRACTION,
                1.0, 0.1, vegfDecay, substeps);
    }

    /**
     * Returns the Comlekoglu et al. run on a lattice of {@code width x height} with the cell count scaled
     * to the same density (1,000 cells per 256 x 256), each cell starting as a 5 x 5 square.
     *
     * @param mcs run length; the published runs have 20,000 MCS
     */
    public static CpmPreset comlekogluRun(double contactCellMedium, double vegfDecay, int width, int height, int mcs) {
        CpmParameters parameters = comlekoglu(contactCellMedium, vegfDecay).toBuilder().lattice(width, height).build();
        long cells = Math.round((double) COMLEKOGLU_CELLS * width * height / (COMLEKOGLU_SIDE * COMLEKOGLU_SIDE));
        // NOTE: the published runs start from an equilibrated CompuCell3D state (1,001 cells on 20,872
        // pixels). This start is random 5 x 5 squares (38 % coverage), which relax to smaller cells.
        return new CpmPreset("comlekoglu", "CompuCell3D model of Comlekoglu et al. (arXiv:2505.09630)", parameters,
                new InitialLayout.RandomSquares((int) cells, 5), mcs);
    }

    /**
     * Returns the de novo vasculogenesis run of Merks et al. 2008: 1,000 cells of initially 5 x 5 pixels
     * at random on a periodic 333 x 333 lattice, 5,000 MCS.
     */
    public static CpmPreset merks2008() {
        // NOTE: the paper seeds 333 x 333 inside a ~500 x 500 lattice with a fixed, absorbing border
        // (J(cell, border) 100, c = 0 there); this model has periodic boundaries only.
        CpmParameters parameters = new CpmParameters(333, 333, 50.0, 0.0, 20.0, 40.0, 4, 4,
                50.0, 25.0, 0.0, 0.0, 500.0, 0.0, ChemotaxisMode.EXTENSION_ONLY,
                0.75, 0.03, 0.03, 15);
        return new CpmPreset("merks2008", "de novo vasculogenesis of Merks et al., PLoS Comput Biol 4: e1000163"
                + " (2008), periodic", parameters, new InitialLayout.RandomSquares(1000, 5), 5000);
    }

    /** Returns the baseline run of the cross-framework angiogenesis benchmark (Kuecken et al.). */
    public static CpmPreset angiogenesisBenchmark() {
        CpmParameters parameters = new CpmParameters(200, 200, 5.0, 0.0, 4.0, 1.0, 4, 1,
                50.0, 5.0, 0.0, 0.0, 500.0, 0.1, ChemotaxisMode.EXTENSION_AND_RETRACTION,
                1.0, 0.3, 0.3, 10);
        return new CpmPreset("angiogenesis-benchmark", "cross-framework Merks-2008 benchmark of Kuecken et al."
                + " (angiogenesis-cpm)", parameters, new InitialLayout.Grid(20, 20, 10, 5, 1), 500);
    }
}
