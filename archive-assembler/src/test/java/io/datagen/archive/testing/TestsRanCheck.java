package io.datagen.archive.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Build guard, run by exec-maven-plugin in the {@code verify} phase of each module with tests (root
 * pom, docs/contributing.md): every compiled test class with test methods must have run at least
 * one test in this build, according to Surefire's and Failsafe's XML reports. It catches a class
 * whose name matches no include pattern, which otherwise never runs and never fails.
 *
 * <p>A test method is one annotated with an annotation that is, or is meta-annotated with, JUnit
 * Platform's {@code @Testable} (JUnit's {@code @Test}, {@code @ParameterizedTest}, …, jqwik's
 * {@code @Property}, {@code @Example}), declared in the class or inherited. Abstract classes,
 * interfaces, local and anonymous classes are not checked; the tests of a {@code @Nested} (JUnit)
 * or {@code @Group} (jqwik) inner class count for its top-level class. A method whose tags (its own
 * and its class's) are excluded by {@code surefire.excludedGroups}, or not selected by a non-empty
 * {@code surefire.groups}, is not expected to run. With {@code skipITs}, classes named {@code *IT}
 * are not checked. Only reports written since the build started count (stale reports from an
 * earlier build in the same {@code target/} prove nothing). "Ran" means tests minus skipped.
 *
 * <p>Arguments: {@code --target=DIR --groups=LIST --excluded-groups=LIST --skip-its=BOOL
 * --build-start=INSTANT} (Maven's {@code maven.build.timestamp}, ISO-8601 UTC).
 */
public final class TestsRanCheck {
  private static final String TESTABLE = "org.junit.platform.commons.annotation.Testable";
  private static final Set<String> GROUPING =
      Set.of("org.junit.jupiter.api.Nested", "net.jqwik.api.Group");
  private static final Set<String> TAG = Set.of("org.junit.jupiter.api.Tag", "net.jqwik.api.Tag");
  private static final Set<String> TAG_CONTAINER =
      Set.of("org.junit.jupiter.api.Tags", "net.jqwik.api.TagList");

  private final Path target;
  private final Set<String> groups;
  private final Set<String> excludedGroups;
  private final boolean skipIts;
  private final Instant buildStart;
  private final ClassLoader loader;

  TestsRanCheck(
      Path target,
      Set<String> groups,
      Set<String> excludedGroups,
      boolean skipIts,
      Instant buildStart,
      ClassLoader loader) {
    this.target = target;
    this.groups = Set.copyOf(groups);
    this.excludedGroups = Set.copyOf(excludedGroups);
    this.skipIts = skipIts;
    this.buildStart = buildStart;
    this.loader = loader;
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("Invalid argument (expected --name=value): " + arg);
      }
      options.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    TestsRanCheck check =
        new TestsRanCheck(
            Path.of(required(options, "target")),
            tags(options.getOrDefault("groups", "")),
            tags(options.getOrDefault("excluded-groups", "")),
            Boolean.parseBoolean(options.getOrDefault("skip-its", "false")),
            Instant.parse(required(options, "build-start")),
            Thread.currentThread().getContextClassLoader());
    Result result = check.run();
    if (!result.silent().isEmpty()) {
      throw new IllegalStateException(
          "Cannot pass the tests-ran check: "
              + result.silent().size()
              + " test class(es) in "
              + check.target.resolve("test-classes")
              + " ran zero tests in this build (no Surefire/Failsafe report, or an empty one)."
              + " Name unit test classes *Test, *Tests or *Properties and integration tests *IT"
              + " (docs/contributing.md):\n  "
              + String.join("\n  ", result.silent()));
    }
    System.out.println(
        "tests-ran check: "
            + result.checked()
            + " test classes with runnable tests, every one ran tests ("
            + result.testsRan()
            + " tests in this build's reports)");
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("Missing argument --" + name);
    }
    return value;
  }

  static Set<String> tags(String list) {
    if (list.matches(".*[&|!()].*")) {
      throw new IllegalArgumentException(
          "Cannot evaluate tag expression (only comma-separated tag names): " + list);
    }
    Set<String> tags = new HashSet<>();
    for (String tag : list.split(",")) {
      if (!tag.isBlank()) {
        tags.add(tag.trim());
      }
    }
    return tags;
  }

  /** The classes that should have run but did not, and how many tests the reports count. */
  record Result(int checked, long testsRan, List<String> silent) {
    Result {
      silent = List.copyOf(silent);
    }
  }

  Result run() throws IOException {
    Map<String, Long> ran = testsRanPerClass();
    Map<String, String> expected = expectedClasses();
    List<String> silent = new ArrayList<>();
    for (Map.Entry<String, String> entry : expected.entrySet()) {
      if (ran.getOrDefault(entry.getKey(), 0L) == 0) {
        silent.add(entry.getKey() + " (" + entry.getValue() + ")");
      }
    }
    long total = ran.values().stream().mapToLong(Long::longValue).sum();
    return new Result(expected.size(), total, silent);
  }

  /**
   * Report owner (a top-level class, or a nested class that no runner reaches on its own) → a
   * description of one test method expected to run in it.
   */
  private Map<String, String> expectedClasses() throws IOException {
    Path classes = target.resolve("test-classes");
    Map<String, String> expected = new TreeMap<>();
    if (!Files.isDirectory(classes)) {
      return expected;
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      files
          .filter(f -> f.toString().endsWith(".class"))
          .forEach(
              f -> {
                String relative = classes.relativize(f).toString();
                names.add(
                    relative
                        .substring(0, relative.length() - ".class".length())
                        .replace(f.getFileSystem().getSeparator(), "."));
              });
    }
    for (String name : names) {
      Class<?> type = load(name);
      if (type.isInterface()
          || type.isAnonymousClass()
          || type.isLocalClass()
          || Modifier.isAbstract(type.getModifiers())) {
        continue;
      }
      String owner = reportOwner(type);
      if (skipIts && owner.endsWith("IT")) {
        continue;
      }
      Method runnable = firstRunnableTest(type);
      if (runnable != null) {
        expected.putIfAbsent(owner, "e.g. " + type.getSimpleName() + "." + runnable.getName());
      }
    }
    return expected;
  }

  private Class<?> load(String name) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("Cannot load test class: " + name, e);
    }
  }

  /** The top-level class for @Nested/@Group inner classes, else the class itself. */
  private static String reportOwner(Class<?> type) {
    Class<?> owner = type;
    while (owner.getEnclosingClass() != null && hasAnnotation(owner, GROUPING)) {
      owner = owner.getEnclosingClass();
    }
    return owner.getName();
  }

  private Method firstRunnableTest(Class<?> type) {
    Set<String> classTags = new HashSet<>();
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      for (Class<?> s = c; s != null && s != Object.class; s = s.getSuperclass()) {
        classTags.addAll(tagsOf(s.getDeclaredAnnotations()));
      }
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      Method[] methods = c.getDeclaredMethods();
      Arrays.sort(methods, (a, b) -> a.getName().compareTo(b.getName()));
      for (Method method : methods) {
        if (isTestable(method.getDeclaredAnnotations())) {
          Set<String> methodTags = new HashSet<>(classTags);
          methodTags.addAll(tagsOf(method.getDeclaredAnnotations()));
          if (selected(methodTags)) {
            return method;
          }
        }
      }
    }
    return null;
  }

  private boolean selected(Set<String> tags) {
    if (tags.stream().anyMatch(excludedGroups::contains)) {
      return false;
    }
    return groups.isEmpty() || tags.stream().anyMatch(groups::contains);
  }

  /**
   * Whether one of the annotations is @Testable or carries it, at any depth ({@code
   * ParameterizedTest} → {@code TestTemplate} → {@code Testable}).
   */
  private static boolean isTestable(Annotation[] annotations) {
    return Arrays.stream(annotations)
        .anyMatch(a -> isTestable(a.annotationType(), new HashSet<>()));
  }

  private static boolean isTestable(Class<? extends Annotation> type, Set<String> seen) {
    if (type.getName().equals(TESTABLE)) {
      return true;
    }
    if (!seen.add(type.getName())) {
      return false;
    }
    return Arrays.stream(type.getDeclaredAnnotations())
        .anyMatch(meta -> isTestable(meta.annotationType(), seen));
  }

  private static boolean hasAnnotation(Class<?> type, Set<String> names) {
    return Arrays.stream(type.getDeclaredAnnotations())
        .anyMatch(a -> names.contains(a.annotationType().getName()));
  }

  private static Set<String> tagsOf(Annotation[] annotations) {
    Set<String> tags = new HashSet<>();
    for (Annotation annotation : annotations) {
      String name = annotation.annotationType().getName();
      if (TAG.contains(name)) {
        tags.add((String) value(annotation));
      } else if (TAG_CONTAINER.contains(name)) {
        tags.addAll(tagsOf((Annotation[]) value(annotation)));
      }
    }
    return tags;
  }

  private static Object value(Annotation annotation) {
    try {
      return annotation.annotationType().getMethod("value").invoke(annotation);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read value() of " + annotation, e);
    }
  }

  /** Top-level class name → tests run minus skipped, from this build's reports. */
  private Map<String, Long> testsRanPerClass() throws IOException {
    Map<String, Long> ran = new LinkedHashMap<>();
    for (String dir : List.of("surefire-reports", "failsafe-reports")) {
      Path reports = target.resolve(dir);
      if (!Files.isDirectory(reports)) {
        continue;
      }
      try (Stream<Path> files = Files.list(reports)) {
        for (Path report : (Iterable<Path>) files::iterator) {
          String file = report.getFileName().toString();
          if (!file.startsWith("TEST-") || !file.endsWith(".xml") || stale(report)) {
            continue;
          }
          String name = file.substring("TEST-".length(), file.length() - ".xml".length());
          int nested = name.indexOf('$');
          String owner = nested < 0 ? name : name.substring(0, nested);
          ran.merge(owner, testsRan(report), Long::sum);
        }
      }
    }
    return ran;
  }

  private boolean stale(Path report) throws IOException {
    FileTime modified = Files.getLastModifiedTime(report);
    return modified.toInstant().isBefore(buildStart);
  }

  /** tests − skipped of the report's root {@code <testsuite>} element. */
  static long testsRan(Path report) {
    try (InputStream in = Files.newInputStream(report)) {
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT) {
          if (!xml.getLocalName().equals("testsuite")) {
            break;
          }
          return count(xml, "tests", report) - count(xml, "skipped", report);
        }
      }
      throw new IllegalStateException("Cannot find <testsuite> at the root of " + report);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read test report: " + report, e);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot parse test report: " + report, e);
    }
  }

  private static long count(XMLStreamReader xml, String attribute, Path report) {
    String value = xml.getAttributeValue(null, attribute);
    if (value == null) {
      throw new IllegalStateException(
          "Cannot find attribute " + attribute + " of <testsuite> in " + report);
    }
    return Long.parseLong(value);
  }
}
