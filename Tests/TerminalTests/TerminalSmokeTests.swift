import Testing

@testable import Terminal

@Test func terminalModuleLinks() {
  #expect(Bool(true))
}
