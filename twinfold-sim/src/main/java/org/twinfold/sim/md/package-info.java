/**
 * Reference molecular dynamics: Lennard-Jones particles integrated by velocity Verlet in a periodic
 * cube or a reflecting sphere, and single particles in 1-D potentials (harmonic, Lennard-Jones pair,
 * double well, rugged). These are the ground-truth systems of Kadupitiya, Fox and Jadhao,
 * "Simulating Molecular Dynamics with Large Timesteps using Recurrent Neural Networks",
 * arXiv:2004.06493, which an LSTM surrogate learns to step with a time step 100 to 4000 times larger.
 *
 * <p>Everything is in reduced Lennard-Jones units: length sigma, energy epsilon, mass m, time
 * sigma sqrt(m / epsilon). The reference integrates with a time step of 0.001.
 */
package org.twinfold.sim.md;
