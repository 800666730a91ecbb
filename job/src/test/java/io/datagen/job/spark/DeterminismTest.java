package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.read.ArchiveReader;
import io.datagen.archive.read.ReadTocEntry;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.schema.TypeKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same schema + seed ⇒ the same bytes, whatever the master and the partition count. */
class DeterminismTest {
  @TempDir Path dir;

  @Test
  void archivesAreByteIdenticalAcrossMastersAndPartitionCounts() throws Exception {
    Schema schema = SparkTestSupport.blogSchema();
    byte[] reference;
    try (JavaSparkContext spark = SparkSetup.start("local[1]")) {
      reference = generate(spark, schema, "local1.dump", 7, null);
    }
    try (JavaSparkContext spark = SparkSetup.start("local[2]")) {
      for (int partitions : new int[] {1, 7, 64}) {
        assertThat(generate(spark, schema, "p" + partitions + ".dump", 7, partitions))
            .as("local[2] with %d partitions", partitions)
            .isEqualTo(reference);
      }
      byte[] otherSeed = generate(spark, schema, "seed8.dump", 8, null);
      assertThat(otherSeed).isNotEqualTo(reference);
      // Beyond the header and TOC, the data differ (not just a timestamp).
      ArchiveReader a = ArchiveReader.of(reference);
      ArchiveReader b = ArchiveReader.of(otherSeed);
      int usersData = tableDataId(a, "users");
      assertThat(a.readData(usersData)).isNotEqualTo(b.readData(tableDataId(b, "users")));
    }
  }

  @Test
  void addingAColumnLeavesTheOtherColumnsUnchanged() throws Exception {
    Schema schema = SparkTestSupport.blogSchema();
    TableSpec users = schema.tables().get(0);
    List<ColumnSpec> columns = new ArrayList<>(users.columns());
    columns.add(
        2,
        new ColumnSpec(
            "nickname",
            new PgType(TypeKind.VARCHAR, null, 30, null, null, 0, false),
            true,
            0.0,
            null,
            false,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            users.path() + ".columns.nickname"));
    TableSpec widened =
        new TableSpec(
            users.name(),
            columns,
            users.rowCount(),
            users.primaryKey(),
            users.foreignKeys(),
            users.uniqueConstraints(),
            users.checkConstraints(),
            users.indexes(),
            users.comment(),
            users.path());
    List<TableSpec> tables = new ArrayList<>(schema.tables());
    tables.set(0, widened);
    Schema withColumn = schema.withTables(tables);

    try (JavaSparkContext spark = SparkSetup.start("local[2]")) {
      List<String[]> before = rows(generate(spark, schema, "before.dump", 3, null), "users");
      List<String[]> after = rows(generate(spark, withColumn, "after.dump", 3, null), "users");
      assertThat(after).hasSameSizeAs(before);
      for (int i = 0; i < before.size(); i++) {
        List<String> expected = Arrays.asList(before.get(i));
        List<String> actual = new ArrayList<>(Arrays.asList(after.get(i)));
        actual.remove(2);
        assertThat(actual).as("row %d", i).isEqualTo(expected);
      }
    }
  }

  private byte[] generate(
      JavaSparkContext spark, Schema schema, String name, long seed, Integer partitions)
      throws Exception {
    Path output = dir.resolve(name);
    GenerateJob.run(spark, schema, SparkTestSupport.request(output, seed, partitions), null);
    return Files.readAllBytes(output);
  }

  private static int tableDataId(ArchiveReader reader, String table) {
    return reader.entries().stream()
        .map(ReadTocEntry::entry)
        .filter(e -> e.isTableData() && e.tag().equals(table))
        .findFirst()
        .orElseThrow()
        .dumpId();
  }

  private static List<String[]> rows(byte[] archive, String table) throws Exception {
    ArchiveReader reader = ArchiveReader.of(archive);
    String text = new String(reader.readData(tableDataId(reader, table)), StandardCharsets.UTF_8);
    List<String[]> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.equals("\\.")) {
        break;
      }
      rows.add(line.split("\t", -1));
    }
    return rows;
  }
}
