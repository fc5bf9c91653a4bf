/** The damped harmonic oscillator: the smallest deterministic reference task, with an exact solution. */
package org.twinfold.sim.oscillator;
