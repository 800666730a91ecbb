package io.datagen.job.generate;

/**
 * A real-valued distribution sampled as a pure function of (stream, row): it uses draws 0, 1, … of
 * {@code rng} at {@code row} and nothing else, so a row's sample never depends on other rows.
 */
@FunctionalInterface
public interface Sampler {

  double sample(RandomSource rng, long row);
}
