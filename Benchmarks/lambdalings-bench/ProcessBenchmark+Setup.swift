import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ProcessBenchmark {
  /// The fixtures of the process suite, made in a scratch folder.
  struct Setup {
    var root: String
    var binary: String
    /// The environment every command runs with: PATH with the pyenv shims first (when pyenv
    /// is installed), and a fresh interpreter cache.
    var environment: [String: String]
    var shim: String
    var realPython: String
    var noopHandler: String
    var workspace: String
    var largeCourse: String
    var largeWorkspace: String
    var corpus: String
    var corpusBytes: Int
    var corpusSources: Int
    var cmark: String

    init(root: String, scratch: String, binary: String) throws {
      self.root = root
      self.binary = binary
      var environment = ProcessInfo.processInfo.environment
      let shims = NSHomeDirectory() + "/.pyenv/shims"
      var path = environment["PATH"] ?? "/usr/bin:/bin"
      if FileManager.default.fileExists(atPath: "\(shims)/python3"),
        !path.hasPrefix(shims)
      {
        path = "\(shims):\(path)"
      }
      environment["PATH"] = path
      environment["XDG_CACHE_HOME"] = "\(scratch)/cache"
      environment["NO_COLOR"] = nil
      self.environment = environment
      shim = ProcessTimer.find("python3", in: path) ?? "python3"
      realPython =
        ProcessTimer.output(shim, ["-c", "import sys;print(sys.executable)"], environment)?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? shim
      cmark = ProcessTimer.find("cmark", in: path) ?? "/usr/bin/cmark"

      let noop = "\(scratch)/noop"
      try FileManager.default.createDirectory(atPath: noop, withIntermediateDirectories: true)
      noopHandler = "\(noop)/lambda_function.py"
      try "def lambda_handler(event, context):\n    return None\n".write(
        toFile: noopHandler, atomically: false, encoding: .utf8)

      workspace = "\(scratch)/workspace"
      _ = ProcessTimer.output(
        binary, ["init", "--course", root, "--workspace", workspace], environment)
      let solution = "\(root)/exercises/hello-api/solution/python/lambda_function.py"
      let learnerFile = "\(workspace)/exercises/hello-api/lambda_function.py"
      try? FileManager.default.removeItem(atPath: learnerFile)
      try FileManager.default.copyItem(atPath: solution, toPath: learnerFile)

      largeCourse = "\(scratch)/large-course"
      try LargeCourse.make(from: root, into: largeCourse)
      largeWorkspace = "\(scratch)/large-workspace"
      _ = ProcessTimer.output(
        binary, ["init", "--course", largeCourse, "--workspace", largeWorkspace], environment)

      let gathered = MarkdownCorpus.make()
      corpus = "\(scratch)/corpus.md"
      try Data(gathered.text).write(to: URL(fileURLWithPath: corpus))
      corpusBytes = gathered.text.count
      corpusSources = gathered.sources.count

      // A learner's course files are older than the course index's settle window (two
      // seconds): wait it out and list once, so the runs measure the warm index a learner
      // has, not a course written a moment ago whose files are read every time.
      Thread.sleep(forTimeInterval: 2.5)
      _ = ProcessTimer.output(
        binary, ["list", "--course", largeCourse, "--workspace", largeWorkspace], environment)
    }
  }
}

/// Spawns processes directly (posix_spawn; Foundation's Process adds time of its own) and
/// times them from spawn to exit.
enum ProcessTimer {
  /// Milliseconds from spawn to exit (wall) and of CPU (user + system, the process and the
  /// children it waited for); output discarded, standard input from `stdin` or /dev/null.
  static func time(
    _ path: String, _ arguments: [String], _ environment: [String: String], stdin: String?
  ) -> (wall: Double, cpu: Double) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { return (.nan, .nan) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    func milliseconds(_ time: timeval) -> Double {
      Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000
    }
    return (wall, milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime))
  }

  /// The standard output of a command (for set-up; not timed).
  static func output(_ path: String, _ arguments: [String], _ environment: [String: String])
    -> String?
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// The first executable `program` on `searchPath`.
  static func find(_ program: String, in searchPath: String) -> String? {
    for directory in searchPath.split(separator: ":") where !directory.isEmpty {
      let candidate = "\(directory)/\(program)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }
}
