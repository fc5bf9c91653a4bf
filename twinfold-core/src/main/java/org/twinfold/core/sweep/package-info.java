/** Sweeps: a generator run over parameter points on local threads, written as a resumable dataset. */
package org.twinfold.core.sweep;
