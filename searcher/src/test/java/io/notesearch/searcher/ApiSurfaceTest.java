package io.notesearch.searcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The searcher's module exports its API package only, and no Lucene type appears in that API. */
class ApiSurfaceTest {
  private static final Module MODULE = NoteSearcher.class.getModule();

  /** The overload for the indexer and class-path tools, documented as such. */
  private static final Set<String> KNOWN_INTERNAL =
      Set.of("io.notesearch.searcher.NoteSearcher.open: io.notesearch.searcher.analysis.NoteAnalyzers");

  @Test
  void onlyTheApiPackageIsExportedToEveryone() {
    Assumptions.assumeTrue(MODULE.isNamed(), "tests run on the class path: no module to check");
    Set<String> open = new TreeSet<>();
    Set<String> qualified = new TreeSet<>();
    for (ModuleDescriptor.Exports e : MODULE.getDescriptor().exports()) {
      (e.isQualified() ? qualified : open).add(e.source() + (e.isQualified() ? " to " + e.targets() : ""));
    }
    assertEquals(Set.of("io.notesearch.searcher"), open);
    assertEquals(Set.of("io.notesearch.searcher.analysis to [io.notesearch.indexer]",
        "io.notesearch.searcher.schema to [io.notesearch.indexer]"), qualified);
  }

  @Test
  void noLuceneTypeAndNoInternalTypeInTheApi() throws Exception {
    Assumptions.assumeTrue(MODULE.isNamed(), "tests run on the class path: no module to check");
    List<Class<?>> types = ApiSurface.types(MODULE);
    assertTrue(types.contains(NoteSearcher.class) && types.contains(SearchResult.Facets.class), types.toString());
    List<String> leaks = new ArrayList<>();
    Set<String> internalSeen = new TreeSet<>();
    for (Class<?> c : types) {
      for (String s : ApiSurface.signatures(c)) {
        String type = s.substring(s.indexOf(": ") + 2);
        String pkg = type.substring(0, type.lastIndexOf('.'));
        boolean internal = type.startsWith("io.notesearch.") && !pkg.equals("io.notesearch.searcher");
        if (internal && KNOWN_INTERNAL.contains(s)) {
          internalSeen.add(s);
        } else if (type.startsWith("org.apache.lucene.") || internal) {
          leaks.add(s);
        }
      }
    }
    assertEquals(KNOWN_INTERNAL, internalSeen, "the scan sees parameter types");
    assertEquals(List.of(), leaks);
  }
}
