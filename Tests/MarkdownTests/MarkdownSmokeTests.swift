import Testing

@testable import Markdown

@Test func markdownModuleLinks() {
  #expect(Bool(true))
}
