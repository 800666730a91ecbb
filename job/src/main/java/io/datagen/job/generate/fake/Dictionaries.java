package io.datagen.job.generate.fake;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.datafaker.Faker;

/**
 * Word lists read from Datafaker's data once per JVM and locale, then only indexed: generators
 * sample them with the row's {@link io.datagen.job.generate.RandomSource}, never evaluating a
 * Datafaker expression per value.
 *
 * <p>A list whose entries are plain words is used as is, in the data file's order; entries that
 * only refer to other lists ({@code #{Name.femaleFirstName}}) are replaced by those lists; a list
 * built from compositions ({@code #{Name.last_name} #{Company.suffix}}) is expanded by evaluating
 * its expression {@value #EXPANSIONS} times with a Faker seeded with a constant. Duplicates are
 * dropped keeping the first. Everything is a function of the Datafaker version (pinned) and the
 * locale, so every machine builds the same lists.
 */
public final class Dictionaries {
  static final int EXPANSIONS = 4096;
  private static final long BUILD_SEED = 20_240_601L;
  private static final Pattern SINGLE_REFERENCE =
      Pattern.compile("#\\{([A-Za-z]+)\\.([A-Za-z_]+)}");
  private static final Map<String, Dictionaries> CACHE = new ConcurrentHashMap<>();

  /** Builds the lists, or null when they are read from the prebuilt resource. */
  private final Faker faker;

  /** The lists read from the prebuilt resource (by field name), or null when built. */
  private final Map<String, String[]> prebuilt;

  public final Locale locale;
  public final String[] firstNames;
  public final String[] lastNames;
  public final String[] cities;
  public final String[] states;
  public final String[] countries;
  public final String[] countryCodes;
  public final String[] streets;
  public final String[] companies;
  public final String[] jobTitles;
  public final String[] productNames;
  public final String[] colors;
  public final String[] currencyCodes;
  public final String[] emailDomains;
  public final String[] loremWords;

  /** Postal code shapes: {@code #} a digit, {@code ?} an upper-case letter. */
  public final String[] postcodePatterns;

  public final String[] buildingNumberPatterns;

  /**
   * First and last names reduced to lower-case ASCII letters (for emails, usernames, URLs); never
   * empty.
   */
  public final String[] asciiFirstNames;

  public final String[] asciiLastNames;

  /**
   * @param prebuilt the lists by field name (see {@link PrebuiltDictionaries}), or null to build
   *     them from Datafaker's data, in this order (the expansions share one seeded Faker, so the
   *     order is part of the result)
   */
  private Dictionaries(Locale locale, Map<String, String[]> prebuilt) {
    this.locale = locale;
    this.prebuilt = prebuilt;
    this.faker = prebuilt == null ? new Faker(locale, new Random(BUILD_SEED)) : null;
    firstNames = list("firstNames", "name.first_name", "#{Name.firstName}");
    lastNames = list("lastNames", "name.last_name", "#{Name.lastName}");
    cities =
        composesCities(locale)
            ? bundled(REAL_ENGLISH_CITIES)
            : list("cities", "address.city", "#{Address.city}");
    states = list("states", "address.state", "#{Address.state}");
    countries = list("countries", "address.country", "#{Address.country}");
    countryCodes = list("countryCodes", "address.country_code", "#{Address.countryCode}");
    streets = list("streets", "address.street_name", "#{Address.streetName}");
    companies = list("companies", "company.name", "#{Company.name}");
    jobTitles = list("jobTitles", "job.title", "#{Job.title}");
    productNames = list("productNames", "commerce.product_name", "#{Commerce.productName}");
    colors = list("colors", "color.name", "#{Color.name}");
    currencyCodes = list("currencyCodes", "currency.code", "#{Currency.code}");
    emailDomains = list("emailDomains", "internet.free_email", "#{Internet.freeEmail}");
    loremWords = list("loremWords", "lorem.words", "#{Lorem.word}");
    postcodePatterns = patterns("postcodePatterns", "address.postcode", "#{Address.postcode}");
    buildingNumberPatterns =
        patterns("buildingNumberPatterns", "address.building_number", "#{Address.buildingNumber}");
    asciiFirstNames = ascii(firstNames);
    asciiLastNames = ascii(lastNames);
  }

  /**
   * The lists that come from Datafaker's data, by field name, in building order: what {@link
   * PrebuiltDictionaries} stores. (Cities of the English locales and the ASCII name lists are
   * derived from datagen's own data and are not stored.)
   */
  Map<String, String[]> datafakerLists() {
    Map<String, String[]> lists = new java.util.LinkedHashMap<>();
    lists.put("firstNames", firstNames);
    lists.put("lastNames", lastNames);
    if (!composesCities(locale)) {
      lists.put("cities", cities);
    }
    lists.put("states", states);
    lists.put("countries", countries);
    lists.put("countryCodes", countryCodes);
    lists.put("streets", streets);
    lists.put("companies", companies);
    lists.put("jobTitles", jobTitles);
    lists.put("productNames", productNames);
    lists.put("colors", colors);
    lists.put("currencyCodes", currencyCodes);
    lists.put("emailDomains", emailDomains);
    lists.put("loremWords", loremWords);
    lists.put("postcodePatterns", postcodePatterns);
    lists.put("buildingNumberPatterns", buildingNumberPatterns);
    return lists;
  }

  /**
   * Real city names for the English locales whose Datafaker cities are invented ("Port Johnmouth").
   */
  private static final String REAL_ENGLISH_CITIES = "/datagen/dictionaries/en-cities.txt";

  private static final Set<String> ENGLISH_COUNTRIES_WITHOUT_CITY_LISTS =
      Set.of("", "US", "GB", "CA", "AU");

