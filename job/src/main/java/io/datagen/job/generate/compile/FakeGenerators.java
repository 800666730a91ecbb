package io.datagen.job.generate.compile;

import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.fake.AddressValues;
import io.datagen.job.generate.fake.CardValues;
import io.datagen.job.generate.fake.Dictionaries;
import io.datagen.job.generate.fake.EmailValues;
import io.datagen.job.generate.fake.FakerExpressionValues;
import io.datagen.job.generate.fake.FullNameValues;
import io.datagen.job.generate.fake.IbanValues;
import io.datagen.job.generate.fake.LoremValues;
import io.datagen.job.generate.fake.PatternCodes;
import io.datagen.job.generate.fake.PhoneValues;
import io.datagen.job.generate.fake.PickValues;
import io.datagen.job.generate.fake.UrlValues;
import io.datagen.job.generate.fake.UsernameValues;
import io.datagen.job.generate.types.NetworkValues;
import io.datagen.job.generate.values.DecimalRange;
import io.datagen.job.json.JsonString;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.TypeKind;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The realistic generators a column can name ({@code email}, {@code phone}, names, places, ...),
 * backed by {@link Dictionaries} read from Datafaker once per JVM, and {@code faker} for any
 * Datafaker expression. Each is checked against its config and the column's type; text never
 * exceeds the column's length.
 */
final class FakeGenerators {
  static final List<String> NAMES =
      List.of(
          "email",
          "phone",
          "first_name",
          "last_name",
          "full_name",
          "username",
          "company",
          "address",
          "city",
          "state",
          "country",
          "country_code",
          "postal_code",
          "url",
          "ip",
          "mac",
          "credit_card",
          "iban",
          "job_title",
          "product_name",
          "color",
          "currency_code",
          "latitude",
          "longitude",
          "lorem_ipsum",
          "faker");
  private static final Pattern DOMAIN =
      Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*\\.[a-z]{2,}");

  private FakeGenerators() {}

  /** The source, or null after reporting a problem (bad config, a type it does not fit). */
  static ValueSource source(
      String name, ColumnContext ctx, ConfigReader config, Problems problems) {
    return switch (name) {
      case "email" -> email(ctx, config, problems);
      case "phone" -> phone(ctx, config, problems);
      case "first_name" -> pick(name, ctx, config, problems, d -> d.firstNames);
      case "last_name" -> pick(name, ctx, config, problems, d -> d.lastNames);
      case "full_name" ->
          textOf(name, ctx, config, problems, 3, (d, max) -> new FullNameValues(d, max));
      case "username" -> username(ctx, config, problems);
      case "company" -> pick(name, ctx, config, problems, d -> d.companies);
      case "address" ->
          textOf(name, ctx, config, problems, 5, (d, max) -> new AddressValues(d, max));
      case "city" -> pick(name, ctx, config, problems, d -> d.cities);
      case "state" -> pick(name, ctx, config, problems, d -> d.states);
      case "country" -> pick(name, ctx, config, problems, d -> d.countries);
      case "country_code" -> pick(name, ctx, config, problems, d -> d.countryCodes);
      case "postal_code" -> postalCode(ctx, config, problems);
      case "url" ->
          textOf(
              name, ctx, config, problems, UrlValues.SHORTEST, (d, max) -> new UrlValues(d, max));
      case "ip" -> ip(ctx, config, problems);
      case "mac" -> mac(ctx, config, problems);
      case "credit_card" ->
          textOf(name, ctx, config, problems, 15, (d, max) -> new CardValues(max));
      case "iban" ->
          textOf(name, ctx, config, problems, IbanValues.LONGEST, (d, max) -> new IbanValues());
      case "job_title" -> pick(name, ctx, config, problems, d -> d.jobTitles);
      case "product_name" -> pick(name, ctx, config, problems, d -> d.productNames);
      case "color" -> pick(name, ctx, config, problems, d -> d.colors);
      case "currency_code" -> pick(name, ctx, config, problems, d -> d.currencyCodes);
      case "latitude" -> coordinate(name, ctx, config, problems, 90);
      case "longitude" -> coordinate(name, ctx, config, problems, 180);
      case "lorem_ipsum" -> lorem(ctx, config, problems);
      case "faker" -> faker(ctx, config, problems);
      default -> throw new IllegalArgumentException("Cannot build generator " + name);
    };
  }

  // ---- shared checks

  /** The locale from the config's {@code locale}, else the database's, else English. */
  static Locale locale(ColumnContext ctx, ConfigReader config) {
    JsonString setting = config.has("locale") ? config.string("locale", false) : null;
    String value = setting != null ? setting.value() : ctx.schema().database().locale();
    Locale locale = Dictionaries.locale(value);
    if (setting != null && !Dictionaries.known(locale)) {
      config.error(
          setting,
          "Unknown 'locale' of generator '"
              + config.generator()
              + "': '"
              + setting.value()
              + "' (Datafaker has no data for it; use e.g. en, en_US, de_DE, fr, es, it, pt_BR, ja)");
    }
    return locale;
  }

