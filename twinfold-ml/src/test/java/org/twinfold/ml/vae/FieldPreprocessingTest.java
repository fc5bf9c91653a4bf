package org.twinfold.ml.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twinfold.core.Parameter;

class FieldPreprocessingTest {
    private static final List<Parameter> ENERGY = List.of(new Parameter("incident_energy", 1e3, 1e6, "MeV", "energy"));

    /** Sparse showers: each value is 0 with probability 0.6, else up to 5 % of the energy. */
    private static float[] sparseFields(double[][] points, int elements, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[points.length * elements];
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < elements; j++) {
                values[i * elements + j] = random.nextDouble() < 0.6 ? 0f
                        : (float) (points[i][0] * 0.05 * Math.pow(random.nextDouble(), 4));
            }
        }
        return values;
    }

    private static double[][] energies(int count) {
        double[][] points = new double[count][1];
        for (int i = 0; i < count; i++) {
            points[i][0] = Math.pow(10, 3 + 3.0 * i / (count - 1));
        }
        return points;
    }

    @Test
    void inverseRecoversFieldForEachTransform() {
        double[][] points = energies(20);
        for (VoxelTransform transform : VoxelTransform.values()) {
            float[] original = sparseFields(points, 50, 3);
            VaeDataSettings settings = new VaeDataSettings(Optional.of("incident_energy"), transform,
                    Standardization.GLOBAL, 0.01515, Set.of());
            FieldPreprocessing map = FieldPreprocessing.fit(original, 50, points, ENERGY, settings);
            float[] network = original.clone();
            map.toNetworkInPlace(network, points);
            for (int i = 0; i < points.length; i++) {
                map.fromNetworkInPlace(network, i * 50, points[i]);
            }

            for (int k = 0; k < original.length; k++) {
                double expected = original[k] < 0.01515 ? 0 : original[k];
                assertEquals(expected, network[k], 2e-4 * expected + 1e-3, transform + " value " + k);
            }
        }
    }

    @Test
    void standardizesOverAllValues() {
        double[][] points = energies(30);
        float[] values = sparseFields(points, 40, 5);
        VaeDataSettings settings = new VaeDataSettings(Optional.of("incident_energy"), VoxelTransform.LOGIT,
                Standardization.GLOBAL, 0, Set.of());
        FieldPreprocessing map = FieldPreprocessing.fit(values, 40, points, ENERGY, settings);
        map.toNetworkInPlace(values, points);

        double sum = 0;
        double sumSquares = 0;
        for (float value : values) {
            sum += value;
            sumSquares += value * value;
        }
        assertEquals(0, sum / values.length, 1e-4);
        assertEquals(1, sumSquares / values.length, 1e-3);
    }

    @Test
    void generatedValuesAreClippedAndThresholded() {
        double[][] points = {{1000}};
        float[] values = {0f, 10f, 20f};
        VaeDataSettings settings = new VaeDataSettings(Optional.of("incident_energy"), VoxelTransform.NONE,
                Standardization.GLOBAL, 5, Set.of());
        FieldPreprocessing map = FieldPreprocessing.fit(values, 3, points, ENERGY, settings);

        // Network values far below the training range map to negative u, then to 0; 4 MeV is under the threshold.
        float[] network = {-100f, (float) ((4.0 / 1000 / map.fieldMaximum() - map.mean()[1]) / map.std()[1]), 0f};
        map.fromNetworkInPlace(network, 0, points[0]);

        assertEquals(0, network[0], 0);
        assertEquals(0, network[1], 0);
        // Network value 0 is y = mean, so u = mean for the identity transform.
        assertEquals(map.mean()[2] * map.fieldMaximum() * 1000, network[2], 1e-3);
    }

    @Test
    void perElementStandardizesEachElement() {
        double[][] points = energies(40);
        int elements = 6;
        float[] values = sparseFields(points, elements, 7);
        for (int i = 0; i < points.length; i++) {
            // Element 5 is always 0, so its spread is 0 and its std comes from the floor.
            values[i * elements + 5] = 0f;
        }
        VaeDataSettings settings = new VaeDataSettings(Optional.of("incident_energy"), VoxelTransform.LOGIT,
                Standardization.PER_ELEMENT, 0, Set.of());
        FieldPreprocessing map = FieldPreprocessing.fit(values, elements, points, ENERGY, settings);
        float[] network = values.clone();
        map.toNetworkInPlace(network, points);

        for (int j = 0; j < elements - 1; j++) {
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < points.length; i++) {
                sum += network[i * elements + j];
                sumSquares += network[i * elements + j] * network[i * elements + j];
            }
            assertEquals(0, sum / points.length, 1e-4, "mean of element " + j);
            assertEquals(1, sumSquares / points.length, 1e-3, "variance of element " + j);
        }
        FieldPreprocessing global = FieldPreprocessing.fit(values, elements, points, ENERGY,
                new VaeDataSettings(Optional.of("incident_energy"), VoxelTransform.LOGIT, Standardization.GLOBAL, 0,
                        Set.of()));
        assertEquals(FieldPreprocessing.STD_FLOOR_FRACTION * global.std()[0], map.std()[5], 1e-9);
        assertEquals(0, network[5], 1e-6);
    }

    @Test
    void formatVersion1ReadsAsGlobal() {
        double[][] points = energies(5);
        VaeDataSettings settings = new VaeDataSettings(Optional.of("incident_energy"), VoxelTransform.LOGIT,
                Standardization.GLOBAL, 0.5, Set.of());
        FieldPreprocessing map = FieldPreprocessing.fit(sparseFields(points, 8, 1), 8, points, ENERGY, settings);
        com.fasterxml.jackson.databind.node.ObjectNode version1 = map.toJson();
        version1.put("formatVersion", 1);
        version1.remove("standardization");
        version1.put("mean", map.mean()[0]);
        version1.put("std", map.std()[0]);

        assertEquals(map, FieldPreprocessing.fromJson(version1));
    }

    @Test
    void jsonRoundTrip() {
        double[][] points = energies(5);
        VaeDataSettings settings = new VaeDataSettings(Optional.of("incident_energy"), VoxelTransform.LOG,
                Standardization.PER_ELEMENT, 0.5, Set.of());
        FieldPreprocessing map = FieldPreprocessing.fit(sparseFields(points, 8, 1), 8, points, ENERGY, settings);

        assertEquals(map, FieldPreprocessing.fromJson(map.toJson()));
    }

    @Test
    void negativeValuesRejectedUnderLogit() {
        VaeDataSettings settings = new VaeDataSettings(Optional.empty(), VoxelTransform.LOGIT,
                Standardization.GLOBAL, 0, Set.of());

        assertThrows(IllegalArgumentException.class, () -> FieldPreprocessing.fit(new float[] {1, -1},
                2, new double[][] {{1000}}, ENERGY, settings));
    }

    @Test
    void conditioningUsesLog10AndStandardizes() {
        double[][] points = {{1e3}, {1e5}};
        ParameterConditioning conditioning = ParameterConditioning.fit(ENERGY, points, Set.of("incident_energy"));
        float[] conditions = conditioning.conditions(points);

        assertEquals(4, conditioning.mean()[0], 1e-12);
        assertEquals(1, conditioning.std()[0], 1e-12);
        assertEquals(-1, conditions[0], 1e-6);
        assertEquals(1, conditions[1], 1e-6);
    }
}
