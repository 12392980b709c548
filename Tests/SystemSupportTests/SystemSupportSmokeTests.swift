import Testing

@testable import SystemSupport

@Test func systemSupportModuleLinks() {
  #expect(Bool(true))
}
