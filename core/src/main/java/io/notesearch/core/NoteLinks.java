package io.notesearch.core;

import java.util.List;
import java.util.Objects;

/**
 * A note's links to other notes and the sections that link to it (its backlinks), as {@code
 * notesearch links NOTE} lists them.
 *
 * <pre>{@code
 * NoteLinks links = searcher.links("/home/me/notes/aws/ec2.md");
 * for (NoteLinks.Link in : links.backlinks()) {
 *   System.out.println(in.fromPath() + ":" + in.fromLine() + " " + in.fromTitle());
 * }
 * }</pre>
 *
 * @param path the note's path
 * @param title the note's title
 * @param outgoing the note's links, in the note's order; a link that names no indexed note has a
 *     null {@link Link#toPath()}, one that names several notes is listed once for each
 * @param backlinks the sections of other notes that link to this one, by path and line
 */
public record NoteLinks(String path, String title, List<Link> outgoing, List<Link> backlinks) {
  /** Checks and copies. */
  public NoteLinks {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(title, "title");
    outgoing = List.copyOf(outgoing);
    backlinks = List.copyOf(backlinks);
  }

  /**
   * One link, from a section to a note.
   *
   * @param fromPath the linking note's path
   * @param fromTitle the linking note's title
   * @param fromHeadings the linking section's heading path
   * @param fromAnchor the linking section's anchor, empty for a note's intro
   * @param fromLine the 1-based line where the linking section starts
   * @param target what the link says: a note's name as written in {@code [[…]]} or an address's last
   *     part (lowercased, as matched), or the path a relative link resolves to
   * @param toPath the note linked to, or null when no indexed note has that name or path
   * @param toTitle that note's title, or null
   */
  public record Link(String fromPath, String fromTitle, List<String> fromHeadings, String fromAnchor, int fromLine,
      String target, String toPath, String toTitle) {
    /** Checks and copies. */
    public Link {
      Objects.requireNonNull(fromPath, "fromPath");
      Objects.requireNonNull(fromTitle, "fromTitle");
      fromHeadings = List.copyOf(fromHeadings);
      Objects.requireNonNull(fromAnchor, "fromAnchor");
      Objects.requireNonNull(target, "target");
    }
  }
}
