import Markdown
import Testing

/// Link destinations are percent-encoded as cmark does; the writer copies runs of unchanged
/// bytes in one piece, decided by a bit table that must agree with the rule byte by byte.
struct HrefTests {
  /// cmark's rule for one byte of a destination, spelled out independently of the writer.
  static func expected(_ c: UInt8) -> String {
    let kept = Array("-_.+!*(),%#@?=;:/$~".utf8)
    if (48...57).contains(c) || (65...90).contains(c) || (97...122).contains(c)
      || kept.contains(c)
    {
      return String(UnicodeScalar(c))
    }
    if c == UInt8(ascii: "&") { return "&amp;" }
    if c == UInt8(ascii: "'") { return "&#x27;" }
    let digits = Array("0123456789ABCDEF")
    return "%" + String(digits[Int(c >> 4)]) + String(digits[Int(c & 15)])
  }

  @Test func everyASCIIByteInADestination() {
    var failed: [UInt8] = []
    for c in UInt8(1)...127 {
      // Angle brackets allow any byte but these in a destination; a backslash escapes.
      if [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), 10, 13].contains(c) {
        continue
      }
      let markdown = "[a](<x" + String(UnicodeScalar(c)) + "y>)\n"
      let html = "<p><a href=\"x" + Self.expected(c) + "y\">a</a></p>\n"
      let bytes = Array(markdown.utf8)
      if HTMLRenderer.render(Document(parsing: markdown)) != html
        || HTMLRenderer.renderBytes(parsing: bytes) != Array(html.utf8)
      {
        failed.append(c)
      }
    }
    #expect(failed == [])
  }

  @Test func nonASCIIIsPercentEncodedByteByByte() {
    let html = HTMLRenderer.render(Document(parsing: "[a](/é_日?q=1&r='s')\n"))
    #expect(html == "<p><a href=\"/%C3%A9_%E6%97%A5?q=1&amp;r=&#x27;s&#x27;\">a</a></p>\n")
  }
}
