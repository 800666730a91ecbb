package io.datagen.job.generate;

import io.datagen.job.sink.ValueSink;
import java.util.List;

/**
 * A column with {@code rules}: the first rule whose {@code if} holds for the row gives the value
 * ({@code then}); a rule that does not hold but has an {@code else} gives that; when no rule
 * decides, the column's own generator does. A condition recomputes the other column's value at the
 * same row with that column's own (pure) generator, so it sees exactly the value the row holds — no
 * row state, any generation order.
 */
public final class RuleColumnGenerator implements ColumnGenerator {
  /** One condition: the other column's generator and the values that satisfy it (any of them). */
  public record Condition(ColumnGenerator column, ValueCapture[] accepted) {}

  /** A compiled rule; {@code otherwise} may be null. */
  public record Rule(Condition[] conditions, ColumnGenerator then, ColumnGenerator otherwise) {}

  private final ColumnGenerator base;
  private final Rule[] rules;
  private final ValueCapture scratch = new ValueCapture();

  public RuleColumnGenerator(ColumnGenerator base, List<Rule> rules) {
    this.base = base;
    this.rules = rules.toArray(new Rule[0]);
  }

  @Override
  public void generate(long row, ValueSink out) {
    for (Rule rule : rules) {
      if (holds(rule, row)) {
        rule.then().generate(row, out);
        return;
      }
      if (rule.otherwise() != null) {
        rule.otherwise().generate(row, out);
        return;
      }
    }
    base.generate(row, out);
  }

  private boolean holds(Rule rule, long row) {
    for (Condition condition : rule.conditions()) {
      condition.column().generate(row, scratch);
      boolean any = false;
      for (ValueCapture accepted : condition.accepted()) {
        if (scratch.sameAs(accepted)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }
}
