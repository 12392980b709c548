import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Start-up cost of `lambdalings list` and `read` against a bare process start (`/bin/true`),
/// both spawned the same way in the same run.
enum CLIBenchmark {
  static func run(_ arguments: [String]) {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("lambdalings").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      print("cli: \(binary) not found; build it first (swift build -c release)")
      return
    }
    let workspace = FileManager.default.temporaryDirectory
      .appendingPathComponent("bench-workspace-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let common = ["--course", root.path, "--workspace", workspace, "--color", "never"]
    _ = spawn(binary, ["init"] + common)
    let runs = 40
    let baseline = median((0..<runs).map { _ in spawn("/bin/true", []) })
    print("cli: \(runs) runs each, medians; baseline /bin/true \(format(baseline)) ms")
    var commands: [(String, [String])] = [
      ("--version", ["--version"]), ("list", ["list"] + common),
    ]
    let chapters =
      (try? FileManager.default.contentsOfDirectory(atPath: "\(root.path)/lessons"))?
      .filter { $0.hasSuffix(".md") && $0 != "course.md" }.sorted() ?? []
    if let first = chapters.first {
      let id = String(first.drop { $0 != "-" }.dropFirst().dropLast(3))
      commands.append(("read \(id)", ["read", id, "--no-pager"] + common))
    }
    for (name, args) in commands {
      let time = median((0..<runs).map { _ in spawn(binary, args) })
      print(
        "  lambdalings \(name): \(format(time)) ms (\(format(time / max(baseline, 0.001)))x /bin/true)"
      )
    }
  }

  /// Milliseconds from spawn to exit, output discarded. posix_spawn directly: Foundation's
  /// Process adds tens of milliseconds of its own.
  static func spawn(_ path: String, _ arguments: [String]) -> Double {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return .nan }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.filter { !$0.isNaN }.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[sorted.count / 2]
  }

  static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
