package io.datagen.job.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expression text from a schema file is one SQL expression, or refused with the reason. */
class SqlExpressionsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "price >= 0",
        "a > 0 AND b < 10",
        "status IN ('new', 'paid')",
        "name ~ '^[a-z]+;$'",
        "length(\"Na;me\") <= 10",
        "E'it\\'s' <> ''",
        "$$a;b)$$ = x",
        "$tag$ ) ; $ $tag$ <> x",
        "/* a comment; ) /* nested */ */ a > 0",
        "a > 0 -- a comment with a ; in it\n",
        "arr[1] > 0",
        "'{1,2}'::int[] @> arr",
        "now() - interval '1 day' < created_at",
        "a::double precision > 0.5e-3",
        "U&'d\\0061t\\+000061' <> b",
        "x = $1",
        "B'101' = bits",
        "price*2>=-1"
      })
  void acceptsOneExpression(String expression) {
    assertThat(SqlExpressions.problem(expression)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a > 0))); CREATE TABLE public.pwned_check3(); SELECT (((1 | the ')' at character 6 closes nothing",
        "a > 0; DROP TABLE x | a ';' at character 6, which would end the statement",
        "it's | the string constant starting at character 3 is never closed",
        "a > 0 -- no line break | the -- comment starting at character 7 runs to the end",
        "/* x | the /* comment starting at character 1 is never closed",
        "\"abc = 1 | the quoted name starting at character 1 is never closed",
        "(a > 0 | the '(' at character 1 is never closed",
        "a > 0 \\! touch pwned | '\\' at character 7, which SQL does not use outside quotes (in a psql",
        "arr[1) > 0 | the ')' at character 6 does not match the '[' at character 4",
        "E'abc\\' ; x | the string constant starting at character 1 is never closed",
        "'abc\\' ; x | a ';' at character 8",
        "$$ never ends | the string constant starting at character 1 is never closed",
        "/* only a comment */ | it is empty"
      })
  void refusesAnythingElseSayingWhy(String expression, String reason) {
    assertThat(SqlExpressions.problem(expression)).contains(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "a\0b"})
  void refusesBlankAndNul(String expression) {
    assertThat(SqlExpressions.problem(expression)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'active'",
        "now()",
        "CURRENT_TIMESTAMP",
        "nextval('invoice_seq'::regclass)",
        "'1 day'::interval",
        "interval '1 day'",
        "true",
        "gen_random_uuid()",
        "public.f()",
        "'x'::character varying",
        "0.5::double precision",
        "now() at time zone 'utc'",
        "ARRAY[]::text[]",
        "-1"
      })
  void defaultsWithoutColumnsHaveNoColumnLikeWord(String expression) {
    assertThat(SqlExpressions.columnLikeWord(expression)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"active, active", "'a' || suffix, suffix", "Pending, Pending"})
  void aBareWordInADefaultReadsAsAColumn(String expression, String word) {
    assertThat(SqlExpressions.columnLikeWord(expression)).isEqualTo(word);
  }
}
