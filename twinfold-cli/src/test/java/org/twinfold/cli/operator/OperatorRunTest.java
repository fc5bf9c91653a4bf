package org.twinfold.cli.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.cli.report.Html;

/**
 * Runs {@code twinfold run md-lstm} end to end on the smoke plan (3 particles), reruns it under its old
 * name md-lj and feeds it bad plans.
 */
class OperatorRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static void assertContains(OperatorCli.Result result, String text) {
        assertTrue(result.output().contains(text), "output lacks '" + text + "':\n" + result.output());
    }

    @Test
    void smokeRunWritesReportAndRerunSkipsCompleteWork() throws Exception {
        Path out = temp.resolve("run");
        String[] command = {"run", "md-lstm", "--preset", "smoke", "--out", out.toString(), "--threads", "1",
            "--steps", "4"};
        OperatorCli.Result first = OperatorCli.run(command);
        assertEquals(0, first.exitCode(), first.output());

        JsonNode evaluation = JSON.readTree(out.resolve("evaluation.json").toFile());
        assertEquals("md-lstm", evaluation.path("task").asText());
        assertTrue(evaluation.path("timing").path("verletStepSeconds").asDouble() > 0);
        assertEquals(64, evaluation.path("datasets").path("train").path("manifestSha256").asText().length());
        JsonNode operators = evaluation.path("operators");
        assertEquals(List.of(100, 1000, 4000), List.of(operators.get(0).path("multiple").asInt(),
                operators.get(1).path("multiple").asInt(), operators.get(2).path("multiple").asInt()));
        for (JsonNode operator : operators) {
            for (String key : List.of("meanPositionError", "finalPositionError", "baselineMeanPositionError",
                    "oneStepMeanPositionError", "constantVelocityOneStepMeanPositionError",
                    "velocityStepOneStepMeanPositionError",
                    "constantVelocityMeanPositionError", "restartedVerletMeanPositionError", "operatorStepSeconds",
                    "batchedOperatorStepSeconds", "parameters", "checkpoint", "medianAbsoluteEnergyDrift")) {
                assertTrue(operator.has(key), "operator lacks " + key + ": " + operator);
            }
            assertEquals(4, operator.path("trainingSteps").asLong());
            JsonNode speedup = operator.path("speedup");
            for (String key : List.of("paperSpeedup", "asymptoticSpeedup", "effectiveSpeedup", "totalVerletSteps",
                    "kickStartVerletSteps")) {
                assertTrue(speedup.has(key), "speedup lacks " + key + ": " + speedup);
            }
            // S_V = (w - 1) Delta_R / Delta with w = 5.
            assertEquals(4L * operator.path("multiple").asInt(), speedup.path("kickStartVerletSteps").asLong());
            // The kick-start frames are Verlet's own, so the error series starts with five zeros.
            for (int f = 0; f < 5; f++) {
                assertEquals(0.0, operator.path("positionError").get(f).asDouble());
                assertEquals(0.0, operator.path("restartedVerletPositionError").get(f).asDouble());
            }
            int horizon = operator.path("horizonSteps").asInt();
            assertEquals(horizon, operator.path("oneStepPositionError").size());
            // Restarted from a float32 frame, Verlet drifts from the saved frames only through chaos, far
            // less than constant velocity does over the smoke plan's short horizons.
            assertTrue(operator.path("restartedVerletMeanPositionError").asDouble()
                    < operator.path("constantVelocityMeanPositionError").asDouble(), operator.toString());
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,"));
        assertTrue(html.contains("Errors against Verlet"));
        assertTrue(html.contains("effective speedup"));
        for (JsonNode operator : operators) {
            // The summary sets each operator's errors against the velocity step and standing still.
            String line = "<b>" + operator.path("multiple").asInt() + "x</b>: one step ahead "
                    + Html.number(operator.path("oneStepMeanPositionError").asDouble()) + " &sigma; against "
                    + Html.number(operator.path("velocityStepOneStepMeanPositionError").asDouble());
            assertTrue(html.contains(line), "the report lacks the summary line " + line);
            boolean closer = operator.path("meanPositionError").asDouble()
                    < operator.path("baselineMeanPositionError").asDouble();
            String rollout = "for standing still (ratio " + Html.number(operator.path("meanPositionError").asDouble()
                    / operator.path("baselineMeanPositionError").asDouble()) + ", "
                    + (closer ? "closer)" : "<b>further off</b>)");
            assertTrue(html.contains(rollout), "the report lacks " + rollout);
        }
        assertTrue(Files.isDirectory(out.resolve("checkpoints").resolve("x4000")));

        String[] oldName = command.clone();
        oldName[1] = "md-lj";
        OperatorCli.Result again = OperatorCli.run(oldName);
        assertEquals(0, again.exitCode(), again.output());
        assertContains(again, "12 of 12 trajectories already complete");
        assertContains(again, "train x100: already complete, 4 steps");
        assertContains(again, "train x4000: already complete, 4 steps");

        OperatorCli.Result otherSteps = OperatorCli.run("run", "md-lj", "--preset", "smoke", "--out", out.toString(),
                "--threads", "1", "--steps", "6");
        assertEquals(2, otherSteps.exitCode(), otherSteps.output());
        assertContains(otherSteps, "contains trainings with other settings: x100 (trainingSteps 4, now 6)");
        assertContains(otherSteps, "x4000 (trainingSteps 4, now 6)");
    }

    @Test
    void accelerationInputsRunAndReloadIdentically() throws Exception {
        Path out = temp.resolve("accelerations");
        Path plan = planFile(node -> ((ObjectNode) node).put("inputs", "positions-velocities-accelerations")
                .put("trainTrajectories", 3).put("testTrajectories", 2));
        String[] command = {"run", "md-lstm", "--preset", plan.toString(), "--out", out.toString(), "--threads", "1",
            "--steps", "3"};
        OperatorCli.Result first = OperatorCli.run(command);
        assertEquals(0, first.exitCode(), first.output());
        JsonNode trained = JSON.readTree(out.resolve("evaluation.json").toFile());
        assertEquals("positions-velocities-accelerations", trained.path("plan").path("inputs").asText());
        assertTrue(Files.readString(out.resolve("report.html")).contains("27 input values per frame"));

        OperatorCli.Result again = OperatorCli.run(command);
        assertEquals(0, again.exitCode(), again.output());
        assertContains(again, "train x100: already complete, 3 steps");
        JsonNode loaded = JSON.readTree(out.resolve("evaluation.json").toFile());
        for (int i = 0; i < 3; i++) {
            JsonNode before = trained.path("operators").get(i);
            JsonNode after = loaded.path("operators").get(i);
            assertEquals(before.path("positionError"), after.path("positionError"), "operator " + i);
            assertEquals(before.path("oneStepPositionError"), after.path("oneStepPositionError"), "operator " + i);
        }
    }

    @Test
    void verletTargetWithoutAccelerationsExitsWithTwo() throws Exception {
        assertPlanRejected(node -> ((ObjectNode) node).put("target", "verlet-step-correction"),
                "target verlet-step-correction needs inputs positions-velocities-accelerations");
    }

    @Test
    void inputNoiseRecordedInTraining() throws Exception {
        JsonNode[] recorded = runRecordingPlanField("inputNoise", 0.01, "x100");
        assertEquals(0.01, recorded[0].asDouble());
        assertEquals(0.01, recorded[1].asDouble());
    }

    @Test
    void unrolledTrainingIsRecordedWithTheTraining() throws Exception {
        JsonNode[] recorded = runRecordingPlanField("rolloutSteps", 3, "x4000");
        assertEquals(3, recorded[0].asInt());
        assertEquals(3, recorded[1].asInt());
    }

    /**
     * Runs md-lstm on the smoke plan with one field set (three training trajectories, three steps) and returns
     * the field as the evaluation's plan and the training settings of operator {@code label} record it.
     */
    private JsonNode[] runRecordingPlanField(String field, double value, String label) throws Exception {
        Path out = temp.resolve(field);
        Path plan = planFile(node -> ((ObjectNode) node).put(field, value)
                .put("trainTrajectories", 3).put("testTrajectories", 2));
        OperatorCli.Result result = OperatorCli.run("run", "md-lstm", "--preset", plan.toString(), "--out",
                out.toString(), "--threads", "1", "--steps", "3");
        assertEquals(0, result.exitCode(), result.output());

        JsonNode evaluation = JSON.readTree(out.resolve("evaluation.json").toFile());
        JsonNode summary = JSON.readTree(out.resolve("checkpoints").resolve(label).resolve("training.json").toFile());
        return new JsonNode[] {evaluation.path("plan").path(field), summary.path("settings").path(field)};
    }

    @Test
    void rolloutStepsBelowOneExitWithTwo() throws Exception {
        assertPlanRejected(node -> ((ObjectNode) node).put("rolloutSteps", 0), "rolloutSteps 0 is invalid");
    }

    @Test
    void rolloutStepsWithInputNoiseExitWithTwo() throws Exception {
        assertPlanRejected(node -> ((ObjectNode) node).put("rolloutSteps", 2).put("inputNoise", 0.01),
                "rolloutSteps 2 works only with inputs positions-velocities and inputNoise 0");
    }

    @Test
    void tooManyRolloutStepsRejected() throws Exception {
        // The smoke plan's 4,000x operator trains on 11 frames: a window of 5 leaves room for 6 steps.
        assertPlanRejected(node -> ((ObjectNode) node).put("rolloutSteps", 7),
                "lower rolloutSteps to at most 6");
    }

    @Test
    void negativeInputNoiseExitsWithTwo() throws Exception {
        assertPlanRejected(node -> ((ObjectNode) node).put("inputNoise", -0.1),
                "inputNoise -0.1 is invalid");
    }

    @Test
    void inputNoiseWithAccelerationsExitsWithTwo() throws Exception {
        assertPlanRejected(node -> ((ObjectNode) node).put("inputNoise", 0.01)
                .put("inputs", "positions-velocities-accelerations"),
                "inputNoise 0.01 works only with inputs positions-velocities");
    }

    @Test
    void misspelledPlanFieldExitsWithTwo() throws Exception {
        assertPlanRejected(node -> ((ObjectNode) node).put("windowLenght", 3), "unknown field 'windowLenght'");
    }

    @Test
    void unknownInputsExitWithTwo() throws Exception {
        assertPlanRejected(node -> ((ObjectNode) node).put("inputs", "forces"),
                "unknown operator inputs 'forces'");
    }

    @Test
    void tasksListsBothNames() {
        OperatorCli.Result result = OperatorCli.run("tasks");

        assertEquals(0, result.exitCode(), result.output());
        assertContains(result, "md-lstm ");
        assertContains(result, "md-lj ");
        assertContains(result, "run plans: quick, paper, smoke, or a plan file ending in .json");
        assertContains(result, "run plans: harmonic, lj-pair, double-well, rugged, or a plan file ending in .json");
    }

    @Test
    void multipleThatIsNotWholeFramesExitsWithTwo() throws Exception {
        assertPlanRejected(node -> ((ObjectNode) node.path("multiples").get(0)).put("multiple", 150),
                "unknown multiple 150");
    }

    @Test
    void malformedPlanFileExitsWithTwo() throws Exception {
        Path plan = temp.resolve("broken.json");
        java.nio.file.Files.writeString(plan, "{\"name\": \"broken\", \"particles\": NaN}");
        OperatorCli.Result result = OperatorCli.run("run", "md-lstm", "--preset", plan.toString(), "--out",
                temp.resolve("bad").toString());
        assertEquals(2, result.exitCode(), result.output());
        assertContains(result, "plan file " + plan + " is not valid JSON");
    }

    @Test
    void trajectoriesTooShortForTheHorizonExitWithTwo() throws Exception {
        Path plan = planFile(node -> ((ObjectNode) node.path("multiples").get(2)).put("horizon", 50));
        OperatorCli.Result result = OperatorCli.run("run", "md-lj", "--preset", plan.toString(), "--out",
                temp.resolve("bad").toString());
        assertEquals(2, result.exitCode(), result.output());
        assertContains(result, "multiple 4000 in plan smoke needs 55 frames");
        assertContains(result, "have only 11");
    }

    @Test
    void datasetWithOtherFramesExitsWithTwo() throws Exception {
        Path out = temp.resolve("run");
        Path normal = planFile(node -> ((ObjectNode) node).put("trainTrajectories", 2).put("testTrajectories", 1));
        Path shortOther = planFile(node -> ((ObjectNode) node).put("verletSteps", 48_000).put("trainTrajectories", 2)
                .put("testTrajectories", 1));
        OperatorCli.Result first = OperatorCli.run("run", "md-lj", "--preset", normal.toString(), "--out",
                out.toString(), "--threads", "1", "--steps", "1");
        assertEquals(0, first.exitCode(), first.output());
        OperatorCli.Result result = OperatorCli.run("run", "md-lj", "--preset", shortOther.toString(), "--out",
                out.toString(), "--threads", "1", "--steps", "1");
        assertEquals(2, result.exitCode(), result.output());
        assertContains(result, "already contains a different dataset");
    }

    @Test
    void unknownPresetExitsWithTwo() {
        OperatorCli.Result result = OperatorCli.run("run", "md-lj", "--preset", "huge", "--out",
                temp.resolve("bad").toString());
        assertEquals(2, result.exitCode(), result.output());
        assertContains(result, "unknown preset 'huge'");
    }

    /** Runs md-lj on the smoke plan with {@code change} applied and checks exit code 2 and the message. */
    private void assertPlanRejected(java.util.function.Consumer<JsonNode> change, String message) throws Exception {
        Path plan = planFile(change);
        OperatorCli.Result result = OperatorCli.run("run", "md-lj", "--preset", plan.toString(), "--out",
                temp.resolve("bad").toString());
        assertEquals(2, result.exitCode(), result.output());
        assertContains(result, message);
    }

    private Path planFile(java.util.function.Consumer<JsonNode> change) throws Exception {
        JsonNode node = OperatorPlans.smoke().toJson();
        change.accept(node);
        Path file = Files.createTempFile(temp, "plan", ".json");
        Files.writeString(file, node.toPrettyString());
        return file;
    }
}
