package org.twinfold.sim.md;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.Generator;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.Parameter;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.ParameterSpace;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;

/**
 * Trajectories of N Lennard-Jones particles from random starts, the 3-D ground truth of Kadupitiya,
 * Fox and Jadhao (arXiv:2004.06493): N = 3, 8 or 16 particles of mass m in [1, 10], starting at rest
 * at random non-overlapping positions in [-3, 3]^3, in a periodic cube or a reflecting sphere,
 * integrated by velocity Verlet with dt = 0.001 (reduced units).
 *
 * <p>One sample is one trajectory. Its parameter is the mass; its seed draws the initial positions
 * (see {@link InitialPositions#random}), so the same mass and seed give the same trajectory bit for
 * bit, and different seeds give different trajectories. Frames are saved every
 * {@code saveInterval} steps, from t = 0 to t = totalSteps * dt inclusive:
 *
 * <ul>
 *   <li>{@code positions} float32 [frames, N, 3], in sigma (wrapped into [-L/2, L/2) in a cube)
 *   <li>{@code velocities} float32 [frames, N, 3], in sigma / tau
 *   <li>{@code energy} float64 [frames, 3]: kinetic, potential and total energy, in epsilon
 * </ul>
 *
 * <p>The integration runs in double precision; only the saved positions and velocities are rounded
 * to float32. Immutable and thread-safe: every call of {@link #generate} builds its own state.
 */
public final class LennardJonesGenerator implements Generator {
    /** Mass range of the reference sweep. */
    public static final ParameterSpace SPACE = ParameterSpace.of(
            new Parameter("mass", 1.0, 10.0, "m", "mass of every particle, in reduced mass units"));

    private final int particles;
    private final Container container;
    private final LennardJones potential;
    private final double timeStep;
    private final int totalSteps;
    private final int saveInterval;
    private final double initialHalfWidth;
    private final double minSeparation;
    private final Schema schema;

    private LennardJonesGenerator(Builder builder, Container container) {
        this.particles = builder.particles;
        this.container = container;
        this.potential = new LennardJones(builder.epsilon, builder.sigma, builder.cutoff);
        this.timeStep = builder.timeStep;
        this.totalSteps = builder.totalSteps;
        this.saveInterval = builder.saveInterval;
        this.initialHalfWidth = builder.initialHalfWidth;
        this.minSeparation = builder.minSeparation;
        int frames = frames();
        this.schema = Schema.of(
                new Field("positions", List.of(frames, particles, 3), ElementType.FLOAT32, "sigma",
                        "particle positions every " + saveInterval + " steps from t = 0"),
                new Field("velocities", List.of(frames, particles, 3), ElementType.FLOAT32, "sigma/tau",
                        "particle velocities at the same times as the positions"),
                new Field("energy", List.of(frames, 3), ElementType.FLOAT64, "epsilon",
                        "kinetic, potential and total energy at the same times"));
    }

    /** Starts a generator with the reference's settings: N = 16, periodic cube, epsilon 2, dt 0.001. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the number of saved frames, totalSteps / saveInterval + 1. */
    public int frames() {
        return totalSteps / saveInterval + 1;
    }

    public int particles() {
        return particles;
    }

    public Container container() {
        return container;
    }

    public LennardJones potential() {
        return potential;
    }

    public double timeStep() {
        return timeStep;
    }

    /** Returns the time between saved frames, saveInterval * dt, in tau. */
    public double frameInterval() {
        return saveInterval * timeStep;
    }

    @Override
    public GeneratorInfo info() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("particles", Integer.toString(particles));
        settings.put("geometry", container.geometry().shortName());
        settings.put("containerSize", Double.toString(container.size()));
        settings.put("epsilon", Double.toString(potential.epsilon()));
        settings.put("sigma", Double.toString(potential.sigma()));
        settings.put("cutoff", Double.toString(potential.cutoff()));
        settings.put("timeStep", Double.toString(timeStep));
        settings.put("totalSteps", Integer.toString(totalSteps));
        settings.put("saveInterval", Integer.toString(saveInterval));
        settings.put("initialHalfWidth", Double.toString(initialHalfWidth));
        settings.put("minSeparation", Double.toString(minSeparation));
        return new GeneratorInfo("md-lennard-jones", "1", settings);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ParameterSpace parameterSpace() {
        return SPACE;
    }

