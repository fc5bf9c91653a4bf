package org.twinfold.sim.cpm;

/**
 * Metropolis copy attempts on a {@link CellLattice}: pick a target site uniformly, a source among
 * its {@code copyNeighbourOrder} neighbours, and copy the source's id into the target with probability
 * {@code min(1, exp(-dH / T))}.
 *
 * <p>The energy change is computed locally: the contact energy over the target's
 * {@code energyNeighbourOrder} neighbours, the volume change of the two cells ({@code +1} and {@code -1}
 * pixel) and the surface change from the target's four first-order neighbours. Attempts whose source
 * and target share an id change nothing and are skipped before any energy is computed; most
 * attempts are of this kind. Not thread-safe: one instance per run.
 */
final class MetropolisSweep {
    /** Above this dH / T the acceptance exp(-dH / T) < 1e-26 is below the resolution of a 53-bit draw. */
    private static final double MAX_EXPONENT = 60;

    private final CellLattice lattice;
    private final int width;
    private final int height;
    private final int[] sigma;
    private final byte[] siteType;
    private final byte[] cellType;
    private final int[] volume;
    private final int[] surface;

    // Periodic wrap tables: site of (x + dx, y + dy) = rowStart[y + dy + REACH] + column[x + dx + REACH].
    private final int[] column;
    private final int[] rowStart;
    private final int[] energyDx;
    private final int[] energyDy;
    private final int[] copyDx;
    private final int[] copyDy;
    private final int[] copyFlat;
    private final int[] energyFlat;
    private final int[] neighbourIds;

    private final double[] contact;
    private final double[] lambdaVolume;
    private final double[] targetVolume;
    private final double[] lambdaSurface;
    private final double[] targetSurface;
    private final double inverseTemperature;
    private final double chemotaxisStrength;
    private final double saturation;
    private final boolean chemotaxisOnRetraction;

    // Surface changes of the last evaluated copy, reused when it is accepted.
    private int lastSurfaceChangeSource;
    private int lastSurfaceChangeTarget;
    private long accepted;

    MetropolisSweep(CellLattice lattice, CpmParameters parameters) {
        if (lattice.width != parameters.width() || lattice.height != parameters.height()) {
            throw new IllegalArgumentException("lattice is " + lattice.width + " x " + lattice.height
                    + " but the parameters are for " + parameters.width() + " x " + parameters.height());
        }
        this.lattice = lattice;
        this.width = lattice.width;
        this.height = lattice.height;
        this.sigma = lattice.sigma;
        this.siteType = lattice.siteType;
        this.cellType = lattice.cellType;
        this.volume = lattice.volume;
        this.surface = lattice.surface;

        int reach = Neighbourhood.REACH;
        column = new int[width + 2 * reach];
        for (int i = 0; i < column.length; i++) {
            column[i] = Math.floorMod(i - reach, width);
        }
        rowStart = new int[height + 2 * reach];
        for (int i = 0; i < rowStart.length; i++) {
            rowStart[i] = Math.floorMod(i - reach, height) * width;
        }
        energyDx = Neighbourhood.dx(parameters.energyNeighbourOrder());
        energyDy = Neighbourhood.dy(parameters.energyNeighbourOrder());
        copyDx = Neighbourhood.dx(parameters.copyNeighbourOrder());
        copyDy = Neighbourhood.dy(parameters.copyNeighbourOrder());
        energyFlat = flatOffsets(energyDx, energyDy, width);
        copyFlat = flatOffsets(copyDx, copyDy, width);
        neighbourIds = new int[energyDx.length];

        int types = CellType.COUNT;
        contact = new double[types * types];
        for (int a = 0; a < types; a++) {
            for (int b = 0; b < types; b++) {
                contact[a * types + b] = parameters.contactEnergy(a, b);
            }
        }
        int cell = CellType.ENDOTHELIAL.code();
        lambdaVolume = new double[types];
        targetVolume = new double[types];
        lambdaSurface = new double[types];
        targetSurface = new double[types];
        lambdaVolume[cell] = parameters.lambdaVolume();
        targetVolume[cell] = parameters.targetVolume();
        lambdaSurface[cell] = parameters.lambdaSurface();
        targetSurface[cell] = parameters.targetSurface();
        inverseTemperature = 1.0 / parameters.temperature();
        chemotaxisStrength = parameters.chemotaxisStrength();
        saturation = parameters.chemotaxisSaturation();
        chemotaxisOnRetraction = parameters.chemotaxisMode() == ChemotaxisMode.EXTENSION_AND_RETRACTION;
    }

    /** Returns the number of accepted copies since construction. */
    long accepted() {
        return accepted;
    }

    /**
     * Performs {@code attempts} copy attempts.
     *
     * @param vegf concentration per site, read by the chemotaxis term; not changed
     */
    void sweep(long attempts, float[] vegf, Xoshiro256PlusPlus random) {
        int copyCount = copyDx.length;
        boolean directionFromSameDraw = Integer.bitCount(copyCount) == 1;
        int reach = Neighbourhood.REACH;
        for (long attempt = 0; attempt < attempts; attempt++) {
            // One 64-bit draw gives 24 bits for x, 24 for y and, when the neighbour count is a power of two,
            // 16 exact bits for the direction. Multiply-shift gives each x a probability within 2^-24 of 1/width.
            long bits = random.nextLong();
            int x = (int) (((bits >>> 40) * width) >>> 24);
            int y = (int) ((((bits >>> 16) & 0xFF_FFFFL) * height) >>> 24);
            int k = directionFromSameDraw ? (int) (((bits & 0xFFFFL) * copyCount) >>> 16) : random.nextInt(copyCount);
            int target = rowStart[y + reach] + column[x + reach];
            int source = x >= reach && x < width - reach && y >= reach && y < height - reach
                    ? target + copyFlat[k]
                    : rowStart[y + copyDy[k] + reach] + column[x + copyDx[k] + reach];
            if (sigma[target] == sigma[source]) {
                continue;
            }

            double exponent = energyChange(target, x, y, source, vegf) * inverseTemperature;
            if (exponent <= 0 || (exponent < MAX_EXPONENT && random.nextDouble() < Math.exp(-exponent))) {
                copy(target, source);
            }
        }
    }

