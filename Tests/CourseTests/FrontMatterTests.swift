import Testing

@testable import Course

/// The header parser on line endings and text that is not ASCII.
@Suite struct FrontMatterTests {
  @Test func windowsLineEndingsSplitLikeUnixOnes() {
    let unix = "---\nid: intro\ntitle: Über Lambda\nexercises: a, b\n---\n# Body\nline\n"
    let windows = unix.replacingOccurrences(of: "\n", with: "\r\n")
    let (fromUnix, unixProblems) = FrontMatter.parse(unix, file: "u.md")
    let (fromWindows, windowsProblems) = FrontMatter.parse(windows, file: "w.md")
    #expect(unixProblems == [])
    #expect(windowsProblems == [])
    #expect(fromWindows.entries == fromUnix.entries)
    #expect(fromWindows.value("title") == "Über Lambda")
    #expect(fromWindows.list("exercises") == ["a", "b"])
    #expect(fromWindows.bodyStartLine == 6)
    #expect(fromWindows.body == "# Body\nline\n")
  }

  @Test func trimmingKeepsInnerTextAndCombiningMarks() {
    #expect(" \t e\u{301}t\u{E9} \r\n".trimmingWhitespace() == "e\u{301}t\u{E9}")
    #expect("  ".trimmingWhitespace() == "")
    #expect("x".trimmingWhitespace() == "x")
    let line = "key:  ☃ value\t"
    let colon = line.firstIndex(of: ":") ?? line.endIndex
    #expect(line[line.index(after: colon)...].trimmingWhitespace() == "☃ value")
  }

  @Test func listsSplitOnCommasAlikeInASCIIAndOtherText() {
    let ascii = FrontMatter(
      entries: [.init(key: "exercises", value: " a, b ,,c\t,  ", line: 2)], body: "",
      bodyStartLine: 4, isPresent: true)
    #expect(ascii.list("exercises") == ["a", "b", "c"])
    // A combining mark joins the comma before it into one Character, which is not a comma:
    // text that is not ASCII keeps the Character split.
    let combining = FrontMatter(
      entries: [.init(key: "exercises", value: "über, a,\u{301}b", line: 2)], body: "",
      bodyStartLine: 4, isPresent: true)
    #expect(combining.list("exercises") == ["über", "a,\u{301}b"])
    #expect(ascii.list("missing") == [])
  }
}
