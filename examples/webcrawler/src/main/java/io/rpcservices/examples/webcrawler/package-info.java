/**
 * The distributed web crawler: a master holds the stack {@code urls} of pages to load and the
 * storages {@code visited} (one entry per URL ever admitted) and {@code crawl} (limits and
 * statistics); any number of {@link io.rpcservices.examples.webcrawler.WebCrawler crawler}
 * processes on any hosts reserve a URL, load the page, save it under their output folder, push its
 * new links and acknowledge it; a monitor watches and steers them. Start everything with {@code
 * examples/webcrawler/control}.
 */
@NullMarked
package io.rpcservices.examples.webcrawler;

import org.jspecify.annotations.NullMarked;
