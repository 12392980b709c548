import Markdown
import Testing

@testable import Terminal

@Suite struct TableTests {
  let table = """
    | Left | Center | Right |
    |:-----|:------:|------:|
    | a | b | c |
    | **bold** | `code` | 10 |

    """

  @Test func drawsBoxesWithAlignment() {
    let expected = """
      ┌──────┬────────┬───────┐
      │ Left │ Center │ Right │
      ├──────┼────────┼───────┤
      │ a    │   b    │     c │
      │ bold │  code  │    10 │
      └──────┴────────┴───────┘

      """
    #expect(
      render(table, format: .ansi).split(separator: "\n").map {
        ANSIStyle.stripped(String($0))
      }.joined(separator: "\n") + "\n" == expected)
    let ascii = render(table, unicode: false)
    #expect(ascii.hasPrefix("+------+--------+-------+\n| Left | Center | Right |\n"))
  }

  @Test func inlineMarkupInsideCells() {
    let ansi = render(table, format: .ansi)
    #expect(ansi.contains(ANSIStyle.bold.sequence + "bold"))
    #expect(ansi.contains(ANSIStyle.yellow.sequence + "code"))
    // Plain output has no markers, and columns are as wide as what is shown.
    #expect(render(table).contains("│ bold │  code  │    10 │"))
  }

  @Test func wideTablesWrapCellsWithoutShrinkingColumnsToNothing() {
    let long = Array(repeating: "words", count: 30).joined(separator: " ")
    let markdown = "| Name | Description |\n|---|---|\n| id | \(long) |\n| x | short |\n"
    for width in 30...60 {
      let lines = render(markdown, width: width).split(separator: "\n").map(String.init)
      #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width)")
      #expect(lines.contains { $0.hasPrefix("│ Name │ ") }, "width \(width)")
      #expect(lines.filter { $0.hasPrefix("├") }.count == 2, "rows are separated when wrapped")
    }
  }

  @Test func columnWidthsKeepAFloor() {
    #expect(
      TableLayout.columnWidths(natural: [5, 5], longestWord: [5, 5], available: 20) == [5, 5])
    let squeezed = TableLayout.columnWidths(
      natural: [4, 80, 30], longestWord: [4, 10, 9], available: 40)
    #expect(squeezed?.reduce(0, +) == 40 - 10)
    #expect(squeezed?[0] == 4)
    #expect(squeezed.map { $0.allSatisfy { $0 >= TableLayout.minimumColumn } } == true)
    #expect(
      TableLayout.columnWidths(natural: [9, 9, 9], longestWord: [9, 9, 9], available: 12) == nil)
  }

  @Test func tooManyColumnsStackAsRecords() {
    let header = (1...10).map { "Column\($0)" }.joined(separator: " | ")
    let separator = Array(repeating: "---", count: 10).joined(separator: "|")
    let row = (1...10).map { "v\($0)" }.joined(separator: " | ")
    let output = render("| \(header) |\n|\(separator)|\n| \(row) |\n", width: 30)
    #expect(output.hasPrefix("Column1: v1\nColumn2: v2\n"))
    #expect(output.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 30 })
  }

  @Test func identifiersAreNeverCutInTwo() {
    let markdown = """
      | Setting | Value | Notes |
      |---|---|---|
      | `ReservedConcurrentExecutions` | 0 to the account limit | set per function |
      | `ProvisionedConcurrentExecutions` | up to the reserved value | costs money |
      | timeout | 900 s | `AWS_LAMBDA_FUNCTION_TIMEOUT` is not a variable |

      """
    let identifiers = [
      "ReservedConcurrentExecutions", "ProvisionedConcurrentExecutions",
      "AWS_LAMBDA_FUNCTION_TIMEOUT",
    ]
    // From the narrowest width where the longest identifier fits on a line of its own.
    for width in 34...100 {
      let output = render(markdown, width: width)
      for identifier in identifiers {
        #expect(output.contains(identifier), "\(identifier) cut at width \(width)")
      }
      let lines = output.split(separator: "\n").map(String.init)
      #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width)")
    }
  }

  @Test func wideCharactersArePaddedByDisplayWidth() {
    let output = render("| 名前 | n |\n|---|---|\n| 日本語 | 1 |\n")
    #expect(output.contains("│ 名前   │ n │"))
    #expect(output.contains("│ 日本語 │ 1 │"))
  }
}
