package io.notesearch.searcher.internal;

import io.notesearch.core.NoteLinks;
import io.notesearch.core.schema.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;

/**
 * Links between notes, read from the index: a section's {@link IndexSchema#LINK} keys are what its
 * links say, a note's path and {@link IndexSchema#LINK_KEY} names what a link to it may say, so
 * backlinks are one query and an outgoing link is resolved by one more. Not API.
 */
final class LinkGraph {
  /** More sections than any note has, and more links to one note than a page lists. */
  private static final int MAX = 10_000;

  private static final Set<String> FIELDS = Set.of(IndexSchema.PATH, IndexSchema.TITLE, IndexSchema.HEADINGS_STORED,
      IndexSchema.ANCHOR, IndexSchema.LINE, IndexSchema.LINK, IndexSchema.LINK_KEY);

  private LinkGraph() {}

  static NoteLinks of(IndexSearcher searcher, String note) throws IOException {
    StoredFields stored = searcher.storedFields();
    String path = pathOf(searcher, stored, note);
    List<Document> own = sections(searcher, stored, new TermQuery(new Term(IndexSchema.PATH, path)));
    Document first = own.getFirst();
    List<NoteLinks.Link> outgoing = new ArrayList<>();
    Map<String, List<Document>> resolved = new LinkedHashMap<>();
    for (Document d : own) {
      for (String target : d.getValues(IndexSchema.LINK)) {
        List<Document> to = resolved.get(target);
        if (to == null) {
          to = notes(sections(searcher, stored, target(target)));
          resolved.put(target, to);
        }
        if (to.isEmpty()) {
          outgoing.add(link(d, target, null));
        }
        for (Document t : to) {
          outgoing.add(link(d, target, t));
        }
      }
    }
    BooleanQuery.Builder in = new BooleanQuery.Builder();
    List<String> keys = new ArrayList<>(List.of(first.getValues(IndexSchema.LINK_KEY)));
    keys.add(IndexSchema.pathLink(path));
    keys.add(IndexSchema.nameLink(first.get(IndexSchema.TITLE)));
    keys.remove("");
    for (String key : keys) {
      in.add(new TermQuery(new Term(IndexSchema.LINK, key)), Occur.SHOULD);
    }
    in.add(new TermQuery(new Term(IndexSchema.PATH, path)), Occur.MUST_NOT);
    List<NoteLinks.Link> backlinks = new ArrayList<>();
    Set<String> mine = Set.copyOf(keys);
    for (Document d : sections(searcher, stored, in.build())) {
      String target = Arrays.stream(d.getValues(IndexSchema.LINK)).filter(mine::contains).findFirst().orElse("");
      backlinks.add(link(d, target, first));
    }
    return new NoteLinks(path, first.get(IndexSchema.TITLE), outgoing, backlinks);
  }

  /**
   * The title of the one note a link's key names, or null when none or several do (a hit then shows
   * the name as written).
   *
   * @param key a {@link IndexSchema#nameLink} or {@link IndexSchema#pathLink}
   */
  static String title(IndexSearcher searcher, String key) throws IOException {
    // One document per note: the first sections, the only ones with a note hash.
    Query firstSections = new BooleanQuery.Builder().add(target(key), Occur.MUST)
        .add(new org.apache.lucene.search.FieldExistsQuery(IndexSchema.NOTE_HASH), Occur.FILTER).build();
    ScoreDoc[] found = searcher.search(firstSections, 2).scoreDocs;
    if (found.length != 1) {
      return null;
    }
    String title = searcher.storedFields().document(found[0].doc, TITLE_FIELDS).get(IndexSchema.TITLE);
    return title == null || title.isBlank() ? null : title;
  }

  private static final Set<String> TITLE_FIELDS = Set.of(IndexSchema.TITLE);

  /** The note's path: as given when a note has it, else the one note a link of that name reaches. */
  private static String pathOf(IndexSearcher searcher, StoredFields stored, String note) throws IOException {
    if (searcher.count(new TermQuery(new Term(IndexSchema.PATH, note))) > 0) {
      return note;
    }
    String key = IndexSchema.nameLink(note);
    Set<String> paths = new TreeSet<>();
    if (!key.isEmpty()) {
      for (Document d : sections(searcher, stored, target(key))) {
        paths.add(d.get(IndexSchema.PATH));
      }
    }
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("no indexed note has the path or name [" + note + "]");
    }
    if (paths.size() > 1) {
      throw new IllegalArgumentException("[" + note + "] names " + paths.size() + " notes; give one's path: "
          + String.join(", ", paths));
    }
    return paths.iterator().next();
  }

  /**
   * The notes a link's key names: a path is the note's path; a name its file name, slug or alias
   * ({@link IndexSchema#LINK_KEY}) or its title ({@link IndexSchema#TITLE_KEY}, the whole title).
   */
  private static Query target(String key) {
    if (key.startsWith("path:")) {
      return new TermQuery(new Term(IndexSchema.PATH, key.substring(5)));
    }
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexSchema.LINK_KEY, key)), Occur.SHOULD)
        .add(new TermQuery(new Term(IndexSchema.TITLE_KEY, key.substring("name:".length()))), Occur.SHOULD)
        .build();
  }

  /** The sections a query finds, by path and line. */
  private static List<Document> sections(IndexSearcher searcher, StoredFields stored, Query query) throws IOException {
    List<Document> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(query, MAX).scoreDocs) {
      out.add(stored.document(sd.doc, FIELDS));
    }
    out.sort(Comparator.comparing((Document d) -> d.get(IndexSchema.PATH))
        .thenComparingInt(d -> d.getField(IndexSchema.LINE).numericValue().intValue()));
    return out;
  }

  /** One section of each note, the first. */
  private static List<Document> notes(List<Document> sections) {
    Map<String, Document> byPath = new LinkedHashMap<>();
    sections.forEach(d -> byPath.putIfAbsent(d.get(IndexSchema.PATH), d));
    return List.copyOf(byPath.values());
  }

  private static NoteLinks.Link link(Document from, String target, Document to) {
    String joined = from.get(IndexSchema.HEADINGS_STORED);
    return new NoteLinks.Link(from.get(IndexSchema.PATH), from.get(IndexSchema.TITLE),
        joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(IndexSchema.HEADING_SEPARATOR, -1)),
        from.get(IndexSchema.ANCHOR), from.getField(IndexSchema.LINE).numericValue().intValue(),
        target.startsWith("path:") ? target.substring(5) : target.startsWith("name:") ? target.substring(5) : target,
        to == null ? null : to.get(IndexSchema.PATH), to == null ? null : to.get(IndexSchema.TITLE));
  }
}
