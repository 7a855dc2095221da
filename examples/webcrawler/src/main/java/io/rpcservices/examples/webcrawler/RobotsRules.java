package io.rpcservices.examples.webcrawler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of one site's {@code robots.txt} (RFC 9309) that apply to one crawler: the groups
 * naming its product token, or else the {@code *} groups. A path is allowed unless its longest
 * matching rule is a {@code Disallow}; {@code *} matches any characters and a final {@code $} the
 * end of the path; {@code /robots.txt} itself is always allowed.
 */
final class RobotsRules {
  private static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), Duration.ZERO);
  private static final RobotsRules DISALLOW_ALL =
      new RobotsRules(List.of(new Rule("/", false)), Duration.ZERO);

  private final List<Rule> rules;
  private final Duration crawlDelay;

  private RobotsRules(List<Rule> rules, Duration crawlDelay) {
    this.rules = List.copyOf(rules);
    this.crawlDelay = crawlDelay;
  }

  /** Rules that allow everything: a site without a {@code robots.txt}. */
  static RobotsRules allowAll() {
    return ALLOW_ALL;
  }

  /** Rules that allow nothing: a site whose {@code robots.txt} cannot be read. */
  static RobotsRules disallowAll() {
    return DISALLOW_ALL;
  }

  /** The rules in {@code robotsTxt} for the crawler whose product token is {@code agent}. */
  static RobotsRules parse(String robotsTxt, String agent) {
    String token = agent.toLowerCase(Locale.ROOT);
    List<Group> groups = new ArrayList<>();
    Group current = null;
    boolean inRules = false;
    for (String rawLine : robotsTxt.split("\r\n|\r|\n")) {
      int hash = rawLine.indexOf('#');
      String line = (hash >= 0 ? rawLine.substring(0, hash) : rawLine).strip();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (key.equals("user-agent")) {
        if (current == null || inRules) {
          current = new Group();
          groups.add(current);
          inRules = false;
        }
        current.agents.add(value.toLowerCase(Locale.ROOT));
      } else if (current != null && (key.equals("allow") || key.equals("disallow"))) {
        inRules = true;
        if (!value.isEmpty()) {
          current.rules.add(new Rule(value, key.equals("allow")));
        }
      } else if (current != null && key.equals("crawl-delay")) {
        inRules = true;
        current.crawlDelay = parseDelay(value);
      }
    }
    List<Group> mine = groups.stream().filter(g -> g.agents.contains(token)).toList();
    if (mine.isEmpty()) {
      mine = groups.stream().filter(g -> g.agents.contains("*")).toList();
    }
    List<Rule> rules = new ArrayList<>();
    Duration delay = Duration.ZERO;
    for (Group group : mine) {
      rules.addAll(group.rules);
      delay = group.crawlDelay.compareTo(delay) > 0 ? group.crawlDelay : delay;
    }
    return new RobotsRules(rules, delay);
  }

  /** Whether the crawler may load {@code pathAndQuery}, such as {@code /a/b.html?x=1}. */
  boolean allows(String pathAndQuery) {
    if (pathAndQuery.equals("/robots.txt")) {
      return true;
    }
    Rule best = null;
    for (Rule rule : rules) {
      if (rule.matches(pathAndQuery)
          && (best == null
              || rule.length() > best.length()
              || rule.length() == best.length() && rule.allow)) {
        best = rule;
      }
    }
    return best == null || best.allow;
  }

  /** The {@code Crawl-delay} the site asks for between two requests; zero when it asks none. */
  Duration crawlDelay() {
    return crawlDelay;
  }

  private static Duration parseDelay(String value) {
    try {
      double seconds = Double.parseDouble(value);
      return seconds > 0 && seconds < 3600
          ? Duration.ofMillis(Math.round(seconds * 1000))
          : Duration.ZERO;
    } catch (NumberFormatException e) {
      return Duration.ZERO;
    }
  }

  /** User agents and the rules that follow them, up to the next group. */
  private static final class Group {
    final List<String> agents = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();
    Duration crawlDelay = Duration.ZERO;
  }

  /** One {@code Allow} or {@code Disallow} line. */
  private record Rule(String path, boolean allow, Pattern pattern) {
    Rule(String path, boolean allow) {
      this(path, allow, compile(path));
    }

    boolean matches(String pathAndQuery) {
      return pattern.matcher(pathAndQuery).lookingAt();
    }

    int length() {
      return path.length();
    }

    private static Pattern compile(String path) {
      boolean anchored = path.endsWith("$");
      String body = anchored ? path.substring(0, path.length() - 1) : path;
      StringBuilder regex = new StringBuilder();
      for (String part : body.split("\\*", -1)) {
        if (regex.length() > 0) {
          regex.append(".*");
        }
        regex.append(Pattern.quote(part));
      }
      return Pattern.compile(anchored ? regex + "$" : regex.toString(), Pattern.DOTALL);
    }
  }
}
