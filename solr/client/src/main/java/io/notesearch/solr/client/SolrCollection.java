package io.notesearch.solr.client;

import io.notesearch.core.NoteIndexException;
import io.notesearch.core.UserFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * A notesearch collection on a SolrCloud cluster, reached over HTTP (SolrJ, no ZooKeeper client):
 * what {@code --solr URL [--collection NAME]} names. Every failure to reach the cluster or find the
 * collection is a {@link NoteIndexException} with one line that says which.
 */
public final class SolrCollection implements AutoCloseable {
  /** The collection name when {@code --collection} is not given. */
  public static final String DEFAULT_NAME = "notes";

  /** The config set notesearch uploads for a collection (solr/configset/notes, and the user's files), by collection. */
  static String configSet(String collection) {
    return "notesearch-" + collection;
  }

  /** Where the user's glossary and dictionary go in the config set (the plugin's NoteAnalysis reads them). */
  static final String USER_GLOSSARY = "notesearch-glossary.txt";

  static final String USER_DICTIONARY = "notesearch-userdict.txt";

  private static final String CONFIG_RESOURCES = "configset/";
  private static final List<String> CONFIG_FILES = List.of("schema.xml", "solrconfig.xml");

  private final String url;
  private final String name;
  private final SolrClient client;

  private SolrCollection(String url, String name, SolrClient client) {
    this.url = url;
    this.name = name;
    this.client = client;
  }

  /**
   * A client for a collection; nothing is sent yet.
   *
   * @param url Solr's base URL, e.g. {@code http://localhost:8983/solr}, or several nodes' URLs
   *     separated by commas (each request goes to the first that can be reached)
   * @param name the collection
   * @throws IllegalArgumentException when the URL is not an http(s) URL
   */
  public static SolrCollection at(String url, String name) {
    if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("bad --collection [" + name + "]: letters, digits, '.', '_' and '-' only");
    }
    List<SolrClient> nodes = new java.util.ArrayList<>();
    List<String> bases = new java.util.ArrayList<>();
    for (String one : url.split(",")) {
      String base = base(one.strip(), url);
      bases.add(base);
      nodes.add(new HttpJdkSolrClient.Builder(base)
          .withConnectionTimeout(5, TimeUnit.SECONDS)
          .withIdleTimeout(120, TimeUnit.SECONDS)
          .build());
    }
    SolrClient client = nodes.size() == 1 ? nodes.getFirst() : new FailoverSolrClient(nodes);
    return new SolrCollection(String.join(",", bases), name, client);
  }

  /** One node's base URL, checked; {@code whole} is what the user typed, for the message. */
  private static String base(String url, String whole) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
      throw new IllegalArgumentException("bad --solr URL [" + whole + "]: expected e.g. http://localhost:8983/solr (several: comma-separated)");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** {@return Solr's base URL} */
  public String url() {
    return url;
  }

  /** {@return the collection's name} */
  public String name() {
    return name;
  }

  SolrClient client() {
    return client;
  }

  /**
   * Checks that the cluster answers and the collection exists.
   *
   * @throws NoteIndexException when the cluster cannot be reached or has no such collection
   */
  public void requireExists() throws NoteIndexException {
    if (!exists()) {
      throw new NoteIndexException(NoteIndexException.Reason.MISSING,
          "no collection [" + name + "] on the Solr cluster at [" + url + "]", null);
    }
  }

  /**
   * Creates the collection with notesearch's config set when the cluster has none of that name.
   *
   * @param shards shards of a new collection
   * @param replicas replicas of each shard of a new collection
   * @param files the user's glossary and dictionary, uploaded with the config set
   * @return whether it was created now
   * @throws NoteIndexException when the cluster cannot be reached or refuses
   */
  public boolean createIfMissing(int shards, int replicas, UserFiles files) throws NoteIndexException {
    if (exists()) {
      return false;
    }
    try {
      ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload()
          .setConfigSetName(configSet(name))
          .setOverwrite(true)
          .setCleanup(true);
      ContentStreamBase.ByteArrayStream zip = new ContentStreamBase.ByteArrayStream(configSetZip(files), configSet(name) + ".zip", "application/zip");
      upload.setUploadStream(zip).process(client);
      CollectionAdminRequest.createCollection(name, configSet(name), shards, replicas).process(client);
      return true;
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw failure("cannot create the collection [" + name + "]", e);
    }
  }

  private boolean exists() throws NoteIndexException {
    try {
      return CollectionAdminRequest.listCollections(client).contains(name);
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw failure("cannot reach the Solr cluster", e);
    }
  }

  /** One line naming the cluster and the cause, for exit code 3. */
  NoteIndexException failure(String what, Exception e) {
    return new NoteIndexException(NoteIndexException.Reason.UNREACHABLE, what + " at [" + url + "] (" + detail(e) + ")", e);
  }

  /** The cause in a few words: connection refused, timed out, unknown host, or Solr's own message. */
  static String detail(Throwable e) {
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException) {
        return "connection refused or closed";
      }
      if (t instanceof java.net.UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
      if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
        return "timed out";
      }
      if (message == null && t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    String detail = message == null ? e.getClass().getSimpleName() : message;
    return detail.lines().findFirst().orElse("").strip();
  }

  /** notesearch's config set, zipped for the ConfigSets API (from this jar's resources). */
  static byte[] configSetZip(UserFiles files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      if (files.glossary() != null) {
        zip.putNextEntry(new ZipEntry(USER_GLOSSARY));
        zip.write(java.nio.file.Files.readAllBytes(files.glossary()));
        zip.closeEntry();
      }
      if (files.dictionary() != null) {
        zip.putNextEntry(new ZipEntry(USER_DICTIONARY));
        zip.write(java.nio.file.Files.readAllBytes(files.dictionary()));
        zip.closeEntry();
      }
      for (String file : CONFIG_FILES) {
        try (InputStream in = SolrCollection.class.getResourceAsStream(CONFIG_RESOURCES + file)) {
          if (in == null) {
            throw new IOException("missing resource [" + CONFIG_RESOURCES + file + "] next to " + SolrCollection.class);
          }
          zip.putNextEntry(new ZipEntry(file));
          in.transferTo(zip);
          zip.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }

  /** How long a batch waits before it is sent again. */
  static Duration retryPause(int attempt) {
    return Duration.ofMillis(250L << Math.min(attempt, 4));
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
