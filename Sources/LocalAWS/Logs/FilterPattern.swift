/// The simple term patterns of CloudWatch Logs filters: `ERROR` (contains), `ERROR timeout`
/// (all terms), `"exact phrase"`, `?ERROR ?WARN` (any of), `-DEBUG` (none of). Matching is
/// case-sensitive, as in CloudWatch. JSON (`{ $.x = 1 }`) and space-delimited (`[a, b]`)
/// patterns are refused with a clear message.
struct FilterPattern: Equatable {
  var all: [String] = []
  var any: [String] = []
  var none: [String] = []

  init(_ text: String) throws(AWSError) {
    let trimmed = text.trimmingSpaces()
    if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
      throw AWSError(
        status: 400, type: "InvalidParameterException",
        message:
          "Invalid filter pattern: lambdalings serve supports term patterns (ERROR, \"a phrase\","
          + " ?A ?B, -C), not JSON or space-delimited patterns")
    }
    var terms: [String] = []
    var current = ""
    var quoted = false
    for character in trimmed {
      if character == "\"" {
        quoted.toggle()
      } else if character == " " && !quoted {
        if !current.isEmpty { terms.append(current) }
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { terms.append(current) }
    for term in terms {
      if term.hasPrefix("?"), term.count > 1 {
        any.append(String(term.dropFirst()))
      } else if term.hasPrefix("-"), term.count > 1 {
        none.append(String(term.dropFirst()))
      } else {
        all.append(term)
      }
    }
  }

  func matches(_ message: String) -> Bool {
    all.allSatisfy { message.contains($0) }
      && (any.isEmpty || any.contains { message.contains($0) })
      && !none.contains { message.contains($0) }
  }
}
