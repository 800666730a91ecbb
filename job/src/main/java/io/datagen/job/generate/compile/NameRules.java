package io.datagen.job.generate.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Chooses a generator from a column's name, by whole words: the name is split into lower-case words
 * (on {@code _}, {@code -}, spaces and camelCase; trailing digits dropped, so {@code address_line1}
 * is "address line"), and a rule matches when the words end with one of its word sequences (or
 * equal it, for rules marked whole-name). The longest matching sequence wins, so {@code ip_address}
 * is an IP, not a street, and {@code email_address} an email. Substrings never match: {@code
 * zipper} is not a postal code, {@code hotel} not a phone, {@code created_by} not a timestamp.
 * Whether the generator fits the column's type is decided by the caller.
 */
final class NameRules {
  /**
   * A rule: the generator (or semantic kind) and the word sequences that select it; "=" marks
   * whole-name only.
   */
  private record Rule(String generator, List<String[]> sequences, List<Boolean> wholeOnly) {}

  private static final List<Rule> RULES = new ArrayList<>();

  static {
    rule("email", "email", "email address", "e mail", "mail address");
    rule(
        "phone",
        "phone",
        "phone number",
        "mobile",
        "mobile number",
        "mobile phone",
        "tel",
        "telephone",
        "cell",
        "cell phone",
        "fax");
    rule("first_name", "first name", "fname", "firstname", "given name", "forename");
    rule("last_name", "last name", "lname", "lastname", "surname", "family name");
    rule(
        "full_name",
        "=name",
        "full name",
        "fullname",
        "display name",
        "contact name",
        "customer name",
        "author name",
        "person name",
        "owner name",
        "employee name");
    rule(
        "username",
        "username",
        "user name",
        "login",
        "user login",
        "handle",
        "screen name",
        "nickname");
    rule(
        "company",
        "company",
        "company name",
        "organization",
        "organisation",
        "organization name",
        "employer",
        "business name");
    rule("address", "address", "street", "street address", "address line", "street line");
    rule("city", "city", "town", "city name");
    rule("state", "state", "province", "region", "state province");
    rule("country", "country", "country name");
    rule("country_code", "country code", "country iso", "iso country");
    rule(
        "postal_code",
        "postal code",
        "postcode",
        "post code",
        "zip",
        "zip code",
        "zipcode",
        "postal");
    rule("url", "url", "website", "web site", "homepage", "home page", "link");
    rule("ip", "ip", "ip address", "ipaddress", "ip addr", "ipv4", "ipv6");
    rule("mac", "=mac", "mac address", "mac addr");
    rule("uuid", "uuid", "guid");
    rule("description", "description", "bio", "biography", "summary", "notes", "note", "about");
    rule("title", "title", "headline", "subject");
    rule("job_title", "job title", "occupation", "job", "position title");
    rule("price", "price", "amount", "total", "cost", "subtotal", "fee", "unit price");
    rule("quantity", "quantity", "qty");
    rule("rating", "rating", "stars");
    rule("birth_date", "birth date", "birthdate", "dob", "date of birth", "birthday", "born on");
    rule("latitude", "latitude", "lat");
    rule("longitude", "longitude", "lng", "lon", "long");
    rule("currency_code", "currency", "currency code");
    rule("color", "color", "colour");
    rule("product_name", "product name", "product", "item name");
    rule("iban", "iban");
    rule("sku", "sku", "product code", "item code", "article number");
    rule("slug", "slug", "permalink");
    rule("credit_card", "credit card", "card number", "cc number", "credit card number");
    rule(
        "created_at",
        "created at",
        "created on",
        "created",
        "creation date",
        "creation time",
        "inserted at",
        "date created",
        "created date",
        "created time");
    rule(
        "updated_at",
        "updated at",
        "updated on",
        "modified at",
        "modified on",
        "last modified",
        "updated",
        "modified",
        "last updated",
        "date updated",
        "date modified");
    rule("timestamp", "at");
  }

  private NameRules() {}

  private static void rule(String generator, String... sequences) {
    List<String[]> words = new ArrayList<>();
    List<Boolean> whole = new ArrayList<>();
    for (String s : sequences) {
      whole.add(s.startsWith("="));
      words.add((s.startsWith("=") ? s.substring(1) : s).split(" "));
    }
    RULES.add(new Rule(generator, words, whole));
  }

  /** The words of a column name: {@code billingAddress_line1} → [billing, address, line]. */
  static List<String> words(String name) {
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String w : spaced.split("[_\\-\\s.]+")) {
      String trimmed = w.replaceAll("\\d+$", "");
      if (!trimmed.isEmpty()) {
        words.add(trimmed);
      }
    }
    return words;
  }

  /** The generator (or semantic kind) the column name suggests, or null. */
  static String generatorFor(String columnName) {
    List<String> words = words(columnName);
    String best = null;
    int bestLength = 0;
    for (Rule rule : RULES) {
      for (int i = 0; i < rule.sequences().size(); i++) {
        String[] sequence = rule.sequences().get(i);
        boolean matches =
            rule.wholeOnly().get(i)
                ? words.equals(Arrays.asList(sequence))
                : endsWith(words, sequence);
        if (matches && sequence.length > bestLength) {
          best = rule.generator();
          bestLength = sequence.length;
        }
      }
    }
    return best;
  }

  private static boolean endsWith(List<String> words, String[] sequence) {
    if (sequence.length > words.size()) {
      return false;
    }
    int offset = words.size() - sequence.length;
    for (int i = 0; i < sequence.length; i++) {
      if (!words.get(offset + i).equals(sequence[i])) {
        return false;
      }
    }
    return true;
  }
}
