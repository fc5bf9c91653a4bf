package org.twinfold.sim.cpm;

/**
 * Physical and numerical parameters of one CPM run, in lattice units: lengths in pixels, time in
 * Monte Carlo steps (MCS), energies in the units of the temperature {@code T}.
 *
 * <p>The Hamiltonian is {@code H = sum over unordered neighbour pairs (order energyNeighbourOrder) of
 * J(tau_i, tau_j)(1 - delta(sigma_i, sigma_j)) + sum over cells of lambdaVolume (V - targetVolume)^2 +
 * lambdaSurface (S - targetSurface)^2}, where S counts the first-order neighbour pairs that a cell
 * shares with other cells or medium (CompuCell3D's SurfaceTracker default). Volume and surface terms
 * act on endothelial cells only. A copy also pays the chemotaxis work
 * {@code -chemotaxisStrength (f(c(target)) - f(c(source)))} with
 * {@code f(c) = c / (1 + chemotaxisSaturation c)} on the copies that {@link #chemotaxisMode} selects.
 *
 * <p>VEGF obeys {@code dc/dt = vegfSecretion [cell] - vegfDecay [medium] c + vegfDiffusion lap(c)},
 * solved by forward Euler in {@code pdeSubsteps} steps per MCS.
 *
 * @param width lattice extent in x, pixels
 * @param height lattice extent in y, pixels
 * @param temperature Metropolis temperature T, energy units
 * @param contactMediumMedium J(medium, medium); it never acts, because medium is one id
 * @param contactCellMedium J(EC, medium)
 * @param contactCellCell J(EC, EC)
 * @param energyNeighbourOrder neighbour order of the contact energy (4 means 20 neighbours)
 * @param copyNeighbourOrder neighbour order from which a copy's source is drawn (1 means 4)
 * @param targetVolume target area of an EC, pixels
 * @param lambdaVolume volume constraint strength, energy per pixel^2
 * @param targetSurface target perimeter of an EC, in pixel edges
 * @param lambdaSurface surface constraint strength, energy per edge^2; 0 switches the term off
 * @param chemotaxisStrength chemotaxis strength mu, energy per unit concentration
 * @param chemotaxisSaturation saturation coefficient s, per unit concentration
 * @param chemotaxisMode which copies feel chemotaxis
 * @param vegfDiffusion diffusion coefficient D, pixels^2 per MCS
 * @param vegfSecretion secretion rate alpha inside ECs, concentration per MCS
 * @param vegfDecay decay rate epsilon in medium, per MCS
 * @param pdeSubsteps forward Euler steps per MCS; D / pdeSubsteps must stay below 0.25
 */
