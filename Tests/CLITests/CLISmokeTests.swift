import Testing

@testable import CLI

@Test func cLIModuleLinks() {
  #expect(Bool(true))
}