    private static int[] flatOffsets(int[] dx, int[] dy, int width) {
        int[] flat = new int[dx.length];
        for (int k = 0; k < dx.length; k++) {
            flat[k] = dy[k] * width + dx[k];
        }
        return flat;
    }

    /**
     * Returns dH of copying the id at {@code source} into {@code target} = (x, y), chemotaxis included.
     * The ids must differ. Records the surface changes for {@link #copy}.
     */
    double energyChange(int target, int x, int y, int source, float[] vegf) {
        int sigmaTarget = sigma[target];
        int sigmaSource = sigma[source];
        int typeTarget = cellType[sigmaTarget];
        int typeSource = cellType[sigmaSource];
        gatherNeighbours(target, x, y);

        // Contact: sum_n J(tau_s, tau_n)(1 - delta(sigma_s, sigma_n)) - J(tau_t, tau_n)(1 - delta(sigma_t, sigma_n)),
        // written as sums over all neighbours minus the same-id terms, so that the loop has no branches.
        // Every id above 0 is an endothelial cell, so a neighbour's type is (id != 0).
        int cells = 0;
        int sameAsSource = 0;
        int sameAsTarget = 0;
        int[] ids = neighbourIds;
        for (int k = 0; k < ids.length; k++) {
            int id = ids[k];
            cells += id != 0 ? 1 : 0;
            sameAsSource += id == sigmaSource ? 1 : 0;
            sameAsTarget += id == sigmaTarget ? 1 : 0;
        }
        int media = ids.length - cells;
        int rowSource = typeSource * CellType.COUNT;
        int rowTarget = typeTarget * CellType.COUNT;
        double contactChange = media * (contact[rowSource] - contact[rowTarget])
                + cells * (contact[rowSource + 1] - contact[rowTarget + 1])
                - sameAsSource * contact[rowSource + typeSource]
                + sameAsTarget * contact[rowTarget + typeTarget];

        // Volume: the source cell gains the pixel, the target cell loses it.
        double deviationSource = volume[sigmaSource] - targetVolume[typeSource];
        double deviationTarget = volume[sigmaTarget] - targetVolume[typeTarget];
        double volumeChange = lambdaVolume[typeSource] * (2 * deviationSource + 1)
                + lambdaVolume[typeTarget] * (1 - 2 * deviationTarget);

        // Surface: the target's four first-order pairs become internal or boundary.
        int firstOrderSource = 0;
        int firstOrderTarget = 0;
        for (int k = 0; k < 4; k++) {
            firstOrderSource += ids[k] == sigmaSource ? 1 : 0;
            firstOrderTarget += ids[k] == sigmaTarget ? 1 : 0;
        }
        int surfaceSource = 4 - 2 * firstOrderSource;
        int surfaceTarget = 2 * firstOrderTarget - 4;
        double surfaceChange = lambdaSurface[typeSource] * surfaceSource
                * (2 * (surface[sigmaSource] - targetSurface[typeSource]) + surfaceSource)
                + lambdaSurface[typeTarget] * surfaceTarget
                * (2 * (surface[sigmaTarget] - targetSurface[typeTarget]) + surfaceTarget);
        lastSurfaceChangeSource = surfaceSource;
        lastSurfaceChangeTarget = surfaceTarget;

        return contactChange + volumeChange + surfaceChange + chemotaxisChange(typeSource, typeTarget,
                vegf[target], vegf[source]);
    }

    /** Copies the ids of the target's energy neighbours into {@link #neighbourIds}, first-order ones first. */
    private void gatherNeighbours(int target, int x, int y) {
        int[] ids = neighbourIds;
        int reach = Neighbourhood.REACH;
        if (x >= reach && x < width - reach && y >= reach && y < height - reach) {
            for (int k = 0; k < ids.length; k++) {
                ids[k] = sigma[target + energyFlat[k]];
            }
        } else {
            for (int k = 0; k < ids.length; k++) {
                ids[k] = sigma[rowStart[y + energyDy[k] + reach] + column[x + energyDx[k] + reach]];
            }
        }
    }

    /** Returns the chemotaxis work -mu (f(c_target) - f(c_source)) on the copies that feel it, else 0. */
    private double chemotaxisChange(int typeSource, int typeTarget, float target, float source) {
        int medium = CellType.MEDIUM.code();
        boolean extension = typeTarget == medium && typeSource != medium;
        boolean retraction = chemotaxisOnRetraction && typeSource == medium && typeTarget != medium;
        if (!extension && !retraction) {
            return 0;
        }
        double sensedTarget = target / (1 + saturation * target);
        double sensedSource = source / (1 + saturation * source);
        return -chemotaxisStrength * (sensedTarget - sensedSource);
    }

    /** Copies the source id into the target after {@link #energyChange} was evaluated for this pair. */
    void copy(int target, int source) {
        int sigmaTarget = sigma[target];
        int sigmaSource = sigma[source];
        sigma[target] = sigmaSource;
        siteType[target] = cellType[sigmaSource];
        volume[sigmaSource]++;
        volume[sigmaTarget]--;
        surface[sigmaSource] += lastSurfaceChangeSource;
        surface[sigmaTarget] += lastSurfaceChangeTarget;
        accepted++;
    }

    CellLattice lattice() {
        return lattice;
    }
}
