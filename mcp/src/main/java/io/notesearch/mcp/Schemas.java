package io.notesearch.mcp;

/** The JSON schemas of the tools' arguments: what an assistant reads to call them. */
final class Schemas {
  private Schemas() {}

  static final String SEARCH = """
      {
        "type": "object",
        "properties": {
          "query": {"type": "string", "description": "The words to look for, as the user would write them: Korean, English or both (e.g. \\"EC2가 ELB를 거치면\\", \\"lambda cold start\\"). Also: \\"exact phrase\\", -word to exclude, tag:aws, title:, heading:, code:, path:, date:2024."},
          "limit": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10, "description": "How many sections at most."},
          "tags": {"type": "array", "items": {"type": "string"}, "description": "Only notes with all of these tags."},
          "category": {"type": "string", "description": "Only notes in this category."},
          "from": {"type": "string", "format": "date", "description": "Only notes dated on or after this day, YYYY-MM-DD."},
          "to": {"type": "string", "format": "date", "description": "Only notes dated on or before this day, YYYY-MM-DD."},
          "drafts": {"type": "boolean", "default": false, "description": "Include notes marked draft."}
        },
        "required": ["query"],
        "additionalProperties": false
      }""";

  static final String READ = """
      {
        "type": "object",
        "properties": {
          "path": {"type": "string", "description": "The note's path, exactly as search_notes returned it."},
          "anchor": {"type": "string", "description": "The section's anchor as search_notes returned it (\\"\\" or absent: the text before the first heading)."},
          "line": {"type": "integer", "minimum": 1, "description": "Instead of anchor: a line of the note; the section that line is in is read."}
        },
        "required": ["path"],
        "additionalProperties": false
      }""";

  static final String RELATED = """
      {
        "type": "object",
        "properties": {
          "path": {"type": "string", "description": "The note's path, exactly as search_notes returned it."},
          "anchor": {"type": "string", "description": "The section's anchor (\\"\\" or absent: the note's first section)."},
          "limit": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10, "description": "How many sections at most."}
        },
        "required": ["path"],
        "additionalProperties": false
      }""";
}
