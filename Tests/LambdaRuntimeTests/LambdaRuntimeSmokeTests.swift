import Testing

@testable import LambdaRuntime

@Test func lambdaRuntimeModuleLinks() {
  #expect(Bool(true))
}
