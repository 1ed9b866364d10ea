package io.notesearch.core.analysis;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.ko.dict.ConnectionCosts;
import org.apache.lucene.analysis.ko.dict.TokenInfoDictionary;
import org.apache.lucene.analysis.ko.dict.UnknownDictionary;
import org.apache.lucene.util.Version;

/**
 * Nori's dictionaries, loaded once per JVM, with the connection-cost matrix optionally kept decoded
 * in a cache file and memory-mapped.
 *
 * <p>Why: Nori ships the matrix (3,822 × 2,693 costs) as 11 MB of delta varints that {@code
 * ConnectionCosts} decodes byte by byte in its constructor. In a fresh JVM that takes ~230 ms of
 * CPU, the largest single cost of a cold {@code notesearch search}. Decoded once into a file, the
 * matrix is mapped in well under a millisecond and paged in as Viterbi touches it.
 *
 * <p>How: {@code ConnectionCosts} is final and {@code KoreanTokenizer} accepts only it, so a tiny
 * instance (a 1 × 1 matrix) is constructed the ordinary way and its two private fields, the matrix
 * buffer and its row length, are pointed at the mapped file. This reaches into Lucene's internals,
 * so every step is checked and anything unexpected (another Lucene layout, a module that does not
 * open the package, a damaged or foreign file) falls back to Nori's own decoding. The file is keyed
 * by the Lucene version and the size and CRC of Nori's matrix resource; {@code
 * NoriDictionariesTest} compares every cost of the mapped matrix with Nori's.
 *
 * <p>The cache folder is set once per JVM ({@link #useCache}, from the searcher's and indexer's
 * options) before Nori loads; without one nothing is written and Nori decodes as usual. A cache that
 * cannot be used (another folder asked for after Nori loaded, a file that cannot be mapped or
 * written) is said once, as a warning of the {@code io.notesearch} logger, and costs only speed.
 */
final class NoriDictionaries {
  private static final System.Logger LOG = System.getLogger("io.notesearch");

  /** The cache folder asked for, or null; read when Nori's dictionaries first load. */
  private static volatile Path requested;

  /** What {@link #used} holds before Nori's dictionaries load. */
  private static final Object UNSET = new Object();

  /** The folder (or null) Nori's dictionaries loaded with, once they did; {@link #UNSET} before. */
  private static volatile Object used = UNSET;

  /** Whether a problem with the cache was said already: once per JVM is enough. */
  private static final java.util.concurrent.atomic.AtomicBoolean WARNED = new java.util.concurrent.atomic.AtomicBoolean();

  /** What was said, for tests; null until then. */
  static volatile String warning;

  /** Forgets what was said (tests that each expect one warning). */
  static void forgetWarning() {
    warning = null;
    WARNED.set(false);
  }

  private static final String RESOURCE = "ConnectionCosts.dat";
  private static final int MAGIC = 0x4e53_4343; // "NSCC"
  private static final int FORMAT = 1;

  private NoriDictionaries() {}

  private static final class Costs {
    static final ConnectionCosts INSTANCE = load(cacheFolder());
  }

  /** {@return the connection costs, from the cache file when it is there and valid} */
  static ConnectionCosts connectionCosts() {
    return Costs.INSTANCE;
  }

  private static final class TokenInfo {
    static final TokenInfoDictionary INSTANCE = loadTokenInfo(cacheFolder());
  }

  /** {@return the dictionary of words, from uncompressed copies of Nori's files when the cache has them} */
  static TokenInfoDictionary tokenInfo() {
    return TokenInfo.INSTANCE;
  }

  static UnknownDictionary unknown() {
    return UnknownDictionary.getInstance();
  }


  /**
   * Asks for Nori's dictionaries to be cached in {@code folder}. Only before they load: afterwards a
   * different folder is said once and not used.
   *
   * @param folder the cache folder, or null for none
   */
  static synchronized void useCache(Path folder) {
    Object loadedWith = used;
    if (loadedWith == UNSET) {
      if (folder != null) {
        requested = folder;
      }
    } else if (folder != null && !folder.equals(loadedWith)) {
      warnOnce("Nori's dictionaries were loaded " + (loadedWith == null ? "without a cache" : "with the cache ["
          + loadedWith + "]") + " before the cache [" + folder + "] was asked for; it is not used in this process");
    }
  }

