/**
 * notesearch over HTTP: the JSON API and the search page ({@code notesearch serve}), the JSON of a hit
 * that the command line prints too, and the daemon's protocol (a warm searcher behind a loopback port).
 */
module io.notesearch.server {
  requires io.notesearch.searcher;
  requires io.notesearch.indexer; // note pages are rendered from the Markdown
  requires jdk.httpserver;
  requires java.net.http; // the daemon's client: stop

  exports io.notesearch.server;
}
