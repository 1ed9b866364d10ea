package io.notesearch.searcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.notesearch.core.SearchResult;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What an application sees: the core and the searcher each export one package to everyone, and no
 * Lucene type and no type of a package kept to notesearch's own modules appears in their API.
 */
class ApiSurfaceTest {
  private static final Module SEARCHER = NoteSearcher.class.getModule();
  private static final Module CORE = SearchResult.class.getModule();

  @Test
  void eachModuleExportsOnePackageToEveryone() {
    Assumptions.assumeTrue(SEARCHER.isNamed(), "tests run on the class path: no module to check");
    assertEquals(Set.of("io.notesearch.searcher"), openExports(SEARCHER));
    assertEquals(Set.of("io.notesearch.core"), openExports(CORE));
  }

  @Test
  void noLuceneTypeAndNoInternalTypeInTheApi() throws Exception {
    Assumptions.assumeTrue(SEARCHER.isNamed(), "tests run on the class path: no module to check");
    List<Class<?>> types = new ArrayList<>(ApiSurface.types(SEARCHER));
    types.addAll(ApiSurface.types(CORE));
    assertTrue(types.contains(NoteSearcher.class) && types.contains(SearchResult.Facets.class), types.toString());
    Set<String> api = Set.of("io.notesearch.searcher", "io.notesearch.core");
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : types) {
      for (String s : ApiSurface.signatures(c)) {
        String type = s.substring(s.indexOf(": ") + 2);
        String pkg = type.substring(0, type.lastIndexOf('.'));
        if (type.startsWith("org.apache.lucene.") || (type.startsWith("io.notesearch.") && !api.contains(pkg))) {
          leaks.add(s);
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  private static Set<String> openExports(Module module) {
    Set<String> open = new TreeSet<>();
    for (ModuleDescriptor.Exports e : module.getDescriptor().exports()) {
      if (!e.isQualified()) {
        open.add(e.source());
      }
    }
    return open;
  }
}