  /** The cache folder, fixed at the first load. */
  private static synchronized Path cacheFolder() {
    if (used == UNSET) {
      used = requested;
    }
    return (Path) used;
  }

  /** Says a problem with the cache, the first time only: a slower start is not worth more lines. */
  static void warnOnce(String message) {
    if (WARNED.compareAndSet(false, true)) {
      warning = message;
      LOG.log(System.Logger.Level.WARNING, message);
    }
  }

  /**
   * The costs from the cache file in {@code folder}, or decoded by Nori (and then saved there).
   *
   * @param folder the cache folder, or null for Nori's own decoding only
   */
  static ConnectionCosts load(Path folder) {
    if (folder == null) {
      return ConnectionCosts.getInstance();
    }
    String key = key(RESOURCE);
    if (key != null) {
      ConnectionCosts mapped = mapped(folder.resolve(fileName()), key);
      if (mapped != null) {
        return mapped;
      }
    }
    ConnectionCosts decoded = ConnectionCosts.getInstance();
    if (key != null && sameKey(folder.resolve(fileName()), key)) {
      warnOnce("cannot map the Nori cache [" + folder.resolve(fileName()) + "] (this JVM does not open Nori's"
          + " dictionary package to notesearch); Nori decodes its dictionaries in every process instead");
    }
    // A valid file that could not be put to use (a JDK that refuses the reflection) stays as it is:
    // rewriting 20 MB at every start would only make the start slower.
    if (key != null && !sameKey(folder.resolve(fileName()), key)) {
      save(decoded, folder, key);
    }
    return decoded;
  }

  static String fileName() {
    return "nori-connection-costs-" + Version.LATEST + ".bin";
  }

  /** Nori's files of the dictionary of words, in the order TokenInfoDictionary's constructor takes them. */
  private static final List<String> TOKEN_INFO_FILES = List.of(
      "TokenInfoDictionary$targetMap.dat", "TokenInfoDictionary$posDict.dat", "TokenInfoDictionary$buffer.dat",
      "TokenInfoDictionary$fst.dat");

  /**
   * The dictionary of words from uncompressed copies of Nori's four files in {@code folder}, made
   * there on the first call. Nori reads them from its jar, inflating 14 MB at every start (~55 ms
   * of a ~135 ms load); the copies load through the same public constructor.
   *
   * @param folder the cache folder, or null for Nori's own loading only
   */
  static TokenInfoDictionary loadTokenInfo(Path folder) {
    if (folder == null) {
      return TokenInfoDictionary.getInstance();
    }
    StringBuilder key = new StringBuilder();
    for (String file : TOKEN_INFO_FILES) {
      String part = key(file);
      if (part == null) {
        return TokenInfoDictionary.getInstance();
      }
      key.append(part).append('\n');
    }
    Path copies = folder.resolve("nori-token-info-" + Version.LATEST + "-"
        + Integer.toHexString(key.toString().hashCode()));
    try {
      if (!Files.isDirectory(copies)) {
        extract(copies);
      }
      Path[] files = TOKEN_INFO_FILES.stream().map(copies::resolve).toArray(Path[]::new);
      try {
        return new TokenInfoDictionary(files[0], files[1], files[2], files[3]);
      } catch (IOException | RuntimeException damaged) {
        deleteFolder(copies); // made again by the next start
        throw damaged;
      }
    } catch (IOException | RuntimeException e) {
      warnOnce("cannot use the Nori cache [" + folder + "] (" + e.getMessage() + "); Nori loads its dictionaries instead");
      return TokenInfoDictionary.getInstance(); // unwritable folder, damaged copy: Nori's own files
    }
  }

