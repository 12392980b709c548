import Testing

@testable import YAML

/// Parses `text` and returns the one-line dump, or "error L:C: message".
func dump(_ text: String) -> String {
  do {
    return try YAML.parse(text).dump()
  } catch {
    return "error \(error.line):\(error.column): \(error.message)"
  }
}

/// The error for `text`, or nil when it parses.
func parseError(_ text: String) -> YAMLError? {
  do {
    _ = try YAML.parse(text)
    return nil
  } catch {
    return error
  }
}
