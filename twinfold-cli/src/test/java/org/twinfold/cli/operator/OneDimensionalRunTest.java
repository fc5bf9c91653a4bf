package org.twinfold.cli.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.sim.md.Potential1d;
import org.twinfold.sim.md.Potential1dGenerator;

/**
 * The operator pipeline on the 1-D systems of {@code md-1d}: a whole run of the harmonic preset with a few
 * training steps, the system's Verlet restart and energy against the simulator's own frames, and plans
 * given to the wrong task.
 */
class OneDimensionalRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void harmonicRunWritesReportWithoutChaosFloor() throws Exception {
        Path out = temp.resolve("harmonic");
        OperatorCli.Result result = OperatorCli.run("run", "md-1d", "--preset", "harmonic", "--out", out.toString(),
                "--threads", "1", "--steps", "20");
        assertEquals(0, result.exitCode(), result.output());

        JsonNode evaluation = JSON.readTree(out.resolve("evaluation.json").toFile());
        assertEquals("md-1d", evaluation.path("task").asText());
        assertEquals("harmonic", evaluation.path("plan").path("system").asText());
        JsonNode operators = evaluation.path("operators");
        assertEquals(3, operators.size());
        for (JsonNode operator : operators) {
            // One particle on a line is not chaotic: Verlet restarted from the float32 frame stays within
            // rounding of the saved trajectory (measured 1e-6 to 2e-6 sigma over t = 100).
            double restarted = operator.path("restartedVerletMeanPositionError").asDouble();
            assertTrue(restarted < 1e-4, "restarted Verlet error " + restarted);
            assertTrue(Double.isFinite(operator.path("oneStepMeanPositionError").asDouble()), operator.toString());
        }
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("twinfold report: md-1d"), "report title");
        assertTrue(report.contains("one particle in the 1-D harmonic potential, d = 2"), "report system");
        assertTrue(report.contains("to the increment x<sub>n+1</sub> &minus; x<sub>n</sub>"), "report target");
        JsonNode summary = JSON.readTree(out.resolve("checkpoints/x100/training.json").toFile());
        assertEquals("md-1d harmonic, frames of position then velocity",
                summary.path("settings").path("system").asText());

        // Another plan into the same folder is rejected before it touches the run's files.
        OperatorCli.Result other = OperatorCli.run("run", "md-1d", "--preset", "lj-pair", "--out", out.toString(),
                "--threads", "1", "--steps", "20");
        assertEquals(2, other.exitCode(), other.output());
        assertEquals("harmonic", JSON.readTree(out.resolve("plan.json").toFile()).path("system").asText());
    }

    @Test
    void restartedVerletAndEnergyMatchTheSimulator() {
        Potential1dGenerator generator = new Potential1dGenerator(Potential1d.DOUBLE_WELL, 0.001, 2_000, 100);
        SampleBatch batch = generator.generate(List.of(ParameterPoint.of(2.0, 1.7)), new long[] {1});
        Potential1dOperatorSystem system = new Potential1dOperatorSystem(generator);
        float[][] frames = system.frames(batch)[0];
        double[] parameters = {2.0, 1.7};

        float[][] restarted = system.verletFrames(frames[3], parameters, 100, 5);
        for (int f = 0; f < 5; f++) {
            assertEquals(frames[4 + f][0], restarted[f][0], 1e-5, "position of frame " + (4 + f));
            assertEquals(frames[4 + f][1], restarted[f][1], 1e-5, "velocity of frame " + (4 + f));
        }
        for (int f = 0; f < frames.length; f++) {
            assertEquals(batch.value("energy", 0, 3 * f + 2), system.energy(parameters, frames[f]), 1e-5,
                    "total energy of frame " + f);
        }
    }

    @Test
    void accelerationIsForceOverMassAndSurvivesSaving() {
        // Oscillator with m = 1.5, k = 3 at x = 2: a = -k x / m = -4.
        Potential1dAccelerations saved = new Potential1dAccelerations(Potential1d.HARMONIC);
        Potential1dAccelerations loaded = Potential1dAccelerations.fromJson(saved.toJson());
        float[] out = new float[2];
        loaded.compute(new float[] {2f, 0.5f}, new double[] {1.5, 3.0, -5.0}, out, 1);
        assertEquals(-4.0, out[1], 1e-6);
        assertEquals(3, loaded.parameterCount());
    }

    @Test
    void lennardJonesPresetIsNotAOneDimensionalRun() {
        OperatorCli.Result result = OperatorCli.run("run", "md-1d", "--preset", "smoke", "--out",
                temp.resolve("bad").toString());
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("run it as task md-lstm"), result.output());
    }

    @Test
    void oneDimensionalPresetIsNotALennardJonesRun() {
        OperatorCli.Result result = OperatorCli.run("run", "md-lstm", "--preset", "double-well", "--out",
                temp.resolve("bad").toString());
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("run it as task md-1d"), result.output());
    }

    @Test
    void oneFrameWindowIsRejected() throws Exception {
        assertPlanRejected("double-well", "windowLength", JSON.valueToTree(1),
                "windowLength 1 is invalid; give at least 2");
    }

    @Test
    void twoParticlePlanIsRejected() throws Exception {
        assertPlanRejected("lj-pair", "particles", JSON.valueToTree(2),
                "the 1-D system lj-pair has one particle, not 2");
    }

    @Test
    void verletStepTargetIsRejected() throws Exception {
        assertPlanRejected("harmonic", "target", JSON.valueToTree("verlet-step-correction"),
                "target verlet-step-correction steps Lennard-Jones particles only");
    }

    @Test
    void featuresOfAnotherKindAreRejected() {
        ObjectNode description = new Potential1dAccelerations(Potential1d.RUGGED).toJson();
        description.put("kind", "lennard-jones-accelerations");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Potential1dAccelerations.fromJson(description));
        assertTrue(error.getMessage().contains("unknown operator features 'lennard-jones-accelerations'"),
                error.getMessage());
    }

    /** Runs md-1d on the system's plan with one field changed and checks exit code 2 and the message. */
    private void assertPlanRejected(String system, String field, JsonNode value, String message) throws Exception {
        ObjectNode node = OperatorPlans.oneDimensional(system).toJson();
        node.set(field, value);
        Path plan = temp.resolve(field + ".json");
        Files.writeString(plan, node.toPrettyString());
        OperatorCli.Result result = OperatorCli.run("run", "md-1d", "--preset", plan.toString(), "--out",
                temp.resolve("bad").toString());
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains(message), result.output());
    }
}