  /**
   * The column's maximum length when it is a text column at least {@code shortest} long, else −2
   * after reporting.
   */
  private static int textLength(String name, ColumnContext ctx, Problems problems, int shortest) {
    PgType type = ctx.type();
    if (!ColumnTypes.isText(type.kind())) {
      ExplicitGenerators.misfit(name, ctx, problems, "text (varchar, char, text or citext)");
      return -2;
    }
    int max = ColumnTypes.maxLength(type);
    if (max != ColumnTypes.UNBOUNDED && max < shortest) {
      ExplicitGenerators.misfit(
          name, ctx, problems, "text of at least " + shortest + " characters");
      return -2;
    }
    return max;
  }

  private interface TextFactory {
    ValueSource create(Dictionaries dictionaries, int max);
  }

  private interface ListOf {
    String[] of(Dictionaries dictionaries);
  }

  private static ValueSource textOf(
      String name,
      ColumnContext ctx,
      ConfigReader config,
      Problems problems,
      int shortest,
      TextFactory factory) {
    config.allowOnly("locale");
    Locale locale = locale(ctx, config);
    int max = textLength(name, ctx, problems, shortest);
    return max == -2 ? null : factory.create(Dictionaries.of(locale), max);
  }

  /** A dictionary pick; entries longer than the column are left out (or cut when none fits). */
  private static ValueSource pick(
      String name, ColumnContext ctx, ConfigReader config, Problems problems, ListOf list) {
    config.allowOnly("locale");
    Locale locale = locale(ctx, config);
    int max = textLength(name, ctx, problems, 1);
    if (max == -2) {
      return null;
    }
    return new PickValues(fitting(list.of(Dictionaries.of(locale)), max));
  }

  private static String[] fitting(String[] entries, int max) {
    if (max == ColumnTypes.UNBOUNDED) {
      return entries;
    }
    java.util.LinkedHashSet<String> fit = new java.util.LinkedHashSet<>();
    for (String e : entries) {
      if (e.codePointCount(0, e.length()) <= max) {
        fit.add(e);
      }
    }
    if (fit.isEmpty()) {
      for (String e : entries) {
        fit.add(e.substring(0, e.offsetByCodePoints(0, max)).strip());
      }
      fit.remove("");
    }
    return fit.isEmpty() ? new String[] {entries[0].substring(0, 1)} : fit.toArray(new String[0]);
  }

  /** Decimal digits of the unique indexes of a column: room for ten times the rows, at least 4. */
  static int indexDigits(ColumnContext ctx) {
    long limit =
        ctx.rowCount() > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : Math.max(1000, ctx.rowCount() * 10);
    return Math.min(18, Long.toString(limit).length());
  }

  // ---- generators with settings

  private static ValueSource email(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("domain", "locale");
    JsonString domainNode = config.string("domain", false);
    String domain = domainNode == null ? null : domainNode.value().strip().toLowerCase(Locale.ROOT);
    if (domain != null && !DOMAIN.matcher(domain).matches()) {
      config.error(
          domainNode,
          "Invalid 'domain' of generator 'email': expected a domain name like example.com, got '"
              + domainNode.value()
              + "'");
      return null;
    }
    Locale locale = locale(ctx, config);
    Dictionaries dictionaries = Dictionaries.of(locale);
    int digits = indexDigits(ctx);
    int shortest =
        ctx.inKey()
            ? EmailValues.shortestUnique(domain, dictionaries, digits)
            : 3 + (domain == null ? 9 : domain.length());
    int max = textLength("email", ctx, problems, shortest);
    return max == -2 ? null : new EmailValues(dictionaries, domain, max, digits, ctx.columnKey());
  }

  private static ValueSource username(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("locale");
    Locale locale = locale(ctx, config);
    int digits = indexDigits(ctx);
    int max =
        textLength(
            "username", ctx, problems, ctx.inKey() ? UsernameValues.shortestUnique(digits) : 3);
    return max == -2
        ? null
        : new UsernameValues(Dictionaries.of(locale), max, digits, ctx.columnKey());
  }

  private static ValueSource phone(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("format");
    JsonString formatNode = config.string("format", false);
    PhoneValues.Format format = PhoneValues.Format.US;
    if (formatNode != null) {
      format = PhoneValues.Format.named(formatNode.value());
      if (format == null) {
        config.error(
            formatNode,
            "Invalid 'format' of generator 'phone': expected us, uk or e164, got '"
                + formatNode.value()
                + "'");
        return null;
      }
    }
    int max = textLength("phone", ctx, problems, format.length);
    return max == -2 ? null : new PhoneValues(format);
  }

