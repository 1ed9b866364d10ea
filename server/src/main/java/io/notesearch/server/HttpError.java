package io.notesearch.server;

/** A request that gets an error status and a one-line JSON message instead of its answer. */
final class HttpError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  HttpError(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
