package io.datagen.job.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.job.ErrorCategory;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonTreeReaderTest {

  @Test
  void recordsPathsAndLocationsOfEveryNode() {
    String text =
        """
        {
          "tables": {
            "users": {"columns": [{"name": "id"}, {"name": "email", "type": "text"}]},
            "sales.orders": {"row_count": 5}
          }
        }""";
    JsonObject root = (JsonObject) JsonTreeReader.read(text, "t.json");
    assertThat(root.path()).isEqualTo("$");
    assertThat(root.location()).isEqualTo(new SourceLocation(1, 1));
    JsonObject tables = (JsonObject) root.get("tables").orElseThrow();
    assertThat(tables.path()).isEqualTo("$.tables");
    assertThat(tables.location()).isEqualTo(new SourceLocation(2, 13));
    JsonObject users = (JsonObject) tables.get("users").orElseThrow();
    JsonArray columns = (JsonArray) users.get("columns").orElseThrow();
    assertThat(columns.path()).isEqualTo("$.tables.users.columns");
    JsonObject email = (JsonObject) columns.elements().get(1);
    assertThat(email.path()).isEqualTo("$.tables.users.columns[1]");
    JsonString type = (JsonString) email.get("type").orElseThrow();
    assertThat(type.path()).isEqualTo("$.tables.users.columns[1].type");
    assertThat(type.location()).isEqualTo(new SourceLocation(3, 69));
    JsonObject orders = (JsonObject) tables.get("sales.orders").orElseThrow();
    assertThat(orders.path()).isEqualTo("$.tables[\"sales.orders\"]");
    assertThat(orders.get("row_count").orElseThrow().path())
        .isEqualTo("$.tables[\"sales.orders\"].row_count");
  }

  @Test
  void keepsMemberOrderAndAllValueKinds() {
    JsonObject root =
        (JsonObject)
            JsonTreeReader.read(
                "{\"z\": 1, \"a\": true, \"m\": null, \"b\": false, \"s\": \"x\\ty\"}", "t");
    assertThat(root.members().keySet()).containsExactly("z", "a", "m", "b", "s");
    assertThat(root.get("a").orElseThrow()).isInstanceOf(JsonBoolean.class);
    assertThat(((JsonBoolean) root.get("b").orElseThrow()).value()).isFalse();
    assertThat(root.get("m").orElseThrow()).isInstanceOf(JsonNull.class);
    assertThat(((JsonString) root.get("s").orElseThrow()).value()).isEqualTo("x\ty");
    assertThat(root.get("m").orElseThrow().kindName()).isEqualTo("null");
  }

  @Test
  void keepsNumbersExact() {
    JsonArray numbers =
        (JsonArray) JsonTreeReader.read("[0.1, 12345678901234567890123, 1e3, -2.50]", "t");
    assertThat(((JsonNumber) numbers.elements().get(0)).value()).isEqualTo(new BigDecimal("0.1"));
    assertThat(((JsonNumber) numbers.elements().get(1)).value())
        .isEqualTo(new BigDecimal("12345678901234567890123"));
    JsonNumber thousand = (JsonNumber) numbers.elements().get(2);
    assertThat(thousand.value()).isEqualByComparingTo("1000");
    assertThat(thousand.isIntegral()).isTrue();
    assertThat(((JsonNumber) numbers.elements().get(3)).isIntegral()).isFalse();
    assertThat(numbers.elements().get(3).path()).isEqualTo("$[3]");
  }

  @Test
  void quotesOddKeysInPaths() {
    assertThat(JsonPath.member("$", "plain_key1")).isEqualTo("$.plain_key1");
    assertThat(JsonPath.member("$", "1st")).isEqualTo("$[\"1st\"]");
    assertThat(JsonPath.member("$", "a\"b\\c\nd\te\r\u0001"))
        .isEqualTo("$[\"a\\\"b\\\\c\\nd\\te\\r\\u0001\"]");
    assertThat(JsonPath.member("$", "with space")).isEqualTo("$[\"with space\"]");
    assertThat(JsonPath.element("$.x", 4)).isEqualTo("$.x[4]");
  }

  @Test
  void reportsMalformedJsonWithLineAndColumn() {
    String text =
        "{\n  \"version\": \"1.0\",\n  \"tables\": {\n    \"users\": {\"row_count\": 1,}\n  }\n}";
    assertThatThrownBy(() -> JsonTreeReader.read(text, "broken.json"))
        .isInstanceOfSatisfying(
            InvalidJsonException.class,
            e -> {
              assertThat(e.category()).isEqualTo(ErrorCategory.SCHEMA);
              assertThat(e.problems()).hasSize(1);
              InvalidJsonException.Problem problem = e.problems().get(0);
              assertThat(problem.location()).isEqualTo(new SourceLocation(4, 30));
              assertThat(problem.path()).isEqualTo("$.tables.users");
              assertThat(problem.message())
                  .contains("double-quote")
                  .contains("fix the JSON syntax");
              assertThat(e.getMessage()).contains("broken.json").contains("line 4, column 30");
            });
  }

  @Test
  void reportsUnexpectedEndOfInput() {
    assertThatThrownBy(() -> JsonTreeReader.read("{\"a\": [1, 2", "t"))
        .isInstanceOfSatisfying(
            InvalidJsonException.class,
            e -> {
              assertThat(e.problems().get(0).message())
                  .contains("end-of-input")
                  .doesNotContain("[Source");
              assertThat(e.problems().get(0).location().line()).isEqualTo(1);
              assertThat(e.problems().get(0).path()).isEqualTo("$.a");
            });
  }

  @Test
  void rejectsEmptyTextAndTrailingContent() {
    assertThatThrownBy(() -> JsonTreeReader.read("  \n ", "t"))
        .isInstanceOfSatisfying(
            InvalidJsonException.class,
            e -> assertThat(e.problems().get(0).message()).contains("empty"));
    assertThatThrownBy(() -> JsonTreeReader.read("{} {}", "t"))
        .isInstanceOfSatisfying(
            InvalidJsonException.class,
            e -> {
              assertThat(e.problems().get(0).message()).contains("after the end");
              assertThat(e.problems().get(0).location()).isEqualTo(new SourceLocation(1, 4));
            });
  }

  @Test
  void reportsEveryDuplicateKey() {
    String text = "{\n \"a\": 1,\n \"a\": 2,\n \"o\": {\"k\": 1, \"k\": 2}\n}";
    assertThatThrownBy(() -> JsonTreeReader.read(text, "t"))
        .isInstanceOfSatisfying(
            InvalidJsonException.class,
            e -> {
              assertThat(e.problems()).hasSize(2);
              assertThat(e.problems().get(0).path()).isEqualTo("$.a");
              assertThat(e.problems().get(0).location()).isEqualTo(new SourceLocation(3, 7));
              assertThat(e.problems().get(0).message())
                  .contains("duplicate key \"a\"")
                  .contains("line 2, column 7");
              assertThat(e.problems().get(1).path()).isEqualTo("$.o.k");
              assertThat(e.problems().get(0).describe())
                  .startsWith("Invalid JSON at $.a (line 3, column 7): ");
            });
  }

  @Test
  void unknownLocationsAreDescribedWithoutLineNumbers() {
    InvalidJsonException.Problem problem =
        new InvalidJsonException.Problem("$", SourceLocation.UNKNOWN, "bad");
    assertThat(problem.describe()).isEqualTo("Invalid JSON at $: bad");
    assertThat(SourceLocation.UNKNOWN.toString()).isEqualTo("unknown location");
  }
}
