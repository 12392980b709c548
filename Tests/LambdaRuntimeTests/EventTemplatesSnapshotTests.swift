import Foundation
import Testing

@testable import LambdaRuntime

/// Each template's default output compared with a reviewed file in EventFixtures/.
/// Set RECORD_SNAPSHOTS=1 to rewrite the files after a deliberate change, then review the diff.
@Suite struct EventTemplatesSnapshotTests {
  static let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil

  @Test(arguments: EventTemplates.all.map(\.name))
  func defaultOutputMatchesFixture(name: String) throws {
    let data = try EventTemplates.generate(name: name)
    let file = EventTestSupport.fixtures.appendingPathComponent(name + ".json")
    if Self.recording {
      try data.write(to: file)
      return
    }
    let expected = try Data(contentsOf: file)
    #expect(
      String(decoding: data, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
      "output of \(name) differs from EventFixtures/\(name).json")
  }

  @Test func generationIsDeterministic() throws {
    for template in EventTemplates.all {
      let first = try EventTemplates.generate(name: template.name, count: nil)
      let second = try EventTemplates.generate(name: template.name, count: nil)
      #expect(first == second, "\(template.name) differs between two runs")
    }
  }
}
