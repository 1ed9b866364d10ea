package io.notesearch.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The indexer's module exports its API package only, and neither Lucene nor flexmark shows in it.
 * (The signature walk is {@code io.notesearch.searcher.ApiSurface}'s, kept small here.)
 */
class IndexerApiSurfaceTest {
  private static final Module MODULE = NoteIndexer.class.getModule();

  @Test
  void onlyTheApiPackageIsExportedToEveryoneAndTheCoreIsReadTransitively() {
    Assumptions.assumeTrue(MODULE.isNamed(), "tests run on the class path: no module to check");
    ModuleDescriptor d = MODULE.getDescriptor();
    assertEquals(Set.of("io.notesearch.indexer"), d.exports().stream().filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source).collect(java.util.stream.Collectors.toSet()));
    assertTrue(d.requires().stream().anyMatch(r -> r.name().equals("io.notesearch.core")
        && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)), d.requires().toString());
  }

  @Test
  void noLuceneOrFlexmarkTypeInTheApi() {
    List<Class<?>> api = List.of(NoteIndexer.class, IndexMode.class, IndexOptions.class, IndexReport.class, Problem.class,
        NoteRenderer.class, RenderedNote.class);
    List<String> leaks = new ArrayList<>();
    Set<String> named = new TreeSet<>();
    for (Class<?> c : api) {
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
          continue;
        }
        List<Class<?>> types = new ArrayList<>(List.of(m.getParameterTypes()));
        types.add(m.getReturnType());
        types.addAll(List.of(m.getExceptionTypes()));
        for (Class<?> t : types) {
          named.add(t.getName());
          if (t.getName().startsWith("org.apache.lucene.") || t.getName().startsWith("com.vladsch.")
              || (t.getName().startsWith("io.notesearch.")
                  && !Set.of("io.notesearch.indexer", "io.notesearch.core").contains(t.getPackageName()))) {
            leaks.add(c.getSimpleName() + "." + m.getName() + ": " + t.getName());
          }
        }
      }
    }
    assertTrue(named.contains("io.notesearch.core.UserFiles"), "the scan sees parameters: " + named);
    assertEquals(List.of(), leaks);
  }
}