  private static boolean composesCities(Locale locale) {
    return locale.getLanguage().equals("en")
        && ENGLISH_COUNTRIES_WITHOUT_CITY_LISTS.contains(locale.getCountry());
  }

  /** A list shipped with datagen: one entry per line, {@code #} comments, order kept. */
  private static String[] bundled(String resource) {
    try (java.io.InputStream in = Dictionaries.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "Cannot find dictionary " + resource + " on the class path");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .distinct()
          .toArray(String[]::new);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot read dictionary " + resource, e);
    }
  }

  /**
   * The dictionaries of {@code locale}, built on first use in this JVM and shared (they are
   * immutable).
   */
  public static Dictionaries of(Locale locale) {
    return CACHE.computeIfAbsent(
        locale.toLanguageTag(), tag -> new Dictionaries(locale, PrebuiltDictionaries.read(locale)));
  }

  /**
   * The dictionaries of {@code locale} built from Datafaker's data, as on a locale with no prebuilt
   * lists (for the test that checks the prebuilt ones, and for writing them).
   */
  static Dictionaries build(Locale locale) {
    return new Dictionaries(locale, null);
  }

  /**
   * The locale of a setting such as {@code en_US}, {@code de-DE} or {@code fr_FR.UTF-8}; English
   * when null or blank. Never the JVM's default locale.
   */
  public static Locale locale(String setting) {
    if (setting == null
        || setting.isBlank()
        || setting.equalsIgnoreCase("C")
        || setting.equalsIgnoreCase("POSIX")) {
      return Locale.ENGLISH;
    }
    String tag = setting.strip();
    int dot = tag.indexOf('.');
    if (dot >= 0) {
      tag = tag.substring(0, dot);
    }
    return Locale.forLanguageTag(tag.replace('_', '-'));
  }

  /** Whether Datafaker has data of its own for {@code locale} (else it falls back to English). */
  public static boolean known(Locale locale) {
    String path =
        locale.getCountry().isEmpty()
            ? locale.getLanguage()
            : locale.getLanguage() + "-" + locale.getCountry();
    return Dictionaries.class.getResource("/" + path + ".yml") != null
        || Dictionaries.class.getResource("/" + locale.getLanguage() + ".yml") != null
        || Dictionaries.class.getResource("/" + locale.getLanguage() + "/address.yml") != null;
  }

  private String[] list(String name, String key, String expression) {
    if (prebuilt != null) {
      return stored(name);
    }
    Set<String> out = new LinkedHashSet<>();
    if (!flatten(key, out, 0)) {
      out.clear();
      for (int i = 0; i < EXPANSIONS; i++) {
        out.add(faker.expression(expression).strip());
      }
    }
    out.remove("");
    if (out.isEmpty()) {
      throw new IllegalStateException(
          "Cannot build the dictionary " + key + " for locale " + locale);
    }
    return out.toArray(new String[0]);
  }

  /**
   * Adds the plain entries of {@code key}, following single references; false when an entry is a
   * composition.
   */
  private boolean flatten(String key, Set<String> out, int depth) {
    Object value;
    try {
      value = faker.fakeValuesService().fetchObject(key, faker.getContext());
    } catch (RuntimeException e) {
      return false;
    }
    if (!(value instanceof List<?> entries) || depth > 4) {
      return false;
    }
    for (Object entry : entries) {
      String text = String.valueOf(entry);
      Matcher reference = SINGLE_REFERENCE.matcher(text);
      if (reference.matches()) {
        if (!flatten(snake(reference.group(1)) + "." + snake(reference.group(2)), out, depth + 1)) {
          return false;
        }
      } else if (text.contains("#{") || text.indexOf('#') >= 0 && text.matches(".*#\\d*.*")) {
        return false;
      } else {
        out.add(text.strip());
      }
    }
    return true;
  }

  /**
   * Shapes of codes ({@code #####}, {@code ??# #??}) filled per value; when the data holds
   * something else (e.g. a regular expression), {@value #EXPANSIONS} values of {@code expression}
   * instead.
   */
  private String[] patterns(String name, String key, String expression) {
    if (prebuilt != null) {
      return stored(name);
    }
    try {
      Object value = faker.fakeValuesService().fetchObject(key, faker.getContext());
      if (value instanceof List<?> entries
          && !entries.isEmpty()
          && entries.stream()
              .allMatch(e -> String.valueOf(e).matches("[#?A-Z0-9 -]*[#?][#?A-Z0-9 -]*"))) {
        return entries.stream().map(String::valueOf).toArray(String[]::new);
      }
    } catch (RuntimeException e) {
      // expanded below
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < EXPANSIONS; i++) {
      out.add(faker.expression(expression).strip().replace('#', '0').replace('?', 'X'));
    }
    out.remove("");
    return out.isEmpty() ? new String[] {"#####"} : out.toArray(new String[0]);
  }

  private String[] stored(String name) {
    String[] list = prebuilt.get(name);
    if (list == null || list.length == 0) {
      throw new IllegalStateException(
          "Cannot find the dictionary "
              + name
              + " for locale "
              + locale
              + " in the prebuilt lists");
    }
    return list;
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** Lower-case ASCII letters only (accents removed); names with none are dropped. */
  static String[] ascii(String[] names) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : names) {
      String folded =
          Normalizer.normalize(name, Normalizer.Form.NFD)
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z]", "");
      if (!folded.isEmpty()) {
        out.add(folded);
      }
    }
    if (out.isEmpty()) {
      out.add("user"); // locales written in other scripts: emails still need ASCII letters
    }
    return out.toArray(new String[0]);
  }
}
