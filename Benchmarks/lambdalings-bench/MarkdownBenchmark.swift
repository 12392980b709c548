import Foundation
import Markdown

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Times parse + HTML render of a ~200 KB document against `cmark FILE` in the same run.
///
/// The document is every CommonMark spec example's Markdown plus the course's lessons,
/// repeated until it reaches the target size. `--ansi` timing is added by the Terminal side
/// through `measure(_:runs:body:)` and `corpus()`.
enum MarkdownBenchmark {
  static let targetBytes = 200_000
  static let runs = 41
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func run(_ arguments: [String]) {
    let source = corpus()
    let bytes = source.utf8.count
    print("markdown: document of \(bytes) bytes (spec examples + lessons, repeated)")
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("lambdalings-bench-\(UUID().uuidString).md")
    defer { try? FileManager.default.removeItem(at: file) }
    do {
      try source.write(to: file, atomically: true, encoding: .utf8)
    } catch {
      print("markdown: cannot write \(file.path): \(error); check the temp directory")
      return
    }

    measure("warm-up", runs: 5) { HTMLRenderer.render(Document(parsing: source)).utf8.count }
    let gfm = measure("html (GFM)") { HTMLRenderer.render(Document(parsing: source)).utf8.count }
    let plain = measure("html (CommonMark only)") {
      HTMLRenderer.render(Document(parsing: source, extensions: [])).utf8.count
    }
    let parseOnly = measure("parse only (GFM)") { Document(parsing: source).blocks.count }
    _ = parseOnly
    if arguments.contains("--ansi") {
      print("  ansi: no renderer wired in yet (Terminal adds it via MarkdownBenchmark.measure)")
    }

    guard let cmark = findExecutable("cmark") else {
      print("  cmark: not installed (apt-get install cmark); ratio skipped")
      return
    }
    let reference = medianProcessTime(executable: cmark, arguments: [file.path])
    print(
      "  \(pad("cmark FILE")) median \(milliseconds(reference.wall)) wall, "
        + "\(milliseconds(reference.cpu)) cpu (process start included)")
    for (label, time) in [("html (GFM)", gfm), ("html (CommonMark only)", plain)] {
      let ratio = String(format: "%.2f", time / max(reference.cpu, 1e-6))
      print("  ratio \(pad(label)) \(ratio)x cmark (cpu time)")
    }
  }

  /// The benchmark document.
  static func corpus() -> String {
    var pieces: [String] = []
    let spec = repositoryRoot.appendingPathComponent("Tests/MarkdownTests/Fixtures/spec.json")
    if let data = try? Data(contentsOf: spec),
      let examples = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    {
      for example in examples {
        if let markdown = example["markdown"] as? String { pieces.append(markdown) }
      }
    } else {
      print("markdown: \(spec.path) not readable; the document has lessons only")
    }
    let lessons = repositoryRoot.appendingPathComponent("lessons")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: lessons.path)) ?? []
    for name in names.sorted() where name.hasSuffix(".md") {
      if let text = try? String(
        contentsOf: lessons.appendingPathComponent(name), encoding: .utf8)
      {
        pieces.append(text)
      }
    }
    let unit = pieces.joined(separator: "\n\n")
    guard !unit.isEmpty else { return "# Empty\n" }
    var document = ""
    while document.utf8.count < targetBytes { document += unit + "\n\n" }
    return document
  }

  /// Runs `body` a few times to warm up, then `runs` times; prints and returns the median.
  @discardableResult
  static func measure(_ label: String, runs: Int = runs, body: () -> Int) -> Double {
    var sink = 0
    for _ in 0..<3 { sink &+= body() }
    var times: [Double] = []
    var cpuTimes: [Double] = []
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      let cpuStart = processCPUTime()
      sink &+= body()
      cpuTimes.append(processCPUTime() - cpuStart)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let median = times.sorted()[times.count / 2]
    let cpu = cpuTimes.sorted()[cpuTimes.count / 2]
    print(
      "  \(pad(label)) median \(milliseconds(median)) wall, \(milliseconds(cpu)) cpu"
        + "  (\(runs) runs, checksum \(sink % 997))")
    return cpu
  }

  /// CPU time (user + system) of this process, in seconds.
  static func processCPUTime() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  /// CPU time (user + system) of all waited-for children, in seconds.
  static func childrenCPUTime() -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
    #else
      getrusage(RUSAGE_CHILDREN, &usage)
    #endif
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
  }

  static func pad(_ text: String) -> String {
    text.count >= 26 ? text : text + String(repeating: " ", count: 26 - text.count)
  }

  static func milliseconds(_ seconds: Double) -> String {
    String(format: "%8.3f ms", seconds * 1000)
  }

  /// Median wall time and median CPU time (user + system) of running a program.
  static func medianProcessTime(
    executable: String, arguments: [String]
  ) -> (wall: Double, cpu: Double) {
    var times: [Double] = []
    var cpuTimes: [Double] = []
    for _ in 0..<runs {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = arguments
      process.standardOutput = FileHandle.nullDevice
      let start = DispatchTime.now().uptimeNanoseconds
      let cpuStart = childrenCPUTime()
      do {
        try process.run()
        process.waitUntilExit()
      } catch {
        return (.nan, .nan)
      }
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      cpuTimes.append(childrenCPUTime() - cpuStart)
    }
    return (times.sorted()[times.count / 2], cpuTimes.sorted()[cpuTimes.count / 2])
  }

  static func findExecutable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
