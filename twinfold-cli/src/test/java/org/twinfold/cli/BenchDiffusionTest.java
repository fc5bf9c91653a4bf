package org.twinfold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchDiffusionTest {

    @Test
    void stepTimesAfterWarmUp() {
        CliRunner.Result result = CliRunner.run("bench", "diffusion", "--mode", "step", "--side", "8", "--base", "4",
                "--batch", "2", "--warmup", "2", "--steps", "3", "--threads", "1");
        assertEquals(0, result.exitCode(), result.all());
        assertTrue(result.all().contains("training step, batch 2 of 1x8x8"), result.all());
        assertTrue(result.all().contains("over 3 steps"), result.all());
    }

    @Test
    void selfConditionedNetworkSamples() {
        CliRunner.Result result = CliRunner.run("bench", "diffusion", "--mode", "sample", "--side", "8", "--base", "4",
                "--batch", "2", "--heun-steps", "2", "--self-condition", "--threads", "1");
        assertEquals(0, result.exitCode(), result.all());
        assertTrue(result.all().contains("self-conditioning on"), result.all());
        assertTrue(result.all().contains("sampling 1x8x8, 2 Heun steps (3 evaluations), batch 2"), result.all());
    }

    @Test
    void negativeWarmUpIsRejected() {
        CliRunner.Result result = CliRunner.run("bench", "diffusion", "--side", "8", "--base", "4", "--warmup", "-1",
                "--threads", "1");
        assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.all());
        assertTrue(result.all().contains("warm-up steps -1 is negative"), result.all());
    }

    @Test
    void negativePixelHeadIsRejected() {
        CliRunner.Result result = CliRunner.run("bench", "diffusion", "--side", "8", "--base", "4", "--pixel-head",
                "-2", "--threads", "1");
        assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.all());
        assertTrue(result.all().contains("--pixel-head is -2; give 0 for no head or a positive count of hidden"
                + " channels, such as 8"), result.all());
    }
}
