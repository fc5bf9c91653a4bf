package org.twinfold.sim.cpm;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One run of the vasculogenesis CPM: the cell lattice, the VEGF field and the run's random source.
 *
 * <p>One Monte Carlo step (MCS) is {@code width * height} copy attempts, the CompuCell3D convention, so
 * most attempts pick a source with the target's own id and do nothing; then the VEGF field advances
 * by one MCS with the cell configuration at the end of the sweep (CompuCell3D runs its PDE solvers
 * after the sweep as well). Artistoo and the cross-framework benchmark instead sample only pixels on
 * a cell boundary and advance time by 1 / (number of boundary pixels) per attempt, so their MCS has
 * about one attempt per boundary pixel. In both conventions each possible copy is proposed at the
 * same expected rate per MCS (1 / number of copy neighbours), so the dynamics per MCS agree while
 * the attempt counts differ by the fraction of boundary pixels. Compare frameworks by wall time
 * per MCS at equal physics, not by attempt counts.
 *
 * <p>A run depends only on its parameters, initial lattice and seed. Not thread-safe; run one
 * instance per thread.
 */
public final class CpmSimulation {
    private final CpmParameters parameters;
    private final CellLattice lattice;
    private final VegfField vegf;
    private final MetropolisSweep sweep;
    private final Xoshiro256PlusPlus random;
    private final float[] sourcePerStep;
    private final float[] decayPerStep;
    private final boolean fieldIsStatic;
    private long mcs;
    private long metropolisNanos;
    private long pdeNanos;

    /**
     * Starts a run from a copy of {@code initial}, with VEGF zero everywhere.
     *
     * @param random the run's only random source, already used for the initial layout if it was random
     */
    public CpmSimulation(CpmParameters parameters, CellLattice initial, Xoshiro256PlusPlus random) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.lattice = initial.copy();
        this.random = Objects.requireNonNull(random, "random");
        this.sweep = new MetropolisSweep(lattice, parameters);
        this.vegf = new VegfField(parameters.width(), parameters.height(), parameters.vegfDiffusion(),
                parameters.pdeSubsteps());
        this.sourcePerStep = new float[parameters.sites()];
        this.decayPerStep = new float[parameters.sites()];
        this.fieldIsStatic = parameters.vegfDiffusion() == 0 && parameters.vegfSecretion() == 0
                && parameters.vegfDecay() == 0;
    }

    /** Starts a run with cells placed by {@code layout}, all randomness drawn from {@code seed}. */
    public static CpmSimulation start(CpmParameters parameters, InitialLayout layout, long seed) {
        Xoshiro256PlusPlus random = new Xoshiro256PlusPlus(seed);
        CellLattice initial = layout.place(parameters.width(), parameters.height(), random);
        return new CpmSimulation(parameters, initial, random);
    }

    public CpmParameters parameters() {
        return parameters;
    }

    /** Returns the live lattice; read it between steps only. */
    public CellLattice lattice() {
        return lattice;
    }

    /** Returns the Monte Carlo steps done so far. */
    public long mcs() {
        return mcs;
    }

    /** Returns the accepted copies so far. */
    public long acceptedCopies() {
        return sweep.accepted();
    }

    /** Returns the wall time spent in Metropolis sweeps, nanoseconds. */
    public long metropolisNanos() {
        return metropolisNanos;
    }

    /** Returns the wall time spent in the VEGF solver, nanoseconds. */
    public long pdeNanos() {
        return pdeNanos;
    }

    /** Replaces the VEGF field, for runs that continue from a saved state. */
    public void setVegf(float[] values) {
        vegf.set(values);
    }

    /** Runs one MCS: a sweep of {@code width * height} copy attempts, then one MCS of the VEGF field. */
    public void step() {
        stepCells();
        stepField();
        mcs++;
    }

    /** Runs {@code count} MCS. */
    public void run(int count) {
        for (int i = 0; i < count; i++) {
            step();
        }
    }

    /**
     * Runs {@code count} MCS and hands a snapshot to {@code listener} after every {@code interval} MCS.
     */
    public void run(int count, int interval, Consumer<CpmSnapshot> listener) {
        if (interval < 1) {
            throw new IllegalArgumentException("snapshot interval is " + interval + " MCS; it must be at least 1");
        }
        for (int i = 1; i <= count; i++) {
            step();
            if (i % interval == 0) {
                listener.accept(snapshot());
            }
        }
    }

    /** Runs only the Metropolis sweep of one MCS, without advancing the field or the MCS counter. */
    public void stepCells() {
        long start = System.nanoTime();
        sweep.sweep(parameters.sites(), vegf.values(), random);
        metropolisNanos += System.nanoTime() - start;
    }

    /**
     * Advances the VEGF field by one MCS with the current cells (secretion in ECs, decay in medium), and
     * leaves the cells frozen; without a following {@link #stepCells} this is a frozen-CPM run.
     */
    public void stepField() {
        if (fieldIsStatic) {
            return;
        }
        long start = System.nanoTime();
        float secretion = (float) (parameters.vegfSecretion() / parameters.pdeSubsteps());
        float decay = (float) (parameters.vegfDecay() / parameters.pdeSubsteps());
        byte[] types = lattice.siteType;
        for (int site = 0; site < types.length; site++) {
            boolean medium = types[site] == CellType.MEDIUM.code();
            sourcePerStep[site] = medium ? 0f : secretion;
            decayPerStep[site] = medium ? decay : 0f;
        }
        vegf.advance(sourcePerStep, decayPerStep);
        pdeNanos += System.nanoTime() - start;
    }

    /** Returns a copy of the current state. */
    public CpmSnapshot snapshot() {
        return new CpmSnapshot(mcs, lattice.width, lattice.height, lattice.typeMask(), lattice.ids(),
                vegf.values().clone());
    }
}
