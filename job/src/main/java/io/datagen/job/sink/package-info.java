/**
 * How a value leaves a generator: the {@link io.datagen.job.sink.ValueSink} and {@link
 * io.datagen.job.sink.RowSink} contracts, and PostgreSQL's plain text forms of values ({@link
 * io.datagen.job.sink.ValueText}, {@link io.datagen.job.sink.LiteralSink}).
 *
 * <p>This package sits below both sides of the contract: {@code generate} (and its value families)
 * call a sink, {@code encode} implements the row sinks for COPY text and INSERT statements. Value
 * families that build composite literals (arrays, rows, JSON, points) render their elements with
 * {@link io.datagen.job.sink.LiteralSink} and never see an encoder.
 */
package io.datagen.job.sink;
