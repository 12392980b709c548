import Markdown
import Testing

/// Tree dumps: structure and the line:column of every node.
struct PositionTests {
  @Test func mixedDocument() {
    let source = """
      # Title *em*

      > quote with `code`
      lazy

      - [ ] task
      - item with **strong** and [link](/u "t")
        1. nested

      ```swift
      let x = 1
      ```

      | a | b |
      |:--|--:|
      | c | ~~d~~ |

      Visit www.example.com now.<br>
      line two\\
      three
      """
    let expected = """
      heading 1 @1:1
        text "Title " @1:3
        emphasis @1:9
          text "em" @1:10
      blockQuote @3:1
        paragraph @3:3
          text "quote with " @3:3
          code "code" @3:14
          softBreak @3:20
          text "lazy" @4:1
      list bullet - tight=true @6:1
        item task=unchecked @6:1
          paragraph @6:7
            text "task" @6:7
        item @7:1
          paragraph @7:3
            text "item with " @7:3
            strong @7:13
              text "strong" @7:15
            text " and " @7:23
            link "/u" title="t" @7:28
              text "link" @7:29
          list ordered 1 . tight=true @8:3
            item @8:3
              paragraph @8:6
                text "nested" @8:6
      codeBlock fenced=true info="swift" @10:1
        "let x = 1\\n"
      table left,right @14:1
        header
          cell
            text "a" @14:3
          cell
            text "b" @14:7
        row
          cell
            text "c" @16:3
          cell
            strikethrough @16:7
              text "d" @16:9
      paragraph @18:1
        text "Visit " @18:1
        link "http://www.example.com" title="" autolink @18:7
          text "www.example.com" @18:7
        text " now." @18:22
        html "<br>" @18:27
        softBreak @18:31
        text "line two" @19:1
        hardBreak @19:9
        text "three" @20:1
      """
    #expect(TreeDump.dump(Document(parsing: source)) == expected)
  }
}
