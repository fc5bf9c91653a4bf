package org.twinfold.cli.operator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.twinfold.sim.md.Geometry;
import org.twinfold.sim.md.LennardJonesGenerator;
import org.twinfold.sim.md.Md1dTask;
import org.twinfold.sim.md.Potential1dGenerator;

/**
 * What {@code twinfold run md-lstm} does: Lennard-Jones trajectories of {@code particles} particles from
 * random starts at rest, {@code verletSteps} velocity Verlet steps of 0.001 each, saved every
 * {@code saveInterval} steps; one LSTM operator per {@link MultiplePlan}, trained on the training
 * trajectories subsampled at its Delta_R and rolled out from the first {@code windowLength} Verlet frames
 * of every test trajectory.
 *
 * @param name preset name, or the plan file's name
 * @param description one line for the report
 * @param system {@value #LENNARD_JONES} for Lennard-Jones particles in the reference's periodic cube, or a
 *     1-D system of {@code md-1d}: harmonic, lj-pair, double-well or rugged
 * @param particles N, at least 2 for Lennard-Jones particles, 1 for a 1-D system
 * @param verletSteps Verlet steps per trajectory, a multiple of {@code saveInterval}
 * @param saveInterval Verlet steps between saved frames, at least 1
 * @param trainTrajectories simulated trajectories for training (20 % of them held out for validation)
 * @param testTrajectories simulated trajectories for the rollouts, with other seeds
 * @param windowLength S_R, frames per operator input window (5 in the reference)
 * @param hiddenSize units of each of the two LSTM layers
 * @param inputs what each input frame holds; the pair-force accelerations cost one force evaluation per
 *     predicted frame in the rollout
 * @param target the residual the network predicts; {@link OperatorTarget#VERLET_STEP_CORRECTION} needs
 *     acceleration inputs
 * @param inputNoise standard deviation of the Gaussian noise added to every standardized input value in
 *     training, 0 for none. The residual target moves with the noisy window, so the operator learns to
 *     bring a perturbed state back to the trajectory. Only with positions and velocities as inputs.
 * @param rolloutSteps K, the operator steps each training example unrolls on the network's own
 *     predictions, or 1 for one-step training. Training then takes about K times as long. It needs positions
 *     and velocities as inputs and no input noise.
 * @param multiples one operator each, distinct
 */
