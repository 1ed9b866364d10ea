package io.notesearch.server;

import io.notesearch.searcher.NoteSearcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps {@code /notes/{path}} to a note file, and to nothing else: the path must be one the index
 * holds, spelled as {@code Hit.path()} spells it, and its real path (symbolic links followed) must
 * lie inside the real path of the folder that holds the indexed notes.
 */
final class NotePaths {
  /** URL prefix of note pages; what follows is the note's absolute path. */
  static final String PREFIX = "/notes";

  private final NoteSearcher searcher;

  /** The last note list seen and what was derived from it; replaced when the index changes. */
  private volatile Known known;

  private record Known(List<String> notes, Set<String> paths, Path folder) {}

  NotePaths(NoteSearcher searcher) {
    this.searcher = searcher;
  }

  /**
   * The file of a note page.
   *
   * @param urlPath the request path, percent-decoded, starting with {@code /notes/}
   * @throws HttpError 404 for anything not indexed (including {@code ..}), 403 for a note whose
   *     symbolic link leads outside the notes folder
   */
  Path resolve(String urlPath) throws HttpError, IOException {
    String path = urlPath.substring(PREFIX.length());
    if (path.length() <= 1) {
      throw new HttpError(404, "no note named; note pages are " + PREFIX + "/ABSOLUTE/PATH/OF/NOTE.md");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        throw new HttpError(404, "no note [" + path + "]: '.' and '..' are not allowed in note paths");
      }
    }
    if (path.indexOf('\0') >= 0) {
      throw new HttpError(404, "no note [" + path.replace('\0', '?') + "]");
    }
    Known k = known();
    if (!k.paths().contains(path)) {
      throw new HttpError(404, "no indexed note [" + path + "]");
    }
    Path real;
    try {
      real = Path.of(path).toRealPath();
    } catch (NoSuchFileException e) {
      throw new HttpError(404, "note [" + path + "] is gone since it was indexed; run `notesearch index` again");
    }
    if (k.folder() == null || !real.startsWith(k.folder().toRealPath())) {
      throw new HttpError(403, "note [" + path + "] leads outside the notes folder [" + k.folder() + "] (a symbolic link); not shown");
    }
    if (!Files.isRegularFile(real)) {
      throw new HttpError(404, "no note file at [" + path + "]");
    }
    return real;
  }

  /** Image types a note may show from beside it, by file ending. */
  static final java.util.Map<String, String> IMAGE_TYPES = java.util.Map.of(
      "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif", "webp", "image/webp",
      "avif", "image/avif", "bmp", "image/bmp", "svg", "image/svg+xml");

  /** {@return the content type of an image path by its ending, or null when it is not one} */
  static String imageType(String urlPath) {
    int dot = urlPath.lastIndexOf('.');
    return dot < 0 || urlPath.indexOf('/', dot) >= 0 ? null
        : IMAGE_TYPES.get(urlPath.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * The file of an image a note shows by a relative path ({@code ![](images/a.png)} in
   * {@code /notes/…/note.md} asks for {@code /notes/…/images/a.png}): an image file whose real path
   * lies inside the real path of the folder that holds the indexed notes.
   *
   * @param urlPath the request path, percent-decoded, starting with {@code /notes/}
   * @throws HttpError 404 when there is no such image there (or the path has {@code ..})
   */
  Path image(String urlPath) throws HttpError, IOException {
    String path = urlPath.substring(PREFIX.length());
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".") || segment.indexOf('\0') >= 0) {
        throw new HttpError(404, "no image [" + path.replace('\0', '?') + "]");
      }
    }
    Known k = known();
    Path real;
    try {
      real = Path.of(path).toRealPath();
    } catch (NoSuchFileException | java.nio.file.InvalidPathException e) {
      throw new HttpError(404, "no image [" + path + "]");
    }
    if (k.folder() == null || !real.startsWith(k.folder().toRealPath()) || !Files.isRegularFile(real)) {
      throw new HttpError(404, "no image [" + path + "] in the notes folder");
    }
    return real;
  }

  private Known known() throws IOException {
    List<String> notes = searcher.notes();
    Known k = known;
    if (k == null || k.notes() != notes) {
      k = new Known(notes, new HashSet<>(notes), commonFolder(notes));
      known = k;
    }
    return k;
  }

  /** The deepest folder that holds every note, or null when there are none. */
  static Path commonFolder(List<String> notes) {
    Path common = null;
    for (String note : notes) {
      Path folder = Path.of(note).getParent();
      if (folder == null) {
        continue;
      }
      if (common == null) {
        common = folder;
        continue;
      }
      while (common != null && !folder.startsWith(common)) {
        common = common.getParent();
      }
    }
    return common;
  }
}
