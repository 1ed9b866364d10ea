/** An application that indexes and searches notes with notesearch, as README's "Embedding" shows. */
module example.embedding {
  requires io.notesearch.indexer;
  requires io.notesearch.searcher;
}
