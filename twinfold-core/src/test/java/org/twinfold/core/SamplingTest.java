package org.twinfold.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplingTest {
    private static final ParameterSpace SPACE = ParameterSpace.of(
            new Parameter("a", 1.0, 3.0, "m", "first"),
            new Parameter("b", 10.0, 1000.0, "s", "second"));

    @Test
    void gridCoversCornersEvenly() {
        List<ParameterPoint> points = Sampling.GRID.sample(SPACE, 9, new SplittableRandom(1));
        assertEquals(9, points.size());
        assertArrayEquals(new double[] {1.0, 10.0}, points.get(0).values());
        assertArrayEquals(new double[] {2.0, 505.0}, points.get(4).values());
        assertArrayEquals(new double[] {3.0, 1000.0}, points.get(8).values());
    }

    @Test
    void latinHypercubeHasOnePointPerStratum() {
        int count = 50;
        List<ParameterPoint> points = Sampling.LATIN_HYPERCUBE.sample(SPACE, count, new SplittableRandom(2));
        for (int axis = 0; axis < 2; axis++) {
            Parameter parameter = SPACE.parameter(axis);
            boolean[] seen = new boolean[count];
            for (ParameterPoint point : points) {
                int stratum = (int) (parameter.normalize(point.value(axis)) * count);
                assertTrue(!seen[stratum], "stratum " + stratum + " of axis " + axis + " used twice");
                seen[stratum] = true;
            }
        }
    }

    @Test
    void logUniformHasUniformLogarithm() {
        List<ParameterPoint> points = Sampling.LOG_UNIFORM.sample(SPACE, 4000, new SplittableRandom(3));
        // log10(b) is uniform on [1, 3]: its mean is 2 with standard error 0.577 / sqrt(4000) = 0.009.
        double meanLog = points.stream().mapToDouble(p -> Math.log10(p.value(1))).average().orElseThrow();
        assertEquals(2.0, meanLog, 4 * 0.0092);
        assertTrue(points.stream().allMatch(p -> SPACE.parameter(1).contains(p.value(1))));
    }

    @Test
    void classesRepeatInTurnWithLabels() {
        ParameterSpace withClasses = SPACE.withClasses(List.of(ParameterPoint.of(1.0, 10.0),
                ParameterPoint.of(3.0, 1000.0)));
        List<ParameterPoint> points = Sampling.CLASSES.sample(withClasses, 5, new SplittableRandom(4));
        assertEquals(List.of(0, 1, 0, 1, 0), points.stream().map(p -> p.classLabel().getAsInt()).toList());
        assertArrayEquals(new double[] {3.0, 1000.0}, points.get(3).values());
    }

    @Test
    void samplingIsReproducibleWithSeed() {
        assertEquals(Sampling.UNIFORM.sample(SPACE, 5, new SplittableRandom(9)),
                Sampling.UNIFORM.sample(SPACE, 5, new SplittableRandom(9)));
    }

    @Test
    void badRequestsNameTheFix() {
        assertThrows(IllegalArgumentException.class, () -> Sampling.parse("sobol"));
        assertThrows(IllegalArgumentException.class, () -> Sampling.CLASSES.sample(SPACE, 3, new SplittableRandom(1)));
        ParameterSpace zeroStart = ParameterSpace.of(new Parameter("c", 0.0, 1.0, "1", "c"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Sampling.LOG_UNIFORM.sample(zeroStart, 3, new SplittableRandom(1)));
        assertTrue(error.getMessage().contains("'c' starts at 0.0"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SPACE.validate(ParameterPoint.of(Double.NaN, 10.0)));
    }
}
