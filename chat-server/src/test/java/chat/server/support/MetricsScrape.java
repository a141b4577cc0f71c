package chat.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /metrics}, read loosely: every sample line's name, labels and value, comments skipped.
 * A sample is found by its name and some of its labels, whatever their order.
 */
public final class MetricsScrape {
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private record Sample(String name, Map<String, String> labels, double value) {}

  private final String text;
  private final List<Sample> samples = new ArrayList<>();

  private MetricsScrape(String text) {
    this.text = text;
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        samples.add(parse(line));
      }
    }
  }

  /** GETs {@code uri} and expects the Prometheus text format. */
  public static MetricsScrape of(URI uri) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      String type = response.headers().firstValue("Content-Type").orElse("");
      assertTrue(type.startsWith("text/plain; version=0.0.4"), type);
      return new MetricsScrape(response.body());
    } catch (IOException e) {
      throw new AssertionError("Cannot scrape " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted scraping " + uri, e);
    }
  }

  /** The value of the one sample named {@code name} with these labels ({@code "reason", "client", …}). */
  public double value(String name, String... labels) {
    List<Sample> matching = matching(name, labels);
    if (matching.size() != 1) {
      throw new AssertionError(matching.size() + " samples " + name + " " + List.of(labels) + " in:\n" + text);
    }
    return matching.get(0).value();
  }

  /** True when at least one sample has this name and these labels. */
  public boolean has(String name, String... labels) {
    return !matching(name, labels).isEmpty();
  }

  public String text() {
    return text;
  }

  private List<Sample> matching(String name, String... labels) {
    Map<String, String> wanted = new HashMap<>();
    for (int i = 0; i + 1 < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet()))
        .toList();
  }

  private static Sample parse(String line) {
    int brace = line.indexOf('{');
    int close = line.lastIndexOf('}');
    Map<String, String> labels = new HashMap<>();
    String name;
    String rest;
    if (brace >= 0 && close > brace) {
      name = line.substring(0, brace);
      Matcher label = LABEL.matcher(line.substring(brace + 1, close));
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
      rest = line.substring(close + 1).trim();
    } else {
      name = line.substring(0, line.indexOf(' '));
      rest = line.substring(line.indexOf(' ') + 1).trim();
    }
    String value = rest.split(" ")[0];
    return new Sample(name, labels, value.endsWith("Inf")
        ? (value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY) : Double.parseDouble(value));
  }
}
