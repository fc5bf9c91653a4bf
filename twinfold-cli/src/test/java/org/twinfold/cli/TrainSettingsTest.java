package org.twinfold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.ml.diffusion.DiffusionFamily;
import org.twinfold.ml.diffusion.SamplingOptions;
import org.twinfold.ml.train.Checkpoint;

/** The task's surrogate settings and the {@code --setting} option of {@code train}, on a small mask dataset. */
class TrainSettingsTest {
    @TempDir
    static Path temp;

    @BeforeAll
    static void simulate() {
        CliRunner.Result simulate = CliRunner.run("simulate", "vasculogenesis", "--preset", "smoke", "--samples", "6",
                "--threads", "1", "--out", temp.resolve("data").toString());
        assertEquals(0, simulate.exitCode(), simulate.all());
    }

    private static CliRunner.Result train(String out, String... settings) {
        String[] base = {"train", "vasculogenesis", "--preset", "smoke", "--steps", "2", "--batch-size", "2",
                "--threads", "1", "--data", temp.resolve("data").toString(), "--out", temp.resolve(out).toString()};
        String[] args = new String[base.length + settings.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(settings, 0, args, base.length, settings.length);
        return CliRunner.run(args);
    }

    private static JsonNode edm(String out) throws Exception {
        return Checkpoint.read(temp.resolve(out)).metadata().get("edm");
    }

    @Test
    void taskSettingsReachCheckpoint() throws Exception {
        CliRunner.Result result = train("task-settings");
        assertEquals(0, result.exitCode(), result.all());
        assertEquals(0.533, edm("task-settings").get("pMean").asDouble());
        assertEquals(2.333, edm("task-settings").get("pStd").asDouble());

        // The task's sampler settings become the loaded surrogate's defaults.
        SamplingOptions sampling = new DiffusionFamily().load(temp.resolve("task-settings")).sampling();
        assertEquals(2.0, sampling.guidanceScale());
        assertEquals(10.0, sampling.sampler().sChurn());
        assertEquals(18, sampling.sampler().steps());
    }

    @Test
    void settingOptionOverridesTask() throws Exception {
        CliRunner.Result result = train("user-settings", "--setting", "diffusion.p-mean=-0.4",
                "--setting", "diffusion.patch=2");
        assertEquals(0, result.exitCode(), result.all());
        assertEquals(-0.4, edm("user-settings").get("pMean").asDouble());
        assertEquals(2.333, edm("user-settings").get("pStd").asDouble());
        JsonNode unet = Checkpoint.read(temp.resolve("user-settings")).metadata().get("unet");
        assertEquals(2, unet.get("patch").asInt());
    }

    @Test
    void resumingWithOtherSettingsExitsTwo() throws Exception {
        assertEquals(0, train("resumed", "--setting", "diffusion.p-mean=0.2").exitCode());

        CliRunner.Result changed = train("resumed", "--setting", "diffusion.p-mean=0.4");

        assertEquals(2, changed.exitCode(), changed.all());
        assertTrue(changed.all().contains("were trained with other diffusion settings: diffusion.p-mean was '0.2' in"
                + " training and is '0.4' now. Give the checkpoints' values with --setting KEY=VALUE"), changed.all());
        assertFalse(changed.all().contains("churn"), "only the differing key is named: " + changed.all());
        assertEquals(0.2, edm("resumed").get("pMean").asDouble());
    }

    @Test
    void resumingWithNewKeyNamesIt() throws Exception {
        assertEquals(0, train("new-key").exitCode());

        CliRunner.Result changed = train("new-key", "--setting", "diffusion.adaptive-scale=true");

        assertEquals(2, changed.exitCode(), changed.all());
        assertTrue(changed.all().contains("diffusion.adaptive-scale was not set (the family's default) in training"
                + " and is 'true' now"), changed.all());
    }

    @Test
    void resumeWithOtherSamplerNamesOption() throws Exception {
        assertEquals(0, train("sampler").exitCode());

        CliRunner.Result changed = train("sampler", "--setting", "diffusion.guidance=1.5");

        assertEquals(2, changed.exitCode(), changed.all());
        assertTrue(changed.all().contains("diffusion.guidance was '2' in training and is '1.5' now (it sets only the"
                + " default sampler: to sample otherwise, give --guidance to sample or run instead)"), changed.all());
    }

    @Test
    void resumeAcceptsEquivalentSettings() throws Exception {
        assertEquals(0, train("spelled", "--setting", "diffusion.p-mean=0.2").exitCode());

        // The family's default given explicitly, and the same numbers written differently.
        CliRunner.Result again = train("spelled", "--setting", "diffusion.adaptive-scale=false",
                "--setting", "diffusion.p-mean=2e-1", "--setting", "diffusion.churn=10.0");

        assertEquals(0, again.exitCode(), again.all());
        assertEquals(0.2, edm("spelled").get("pMean").asDouble());
    }

    @Test
    void fewerStepsThanCheckpointSaysSo() {
        assertEquals(0, train("past").exitCode());

        CliRunner.Result fewer = CliRunner.run("train", "vasculogenesis", "--preset", "smoke", "--steps", "1",
                "--batch-size", "2", "--threads", "1", "--data", temp.resolve("data").toString(), "--out",
                temp.resolve("past").toString());

        assertEquals(0, fewer.exitCode(), fewer.all());
        assertTrue(fewer.all().contains("is at step 2, beyond --steps 1, so nothing was trained"), fewer.all());
    }

    @Test
    void settingOfAnotherFamilyExitsTwo() {
        CliRunner.Result result = train("other-family", "--setting", "p-mean=0.2");

        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.all().contains("setting 'p-mean' is not one of the diffusion family's"), result.all());
        assertFalse(Files.exists(temp.resolve("other-family")), result.all());
    }

