/// The GitHub Flavored Markdown extensions the parser can apply on top of CommonMark.
public struct MarkdownExtensions: OptionSet, Sendable {
  public let rawValue: Int

  public init(rawValue: Int) {
    self.rawValue = rawValue
  }

  /// Pipe tables with a delimiter row.
  public static let tables = MarkdownExtensions(rawValue: 1 << 0)
  /// `~text~` and `~~text~~`.
  public static let strikethrough = MarkdownExtensions(rawValue: 1 << 1)
  /// Bare `www.`, `http(s)://`, `ftp://` and email addresses become links.
  public static let autolinks = MarkdownExtensions(rawValue: 1 << 2)
  /// `- [ ]` and `- [x]` list items.
  public static let taskLists = MarkdownExtensions(rawValue: 1 << 3)

  /// Everything GitHub enables: the default.
  public static let gfm: MarkdownExtensions = [.tables, .strikethrough, .autolinks, .taskLists]
}
