#!/usr/bin/env bash
# Compares velocity Verlet steps per second of twinfold's Lennard-Jones simulator with LAMMPS on the
# same system, both on one thread: N particles (a perfect cube, default 1000) on a simple cubic
# lattice at density 0.8442 in a periodic cube, epsilon = sigma = 1, cutoff 2.5 with the energy
# shifted to zero there, mass 1, velocities drawn at temperature 1, dt = 0.001, NVE.
#
# Both codes rebuild a Verlet neighbour list with skin 0.3 when a particle has moved half the skin.
# The velocities differ in detail (each code draws its own), which does not change the cost per step.
#
# Usage: bench/lammps-compare.sh [PARTICLES] [STEPS]
# Needs: lmp on the PATH (Debian package lammps), Java 17 and Maven, run from the repository root.
set -euo pipefail

particles=${1:-1000}
steps=${2:-2000}
density=0.8442

per_side=$(python3 -c "n=round($particles ** (1/3)); print(n if n ** 3 == $particles else 0)")
if [[ "$per_side" == 0 ]]; then
    echo "PARTICLES must be a perfect cube (for example 1000 or 4096), got $particles" >&2
    exit 2
fi
if ! command -v lmp > /dev/null; then
    echo "lmp not found; install LAMMPS with 'apt-get install lammps'" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# LAMMPS: a warm-up run, then the timed run of the same length.
cat > "$work/in.lj" <<LAMMPS
units           lj
atom_style      atomic
lattice         sc $density
region          box block 0 $per_side 0 $per_side 0 $per_side
create_box      1 box
create_atoms    1 box
mass            1 1.0
velocity        all create 1.0 87287 loop geom
pair_style      lj/cut 2.5
pair_coeff      1 1 1.0 1.0 2.5
pair_modify     shift yes
neighbor        0.3 bin
neigh_modify    every 1 delay 0 check yes
fix             1 all nve
timestep        0.001
thermo          $steps
run             $steps
run             $steps
LAMMPS
(cd "$work" && OMP_NUM_THREADS=1 lmp -in in.lj -log log.lammps -screen none)
loop_seconds=$(grep -E "^Loop time of" "$work/log.lammps" | tail -1 | awk '{print $4}')
lammps_rate=$(python3 -c "print($steps / $loop_seconds)")

# twinfold: MdBenchmark also times a second run after a warm-up of the same length.
if ! mvn -B -o -q -pl twinfold-core,twinfold-sim compile > "$work/mvn.log" 2>&1; then
    cat "$work/mvn.log" >&2
    exit 1
fi
twinfold_rate=$(java -cp twinfold-sim/target/classes:twinfold-core/target/classes \
    org.twinfold.sim.md.MdBenchmark "$particles" "$steps" "$density" | sed -n 's/^steps_per_second=//p')

lammps_version=$(lmp -h | sed -n 's/.*Simulator - //p' | head -1)
python3 - <<PY
lammps = $lammps_rate
twinfold = $twinfold_rate
print(f"system: {$particles} LJ particles, density $density, cutoff 2.5, dt 0.001, {$steps} timed steps, one thread")
print(f"LAMMPS ($lammps_version): {lammps:10.1f} steps/s")
print(f"twinfold              : {twinfold:10.1f} steps/s")
print(f"ratio twinfold / LAMMPS: {twinfold / lammps:.2f}")
PY