    @Override
    public SampleBatch generate(List<ParameterPoint> points, long[] seeds) {
        if (seeds.length != points.size()) {
            throw new IllegalArgumentException("got " + seeds.length + " seeds for " + points.size()
                    + " points; pass one seed per point");
        }
        int frames = frames();
        int frameValues = 3 * particles;
        float[] positions = new float[points.size() * frames * frameValues];
        float[] velocities = new float[positions.length];
        double[] energy = new double[points.size() * frames * 3];

        for (int i = 0; i < points.size(); i++) {
            ParameterPoint point = points.get(i);
            SPACE.validate(point);
            LennardJonesSystem system = initialSystem(point.value(0), seeds[i]);
            for (int frame = 0; frame < frames; frame++) {
                if (frame > 0) {
                    system.advance(timeStep, saveInterval);
                }
                int index = i * frames + frame;
                system.copyPositions(positions, index * frameValues);
                system.copyVelocities(velocities, index * frameValues);
                recordEnergy(system, energy, index, seeds[i]);
            }
        }

        return SampleBatch.builder(schema, points.size())
                .put("positions", positions)
                .put("velocities", velocities)
                .put("energy", energy)
                .build();
    }

    /** Returns the system at t = 0 for this mass and seed: random positions, zero velocities. */
    public LennardJonesSystem initialSystem(double mass, long seed) {
        double[] position = InitialPositions.random(particles, initialHalfWidth, minSeparation, container,
                new SplittableRandom(seed));
        return LennardJonesSystem.create(potential, container, mass, position, new double[position.length]);
    }

    private static void recordEnergy(LennardJonesSystem system, double[] energy, int index, long seed) {
        double kinetic = system.kineticEnergy();
        double potentialEnergy = system.potentialEnergy();
        if (!Double.isFinite(kinetic) || !Double.isFinite(potentialEnergy)) {
            throw new IllegalStateException("simulation diverged for seed " + seed + ": kinetic energy "
                    + kinetic + ", potential energy " + potentialEnergy + "; use a smaller time step or a "
                    + "larger minimum separation");
        }
        energy[3 * index] = kinetic;
        energy[3 * index + 1] = potentialEnergy;
        energy[3 * index + 2] = kinetic + potentialEnergy;
    }

    /**
     * Settings of a {@link LennardJonesGenerator}. Defaults follow the reference: 16 particles in a
     * periodic cube, epsilon 2, sigma 1, cutoff 2.5, dt 0.001, starts in [-3, 3]^3.
     */
    public static final class Builder {
        // NOTE: the reference code does not state the box side or sphere radius of its random-start
        // runs; these defaults are this simulator's choice, large enough for the start cube.
        /** Default cube side in sigma, at least 3 (cutoff + skin) wide, so large N gets a neighbour list. */
        public static final double DEFAULT_CUBE_SIDE = 10.0;
        /** Default sphere radius in sigma; the whole start cube lies inside it [-3, 3]^3 (corner at 5.2). */
        public static final double DEFAULT_SPHERE_RADIUS = 6.0;

        private int particles = 16;
        private Geometry geometry = Geometry.PERIODIC_CUBE;
        private Double containerSize;
        private double epsilon = LennardJones.REFERENCE_EPSILON;
        private double sigma = LennardJones.REFERENCE_SIGMA;
        private double cutoff = LennardJones.REFERENCE_CUTOFF;
        private double timeStep = 0.001;
        private int totalSteps = 20_000;
        private int saveInterval = 100;
        private double initialHalfWidth = 3.0;
        private double minSeparation = 1.0;

        private Builder() {
        }

        /** Sets the number of particles N (reference: 3, 8 or 16). */
        public Builder particles(int count) {
            this.particles = count;
            return this;
        }

