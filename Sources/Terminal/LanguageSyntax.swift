/// What the highlighter needs to know about a language: its keywords and how its comments,
/// strings, variables and keys look.
struct LanguageSyntax: Sendable {
  let keywords: Set<String>
  let literals: Set<String>
  let lineComments: [String]
  let blockComment: (open: String, close: String)?
  let quotes: Set<UInt8>
  /// `"""` (and `'''` where `'` quotes) open multi-line strings.
  let tripleQuotes: Bool
  /// `#` starts a comment only at the start of a word (shell: `a#b` is a word).
  let commentNeedsSpace: Bool
  /// Backslash does not escape inside single quotes (shell, YAML).
  let rawSingleQuotes: Bool
  /// `$NAME`, `${...}` and `$1` are variables.
  let variables: Bool
  /// A string or bare word followed by `:` is a key (JSON, YAML).
  let keys: Bool
  /// Keys may be bare words (YAML) rather than only strings (JSON).
  let bareKeys: Bool
  /// `@name` is an attribute or decorator.
  let attributes: Bool
  /// `keywords` and `literals` for lookups on bytes.
  let words: WordTable
  /// `quotes` as bits of the ASCII table, for a test without hashing.
  private let quoteBits: (low: UInt64, high: UInt64)

  init(
    keywords: Set<String> = [], literals: Set<String> = [], lineComments: [String] = [],
    blockComment: (open: String, close: String)? = nil,
    quotes: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: "'")], tripleQuotes: Bool = false,
    commentNeedsSpace: Bool = false, rawSingleQuotes: Bool = false, variables: Bool = false,
    keys: Bool = false, bareKeys: Bool = false, attributes: Bool = false
  ) {
    self.keywords = keywords
    self.literals = literals
    self.lineComments = lineComments
    self.blockComment = blockComment
    self.quotes = quotes
    self.tripleQuotes = tripleQuotes
    self.commentNeedsSpace = commentNeedsSpace
    self.rawSingleQuotes = rawSingleQuotes
    self.variables = variables
    self.keys = keys
    self.bareKeys = bareKeys
    self.attributes = attributes
    words = WordTable(keywords: keywords, literals: literals)
    var bits: (low: UInt64, high: UInt64) = (0, 0)
    for quote in quotes where quote < 128 {
      if quote < 64 { bits.low |= 1 << UInt64(quote) } else { bits.high |= 1 << UInt64(quote - 64) }
    }
    quoteBits = bits
  }

  /// Whether `byte` opens a string.
  func isQuote(_ byte: UInt8) -> Bool {
    if byte < 64 { return quoteBits.low & (1 << UInt64(byte)) != 0 }
    if byte < 128 { return quoteBits.high & (1 << UInt64(byte - 64)) != 0 }
    return quotes.contains(byte)
  }

  /// The syntax for a fenced code block's language name, or nil to leave it plain.
  static func named(_ name: String) -> LanguageSyntax? {
    switch name.lowercased() {
    case "python", "py", "python3": python
    case "javascript", "js", "mjs", "cjs", "jsx", "node", "typescript", "ts", "tsx", "mts":
      javascript
    case "json", "jsonc", "json5", "geojson": json
    case "yaml", "yml": yaml
    case "bash", "sh", "shell", "zsh", "console", "shell-session", "shellsession": shell
    case "swift": swift
    default: nil
    }
  }

  static let python = LanguageSyntax(
    keywords: words(
      "and as assert async await break class continue def del elif else except finally for from",
      "global if import in is lambda nonlocal not or pass raise return try while with yield",
      "match case"),
    literals: words("True False None"), lineComments: ["#"], tripleQuotes: true,
    attributes: true)

  static let javascript = LanguageSyntax(
    keywords: words(
      "break case catch class const continue debugger default delete do else export extends",
      "finally for function if import in instanceof let new return super switch this throw try",
      "typeof var void while with yield async await of static get set from as interface type",
      "enum implements private public protected readonly declare namespace abstract keyof"),
    literals: words("true false null undefined NaN Infinity"), lineComments: ["//"],
    blockComment: ("/*", "*/"), quotes: [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")])

  static let json = LanguageSyntax(
    literals: words("true false null"), lineComments: ["//"], blockComment: ("/*", "*/"),
    keys: true)

  static let yaml = LanguageSyntax(
    literals: words("true false null yes no on off True False Null Yes No"), lineComments: ["#"],
    commentNeedsSpace: true, rawSingleQuotes: true, keys: true, bareKeys: true)

  static let shell = LanguageSyntax(
    keywords: words(
      "if then else elif fi for while until do done case esac function in select return local",
      "export readonly declare unset shift exit set source alias"),
    lineComments: ["#"], commentNeedsSpace: true, rawSingleQuotes: true, variables: true)

  static let swift = LanguageSyntax(
    keywords: words(
      "associatedtype class deinit enum extension fileprivate func import init inout internal",
      "let open operator private precedencegroup protocol public rethrows static struct",
      "subscript typealias var break case catch continue default defer do else fallthrough for",
      "guard if in repeat return throw switch where while as await async is self Self super",
      "throws try some any actor nonisolated mutating override required weak unowned lazy final",
      "get set willSet didSet convenience"),
    literals: words("true false nil"), lineComments: ["//"], blockComment: ("/*", "*/"),
    quotes: [UInt8(ascii: "\"")], tripleQuotes: true, attributes: true)

  private static func words(_ lists: String...) -> Set<String> {
    Set(lists.flatMap { $0.split(separator: " ").map(String.init) })
  }
}

/// Keywords and literals looked up by their bytes, without making a string of each word.
struct WordTable: Sendable {
  private var buckets: [[(word: [UInt8], isKeyword: Bool)]]

  init(keywords: Set<String>, literals: Set<String>) {
    buckets = Array(repeating: [], count: 256)
    // Keywords first: a word in both sets is a keyword, as the sets were asked in that order.
    for (words, isKeyword) in [(keywords, true), (literals, false)] {
      for word in words.sorted() {
        let bytes = Array(word.utf8)
        let slot = bytes.withUnsafeBufferPointer { Self.slot($0) }
        buckets[slot].append((bytes, isKeyword))
      }
    }
  }

  private static func slot(_ word: UnsafeBufferPointer<UInt8>) -> Int {
    guard let first = word.first, let last = word.last else { return 0 }
    return (Int(first) &* 7 &+ word.count &* 31 &+ Int(last)) & 255
  }

  /// Whether `word` is a keyword (true), a literal (false) or neither (nil).
  func lookup(_ word: UnsafeBufferPointer<UInt8>) -> Bool? {
    for entry in buckets[Self.slot(word)] where entry.word.count == word.count {
      if entry.word.withUnsafeBufferPointer({ $0.elementsEqual(word) }) { return entry.isKeyword }
    }
    return nil
  }
}