public record CpmParameters(int width, int height, double temperature,
                            double contactMediumMedium, double contactCellMedium, double contactCellCell,
                            int energyNeighbourOrder, int copyNeighbourOrder,
                            double targetVolume, double lambdaVolume,
                            double targetSurface, double lambdaSurface,
                            double chemotaxisStrength, double chemotaxisSaturation, ChemotaxisMode chemotaxisMode,
                            double vegfDiffusion, double vegfSecretion, double vegfDecay, int pdeSubsteps) {

    /** Stable diffusion number per step that CompuCell3D's DiffusionSolverFE uses on a square lattice. */
    public static final double MAX_DIFFUSION_PER_STEP = 0.23;

    public CpmParameters {
        int minimumExtent = 2 * Neighbourhood.REACH + 1;
        if (width < minimumExtent || height < minimumExtent) {
            throw new IllegalArgumentException("lattice is " + width + " x " + height + " pixels; each extent must"
                    + " be at least " + minimumExtent + " so that neighbours of order 4 are distinct sites");
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature is " + temperature + "; it must be positive and finite");
        }
        Neighbourhood.checkOrder(energyNeighbourOrder);
        Neighbourhood.checkOrder(copyNeighbourOrder);
        requireNonNegative("lambdaVolume", lambdaVolume);
        requireNonNegative("lambdaSurface", lambdaSurface);
        requireNonNegative("targetVolume", targetVolume);
        requireNonNegative("targetSurface", targetSurface);
        requireNonNegative("chemotaxisSaturation", chemotaxisSaturation);
        requireNonNegative("vegfDiffusion", vegfDiffusion);
        requireNonNegative("vegfSecretion", vegfSecretion);
        requireNonNegative("vegfDecay", vegfDecay);
        requireFinite("contactMediumMedium", contactMediumMedium);
        requireFinite("contactCellMedium", contactCellMedium);
        requireFinite("contactCellCell", contactCellCell);
        requireFinite("chemotaxisStrength", chemotaxisStrength);
        java.util.Objects.requireNonNull(chemotaxisMode, "chemotaxisMode");
        if (pdeSubsteps < 1) {
            throw new IllegalArgumentException("pdeSubsteps is " + pdeSubsteps + "; it must be at least 1");
        }
        if (vegfDiffusion / pdeSubsteps > 0.25) {
            throw new IllegalArgumentException("diffusion per sub-step D / pdeSubsteps = " + vegfDiffusion + " / "
                    + pdeSubsteps + " exceeds the forward Euler stability limit 0.25 of the 2-D lattice; use at"
                    + " least " + substepsFor(vegfDiffusion) + " sub-steps");
        }
        if (vegfDecay / pdeSubsteps > 1) {
            throw new IllegalArgumentException("decay per sub-step " + vegfDecay + " / " + pdeSubsteps
                    + " exceeds 1 and would make the concentration negative; use more sub-steps");
        }
    }

    /** Returns CompuCell3D's sub-step count for a diffusion coefficient: ceil(D / 0.23), at least 1. */
    public static int substepsFor(double diffusion) {
        return Math.max(1, (int) Math.ceil(diffusion / MAX_DIFFUSION_PER_STEP - 1e-12));
    }

    /** Returns the number of lattice sites, which is also the number of copy attempts per MCS. */
    public int sites() {
        return width * height;
    }

    /** Returns J(a, b) for two cell-type codes. */
    public double contactEnergy(int typeA, int typeB) {
        if (typeA == 0 && typeB == 0) {
            return contactMediumMedium;
        }
        return typeA == 0 || typeB == 0 ? contactCellMedium : contactCellCell;
    }

    /** Returns a builder that starts from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns a builder with the values of the CompuCell3D model of Comlekoglu et al. (see {@link CpmPresets}). */
    public static Builder builder() {
        return new Builder(CpmPresets.comlekoglu(8.2, 0.6));
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be finite and zero or positive");
        }
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be finite");
        }
    }

    /** Builder for parameter sets that differ from a preset in a few values; {@link #build()} validates. */
    public static final class Builder {
        private int width;
        private int height;
        private double temperature;
        private double contactMediumMedium;
        private double contactCellMedium;
        private double contactCellCell;
        private int energyNeighbourOrder;
        private int copyNeighbourOrder;
        private double targetVolume;
        private double lambdaVolume;
        private double targetSurface;
        private double lambdaSurface;
        private double chemotaxisStrength;
        private double chemotaxisSaturation;
        private ChemotaxisMode chemotaxisMode;
        private double vegfDiffusion;
        private double vegfSecretion;
        private double vegfDecay;
        private Integer pdeSubsteps;

        private Builder(CpmParameters p) {
            width = p.width;
            height = p.height;
            temperature = p.temperature;
            contactMediumMedium = p.contactMediumMedium;
            contactCellMedium = p.contactCellMedium;
            contactCellCell = p.contactCellCell;
            energyNeighbourOrder = p.energyNeighbourOrder;
            copyNeighbourOrder = p.copyNeighbourOrder;
            targetVolume = p.targetVolume;
            lambdaVolume = p.lambdaVolume;
            targetSurface = p.targetSurface;
            lambdaSurface = p.lambdaSurface;
            chemotaxisStrength = p.chemotaxisStrength;
            chemotaxisSaturation = p.chemotaxisSaturation;
            chemotaxisMode = p.chemotaxisMode;
            vegfDiffusion = p.vegfDiffusion;
            vegfSecretion = p.vegfSecretion;
            vegfDecay = p.vegfDecay;
            pdeSubsteps = p.pdeSubsteps;
        }

        public Builder lattice(int newWidth, int newHeight) {
            width = newWidth;
            height = newHeight;
            return this;
        }

        public Builder temperature(double value) {
            temperature = value;
            return this;
        }

        /** Sets J(medium, medium), J(EC, medium) and J(EC, EC). */
        public Builder contactEnergies(double mediumMedium, double cellMedium, double cellCell) {
            contactMediumMedium = mediumMedium;
            contactCellMedium = cellMedium;
            contactCellCell = cellCell;
            return this;
        }

        public Builder neighbourOrders(int energyOrder, int copyOrder) {
            energyNeighbourOrder = energyOrder;
            copyNeighbourOrder = copyOrder;
            return this;
        }

        public Builder volume(double target, double lambda) {
            targetVolume = target;
            lambdaVolume = lambda;
            return this;
        }

        public Builder surface(double target, double lambda) {
            targetSurface = target;
            lambdaSurface = lambda;
            return this;
        }

        public Builder chemotaxis(double strength, double saturation, ChemotaxisMode mode) {
            chemotaxisStrength = strength;
            chemotaxisSaturation = saturation;
            chemotaxisMode = mode;
            return this;
        }

        /** Sets the VEGF equation; the sub-steps become ceil(D / 0.23) unless {@link #pdeSubsteps} follows. */
        public Builder vegf(double diffusion, double secretion, double decay) {
            vegfDiffusion = diffusion;
            vegfSecretion = secretion;
            vegfDecay = decay;
            pdeSubsteps = null;
            return this;
        }

        public Builder pdeSubsteps(int substeps) {
            pdeSubsteps = substeps;
            return this;
        }

        public CpmParameters build() {
            int substeps = pdeSubsteps != null ? pdeSubsteps : substepsFor(vegfDiffusion);
            return new CpmParameters(width, height, temperature, contactMediumMedium, contactCellMedium,
                    contactCellCell, energyNeighbourOrder, copyNeighbourOrder, targetVolume, lambdaVolume,
                    targetSurface, lambdaSurface, chemotaxisStrength, chemotaxisSaturation, chemotaxisMode,
                    vegfDiffusion, vegfSecretion, vegfDecay, substeps);
        }
    }
}
