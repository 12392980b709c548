import Foundation

/// The index file: UTF-8 text, one record a line, fields separated by tabs, with backslash,
/// tab, line feed and carriage return escaped in every field. A file's records follow its
/// `F` line:
///
/// ```
/// lambdalings course index 1
/// stamp  <stamp>
/// root   <absolute course folder>
/// F      <path in the course>  <key>  <1 when it has a header>  <body's first line>  <body>
/// H      <line>  <key>  <value>               one per header entry, in order
/// P      <e|w>  <line>  <message>             one per problem
/// Q      <id>  <question count>  <topic>...   quiz files only
/// end    <number of files>
/// ```
///
/// Anything else (another header, stamp or root, an unknown record, a missing `end`) makes the
/// whole file unusable, and the load then reads every file and writes a new one.
extension CourseIndex {
  static func encode(_ entries: [String: Entry], stamp: String, root: String) -> Data {
    var text = header + "\n"
    text += "stamp\t\(escape(stamp))\nroot\t\(escape(root))\n"
    for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
      let matter = entry.header
      text +=
        "F\t\(escape(path))\t\(escape(entry.key))\t\(matter.isPresent ? 1 : 0)\t"
        + "\(matter.bodyStartLine)\t\(escape(matter.body))\n"
      for item in matter.entries {
        text += "H\t\(item.line)\t\(escape(item.key))\t\(escape(item.value))\n"
      }
      for problem in entry.problems {
        let severity = problem.severity == .error ? "e" : "w"
        text += "P\t\(severity)\t\(problem.line)\t\(escape(problem.message))\n"
      }
      if let quiz = entry.quiz {
        text += "Q\t\(escape(quiz.id))\t\(quiz.questionCount)"
        for topic in quiz.topics { text += "\t\(escape(topic))" }
        text += "\n"
      }
    }
    text += "end\t\(entries.count)\n"
    return Data(text.utf8)
  }

  /// The entries of an index file, or nil when it is not one written for `stamp` and `root`.
  static func decode(_ data: Data, stamp: String, root: String) -> [String: Entry]? {
    data.withUnsafeBytes { raw in
      decode(raw.bindMemory(to: UInt8.self), stamp: stamp, root: root)
    }
  }

  /// Works on the bytes: a text field becomes a `String` once, straight from its bytes; the
  /// record's tag and its numbers are read from the bytes without one.
  private static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, stamp: String, root: String
  ) -> [String: Entry]? {
    var entries: [String: Entry] = [:]
    var path: String?
    var entry: Entry?
    var lineNumber = 0
    var ended = false
    var fields: [Range<Int>] = []
    var lineStart = 0
    func text(_ index: Int) -> String { field(bytes, fields[index]) }
    func number(_ index: Int) -> Int? { integer(bytes, fields[index]) }
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
      // A file that does not end with a line feed was cut short.
      guard lineEnd < bytes.count, !ended else { return nil }
      lineNumber += 1
      fields.removeAll(keepingCapacity: true)
      var fieldStart = lineStart
      for position in lineStart...lineEnd where position == lineEnd || bytes[position] == 9 {
        fields.append(fieldStart..<position)
        fieldStart = position + 1
      }
      lineStart = lineEnd + 1
      // The records of files carry a one-letter tag; the first three lines and `end` do not.
      let tag = lineNumber > 3 && fields[0].count == 1 ? bytes[fields[0].lowerBound] : 0
      switch (lineNumber, tag) {
      case (1, _):
        guard fields.count == 1, text(0) == header else { return nil }
      case (2, _):
        guard fields.count == 2, text(0) == "stamp", text(1) == stamp else { return nil }
      case (3, _):
        guard fields.count == 2, text(0) == "root", text(1) == root else { return nil }
      case (_, UInt8(ascii: "F")):
        guard fields.count == 6, let line = number(4) else { return nil }
        if let path, let entry { entries[path] = entry }
        path = text(1)
        entry = Entry(
          key: text(2),
          header: FrontMatter(
            entries: [], body: text(5), bodyStartLine: line,
            isPresent: fields[3].count == 1 && bytes[fields[3].lowerBound] == UInt8(ascii: "1")),
          problems: [], quiz: nil)
      case (_, UInt8(ascii: "H")):
        guard fields.count == 4, let line = number(1), entry != nil else { return nil }
        entry?.header.entries.append(FrontMatter.Entry(key: text(2), value: text(3), line: line))
      case (_, UInt8(ascii: "P")):
        guard fields.count == 4, let line = number(2), entry != nil else { return nil }
        let severity = text(1)
        guard severity == "e" || severity == "w"
        else { return nil }
        entry?.problems.append(
          Diagnostic(
            severity: severity == "e" ? .error : .warning, file: "", line: line,
            message: text(3)))
      case (_, UInt8(ascii: "Q")):
        guard fields.count >= 3, let count = number(2), entry != nil, entry?.quiz == nil
        else { return nil }
        entry?.quiz = QuizListing(
          id: text(1), questionCount: count, topics: (3..<fields.count).map(text))
      case (_, 0) where text(0) == "end":
        if let path, let entry { entries[path] = entry }
        guard fields.count == 2, number(1) == entries.count else { return nil }
        ended = true
      default:
        return nil
      }
    }
    return ended ? entries : nil
  }

  /// The whole number at `range` (an optional sign, then digits), or nil.
  private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    var index = range.lowerBound
    var negative = false
    if index < range.upperBound,
      bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")
    {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    guard index < range.upperBound, range.upperBound - index <= 18 else { return nil }
    var value = 0
    while index < range.upperBound {
      let digit = Int(bytes[index]) - 48
      guard digit >= 0 && digit <= 9 else { return nil }
      value = value * 10 + digit
      index += 1
    }
    return negative ? -value : value
  }

  /// The field at `range`, unescaped.
  private static func field(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    let slice = UnsafeBufferPointer(rebasing: bytes[range])
    guard slice.contains(92) else { return String(decoding: slice, as: UTF8.self) }
    var result: [UInt8] = []
    result.reserveCapacity(slice.count)
    var escaped = false
    for byte in slice {
      if escaped {
        switch byte {
        case UInt8(ascii: "t"): result.append(9)
        case UInt8(ascii: "n"): result.append(10)
        case UInt8(ascii: "r"): result.append(13)
        default: result.append(byte)
        }
        escaped = false
      } else if byte == 92 {
        escaped = true
      } else {
        result.append(byte)
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  static func escape(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 92 || $0 == 9 || $0 == 10 || $0 == 13 }) else {
      return text
    }
    var result = ""
    for character in text.unicodeScalars {
      switch character {
      case "\\": result += "\\\\"
      case "\t": result += "\\t"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      default: result.unicodeScalars.append(character)
      }
    }
    return result
  }
}
