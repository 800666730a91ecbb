package io.datagen.job.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Column name → chosen generator: every rule, and the known false positives of substring matching. */
class NameRulesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(nullValues = "none", value = {
      "email, email", "contact_email, email", "email_address, email", "userEmail, email",
      "phone, phone", "mobile, phone", "tel, phone", "phone_number, phone", "home_phone, phone",
      "first_name, first_name", "fname, first_name", "firstName, first_name",
      "last_name, last_name", "lname, last_name", "surname, last_name",
      "name, full_name", "full_name, full_name", "display_name, full_name", "customer_name, full_name",
      "username, username", "user_name, username", "login, username",
      "company, company", "company_name, company", "organization, company",
      "address, address", "street, address", "billing_address, address", "address_line1, address",
      "city, city", "town, city", "state, state", "province, state", "region, state",
      "country, country", "country_code, country_code",
      "postal_code, postal_code", "zip, postal_code", "zip_code, postal_code", "postcode, postal_code",
      "url, url", "website, url", "avatar_url, url",
      "ip, ip", "ip_address, ip", "client_ip, ip", "mac_address, mac",
      "uuid, uuid", "guid, uuid",
      "description, description", "bio, description", "summary, description", "notes, description",
      "title, title", "job_title, job_title",
      "price, price", "amount, price", "total, price", "order_total, price", "unit_price, price",
      "quantity, quantity", "rating, rating",
      "birth_date, birth_date", "dob, birth_date", "date_of_birth, birth_date",
      "latitude, latitude", "longitude, longitude", "lat, latitude", "lng, longitude",
      "currency, currency_code", "currency_code, currency_code", "color, color",
      "product_name, product_name", "sku, sku", "slug, slug", "iban, iban", "credit_card, credit_card",
      "created_at, created_at", "created_on, created_at", "updated_at, updated_at", "modified_at, updated_at",
      "deleted_at, timestamp", "published_at, timestamp",
      // Known false positives of substring matching: whole words only.
      "cancelled_at, timestamp", "created_by, none", "updated_by, none", "zipper, none", "hotel, none",
      "stateless, none", "cityscape, none", "description_html_id, none", "ipsum, none", "shipping_id, none",
      "named_entity, none", "file_name, none", "telemetry, none", "latency, none", "emailed, none"})
  void choosesByWholeWords(String column, String expected) {
    String chosen = NameRules.generatorFor(column);
    assertThat(chosen).isEqualTo(expected);
  }
}
