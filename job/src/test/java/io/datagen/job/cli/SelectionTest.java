package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.read.ArchiveReader;
import io.datagen.archive.read.ReadTocEntry;
import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --tables, --tables-only, --schema-only, --data-only and --dry-run on the blog schema. */
class SelectionTest {
  @TempDir Path dir;

  private static final String SCHEMA = schemaPath();

  private static String schemaPath() {
    try {
      return Paths.get(SelectionTest.class.getResource("/e2e/blog-core.json").toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DatagenCliTest.Run run(String... args) {
    return DatagenCliTest.run(args);
  }

  private Path generate(String name, String... options) {
    Path output = dir.resolve(name);
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "generate",
                SCHEMA,
                "-o",
                output.toString(),
                "--seed",
                "9",
                "--master",
                "local[1]"));
    args.addAll(List.of(options));
    DatagenCliTest.Run run = run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return output;
  }

  private static List<String> toc(Path archive) throws Exception {
    return ArchiveReader.open(archive).entries().stream()
        .map(ReadTocEntry::entry)
        .map(e -> e.desc() + " " + e.tag())
        .collect(Collectors.toList());
  }

  @Test
  void tablesBringTheTablesTheyReference() throws Exception {
    List<String> toc = toc(generate("comments.dump", "--tables", "comments"));
    assertThat(toc)
        .contains(
            "TABLE comments",
            "TABLE posts",
            "TABLE users",
            "TABLE DATA comments",
            "FK CONSTRAINT comments comments_post_id_fkey",
            "FK CONSTRAINT posts posts_author_id_fkey");
    assertThat(toc).noneMatch(e -> e.contains("categories"));
  }

  @Test
  void tablesOnlyLeavesOutParentsAndTheirForeignKeys() throws Exception {
    Path output = dir.resolve("only.dump");
    DatagenCliTest.Run run =
        run(
            "generate",
            SCHEMA,
            "-o",
            output.toString(),
            "--seed",
            "9",
            "--master",
            "local[1]",
            "--tables",
            "comments",
            "--tables-only");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("--tables-only: foreign key comments_post_id_fkey of comments is left out");
    assertThat(toc(output))
        .contains("TABLE comments", "TABLE DATA comments")
        .noneMatch(e -> e.startsWith("FK CONSTRAINT") || e.equals("TABLE posts"));
  }

  @Test
  void unknownTableIsAUsageErrorWithSuggestion() {
    DatagenCliTest.Run run =
        run("generate", SCHEMA, "-o", dir.resolve("x.dump").toString(), "--tables", "comment");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("Cannot select table 'comment'")
        .contains("did you mean 'comments'");
  }

  @Test
  void schemaOnlyThenDataOnlyRestoresTheSameDatabase() throws Exception {
    Path schemaOnly = generate("schema.dump", "--schema-only");
    Path dataOnly = generate("data.dump", "--data-only");
    assertThat(toc(schemaOnly))
        .noneMatch(e -> e.startsWith("TABLE DATA") || e.startsWith("SEQUENCE SET"));
    assertThat(toc(dataOnly))
        .allMatch(
            e ->
                e.startsWith("TABLE DATA")
                    || e.startsWith("SEQUENCE SET")
                    || e.startsWith("ENCODING")
                    || e.startsWith("STDSTRINGS")
                    || e.startsWith("SEARCHPATH"));

    PostgresServers.Database db = PostgresServers.createDatabase(15);
    PgTools.pgRestoreIntoDb(schemaOnly, db.port(), db.name()).orThrow();
    assertThat(PgTools.query(db, "SELECT count(*) FROM public.comments").get(0).get(0))
        .isEqualTo("0");
    // Data into tables whose foreign keys already exist: triggers off, as with pg_dump --data-only.
    PgTools.pgRestoreIntoDb(dataOnly, db.port(), db.name(), "--disable-triggers").orThrow();
    assertThat(PgTools.query(db, "SELECT count(*) FROM public.comments").get(0).get(0))
        .isEqualTo("50000");
    assertThat(PgTools.query(db, "SELECT nextval('public.comments_id_seq')").get(0).get(0))
        .isEqualTo("50001");
  }

  @Test
  void dryRunPrintsThePlanAndWritesNothing() throws Exception {
    Path output = dir.resolve("dry.dump");
    DatagenCliTest.Run run =
        run("generate", SCHEMA, "-o", output.toString(), "--seed", "9", "--dry-run");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("dry run")
        .containsPattern("comments\\s+50,000 rows\\s+\\d+ segments\\s+~\\d");
    assertThat(output).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