  private static ValueSource postalCode(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("locale");
    Locale locale = locale(ctx, config);
    int max = textLength("postal_code", ctx, problems, 1);
    if (max == -2) {
      return null;
    }
    String[] shapes = PatternCodes.fitting(Dictionaries.of(locale).postcodePatterns, max);
    if (shapes.length == 0) {
      ExplicitGenerators.misfit(
          "postal_code",
          ctx,
          problems,
          "postal codes of locale "
              + locale.toLanguageTag()
              + ", longer than "
              + max
              + " characters");
      return null;
    }
    return new PatternCodes(shapes, false);
  }

  private static ValueSource ip(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("version");
    JsonString versionNode =
        config.has("version") && config.get("version") instanceof JsonString s ? s : null;
    String version =
        versionNode != null
            ? versionNode.value().strip().toLowerCase(Locale.ROOT)
            : config.has("version") ? String.valueOf(config.number("version", false)) : "v4";
    NetworkValues.Shape shape =
        switch (version) {
          case "v4", "4", "ipv4" -> NetworkValues.Shape.IPV4;
          case "v6", "6", "ipv6" -> NetworkValues.Shape.IPV6;
          default -> null;
        };
    if (shape == null) {
      config.error(
          config.get("version"),
          "Invalid 'version' of generator 'ip': expected v4 or v6, got '" + version + "'");
      return null;
    }
    TypeKind kind = ctx.type().kind();
    if (kind != TypeKind.INET
        && textLength("ip", ctx, problems, shape == NetworkValues.Shape.IPV4 ? 15 : 39) == -2) {
      return null;
    }
    return new NetworkValues(shape, 0, ctx.columnKey());
  }

  private static ValueSource mac(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly();
    if (ctx.type().kind() != TypeKind.MACADDR && textLength("mac", ctx, problems, 17) == -2) {
      return null;
    }
    return new NetworkValues(NetworkValues.Shape.MACADDR, 0, ctx.columnKey());
  }

  /**
   * Degrees in [−limit, limit] at the column's scale (up to 6 decimals); numeric, real, double or
   * text.
   */
  private static ValueSource coordinate(
      String name, ColumnContext ctx, ConfigReader config, Problems problems, int limit) {
    config.allowOnly();
    PgType type = ctx.type();
    int scale = 6;
    if (type.kind() == TypeKind.NUMERIC && type.precision() != null) {
      scale = Math.min(6, type.scale() == null ? 0 : type.scale());
      if (type.precision() - (type.scale() == null ? 0 : type.scale())
          < Integer.toString(limit).length()) {
        ExplicitGenerators.misfit(
            name,
            ctx,
            problems,
            "degrees up to "
                + limit
                + " (numeric needs "
                + Integer.toString(limit).length()
                + " integer digits)");
        return null;
      }
    } else if (!ColumnTypes.isFloat(type.kind())
        && type.kind() != TypeKind.NUMERIC
        && textLength(name, ctx, problems, 4 + Integer.toString(limit).length() + 6) == -2) {
      return null;
    }
    long bound = limit * TypeDefaults.pow10(scale);
    return new DecimalRange(-bound, bound, scale);
  }

  private static ValueSource lorem(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("paragraphs", "sentences_per_paragraph", "words", "locale");
    Long words = config.wholeNumber("words", null, 1, 10_000);
    Long paragraphs = config.wholeNumber("paragraphs", null, 1, 100);
    Long sentences = config.wholeNumber("sentences_per_paragraph", null, 1, 100);
    Locale locale = locale(ctx, config);
    int max = textLength("lorem_ipsum", ctx, problems, 1);
    if (max == -2) {
      return null;
    }
    Dictionaries d = Dictionaries.of(locale);
    if (words != null) {
      return LoremValues.words(d, words.intValue(), words.intValue(), false, max);
    }
    int s = sentences == null ? 3 : sentences.intValue();
    return LoremValues.sentences(d, s, s, paragraphs == null ? 1 : paragraphs.intValue(), max);
  }

  private static ValueSource faker(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("expression", "locale");
    JsonString expression = config.string("expression", true);
    Locale locale = locale(ctx, config);
    int max = textLength("faker", ctx, problems, 1);
    if (expression == null || max == -2) {
      return null;
    }
    String failure = FakerExpressionValues.check(expression.value(), locale);
    if (failure != null) {
      config.error(
          expression,
          "Invalid 'expression' of generator 'faker': Datafaker cannot evaluate '"
              + expression.value()
              + "': "
              + failure);
      return null;
    }
    return new FakerExpressionValues(expression.value(), locale, max);
  }
}