public record OperatorPlan(String name, String description, String system, int particles, int verletSteps, int saveInterval,
        int trainTrajectories, int testTrajectories, int windowLength, int hiddenSize, OperatorInputs inputs,
        OperatorTarget target, double inputNoise, int rolloutSteps, List<MultiplePlan> multiples) {

    /** Verlet time step Delta of the reference, in tau. */
    public static final double VERLET_STEP = 0.001;
    /** The {@code system} of Lennard-Jones particles. */
    public static final String LENNARD_JONES = "lj";
    /** The 1-D systems of {@code md-1d}, by plan name. */
    static final List<String> ONE_DIMENSIONAL = List.of("harmonic", "lj-pair", "double-well", "rugged");

    public OperatorPlan {
        multiples = List.copyOf(multiples);
        if (inputs == null) {
            throw new IllegalArgumentException("plan " + name + " has no inputs; use "
                    + OperatorInputs.POSITIONS_VELOCITIES.planName());
        }
        if (target == null) {
            throw new IllegalArgumentException("plan " + name + " has no target; use "
                    + OperatorTarget.CONSTANT_VELOCITY_CORRECTION.planName());
        }
        boolean lennardJones = LENNARD_JONES.equals(system);
        if (!lennardJones && !ONE_DIMENSIONAL.contains(system)) {
            throw new IllegalArgumentException("plan " + name + " has the unknown system '" + system + "'; use "
                    + LENNARD_JONES + " or one of " + ONE_DIMENSIONAL);
        }
        if (!lennardJones && particles != 1) {
            throw new IllegalArgumentException("plan " + name + ": the 1-D system " + system + " has one particle, not "
                    + particles + "; set particles to 1");
        }
        if (!lennardJones && target == OperatorTarget.VERLET_STEP_CORRECTION) {
            throw new IllegalArgumentException("plan " + name + ": target " + target.planName() + " steps Lennard-Jones"
                    + " particles only, not the 1-D system " + system + "; choose increment or another target");
        }
        if (target == OperatorTarget.VERLET_STEP_CORRECTION && inputs != OperatorInputs.POSITIONS_VELOCITIES_ACCELERATIONS) {
            throw new IllegalArgumentException("plan " + name + ": target " + target.planName() + " needs inputs "
                    + OperatorInputs.POSITIONS_VELOCITIES_ACCELERATIONS.planName() + ", not " + inputs.planName()
                    + "; change one of the two");
        }
        if (!(inputNoise >= 0) || !Double.isFinite(inputNoise)) {
            throw new IllegalArgumentException("plan " + name + ": inputNoise " + inputNoise
                    + " is invalid; give 0 for none or a small positive standard deviation such as 0.01");
        }
        if (inputNoise > 0 && inputs != OperatorInputs.POSITIONS_VELOCITIES) {
            throw new IllegalArgumentException("plan " + name + ": inputNoise " + inputNoise + " works only with inputs "
                    + OperatorInputs.POSITIONS_VELOCITIES.planName() + ", not " + inputs.planName()
                    + "; set inputNoise to 0 or change the inputs");
        }
        if (rolloutSteps < 1) {
            throw new IllegalArgumentException("plan " + name + ": rolloutSteps " + rolloutSteps
                    + " is invalid; give 1 to train one step ahead, or more to train on the operator's own rollouts");
        }
        if (rolloutSteps > 1 && (inputNoise > 0 || inputs != OperatorInputs.POSITIONS_VELOCITIES)) {
            throw new IllegalArgumentException("plan " + name + ": rolloutSteps " + rolloutSteps + " works only with"
                    + " inputs " + OperatorInputs.POSITIONS_VELOCITIES.planName() + " and inputNoise 0, not "
                    + inputs.planName() + " and " + inputNoise + "; set rolloutSteps to 1 or change the other two");
        }
        if ((lennardJones && particles < 2) || saveInterval < 1 || verletSteps < saveInterval || verletSteps % saveInterval != 0) {
            throw new IllegalArgumentException("plan " + name + ": particles " + particles + ", verletSteps "
                    + verletSteps + " and saveInterval " + saveInterval + " are invalid; use at least 2 Lennard-Jones"
                    + " particles and a positive save interval that divides the Verlet steps");
        }
        requireAtLeast(name, "trainTrajectories", trainTrajectories, 2, "training needs one trajectory besides"
                + " the held-out ones");
        requireAtLeast(name, "testTrajectories", testTrajectories, 1, "the rollouts start from test trajectories");
        requireAtLeast(name, "windowLength", windowLength, 2, "the evaluation's constant-velocity baseline"
                + " extrapolates from the window's last two frames; the reference's window is 5 frames");
        requireAtLeast(name, "hiddenSize", hiddenSize, 1, "each LSTM layer needs a unit");
        if (multiples.isEmpty()) {
            throw new IllegalArgumentException("plan " + name + " has no multiples; give at least one, such as 100");
        }
        int frames = verletSteps / saveInterval + 1;
        for (MultiplePlan multiple : multiples) {
            requireFits(name, multiple, frames, saveInterval, verletSteps, windowLength, rolloutSteps);
        }
        if (multiples.stream().map(MultiplePlan::multiple).distinct().count() != multiples.size()) {
            throw new IllegalArgumentException("plan " + name + " lists a multiple twice; give each Delta_R once");
        }
    }

    private static void requireAtLeast(String plan, String field, int value, int minimum, String reason) {
        if (value < minimum) {
            throw new IllegalArgumentException("plan " + plan + ": " + field + " " + value + " is invalid; give at least "
                    + minimum + " (" + reason + ")");
        }
    }

    private static void requireFits(String name, MultiplePlan plan, int frames, int saveInterval, int verletSteps,
            int windowLength, int rolloutSteps) {
        int multiple = plan.multiple();
        if (multiple % saveInterval != 0) {
            throw new IllegalArgumentException("unknown multiple " + multiple + " in plan " + name + ": frames are saved"
                    + " every " + saveInterval + " Verlet steps, so Delta_R / Delta must be a multiple of "
                    + saveInterval + ", such as 100, 1000 or 4000");
        }
        int available = (frames - 1) / (multiple / saveInterval) + 1;
        int needed = Math.max(windowLength + plan.horizon(), plan.trainingFrames());
        if (needed > available || plan.trainingFrames() <= windowLength) {
            throw new IllegalArgumentException("multiple " + multiple + " in plan " + name + " needs " + needed
                    + " frames at Delta_R = " + multiple * VERLET_STEP + " (window " + windowLength + " + horizon "
                    + plan.horizon() + ", and " + plan.trainingFrames() + " training frames, more than the window),"
                    + " but trajectories of " + verletSteps + " Verlet steps have only " + available
                    + "; lengthen verletSteps to at least " + (long) (needed - 1) * multiple
                    + " or shorten the horizon");
        }
        if (plan.trainingFrames() < windowLength + rolloutSteps) {
            throw new IllegalArgumentException("multiple " + multiple + " in plan " + name + " trains on "
                    + plan.trainingFrames() + " frames, fewer than a window of " + windowLength + " and "
                    + rolloutSteps + " rollout steps need; lower rolloutSteps to at most "
                    + (plan.trainingFrames() - windowLength) + " or raise trainingFrames");
        }
    }

    /** Returns the number of saved frames per trajectory, {@code verletSteps / saveInterval + 1}. */
    public int frames() {
        return verletSteps / saveInterval + 1;
    }

    /**
     * Returns the Lennard-Jones simulator of this plan: N particles in the reference's periodic cube.
     *
     * @throws IllegalStateException for a plan of a 1-D system
     */
    public LennardJonesGenerator simulator() {
        if (!LENNARD_JONES.equals(system)) {
            throw new IllegalStateException("plan " + name + " simulates the 1-D system " + system
                    + ", not Lennard-Jones particles");
        }
        return LennardJonesGenerator.builder().particles(particles).geometry(Geometry.PERIODIC_CUBE)
                .totalSteps(verletSteps).saveInterval(saveInterval).build();
    }

    /** Returns the simulated system of this plan. */
    OperatorSystem operatorSystem() {
        if (LENNARD_JONES.equals(system)) {
            return new LennardJonesOperatorSystem(simulator());
        }
        return new Potential1dOperatorSystem(new Potential1dGenerator(Md1dTask.system(system), VERLET_STEP,
                verletSteps, saveInterval));
    }

    /**
     * Returns what the trained operators model, as saved with each training so that a rerun on another
     * system is noticed; Lennard-Jones plans keep the wording of trainings made before 1-D systems existed.
     */
    String systemDescription() {
        if (LENNARD_JONES.equals(system)) {
            return "md-lj, " + particles + " particles, frames of unwrapped positions then velocities";
        }
        return "md-1d " + system + ", frames of position then velocity";
    }

    /** Returns this plan with every operator's training steps replaced, for {@code --steps}. */
    public OperatorPlan withTrainingSteps(long steps) {
        return new OperatorPlan(name, description, system, particles, verletSteps, saveInterval, trainTrajectories,
                testTrajectories, windowLength, hiddenSize, inputs, target, inputNoise, rolloutSteps,
                multiples.stream().map(multiple -> multiple.withTrainingSteps(steps)).toList());
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", name);
        node.put("description", description);
        node.put("system", system);
        node.put("particles", particles);
        node.put("verletSteps", verletSteps);
        node.put("saveInterval", saveInterval);
        node.put("trainTrajectories", trainTrajectories);
        node.put("testTrajectories", testTrajectories);
        node.put("windowLength", windowLength);
        node.put("hiddenSize", hiddenSize);
        node.put("inputs", inputs.planName());
        node.put("target", target.planName());
        node.put("inputNoise", inputNoise);
        node.put("rolloutSteps", rolloutSteps);
        ArrayNode list = node.putArray("multiples");
        for (MultiplePlan multiple : multiples) {
            ObjectNode entry = list.addObject();
            entry.put("multiple", multiple.multiple());
            entry.put("trainingFrames", multiple.trainingFrames());
            entry.put("horizon", multiple.horizon());
            entry.put("trainingSteps", multiple.trainingSteps());
            entry.put("batchSize", multiple.batchSize());
            entry.put("learningRate", multiple.learningRate());
        }
        return node;
    }
}