  /**
   * Temporary files and folders are made for their owner only; these hold Nori's published data, for
   * every user who can read the cache folder (another user of the same checkout was warned at every
   * search that the cache could not be used).
   */
  private static void readableByAll(Path path, boolean folder) {
    try {
      Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(folder ? "rwxr-xr-x" : "rw-r--r--"));
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system: its defaults stand.
    }
  }

  /** Copies Nori's files into a new folder, which appears whole or not at all. */
  private static void extract(Path copies) throws IOException {
    Files.createDirectories(copies.getParent());
    Path tmp = Files.createTempDirectory(copies.getParent(), copies.getFileName() + ".");
    tmp.toFile().deleteOnExit(); // files are deleted before their folder: registered after it
    try {
      for (String file : TOKEN_INFO_FILES) {
        Path copy = tmp.resolve(file);
        copy.toFile().deleteOnExit();
        try (InputStream in = TokenInfoDictionary.class.getResourceAsStream(file)) {
          if (in == null) {
            throw new IOException("no " + file);
          }
          Files.copy(in, copy);
        }
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
        readableByAll(copy, false);
      }
      readableByAll(tmp, true);
      try {
        Files.move(tmp, copies, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!Files.isDirectory(copies)) { // not another process that was quicker
          throw e;
        }
      }
    } finally {
      deleteFolder(tmp);
    }
  }

  /** Deletes a folder of files (no subfolders), if it is there. */
  private static void deleteFolder(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      try (var files = Files.list(folder)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(folder);
    }
  }

  /**
   * What a cache file must have been made from: Lucene's version and the size and CRC the jar
   * records for one of Nori's resources (read from the jar's directory, not by inflating it). Null
   * when the resource is not in a jar: then the cache is not used.
   */
  static String key(String resource) {
    try {
      URL url = ConnectionCosts.class.getResource(resource);
      if (url == null) {
        return null;
      }
      URLConnection connection = url.openConnection();
      if (connection instanceof java.net.JarURLConnection jar) {
        jar.setUseCaches(true);
        java.util.jar.JarEntry entry = jar.getJarEntry();
        if (entry == null || entry.getCrc() < 0 || entry.getSize() < 0) {
          return null;
        }
        return Version.LATEST + "/" + entry.getSize() + "/" + Long.toHexString(entry.getCrc());
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /*
   * File layout (big-endian): int MAGIC, int FORMAT, UTF key, int headerLength, Nori's codec header
   * bytes, int forwardSize, int backwardSize, then the matrix as forwardSize × backwardSize shorts
   * in Nori's order (row by backward id), exactly the bytes of Nori's decoded buffer.
   */

  /** Whether there is a whole file at {@code file} made for {@code key}. */
  private static boolean sameKey(Path file, String key) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return header(channel, key) != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** What a cache file says before its matrix. */
  private record Header(byte[] codecHeader, int forwardSize, int backwardSize, long matrixStart) {
    long matrixBytes() {
      return 2L * forwardSize * backwardSize;
    }
  }

  /** The header of a whole file made for {@code key}, or null. */
  private static Header header(FileChannel channel, String key) throws IOException {
    long fileSize = channel.size();
    ByteBuffer head = ByteBuffer.allocate((int) Math.min(fileSize, 4096));
    channel.read(head, 0);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(head.array(), 0, head.position()));
    if (in.readInt() != MAGIC || in.readInt() != FORMAT || !key.equals(in.readUTF())) {
      return null;
    }
    byte[] codecHeader = new byte[in.readInt()];
    in.readFully(codecHeader);
    Header header = new Header(codecHeader, in.readInt(), in.readInt(), head.position() - in.available());
    if (header.forwardSize() <= 0 || header.backwardSize() <= 0 || header.matrixBytes() > Integer.MAX_VALUE
        || header.matrixStart() + header.matrixBytes() != fileSize) {
      return null;
    }
    return header;
  }

  /** {@return costs whose matrix is the mapped file, or null when the file is missing or unusable} */
  static ConnectionCosts mapped(Path file, String key) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      Header header = header(channel, key);
      if (header == null) {
        return null;
      }
      byte[] codecHeader = header.codecHeader();
      int forwardSize = header.forwardSize();
      ByteBuffer matrix = channel.map(FileChannel.MapMode.READ_ONLY, header.matrixStart(), header.matrixBytes());
      ConnectionCosts costs = new ConnectionCosts(stub(codecHeader));
      Field buffer = matrixField("buffer");
      Field rowLength = matrixField("forwardSize");
      buffer.set(costs, matrix);
      rowLength.setInt(costs, forwardSize);
      if (buffer.get(costs) != matrix || rowLength.getInt(costs) != forwardSize) {
        return null;
      }
      return costs;
    } catch (IOException | ReflectiveOperationException | RuntimeException e) {
      return null; // missing, damaged, foreign, or Lucene changed its fields: Nori decodes instead
    }
  }

  /** Saves the decoded matrix of {@code costs}; a folder that cannot be written is only a slower start. */
  static void save(ConnectionCosts costs, Path folder, String key) {
    Path tmp = null;
    try {
      ByteBuffer matrix = ((ByteBuffer) matrixField("buffer").get(costs)).duplicate();
      int forwardSize = matrixField("forwardSize").getInt(costs);
      if (forwardSize <= 0 || matrix.capacity() % (2 * forwardSize) != 0) {
        return;
      }
      int backwardSize = matrix.capacity() / 2 / forwardSize;
      byte[] codecHeader = codecHeader();
      Files.createDirectories(folder);
      tmp = Files.createTempFile(folder, fileName(), ".tmp");
      tmp.toFile().deleteOnExit(); // written on a daemon thread: a process that exits meanwhile leaves no 20 MB orphan
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream file = java.nio.channels.Channels.newOutputStream(channel);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file, 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(key);
        out.writeInt(codecHeader.length);
        out.write(codecHeader);
        out.writeInt(forwardSize);
        out.writeInt(backwardSize);
        byte[] chunk = new byte[1 << 16];
        matrix.clear();
        while (matrix.hasRemaining()) {
          int n = Math.min(chunk.length, matrix.remaining());
          matrix.get(chunk, 0, n);
          out.write(chunk, 0, n);
        }
        out.flush();
        channel.force(true); // on disk before it is renamed into place: no file of the right size but wrong bytes after a crash
      }
      readableByAll(tmp, false);
      // Written aside and moved into place: another process never maps half a file.
      try {
        Files.move(tmp, folder.resolve(fileName()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, folder.resolve(fileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException | ReflectiveOperationException | RuntimeException e) {
      // read-only or full folder, another Lucene layout: the next start decodes again
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more to do
        }
      }
    }
  }

  /** A field of Lucene's {@code morph.ConnectionCosts}, the superclass that holds the matrix. */
  private static Field matrixField(String name) throws NoSuchFieldException {
    Field field = ConnectionCosts.class.getSuperclass().getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  /** Nori's codec header of the matrix resource: magic, codec name, version. */
  private static byte[] codecHeader() throws IOException {
    try (InputStream in = ConnectionCosts.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("no " + RESOURCE);
      }
      byte[] start = in.readNBytes(4 + 1 + 127 + 4);
      int nameLength = start[4]; // a short ASCII name: one VInt byte
      if (nameLength < 0 || nameLength > 127) {
        throw new IOException("unexpected header");
      }
      return Arrays.copyOf(start, 4 + 1 + nameLength + 4);
    }
  }

  /** A URL whose stream is the codec header and a 1 × 1 matrix: the cheapest valid costs file. */
  private static URL stub(byte[] codecHeader) throws IOException {
    byte[] bytes = Arrays.copyOf(codecHeader, codecHeader.length + 3);
    bytes[codecHeader.length] = 1; // forward size, VInt
    bytes[codecHeader.length + 1] = 1; // backward size, VInt
    bytes[codecHeader.length + 2] = 0; // the one cost, ZInt 0
    URLStreamHandler handler = new URLStreamHandler() {
      @Override
      protected URLConnection openConnection(URL u) {
        return new URLConnection(u) {
          @Override
          public void connect() {}

          @Override
          public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes);
          }
        };
      }
    };
    return URL.of(URI.create("notesearch:nori-costs-stub"), handler);
  }

}
