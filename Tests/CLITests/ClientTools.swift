import Foundation
import Testing

/// The real clients the API tests drive (curl, headless Chromium, python3): found on PATH, and
/// required where `.ci/run` installed them. `.ci/run` exports `LAMBDALINGS_REQUIRE_CLIENTS=1`
/// (and CI sets `CI=true`): there a missing client fails its tests instead of skipping them,
/// so a broken install step cannot turn the browser tests into silent no-ops.
enum ClientTools {
  /// Whether the clients must be present (under `.ci/run` or CI).
  static let required: Bool = {
    let environment = ProcessInfo.processInfo.environment
    return environment["LAMBDALINGS_REQUIRE_CLIENTS"] == "1" || environment["CI"] == "true"
  }()

  /// The first of `names` that is an executable on PATH.
  static func find(_ names: [String]) -> String? {
    let search = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in names {
      for folder in search.split(separator: ":") {
        let path = String(folder) + "/" + name
        if FileManager.default.isExecutableFile(atPath: path) { return path }
      }
    }
    return nil
  }

  /// `find(names)`, printing why tests skip when it is absent and not required.
  static func locate(_ names: [String], for purpose: String) -> String? {
    if let path = find(names) { return path }
    if required {
      print("\(names[0]) is not on PATH although .ci/run should have installed it: \(purpose) fail")
    } else {
      print("skipping \(purpose): \(names[0]) is not on PATH (.ci/run installs it)")
    }
    return nil
  }

  /// The message for `#require` when a required client is missing.
  static func missing(_ name: String) -> Comment {
    "\(name) is not on PATH; .ci/run installs it with apt-get (Debian package '\(name)')"
  }
}
