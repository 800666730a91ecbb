package io.datagen.job;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layering drawn in docs/architecture.md ("Which package to open"), checked on the
 * compiled classes of the job and of archive-assembler: each layer uses only the layers below it,
 * and no two packages (sub-packages included) depend on each other, directly or round a loop.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // archive-assembler's test-jar is on the class path too; only its main classes count.
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("io.datagen");

  private static final String[] VALUE_FAMILIES = {
    "io.datagen.job.generate.distribution..",
    "io.datagen.job.generate.fake..",
    "io.datagen.job.generate.regex..",
    "io.datagen.job.generate.types..",
    "io.datagen.job.generate.values.."
  };

  @Test
  void noPackageCycles() {
    slices().matching("io.datagen.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("cli")
        .definedBy("io.datagen.job.cli..")
        .layer("spark")
        .definedBy("io.datagen.job.spark..")
        .layer("leftovers")
        .definedBy("io.datagen.job.leftovers..")
        .layer("scratch")
        .definedBy("io.datagen.job.scratch..")
        .layer("ddl")
        .definedBy("io.datagen.job.ddl..")
        .layer("plan")
        .definedBy("io.datagen.job.plan..")
        .layer("encode")
        .definedBy("io.datagen.job.encode..")
        .layer("generate.compile")
        .definedBy("io.datagen.job.generate.compile..")
        .layer("value families")
        .definedBy(VALUE_FAMILIES)
        .layer("generate")
        .definedBy("io.datagen.job.generate")
        .layer("sink")
        .definedBy("io.datagen.job.sink..")
        .layer("templates")
        .definedBy("io.datagen.job.templates..")
        .layer("schema")
        .definedBy("io.datagen.job.schema..")
        .layer("json")
        .definedBy("io.datagen.job.json..")
        .layer("root")
        .definedBy("io.datagen.job")
        .layer("archive-assembler")
        .definedBy("io.datagen.archive..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("spark")
        .mayOnlyAccessLayers(
            "leftovers",
            "ddl",
            "plan",
            "encode",
            "generate.compile",
            "value families",
            "generate",
            "sink",
            "schema",
            "json",
            "root",
            "archive-assembler")
        .whereLayer("leftovers")
        .mayOnlyAccessLayers("root")
        .whereLayer("scratch")
        .mayOnlyAccessLayers("root")
        .whereLayer("ddl")
        .mayOnlyAccessLayers("plan", "schema", "json", "root", "archive-assembler")
        .whereLayer("plan")
        .mayOnlyAccessLayers("schema", "json", "root", "archive-assembler")
        .whereLayer("encode")
        .mayOnlyAccessLayers("sink", "root", "archive-assembler")
        .whereLayer("generate.compile")
        .mayOnlyAccessLayers(
            "value families", "generate", "sink", "schema", "json", "root", "archive-assembler")
        .whereLayer("value families")
        .mayOnlyAccessLayers("generate", "sink", "root", "archive-assembler")
        .whereLayer("generate")
        .mayOnlyAccessLayers("sink", "schema", "json", "root", "archive-assembler")
        .whereLayer("sink")
        .mayOnlyAccessLayers("root", "archive-assembler")
        .whereLayer("templates")
        .mayOnlyAccessLayers("schema", "json", "root", "archive-assembler")
        .whereLayer("schema")
        .mayOnlyAccessLayers("json", "root", "archive-assembler")
        .whereLayer("json")
        .mayOnlyAccessLayers("root", "archive-assembler")
        .whereLayer("root")
        .mayOnlyAccessLayers("archive-assembler")
        .whereLayer("archive-assembler")
        .mayNotAccessAnyLayer()
        .check(CLASSES);
  }

  @Test
  void archiveAssemblerKnowsNothingOfTheEngine() {
    noClasses()
        .that()
        .resideInAPackage("io.datagen.archive..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.datagen.job..",
            "org.apache.spark..",
            "org.apache.hadoop..",
            "scala..",
            "com.fasterxml.jackson..",
            "net.datafaker..",
            "picocli..")
        .check(CLASSES);
  }
}
