import Testing

@testable import Progress

@Test func progressModuleLinks() {
  #expect(Bool(true))
}
