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
}
