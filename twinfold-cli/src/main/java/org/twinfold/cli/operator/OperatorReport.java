package org.twinfold.cli.operator;

import static org.twinfold.cli.report.Html.escape;
import static org.twinfold.cli.report.Html.image;
import static org.twinfold.cli.report.Html.number;
import static org.twinfold.cli.report.Html.row;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twinfold.core.dataset.AtomicFiles;

/**
 * Writes an operator run as one self-contained HTML file: the error table at every multiple, timing and
 * speedups, trajectory plots (Verlet solid, LSTM dashed), the position error and the energy against
 * time, and the provenance of the data and checkpoints.
 */
final class OperatorReport {
    /** Particles drawn in the trajectory figures. */
    private static final int DRAWN_PARTICLES = 2;
    private static final String STYLE = "body{font-family:sans-serif;max-width:1150px;margin:2em auto;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;"
            + "text-align:right}th{background:#f0f0f0}td:first-child{text-align:left}img{margin:4px}"
            + ".note{color:#555;font-size:90%}";

    private OperatorReport() {
    }

    static void write(OperatorRun run, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, render(run).getBytes(StandardCharsets.UTF_8));
    }

    static String render(OperatorRun run) {
        OperatorPlan plan = run.plan();
        StringBuilder html = new StringBuilder();
        OperatorSystem system = plan.operatorSystem();
        String task = escape(run.task());
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>twinfold report: ")
                .append(task).append(" LSTM operators</title><style>").append(STYLE).append("</style></head><body>\n");
        html.append("<h1>twinfold report: ").append(task).append(", LSTM operators at large time steps</h1>\n");
        html.append("<p>Plan <b>").append(escape(plan.name())).append("</b>: ").append(escape(plan.description()))
                .append(". Velocity Verlet with &Delta; = 0.001 is the ground truth. Each operator maps the last ")
                .append(plan.windowLength()).append(" frames (positions and velocities of ")
                .append(escape(system.description())).append(", d = ").append(2 * system.positions())
                .append(inputsNote(plan))
                .append(") to ").append(plan.target().html()).append(trainingNote(plan))
                .append(", and is rolled out from the first ")
                .append(plan.windowLength()).append(" Verlet frames of each of the ").append(plan.testTrajectories())
                .append(" test trajectories (t = 0, &Delta;<sub>R</sub>, ...). Wall time of this invocation: ")
                .append(number(run.wallSeconds())).append(" s on ").append(run.threads()).append(" threads.</p>\n");

        summary(html, run);
        errors(html, run);
        timing(html, run);
        for (MultipleResult result : run.results()) {
            figures(html, result, plan);
        }
        provenance(html, run);
        return html.append("</body></html>\n").toString();
    }

    /**
     * Writes one line per operator that sets its errors against the rules it has to beat. One step ahead
     * that is the velocity step x + v Delta_R, in the free rollout standing still. Restarted Verlet gives
     * the floor that rounding and chaos set.
     */
    private static void summary(StringBuilder html, OperatorRun run) {
        html.append("<h2>Summary</h2>\n<ul>\n");
        for (MultipleResult r : run.results()) {
            ReferenceErrors references = r.references();
            double oneStep = references.meanOneStepError();
            double velocityStep = references.meanOneStepVelocityStepError();
            double rollout = r.meanPositionError();
            double stayPut = r.meanBaselineError();
            html.append("<li><b>").append(r.plan().multiple()).append("x</b>: one step ahead ").append(number(oneStep))
                    .append(" &sigma; against ").append(number(velocityStep)).append(" for the velocity step x + v"
                            + " &Delta;R (ratio ").append(number(oneStep / velocityStep)).append(", ")
                    .append(oneStep < velocityStep ? "better" : "<b>worse</b>").append("); free rollout ")
                    .append(number(rollout)).append(" &sigma; against ").append(number(stayPut))
                    .append(" for standing still (ratio ").append(number(rollout / stayPut)).append(", ")
                    .append(rollout < stayPut ? "closer" : "<b>further off</b>").append(")")
                    .append("; restarted Verlet, the floor that float32 rounding and any chaos set, ")
                    .append(number(references.meanRestartedVerletError())).append(" &sigma;.</li>\n");
        }
        html.append("</ul>\n");
    }

    private static void errors(StringBuilder html, OperatorRun run) {
        html.append("<h2>Errors against Verlet</h2>\n<table>").append(header("&Delta;R / &Delta;", "&Delta;R [&tau;]",
                "rollout steps", "rollout times [&tau;]", "rollout mean &delta;r [&sigma;]", "final rollout &delta;r [&sigma;]",
                "stay-put baseline mean &delta;r [&sigma;]", "constant-velocity rollout mean &delta;r [&sigma;]",
                "restarted Verlet mean &delta;r [&sigma;]", "one-step mean &delta;r, LSTM [&sigma;]",
                "one-step mean &delta;r, constant velocity [&sigma;]",
                "one-step mean &delta;r, x + v &Delta;R [&sigma;]", "mean |&delta;E|, LSTM", "median |&delta;E|, LSTM", "mean |&delta;E|, Verlet frames",
                "validation MSE (scaled)", "parameters", "training steps", "training [s]"));
        int w = run.plan().windowLength();
        for (MultipleResult r : run.results()) {
            html.append(row(Integer.toString(r.plan().multiple()), number(r.deltaR()),
                    Integer.toString(r.plan().horizon()),
                    number(r.time()[w]) + " to " + number(r.time()[r.time().length - 1]),
                    "<b>" + number(r.meanPositionError()) + "</b>", number(r.finalPositionError()),
                    number(r.meanBaselineError()), number(r.references().meanConstantVelocityError()),
                    number(r.references().meanRestartedVerletError()),
                    "<b>" + number(r.references().meanOneStepError()) + "</b>",
                    number(r.references().meanOneStepConstantVelocityError()),
                    number(r.references().meanOneStepVelocityStepError()), number(r.meanOperatorEnergyDrift()),
                    number(r.medianOperatorEnergyDrift()), number(r.meanVerletEnergyDrift()),
                    number(r.trained().validationMeanSquaredError()), Long.toString(r.parameters()),
                    Long.toString(r.trained().steps()), number(r.trained().trainingWallSeconds())));
        }
        html.append("</table>\n<p class=\"note\">&delta;r(t) = (1/N) &Sigma;<sub>i</sub> |r<sub>i,Verlet</sub>(t) &minus;"
                + " r<sub>i,LSTM</sub>(t)|, averaged over the test trajectories and over the rollout frames (the"
                + " kick-start frames are exact and excluded). The stay-put baseline keeps the last kick-start frame;"
                + " the constant-velocity rollout extrapolates the last two kick-start frames. Restarted Verlet is"
                + " Verlet at &Delta; restarted from the saved float32 frame at the end of the kick-start window: its"
                + " error grows from rounding of about 1e-7 alone, so it is the floor that rounding and chaos set for any"
                + " operator started from the same frames. The one-step error predicts every rollout frame from the"
                + " Verlet frames before it (teacher forcing), as the reference code judged its operator, so errors"
                + " cannot pile up. The velocity step x + v &Delta;R uses only the last frame of the operator's own input,"
                + " so it is the one-step error to beat. &delta;E = |E(t) &minus; E(0)| / |E(0)| with E = K + U of the frame;"
                + " runs that start with E(0) near 0 dominate its mean, so the median over runs (each run's"
                + " mean over the rollout frames) is given too. The"
                + " validation MSE is the one-step error of the scaled network output on held-out training"
                + " trajectories.</p>\n");
    }

    /** Returns the training options that differ from one-step training without noise, as an HTML clause. */
    private static String trainingNote(OperatorPlan plan) {
        StringBuilder note = new StringBuilder();
        if (plan.inputNoise() > 0) {
            note.append("; trained with input noise of ").append(number(plan.inputNoise())).append(" (standardized units)");
        }
        if (plan.rolloutSteps() > 1) {
            note.append("; trained on its own rollouts over ").append(plan.rolloutSteps()).append(" steps");
        }
        return note.toString();
    }

    private static String inputsNote(OperatorPlan plan) {
        if (plan.inputs() == OperatorInputs.POSITIONS_VELOCITIES) {
            return "";
        }
        return "; each input frame also holds the accelerations a = F / m from the forces at its positions, "
                + 3 * plan.operatorSystem().positions() + " input values per frame, recomputed for every predicted"
                + " frame";
    }

    private static void timing(StringBuilder html, OperatorRun run) {
        html.append("<h2>Step times and speedup</h2>\n<p>t<sub>V</sub> = <b>").append(number(run.verletStepSeconds()))
                .append(" s</b> per Verlet step (measured on one thread). Verlet wall time per training trajectory"
                        + " T<sub>train</sub> = ").append(number(run.trainingSimulationSeconds())).append(" s.</p>\n");
        html.append("<table>").append(header("&Delta;R / &Delta;", "t_R batch 1 [s]", "t_R per trajectory, batch "
                + run.plan().testTrajectories() + " [s]", "S_T", "S_V", "S_p (batch 1)", "S_p (batched)",
                "S_p limit (t_V/t_R)(&Delta;R/&Delta;)", "S_p for S_T = 1e9", "effective speedup", "break-even runs"));
        for (MultipleResult r : run.results()) {
            SpeedupNumbers s = r.speedup();
            html.append(row(Integer.toString(r.plan().multiple()), number(r.operatorStepSeconds()),
                    number(r.batchedStepSeconds()), Long.toString(s.totalVerletSteps()),
                    Long.toString(s.kickStartVerletSteps()), "<b>" + number(s.speedup()) + "</b>",
                    number(s.batchedSpeedup()), number(s.asymptoticSpeedup()), number(s.paperRunSpeedup()),
                    "<b>" + number(s.effectiveSpeedup()) + "</b>", number(s.breakEvenRuns())));
        }
        html.append("</table>\n<p class=\"note\">S<sub>p</sub> = t<sub>V</sub> S<sub>T</sub> / [S<sub>V</sub> t<sub>V</sub>"
                + " + (S<sub>T</sub> &minus; S<sub>V</sub>) t<sub>R</sub> &Delta;/&Delta;<sub>R</sub>] (Kadupitiya, Fox"
                + " and Jadhao, arXiv:2004.06493), with S<sub>T</sub> the Verlet steps of the evaluated run (kick-start"
                + " and rollout) and S<sub>V</sub> = (S<sub>R</sub> &minus; 1) &Delta;<sub>R</sub>/&Delta; the kick-start"
                + " steps; both step times are measured here, not assumed. With acceleration inputs, t<sub>R</sub>"
                + " includes the force evaluation of every predicted frame. The effective speedup charges the operator"
                + " for the simulated training trajectories and its training: S = T<sub>seq</sub> (N<sub>lookup</sub>"
                + " + N<sub>train</sub>) / (T<sub>lookup</sub> N<sub>lookup</sub> + (T<sub>train</sub> +"
                + " T<sub>learn</sub>) N<sub>train</sub>), with N<sub>lookup</sub> = ").append(run.plan().testTrajectories())
                .append(" test runs; the break-even column is the number of runs after which it exceeds 1. A speedup below 1 means"
                + " the operator is slower than Verlet. Because the formula also counts every training simulation as a"
                + " run done, the effective speedup can exceed S<sub>p</sub> when S<sub>p</sub> is below 1 and the"
                + " training trajectories are longer than the evaluated run.</p>\n");
    }

    private static void figures(StringBuilder html, MultipleResult result, OperatorPlan plan) {
        String label = result.plan().multiple() + "x (Delta_R = " + number(result.deltaR()) + " tau)";
        html.append("<h2>Operator at ").append(escape(label)).append("</h2>\n");
        ExampleTrajectory example = result.example();
        OperatorSystem system = plan.operatorSystem();
        int n = system.particles();
        int dimensions = system.dimensions();
        List<OperatorFigures.Line> lines = new ArrayList<>();
        String[] axes = {"x", "y", "z"};
        for (int particle = 0; particle < Math.min(DRAWN_PARTICLES, n); particle++) {
            for (int axis = 0; axis < dimensions; axis++) {
                int k = dimensions * particle + axis;
                java.awt.Color color = OperatorFigures.PALETTE[k % OperatorFigures.PALETTE.length];
                String name = n == 1 ? axes[axis] : axes[axis] + particle;
                lines.add(new OperatorFigures.Line(name + " Verlet", example.verletTime(), column(example.verlet(), k),
                        color, false, false));
                lines.add(new OperatorFigures.Line(name + " LSTM", example.rolloutTime(), column(example.rollout(), k),
                        color, true, true));
            }
        }
        html.append(image(OperatorFigures.lines("Test trajectory 1 at " + label + ": positions",
                "t [tau]", "position [sigma]", lines, false), "trajectory at " + label)).append("<br>\n");

        List<OperatorFigures.Line> energy = List.of(
                new OperatorFigures.Line("Verlet", example.verletTime(), example.verletEnergy(),
                        OperatorFigures.PALETTE[0], false, false),
                new OperatorFigures.Line("LSTM", example.rolloutTime(), example.rolloutEnergy(),
                        OperatorFigures.PALETTE[1], true, true));
        html.append(image(OperatorFigures.lines("Test trajectory 1 at " + label + ": total energy E = K + U", "t [tau]",
                "E [epsilon]", energy, false), "energy at " + label)).append("<br>\n");

        int w = plan.windowLength();
        double[] time = java.util.Arrays.copyOfRange(result.time(), w, result.time().length);
        List<OperatorFigures.Line> errors = List.of(
                new OperatorFigures.Line("LSTM position error", time, tail(result.positionError(), w),
                        OperatorFigures.PALETTE[1], false, true),
                new OperatorFigures.Line("stay-put baseline", time, tail(result.baselineError(), w),
                        OperatorFigures.PALETTE[5], true, false),
                new OperatorFigures.Line("restarted Verlet", time, tail(result.references().restartedVerletError(), w),
                        OperatorFigures.PALETTE[3], true, false),
                new OperatorFigures.Line("LSTM one-step error", time, result.references().oneStepError(),
                        OperatorFigures.PALETTE[4], false, true),
                new OperatorFigures.Line("LSTM |dE/E0|", time, tail(result.operatorEnergyDrift(), w),
                        OperatorFigures.PALETTE[2], false, true),
                new OperatorFigures.Line("Verlet |dE/E0|", time, tail(result.verletEnergyDrift(), w),
                        OperatorFigures.PALETTE[0], true, false));
        html.append(image(OperatorFigures.lines("Mean over " + plan.testTrajectories() + " test trajectories at " + label,
                "t [tau]", "delta_r [sigma], |dE/E0|", errors, true), "errors at " + label)).append("\n");
        html.append("<p class=\"note\">Solid: Verlet at every saved frame (every 0.1 &tau;); dashed with circles: the"
                + " LSTM rollout, whose first ").append(w).append(" points are the Verlet kick-start frames.</p>\n");
    }

    private static void provenance(StringBuilder html, OperatorRun run) {
        html.append("<h2>Provenance</h2>\n<table>").append(header("role", "path", "trajectories", "generator",
                "manifest SHA-256", "simulation [s]"));
        dataset(html, "training simulations", run.train());
        dataset(html, "test simulations", run.test());
        html.append("</table>\n<table>").append(header("operator", "checkpoint folder", "state"));
        for (MultipleResult r : run.results()) {
            html.append(row(r.plan().label(), "<code>" + escape(r.trained().checkpoint()) + "</code>",
                    r.trained().resumed() ? "loaded (training was complete)" : "trained in this invocation"));
        }
        html.append("</table>\n<p class=\"note\">Seed ").append(run.seed()).append(". The plan is in plan.json next to"
                + " this report, and every number in evaluation.json.</p>\n");
    }

    private static void dataset(StringBuilder html, String role, DatasetInfo info) {
        html.append(row(role, "<code>" + escape(info.path()) + "</code>", Integer.toString(info.samples()),
                escape(info.generator()), "<code>" + info.manifestSha256() + "</code>", number(info.wallSeconds())));
    }

    private static double[] column(float[][] frames, int k) {
        double[] values = new double[frames.length];
        for (int f = 0; f < frames.length; f++) {
            values[f] = frames[f][k];
        }
        return values;
    }

    private static double[] tail(double[] values, int from) {
        return java.util.Arrays.copyOfRange(values, from, values.length);
    }

    private static String header(String... cells) {
        StringBuilder html = new StringBuilder("<tr>");
        for (String cell : cells) {
            html.append("<th>").append(cell).append("</th>");
        }
        return html.append("</tr>\n").toString();
    }
}
