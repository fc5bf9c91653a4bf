package org.twinfold.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.LoggerFactory;

/**
 * Ways to draw parameter points from a {@link ParameterSpace}.
 *
 * <ul>
 *   <li>{@code GRID}: a full factorial grid, as equal as possible per axis, truncated to the count.
 *   <li>{@code UNIFORM}: independent uniform draws in each range.
 *   <li>{@code LOG_UNIFORM}: uniform in log(value); every range must be positive.
 *   <li>{@code LATIN_HYPERCUBE}: one draw per stratum of each axis, strata paired at random
 *       (McKay, Beckman and Conover 1979).
 *   <li>{@code CLASSES}: the space's fixed class points in turn, each repeated until the count is met.
 * </ul>
 */
public enum Sampling {
    GRID, UNIFORM, LOG_UNIFORM, LATIN_HYPERCUBE, CLASSES;

    /** Parses {@code grid}, {@code uniform}, {@code log-uniform}, {@code lhs} or {@code classes}. */
    public static Sampling parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "grid" -> GRID;
            case "uniform" -> UNIFORM;
            case "log-uniform", "log_uniform", "loguniform" -> LOG_UNIFORM;
            case "lhs", "latin-hypercube", "latin_hypercube" -> LATIN_HYPERCUBE;
            case "classes" -> CLASSES;
            default -> throw new IllegalArgumentException("unknown sampling '" + text
                    + "'; expected grid, uniform, log-uniform, lhs or classes");
        };
    }

    /**
     * Draws {@code count} points. The same space, count and generator state give the same points.
     *
     * @throws IllegalArgumentException if count is not positive, a log-uniform range is not positive,
     *     or the space has no classes for {@code CLASSES}
     */
    public List<ParameterPoint> sample(ParameterSpace space, int count, SplittableRandom random) {
        if (count <= 0) {
            throw new IllegalArgumentException("sample count is " + count + "; it must be positive");
        }
        return switch (this) {
            case GRID -> grid(space, count);
            case UNIFORM -> uniform(space, count, random, false);
            case LOG_UNIFORM -> uniform(space, count, random, true);
            case LATIN_HYPERCUBE -> latinHypercube(space, count, random);
            case CLASSES -> classes(space, count);
        };
    }

    private static List<ParameterPoint> grid(ParameterSpace space, int count) {
        int dimension = space.dimension();
        int[] steps = new int[dimension];
        int varying = (int) space.parameters().stream().filter(p -> p.max() > p.min()).count();
        int perAxis = varying == 0 ? 1 : (int) Math.ceil(Math.pow(count, 1.0 / varying) - 1e-9);
        for (int i = 0; i < dimension; i++) {
            steps[i] = space.parameter(i).max() > space.parameter(i).min() ? Math.max(perAxis, 1) : 1;
        }

        List<ParameterPoint> points = new ArrayList<>(count);
        int[] index = new int[dimension];
        while (points.size() < count) {
            double[] values = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                Parameter parameter = space.parameter(i);
                double fraction = steps[i] == 1 ? 0.0 : index[i] / (double) (steps[i] - 1);
                values[i] = parameter.min() + fraction * (parameter.max() - parameter.min());
            }
            points.add(ParameterPoint.of(values));
            if (!advance(index, steps)) {
                break;
            }
        }
        return points;
    }

    // Odometer increment of a mixed-radix index; returns false after the last combination.
    private static boolean advance(int[] index, int[] steps) {
        for (int i = index.length - 1; i >= 0; i--) {
            index[i]++;
            if (index[i] < steps[i]) {
                return true;
            }
            index[i] = 0;
        }
        return false;
    }

    private static List<ParameterPoint> uniform(ParameterSpace space, int count, SplittableRandom random,
                                                boolean logarithmic) {
        if (logarithmic) {
            for (Parameter parameter : space.parameters()) {
                if (parameter.min() <= 0) {
                    throw new IllegalArgumentException("log-uniform sampling needs positive ranges, but '"
                            + parameter.name() + "' starts at " + parameter.min() + "; use uniform or lhs");
                }
            }
        }
        List<ParameterPoint> points = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            double[] values = new double[space.dimension()];
            for (int i = 0; i < values.length; i++) {
                values[i] = scale(space.parameter(i), random.nextDouble(), logarithmic);
            }
            points.add(ParameterPoint.of(values));
        }
        return points;
    }

    private static List<ParameterPoint> latinHypercube(ParameterSpace space, int count, SplittableRandom random) {
        int dimension = space.dimension();
        double[][] values = new double[count][dimension];
        for (int i = 0; i < dimension; i++) {
            int[] strata = permutation(count, random);
            for (int n = 0; n < count; n++) {
                double fraction = (strata[n] + random.nextDouble()) / count;
                values[n][i] = scale(space.parameter(i), fraction, false);
            }
        }
        List<ParameterPoint> points = new ArrayList<>(count);
        for (double[] row : values) {
            points.add(ParameterPoint.of(row));
        }
        return points;
    }

    private static List<ParameterPoint> classes(ParameterSpace space, int count) {
        List<ParameterPoint> classPoints = space.classes();
        if (classPoints.isEmpty()) {
            throw new IllegalArgumentException("this parameter space defines no classes; use grid, uniform, "
                    + "log-uniform or lhs sampling");
        }
        if (count % classPoints.size() != 0) {
            LoggerFactory.getLogger(Sampling.class).warn("{} samples over {} classes: the first {} classes get one "
                    + "sample more than the others; use a multiple of {} for equal classes", count, classPoints.size(),
                    count % classPoints.size(), classPoints.size());
        }
        List<ParameterPoint> points = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int label = n % classPoints.size();
            points.add(ParameterPoint.ofClass(label, classPoints.get(label).values()));
        }
        return points;
    }

    private static double scale(Parameter parameter, double fraction, boolean logarithmic) {
        if (logarithmic) {
            double logMin = Math.log(parameter.min());
            double logMax = Math.log(parameter.max());
            return Math.min(parameter.max(), Math.exp(logMin + fraction * (logMax - logMin)));
        }
        return Math.min(parameter.max(), parameter.min() + fraction * (parameter.max() - parameter.min()));
    }

    // Fisher-Yates shuffle of 0..n-1.
    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
