package io.datagen.job.generate.compile;

import io.datagen.job.generate.NumberBounds;
import io.datagen.job.json.JsonValue;
import java.util.List;

/**
 * What the table's check constraints demand of one column, in the shapes the generators honour.
 *
 * @param bounds numeric bounds ({@code col >= k}, {@code col > k}, {@code BETWEEN}, …)
 * @param allowed values of {@code col IN (…)} / {@code col = k} as JSON scalars (null = no such
 *     check)
 * @param maxLength from {@code length(col) <= n} / {@code < n}, or −1
 * @param notNull from {@code col IS NOT NULL}
 * @param notBelow columns this one must be ≥ ({@code other <= col})
 * @param strictlyAbove columns this one must be &gt; ({@code other < col})
 */
record ColumnChecks(
    NumberBounds bounds,
    List<JsonValue> allowed,
    int maxLength,
    boolean notNull,
    List<String> notBelow,
    List<String> strictlyAbove) {
  static final ColumnChecks NONE =
      new ColumnChecks(NumberBounds.ALL, null, -1, false, List.of(), List.of());

  ColumnChecks {
    allowed = allowed == null ? null : List.copyOf(allowed);
    notBelow = List.copyOf(notBelow);
    strictlyAbove = List.copyOf(strictlyAbove);
  }

  boolean any() {
    return !bounds.unbounded()
        || allowed != null
        || maxLength >= 0
        || notNull
        || !notBelow.isEmpty()
        || !strictlyAbove.isEmpty();
  }
}
