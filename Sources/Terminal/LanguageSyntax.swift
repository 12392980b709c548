/// What the highlighter needs to know about a language: its keywords and how its comments,
/// strings, variables and keys look.
struct LanguageSyntax: Sendable {
  var keywords: Set<String> = []
  var literals: Set<String> = []
  var lineComments: [String] = []
  var blockComment: (open: String, close: String)?
  var quotes: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: "'")]
  /// `"""` (and `'''` where `'` quotes) open multi-line strings.
  var tripleQuotes = false
  /// `#` starts a comment only at the start of a word (shell: `a#b` is a word).
  var commentNeedsSpace = false
  /// Backslash does not escape inside single quotes (shell, YAML).
  var rawSingleQuotes = false
  /// `$NAME`, `${...}` and `$1` are variables.
  var variables = false
  /// A string or bare word followed by `:` is a key (JSON, YAML).
  var keys = false
  /// Keys may be bare words (YAML) rather than only strings (JSON).
  var bareKeys = false
  /// `@name` is an attribute or decorator.
  var attributes = false

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
