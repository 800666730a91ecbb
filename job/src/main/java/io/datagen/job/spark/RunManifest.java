package io.datagen.job.spark;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.datagen.job.DatagenVersion;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * The JSON manifest of a run ({@code --manifest FILE}): enough to compare two runs without diffing
 * archives, and to check an archive without re-reading it. Everything outside {@code "run"} is a
 * function of the schema text, the seed and the options only, so two runs that should be identical
 * have identical manifests apart from that section. Field order is fixed. Written with the Jackson
 * that Spark brings (streaming API, no data binding).
 *
 * @param schemaSha256 SHA-256 of the schema file's bytes, or null when the schema was given as an
 *     object
 * @param results one per segment, ordered by (table, segment)
 * @param archiveSha256 SHA-256 of every byte of the output, as written; null for a directory
 *     archive, whose files each have theirs
 * @param files a directory archive's files in the order written; empty for a single file
 */
record RunManifest(
    GenerateRequest request,
    Schema schema,
    String schemaSha256,
    List<SegmentResult> results,
    long archiveBytes,
    String archiveSha256,
    List<DirectoryTarget.WrittenFile> files,
    String output,
    int partitions,
    String sparkMaster,
    long elapsedMillis) {

  static final int MANIFEST_VERSION = 1;

  RunManifest {
    results = List.copyOf(results);
    files = List.copyOf(files);
  }

  void writeTo(OutputStream out) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeNumberField("manifest_version", MANIFEST_VERSION);
      json.writeObjectFieldStart("tool");
      json.writeStringField("name", "datagen");
      json.writeStringField("version", DatagenVersion.VERSION);
      json.writeEndObject();
      json.writeObjectFieldStart("schema");
      json.writeStringField("sha256", schemaSha256);
      json.writeStringField("database", schema.database().name());
      json.writeEndObject();
      json.writeNumberField("seed", request.seed());
      writeOptions(json);
      json.writeObjectFieldStart("archive");
      json.writeNumberField("bytes", archiveBytes);
      json.writeStringField("sha256", archiveSha256);
      if (!files.isEmpty()) {
        json.writeArrayFieldStart("files"); // a directory archive: sha256sum DIR/* checks them
        for (DirectoryTarget.WrittenFile file : files) {
          json.writeStartObject();
          json.writeStringField("name", file.name());
          json.writeNumberField("bytes", file.bytes());
          json.writeStringField("sha256", file.sha256());
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      writeTables(json);
      writeRun(json);
      json.writeEndObject();
    }
  }

  /** Every option that decides the output's bytes. */
  private void writeOptions(JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("options");
    json.writeStringField("format", request.format().id());
    json.writeStringField("compression", request.compression().toString());
    json.writeStringField("timestamp", request.referenceTime().toString());
    json.writeNumberField("segment_rows", request.segmentRows());
    if (request.rowsOverride() != null) {
      json.writeNumberField("rows_override", request.rowsOverride());
    } else {
      json.writeNullField("rows_override");
    }
    json.writeNumberField("rows_per_insert", request.rowsPerInsert());
    json.writeEndObject();
  }

  private void writeTables(JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("tables");
    for (int t = 0; t < schema.tables().size(); t++) {
      TableSpec table = schema.tables().get(t);
      int tableIndex = t;
      List<SegmentResult> segments =
          results.stream().filter(r -> r.segment().tableIndex() == tableIndex).toList();
      json.writeStartObject();
      json.writeStringField("name", table.name().toString());
      json.writeNumberField("rows", table.rowCount());
      json.writeNumberField(
          "raw_bytes", segments.stream().mapToLong(SegmentResult::rawLength).sum());
      json.writeNumberField(
          "stored_bytes", segments.stream().mapToLong(SegmentResult::storedLength).sum());
      json.writeArrayFieldStart("segments");
      for (SegmentResult segment : segments) {
        json.writeStartObject();
        json.writeNumberField("index", segment.segment().segmentIndex());
        json.writeNumberField("first_row", segment.segment().firstRow());
        json.writeNumberField("rows", segment.segment().rowCount());
        json.writeNumberField("raw_bytes", segment.rawLength());
        json.writeNumberField("stored_bytes", segment.storedLength());
        json.writeStringField("adler32", hex(segment.adler32()));
        json.writeStringField("crc32", hex(segment.storedCrc32()));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** What differs from run to run without changing the output. */
  private void writeRun(JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("run");
    json.writeStringField("schema_source", request.schemaSource());
    json.writeStringField("output", output);
    json.writeStringField("spark_master", sparkMaster);
    json.writeStringField("spark_version", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    json.writeNumberField("partitions", partitions);
    json.writeNumberField("elapsed_ms", elapsedMillis);
    json.writeEndObject();
  }

  private static String hex(int value) {
    return String.format(Locale.ROOT, "%08x", value);
  }
}
