package io.datagen.archive.text;

import java.util.Set;

/**
 * PostgreSQL keywords that {@code quote_identifier} (ruleutils.c) always quotes: every keyword that
 * is not UNRESERVED_KEYWORD. Taken from {@code pg_get_keywords()} of PostgreSQL 18.1; {@code
 * SqlIdentifiersServerTest} re-checks the list against the running servers.
 */
final class SqlKeywords {

  /** Category R: reserved. */
  static final String RESERVED =
      "all analyse analyze and any array as asc asymmetric both case cast check collate column"
          + " constraint create current_catalog current_date current_role current_time current_timestamp current_user"
          + " default deferrable desc distinct do else end except false fetch for foreign from grant group having in"
          + " initially intersect into lateral leading limit localtime localtimestamp not null offset on only or order"
          + " placing primary references returning select session_user some symmetric system_user table then to trailing"
          + " true union unique user using variadic when where window with";

  /** Category T: reserved, but can be a function or type name. */
  static final String TYPE_FUNC_NAME =
      "authorization binary collation concurrently cross current_schema freeze full ilike"
          + " inner is isnull join left like natural notnull outer overlaps right similar tablesample verbose";

  /** Category C: unreserved, but cannot be a function or type name. */
  static final String COL_NAME =
      "between bigint bit boolean char character coalesce dec decimal exists extract float"
          + " greatest grouping inout int integer interval json json_array json_arrayagg json_exists json_object"
          + " json_objectagg json_query json_scalar json_serialize json_table json_value least merge_action national nchar"
          + " none normalize nullif numeric out overlay position precision real row setof smallint substring time timestamp"
          + " treat trim values varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse"
          + " xmlpi xmlroot xmlserialize xmltable";

  private static final Set<String> NEEDING_QUOTES =
      Set.of((RESERVED + " " + TYPE_FUNC_NAME + " " + COL_NAME).split(" "));

  private SqlKeywords() {}

  static boolean needsQuotes(String lowerCaseWord) {
    return NEEDING_QUOTES.contains(lowerCaseWord);
  }
}
