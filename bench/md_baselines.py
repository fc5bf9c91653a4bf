#!/usr/bin/python3
"""Physics baselines for the LSTM operator of 16 Lennard-Jones particles: how well simple rules and
velocity Verlet at large steps follow the Verlet trajectory (step 0.001), one operator step ahead and
as a rollout. Same system as twinfold's md-lstm quick plan: epsilon 2, sigma 1, cutoff 2.5 (shifted),
periodic cube of side 10, masses uniform in [1, 10], starts at rest in [-3, 3]^3 at least 1 apart.

Usage: python3 bench/md_baselines.py [--trajectories 8] [--multiple 100] [--frames 50]
Errors are the mean over particles of |r - r_Verlet|, in sigma, averaged over frames 5 to frames - 1.
"""
import argparse

import numpy as np

SIDE = 10.0
CUTOFF_SQUARED = 2.5 ** 2
EPSILON = 2.0
DT = 0.001


def accelerations(x, mass):
    d = x[:, None, :] - x[None, :, :]
    d -= SIDE * np.rint(d / SIDE)
    r2 = (d * d).sum(-1)
    np.fill_diagonal(r2, np.inf)
    inv6 = r2 ** -3
    scale = np.where(r2 < CUTOFF_SQUARED, 24 * EPSILON * (2 * inv6 * inv6 - inv6) / r2, 0.0)
    return (scale[:, :, None] * d).sum(1) / mass


def start(rng, count=16):
    points = []
    while len(points) < count:
        p = rng.uniform(-3, 3, 3)
        if all(np.sum((p - q) ** 2) >= 1 for q in points):
            points.append(p)
    return np.array(points)


def verlet(x, v, mass, dt, steps):
    a = accelerations(x, mass)
    for _ in range(steps):
        v = v + 0.5 * dt * a
        x = x + dt * v
        a = accelerations(x, mass)
        v = v + 0.5 * dt * a
    return x, v


def stoermer_coefficients(count):
    """Returns beta of the explicit Stoermer-Cowell step x_(n+1) = 2 x_n - x_(n-1) + h^2 sum_j beta_j a_(n-j),
    j = 0 .. count - 1, exact for polynomials up to degree count + 1 (solved from those conditions)."""
    powers = range(2, count + 2)
    matrix = np.array([[p * (p - 1) * float(-j) ** (p - 2) for j in range(count)] for p in powers])
    rhs = np.array([1.0 + (-1.0) ** p for p in powers])
    return np.linalg.solve(matrix, rhs)


def stoermer(xs, accs, n, step, beta):
    """Returns the Stoermer-Cowell prediction of frame n + 1 from frames n - 1, n and the accelerations before."""
    correction = sum(b * accs[n - j] for j, b in enumerate(beta))
    return 2 * xs[n] - xs[n - 1] + step ** 2 * correction


def error(a, b):
    return float(np.mean(np.linalg.norm(a - b, axis=-1)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trajectories", type=int, default=8)
    parser.add_argument("--multiple", type=int, default=100)
    parser.add_argument("--frames", type=int, default=50)
    args = parser.parse_args()

    step = args.multiple * DT
    one_step = {}
    rollout = {}
    with np.errstate(over="ignore", invalid="ignore"):
        for seed in range(args.trajectories):
            rng = np.random.default_rng(seed)
            mass = rng.uniform(1, 10)
            x, v = start(rng), np.zeros((16, 3))
            xs, vs = [x], [v]
            for _ in range(args.frames):
                x, v = verlet(x, v, mass, DT, args.multiple)
                xs.append(x)
                vs.append(v)

            accs = [accelerations(x, mass) for x in xs]
            for n in range(5, args.frames - 1):
                truth = xs[n + 1]
                rules = {
                    "constant velocity from positions, 2 x_n - x_(n-1)": 2 * xs[n] - xs[n - 1],
                    "x_n + v_n Delta_R": xs[n] + vs[n] * step,
                    "Taylor with a from v_n - v_(n-1)": xs[n] + vs[n] * step + 0.5 * (vs[n] - vs[n - 1]) * step,
                    "Taylor with the true force": xs[n] + vs[n] * step + 0.5 * accelerations(xs[n], mass) * step ** 2,
                }
                for count in (1, 3, 5):
                    rules[f"Stoermer-Cowell, {count} accelerations"] = stoermer(
                        xs, accs, n, step, stoermer_coefficients(count))
                for substeps in (1, 5, 20):
                    rules[f"Verlet, {substeps} step(s) of Delta_R/{substeps}"] = verlet(
                        xs[n], vs[n], mass, step / substeps, substeps)[0]
                for name, predicted in rules.items():
                    one_step.setdefault(name, []).append(error(predicted, truth))

            for substeps in (1, 5, 20):
                x, v = xs[5], vs[5]
                errors = []
                for n in range(5, args.frames - 1):
                    x, v = verlet(x, v, mass, step / substeps, substeps)
                    errors.append(error(x, xs[n + 1]))
                rollout.setdefault(f"Verlet, {substeps} step(s) of Delta_R/{substeps}", []).append(np.mean(errors))
            for count in (1, 3, 5):
                beta = stoermer_coefficients(count)
                predicted, predicted_accs = list(xs[:6]), list(accs[:6])
                errors = []
                for n in range(5, args.frames - 1):
                    predicted.append(stoermer(predicted, predicted_accs, n, step, beta))
                    predicted_accs.append(accelerations(predicted[-1], mass))
                    errors.append(error(predicted[-1], xs[n + 1]))
                rollout.setdefault(f"Stoermer-Cowell, {count} accelerations", []).append(np.mean(errors))
    print(f"{args.trajectories} trajectories, Delta_R = {args.multiple} x {DT}; mean position error in sigma")
    for name, values in one_step.items():
        print(f"one step  {name}: {np.mean(values):.3g} (median {np.median(values):.3g})")
    for name, values in rollout.items():
        print(f"rollout   {name}: {np.mean(values):.3g}")


if __name__ == "__main__":
    main()