    @Test
    void indivisiblePatchExitsTwo() {
        CliRunner.Result result = train("patch-three", "--setting", "diffusion.patch=3");

        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.all().contains("patches of 3 (diffusion.patch)"), result.all());
        assertFalse(Files.exists(temp.resolve("patch-three")), result.all());
    }

    @Test
    void pixelHeadReachesCheckpoint() throws Exception {
        CliRunner.Result result = train("pixel-head", "--setting", "diffusion.patch=2",
                "--setting", "diffusion.pixel-head=4");
        assertEquals(0, result.exitCode(), result.all());
        JsonNode unet = Checkpoint.read(temp.resolve("pixel-head")).metadata().get("unet");
        assertEquals(4, unet.get("pixelHead").asInt());
    }

    @Test
    void selfConditionReachesCheckpoint() throws Exception {
        CliRunner.Result result = train("self-condition", "--setting", "diffusion.self-condition=true");
        assertEquals(0, result.exitCode(), result.all());
        JsonNode unet = Checkpoint.read(temp.resolve("self-condition")).metadata().get("unet");
        assertTrue(unet.get("selfCondition").asBoolean(), unet.toString());
    }

    @Test
    void invalidSelfConditionExitsTwo() {
        // Other spellings of true are rejected too, because a resumed run compares the settings' text.
        for (String value : new String[] {"yes", "TRUE", ""}) {
            String out = "self-condition-" + value.length();
            CliRunner.Result invalid = train(out, "--setting", "diffusion.self-condition=" + value);

            assertEquals(2, invalid.exitCode(), invalid.all());
            assertTrue(invalid.all().contains("setting diffusion.self-condition is '" + value + "'; use"
                    + " diffusion.self-condition=true or diffusion.self-condition=false"), invalid.all());
            assertFalse(Files.exists(temp.resolve(out)), invalid.all());
        }
    }

    @Test
    void invalidPixelHeadExitsTwo() {
        for (String value : new String[] {"-1", "two", "99999999999"}) {
            CliRunner.Result result = train("pixel-head-" + value, "--setting", "diffusion.pixel-head=" + value);

            assertEquals(2, result.exitCode(), result.all());
            assertTrue(result.all().contains("setting diffusion.pixel-head is '" + value + "', not a count of"
                    + " hidden channels; give 0 for no head or a positive count up to 2147483647, e.g."
                    + " diffusion.pixel-head=8"), result.all());
            assertFalse(Files.exists(temp.resolve("pixel-head-" + value)), result.all());
        }
    }

    @Test
    void runChecksSettingsBeforeSimulating() {
        Path out = temp.resolve("run-bad");
        CliRunner.Result result = CliRunner.run("run", "vasculogenesis", "--preset", "smoke", "--threads", "1",
                "--setting", "diffusion.patch=3", "--out", out.toString());

        assertEquals(2, result.exitCode(), result.all());
        assertFalse(Files.exists(out.resolve("train")), result.all());
    }

    @Test
    void settingWithoutEqualsExitsTwo() {
        CliRunner.Result result = train("no-equals", "--setting", "diffusion.p-mean");

        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.all().contains("--setting 'diffusion.p-mean' is not KEY=VALUE"), result.all());
        assertFalse(Files.exists(temp.resolve("no-equals")), result.all());
    }

    @Test
    void repeatedSettingKeyExitsTwo() {
        CliRunner.Result result = train("twice", "--setting", "diffusion.churn=10", "--setting", "diffusion.churn=5");

        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.all().contains("--setting diffusion.churn is given twice, as '10' and '5'; give each key"
                + " once"), result.all());
        assertFalse(Files.exists(temp.resolve("twice")), result.all());
    }

    @Test
    void badSettingExitsTwoWithoutCheckpoint() {
        CliRunner.Result result = train("bad-settings", "--setting", "diffusion.patch=two");
        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.all().contains("diffusion.patch is 'two', not a whole number"), result.all());
        assertFalse(Files.exists(temp.resolve("bad-settings").resolve("latest")), result.all());
    }
}
