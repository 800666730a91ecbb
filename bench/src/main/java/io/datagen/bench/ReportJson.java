package io.datagen.bench;

import java.time.ZoneOffset;

/**
 * The run as bench/results/end-to-end-DATE.json: the machine, the command and commit, every
 * measurement in bytes and nanoseconds with the derived MB/s, and the targets.
 */
public final class ReportJson {
  private ReportJson() {}

  public static String render(BenchRun run) {
    JsonWriter json = new JsonWriter().beginObject();
    json.member("benchmark", "end-to-end")
        .member("date", run.started().atOffset(ZoneOffset.UTC).toLocalDate().toString())
        .member("started", run.started().toString())
        .member("command", run.command())
        .member("git_commit", run.gitCommit());
    MachineFacts machine = run.machine();
    json.name("machine")
        .beginObject()
        .member("cpu", machine.cpu())
        .member("cores", machine.cores())
        .member("jvm", machine.jvm())
        .member("os", machine.os())
        .endObject();
    json.member("scale", run.scale())
        .member("seed", run.seed())
        .member("warm_up_rows", run.warmUpRows())
        .member("megabyte_bytes", 1_000_000L);

    json.name("end_to_end").beginArray();
    for (EndToEndResult r : run.endToEnd()) {
      json.beginObject()
          .member("schema", r.schema())
          .member("format", r.format())
          .member("codec", r.codec())
          .member("rows", r.rows())
          .member("wall_nanos", r.nanos())
          .member("wall_seconds", r.seconds())
          .member("raw_bytes", r.rawBytes())
          .member("archive_bytes", r.archiveBytes())
          .member("mb_per_second", r.megabytesPerSecond())
          .member("limit_mb_per_second", run.limit(r).orElse(Double.NaN))
          .member("efficiency", run.efficiency(r).orElse(Double.NaN))
          .endObject();
    }
    json.endArray();

    json.name("codec_limits").beginArray();
    for (CodecLimit.Result l : run.codecLimits()) {
      json.beginObject()
          .member("schema", l.schema())
          .member("codec", l.codec())
          .member("threads", l.threads())
          .member("piece_bytes", CodecLimit.PIECE_SIZE)
          .member("input_bytes", l.inputBytes())
          .member("stored_bytes", l.storedBytes())
          .member("nanos", l.nanos())
          .member("mb_per_second", l.megabytesPerSecond())
          .member("ratio", l.ratio())
          .endObject();
    }
    json.endArray();

    json.name("raw_generation").beginArray();
    for (RawGenerationRate r : run.rawGeneration()) {
      json.beginObject()
          .member("schema", r.schema())
          .member("rows", r.rows())
          .member("bytes", r.bytes())
          .member("mb_per_second_one_core", r.perCoreMegabytesPerSecond())
          .member("threads", r.threads())
          .member("mb_per_second_all_cores", r.allCoresMegabytesPerSecond())
          .endObject();
    }
    json.endArray();

    NaiveDatafakerLoop.Result naive = run.naiveLoop();
    GzipCli.Result gzip = run.gzipCli();
    json.name("baselines")
        .beginObject()
        .name("naive_datafaker_gzip")
        .beginObject()
        .member("schema", BenchRun.CUSTOMERS)
        .member("rows", naive.rows())
        .member("raw_bytes", naive.rawBytes())
        .member("compressed_bytes", naive.compressedBytes())
        .member("wall_nanos", naive.nanos())
        .member("wall_seconds", naive.seconds())
        .member("mb_per_second", naive.megabytesPerSecond())
        .endObject()
        .name("gzip_cli")
        .beginObject()
        .member("schema", BenchRun.LINEITEM)
        .member("command", gzip.command())
        .member("input_bytes", gzip.inputBytes())
        .member("wall_nanos", gzip.nanos())
        .member("wall_seconds", gzip.seconds())
        .member("mb_per_second", gzip.megabytesPerSecond())
        .endObject()
        .endObject();

    json.name("targets").beginArray();
    for (Target t : run.targets()) {
      json.beginObject()
          .member("goal", t.goal())
          .member("measured", t.measured())
          .member("comparison", t.atLeast() ? ">=" : "<=")
          .member("threshold", t.threshold())
          .member("unit", t.unit())
          .member("pass", t.pass())
          .endObject();
    }
    json.endArray();
    return json.endObject().toString();
  }
}