        /** Sets the container shape; its size defaults to {@value #DEFAULT_CUBE_SIDE} or {@value #DEFAULT_SPHERE_RADIUS}. */
        public Builder geometry(Geometry value) {
            this.geometry = value;
            return this;
        }

        /** Sets the cube side or the sphere radius, in sigma. */
        public Builder containerSize(double size) {
            this.containerSize = size;
            return this;
        }

        /** Sets the well depth epsilon (reference: 2). */
        public Builder epsilon(double value) {
            this.epsilon = value;
            return this;
        }

        /** Sets sigma, the length scale (reference: 1). */
        public Builder sigma(double value) {
            this.sigma = value;
            return this;
        }

        /** Sets the cutoff radius in length units (reference: 2.5). */
        public Builder cutoff(double value) {
            this.cutoff = value;
            return this;
        }

        /** Sets the Verlet time step dt in tau (reference: 0.001). */
        public Builder timeStep(double value) {
            this.timeStep = value;
            return this;
        }

        /** Sets the number of Verlet steps per trajectory; the run lasts totalSteps * dt. */
        public Builder totalSteps(int value) {
            this.totalSteps = value;
            return this;
        }

        /** Sets the number of steps between saved frames; it must divide the total steps. */
        public Builder saveInterval(int value) {
            this.saveInterval = value;
            return this;
        }

        /** Sets a, the half width of the start cube [-a, a]^3 (reference: 3). */
        public Builder initialHalfWidth(double value) {
            this.initialHalfWidth = value;
            return this;
        }

        /** Sets the smallest allowed distance between two starting particles, in length units. */
        public Builder minSeparation(double value) {
            this.minSeparation = value;
            return this;
        }

        /**
         * Checks every setting and builds the generator.
         *
         * @throws IllegalArgumentException naming the setting, its value and the allowed range
         */
        public LennardJonesGenerator build() {
            if (particles < 1) {
                throw new IllegalArgumentException("particles is " + particles + "; it must be at least 1");
            }
            if (!(timeStep > 0) || !Double.isFinite(timeStep)) {
                throw new IllegalArgumentException("timeStep is " + timeStep + "; it must be finite and positive");
            }
            if (totalSteps < 1 || saveInterval < 1 || totalSteps % saveInterval != 0) {
                throw new IllegalArgumentException("totalSteps " + totalSteps + " and saveInterval " + saveInterval
                        + " must be positive, and saveInterval must divide totalSteps");
            }
            if (!(initialHalfWidth > 0) || !(minSeparation >= 0)) {
                throw new IllegalArgumentException("initialHalfWidth " + initialHalfWidth + " must be positive and "
                        + "minSeparation " + minSeparation + " must be zero or positive");
            }

            double size = containerSize != null ? containerSize
                    : geometry == Geometry.PERIODIC_CUBE ? DEFAULT_CUBE_SIDE : DEFAULT_SPHERE_RADIUS;
            Container container = new Container(geometry, size);
            checkStartFits(container);
            if (container.periodic() && cutoff > 0.5 * size) {
                throw new IllegalArgumentException("cutoff " + cutoff + " exceeds half the cube side " + size
                        + "; set a cube side of at least " + 2 * cutoff + " or a shorter cutoff");
            }
            return new LennardJonesGenerator(this, container);
        }

        private void checkStartFits(Container container) {
            if (container.periodic() && 2 * initialHalfWidth > container.size()) {
                throw new IllegalArgumentException("start cube [-" + initialHalfWidth + ", " + initialHalfWidth
                        + "]^3 is wider than the periodic cube of side " + container.size()
                        + "; set a cube side of at least " + 2 * initialHalfWidth);
            }
            double corner = initialHalfWidth * Math.sqrt(3.0);
            if (!container.periodic() && corner >= container.size()) {
                throw new IllegalArgumentException("start cube [-" + initialHalfWidth + ", " + initialHalfWidth
                        + "]^3 reaches distance " + corner + " from the centre, outside the sphere of radius "
                        + container.size() + "; set a radius above " + corner);
            }
        }
    }
}
