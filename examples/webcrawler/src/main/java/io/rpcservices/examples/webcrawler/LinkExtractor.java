package io.rpcservices.examples.webcrawler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Finds the links of an HTML page with jsoup, resolved against the page's URL (or its {@code <base
 * href>}) and normalised: anchors, image maps and frames, plus images, style sheets and scripts
 * when those are wanted too.
 */
final class LinkExtractor {
  private static final String PAGES = "a[href], area[href], frame[src], iframe[src]";
  private static final String RESOURCES = "img[src], link[href], script[src], source[src]";

  private final String query;

  /** An extractor of page links, and of resources too when {@code withResources}. */
  LinkExtractor(boolean withResources) {
    this.query = withResources ? PAGES + ", " + RESOURCES : PAGES;
  }

  /** The distinct canonical http(s) links of {@code html}, a page loaded from {@code url}. */
  Set<String> links(byte[] html, @Nullable String charset, URI url) {
    Document document;
    try {
      // jsoup reads a <meta charset> when the server named none (charset null).
      document = Jsoup.parse(new ByteArrayInputStream(html), charset, url.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> links = new LinkedHashSet<>();
    for (Element element : document.select(query)) {
      String attribute = element.hasAttr("href") ? "href" : "src";
      String absolute = element.absUrl(attribute);
      if (!absolute.isEmpty()) {
        UrlNormalizer.normalize(absolute).ifPresent(link -> links.add(link.toString()));
      }
    }
    return links;
  }
}
