package io.datagen.job.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgTypeParserTest {
  private static final QualifiedName MOOD = new QualifiedName("public", "mood");
  private static final QualifiedName ADDRESS = new QualifiedName("sales", "address");
  private static final QualifiedName EMAIL = new QualifiedName("public", "Email_Address");
  private final PgTypeParser parser =
      new PgTypeParser(
          Map.of(MOOD, TypeKind.ENUM, ADDRESS, TypeKind.COMPOSITE, EMAIL, TypeKind.DOMAIN));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      smallint                         | smallint
      int2                             | smallint
      integer                          | integer
      INT                              | integer
      int4                             | integer
      bigint                           | bigint
      Int8                             | bigint
      serial                           | serial
      serial4                          | serial
      bigserial                        | bigserial
      serial8                          | bigserial
      smallserial                      | smallserial
      serial2                          | smallserial
      numeric                          | numeric
      numeric(10,2)                    | numeric(10,2)
      NUMERIC( 10 , 2 )                | numeric(10,2)
      numeric(5)                       | numeric(5,0)
      decimal(12,4)                    | numeric(12,4)
      decimal                          | numeric
      numeric(1000,1000)               | numeric(1000,1000)
      real                             | real
      float4                           | real
      double precision                 | double precision
      DOUBLE   PRECISION               | double precision
      float8                           | double precision
      float                            | double precision
      float(24)                        | real
      float(1)                         | real
      float(25)                        | double precision
      float(53)                        | double precision
      money                            | money
      varchar(255)                     | character varying(255)
      VARCHAR (255)                    | character varying(255)
      varchar                          | character varying
      character varying(20)            | character varying(20)
      char(2)                          | character(2)
      char                             | character(1)
      character(10)                    | character(10)
      character                        | character(1)
      bpchar                           | bpchar
      text                             | text
      citext                           | citext
      boolean                          | boolean
      bool                             | boolean
      date                             | date
      time                             | time without time zone
      time(3)                          | time(3) without time zone
      time without time zone           | time without time zone
      time with time zone              | time with time zone
      time(6) with time zone           | time(6) with time zone
      timetz                           | time with time zone
      timetz(2)                        | time(2) with time zone
      timestamp                        | timestamp without time zone
      timestamp(0)                     | timestamp(0) without time zone
      timestamp without time zone      | timestamp without time zone
      TIMESTAMP  WITH  TIME  ZONE      | timestamp with time zone
      timestamp(3) with time zone      | timestamp(3) with time zone
      timestamptz                      | timestamp with time zone
      timestamptz(6)                   | timestamp(6) with time zone
      interval                         | interval
      interval(3)                      | interval(3)
      uuid                             | uuid
      json                             | json
      jsonb                            | jsonb
      bytea                            | bytea
      inet                             | inet
      cidr                             | cidr
      macaddr                          | macaddr
      point                            | point
      tsvector                         | tsvector
      xml                              | xml
      integer[]                        | integer[]
      text[][]                         | text[][]
      int [ ] [ ]                      | integer[][]
      integer[3]                       | integer[]
      integer ARRAY                    | integer[]
      integer array[4]                 | integer[]
      varchar(10)[]                    | character varying(10)[]
      timestamp(3) with time zone[]    | timestamp(3) with time zone[]
      numeric(8,3)[]                   | numeric(8,3)[]
      pg_catalog.int4                  | integer
      mood                             | mood
      MOOD                             | mood
      public.mood                      | mood
      mood[]                           | mood[]
      sales.address                    | sales.address
      Email_Address                    | Email_Address
      email_address                    | Email_Address
      """)
  void parsesTypesAsWrittenInSql(String text, String canonical) {
    assertThat(TypeRenderer.render(parser.parse(text))).isEqualTo(canonical);
  }

  @Test
  void keepsModifiersAndKinds() {
    PgType numeric = parser.parse("numeric(10,2)");
    assertThat(numeric).isEqualTo(new PgType(TypeKind.NUMERIC, null, null, 10, 2, 0, false));
    assertThat(parser.parse("varchar(40)").length()).isEqualTo(40);
    assertThat(parser.parse("timestamptz(3)").precision()).isEqualTo(3);
    assertThat(parser.parse("serial").serial()).isTrue();
    assertThat(parser.parse("serial").kind()).isEqualTo(TypeKind.INTEGER);
    assertThat(parser.parse("mood").kind()).isEqualTo(TypeKind.ENUM);
    assertThat(parser.parse("sales.address").kind()).isEqualTo(TypeKind.COMPOSITE);
    assertThat(parser.parse("email_address").customName()).isEqualTo(EMAIL);
    assertThat(parser.parse("text[][]").arrayDimensions()).isEqualTo(2);
    assertThat(PgTypeParser.builtInNames()).contains("double precision", "timestamptz", "bpchar");
    assertThat(PgTypeParser.builtInOnly().parse("uuid")).isEqualTo(PgType.of(TypeKind.UUID));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      varchar(0)                 | the length of varchar must be between 1 and 10485760, got 0
      char(10485761)             | must be between 1 and 10485760
      varchar(10,2)              | varchar takes one length
      numeric(0)                 | numeric precision must be between 1 and 1000, got 0
      numeric(1001,2)            | numeric precision must be between 1 and 1000, got 1001
      numeric(5,6)               | numeric scale must be between 0 and the precision 5, got 6
      numeric(5,-1)              | numeric scale must be between 0
      numeric(1,2,3)             | numeric takes a precision and an optional scale
      numeric(a)                 | the modifier "a" is not a whole number
      numeric(99999999999)       | is not a whole number
      time(7)                    | the precision of time must be between 0 and 6, got 7
      timestamp(-1)              | the precision of timestamp must be between 0 and 6
      timestamptz(1,2)           | takes one fractional-seconds precision
      float(54)                  | float(p) takes one precision in bits between 1 and 53
      float(0)                   | float(p) takes one precision in bits between 1 and 53
      text(10)                   | text does not take a modifier
      int(11)                    | MySQL display width
      serial[]                   | serial types cannot be arrays
      date with time zone        | only time and timestamp take WITH/WITHOUT TIME ZONE
      timestamptz with time zone | only time and timestamp take WITH/WITHOUT TIME ZONE
      timestamp(3) at time zone  | only time and timestamp take WITH/WITHOUT TIME ZONE
      numeric(10,2               | missing a closing parenthesis
      integer[][][][][][][]      | at most 6
      [a]                        | write arrays as an element type followed by []
      mood(3)                    | custom type "mood" does not take a modifier
      ' '                        | the type is empty
      """)
  void rejectsInvalidModifiers(String text, String message) {
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOf(PgTypeParser.InvalidTypeException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      datetime               | use timestamp
      DATETIME(6)            | use timestamp
      tinyint                | use smallint
      tinyint(1)             | use smallint (or boolean
      mediumint              | use integer
      int unsigned           | no unsigned integers
      int(10) unsigned       | no unsigned integers
      bigint unsigned        | no unsigned integers
      int auto_increment     | use serial or bigserial
      integer AUTO_INCREMENT | use serial or bigserial
      longtext               | use text
      mediumtext             | use text
      double                 | use double precision
      blob                   | use bytea
      longblob               | use bytea
      string                 | use text
      nvarchar(50)           | use varchar(n)
      enum('a','b')          | custom_types
      """)
  void explainsTypesOfOtherDatabases(String text, String hint) {
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOf(PgTypeParser.InvalidTypeException.class)
        .hasMessageContaining("unknown type")
        .hasMessageContaining(hint);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      intger         | integer
      varchr(20)     | varchar
      timestmptz     | timestamptz
      bolean         | boolean
      jsnob          | jsonb
      moood          | mood
      sales.adress   | sales.address
      """)
  void suggestsTheClosestKnownType(String text, String suggestion) {
    assertThatThrownBy(() -> parser.parse(text))
        .hasMessageContaining(
            "unknown type \"" + text + "\". Did you mean \"" + suggestion + "\"?");
  }

  @Test
  void unknownTypeWithoutCloseMatchSaysWhatToDo() {
    assertThatThrownBy(() -> parser.parse("geography"))
        .hasMessage(
            "unknown type \"geography\". Use a PostgreSQL type (see docs/schema-format.md) or a type"
                + " declared under custom_types");
    assertThatThrownBy(() -> parser.parse("other.mood")).hasMessageContaining("unknown type");
  }

  @Property(tries = 200)
  void everyValidVarcharLengthRoundTrips(@ForAll @IntRange(min = 1, max = 10_485_760) int length) {
    assertThat(parser.parse("varchar(" + length + ")").length()).isEqualTo(length);
  }

  @Property(tries = 200)
  void everyValidNumericRoundTrips(
      @ForAll @IntRange(min = 1, max = 1000) int precision,
      @ForAll @IntRange(min = 0, max = 1000) int scale) {
    if (scale <= precision) {
      PgType type = parser.parse(" Numeric ( " + precision + " ,  " + scale + " ) ");
      assertThat(type.precision()).isEqualTo(precision);
      assertThat(type.scale()).isEqualTo(scale);
    } else {
      assertThatThrownBy(() -> parser.parse("numeric(" + precision + "," + scale + ")"))
          .isInstanceOf(PgTypeParser.InvalidTypeException.class);
    }
  }
}
