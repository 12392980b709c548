import Foundation
import JSON
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

  /// Further renderers timed after HTML when their flag is given. The Terminal side adds
  /// its ANSI renderer here, e.g. `("--ansi", "ansi", { TerminalRenderer.render($0) })`.
  static let extraRenderers: [Contender] = terminalRenderers

  /// Something timed against cmark: a label, the flag that enables it (nil: always) and the
  /// work, returning a checksum so the optimiser keeps it.
  struct Contender: Sendable {
    var label: String
    var flag: String?
    var work: @Sendable (String) -> Int

    init(_ label: String, flag: String? = nil, work: @escaping @Sendable (String) -> Int) {
      self.label = label
      self.flag = flag
      self.work = work
    }

    /// A contender that parses with GFM and renders with `render`.
    init(_ label: String, flag: String, render: @escaping @Sendable (Document) -> String) {
      self.init(label, flag: flag) { render(Document(parsing: $0)).utf8.count }
    }
  }

  static let contenders: [Contender] = [
    Contender("html (GFM)") { HTMLRenderer.render(Document(parsing: $0)).utf8.count },
    Contender("html (CommonMark only)") {
      HTMLRenderer.render(Document(parsing: $0, extensions: [])).utf8.count
    },
    Contender("parse only (GFM)") { Document(parsing: $0).blocks.count },
  ]

  static func run(_ arguments: [String]) {
    let source = corpus()
    print("markdown: document of \(source.utf8.count) bytes (spec examples + lessons, repeated)")
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("lambdalings-bench-\(UUID().uuidString).md")
    defer { try? FileManager.default.removeItem(at: file) }
    do {
      try source.write(to: file, atomically: true, encoding: .utf8)
    } catch {
      print("markdown: cannot write \(file.path): \(error); check the temp directory")
      return
    }
    let cmark = findExecutable("cmark")
    if let cmark {
      compareOutput(cmark: cmark, file: file, source: source, keep: arguments.contains("--keep"))
    } else {
      print("  cmark: not installed (apt-get install cmark); ratios skipped")
    }
    let selected = (contenders + extraRenderers).filter {
      $0.flag == nil || arguments.contains($0.flag ?? "")
    }
    var sink = 0
    for contender in selected { sink &+= contender.work(source) }
    // Rounds interleave cmark and every contender, so all see the same machine load.
    var cmarkWall: [Double] = []
    var cmarkCPU: [Double] = []
    var wall = [[Double]](repeating: [], count: selected.count)
    var cpu = [[Double]](repeating: [], count: selected.count)
    for _ in 0..<runs {
      if let cmark, let times = processTime(executable: cmark, arguments: [file.path]) {
        cmarkWall.append(times.wall)
        cmarkCPU.append(times.cpu)
      }
      for (index, contender) in selected.enumerated() {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = processCPUTime()
        sink &+= contender.work(source)
        cpu[index].append(processCPUTime() - cpuStart)
        wall[index].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      }
    }
    print("  medians of \(runs) interleaved rounds (checksum \(sink % 997)):")
    let reference = cmarkCPU.isEmpty ? nil : median(cmarkCPU)
    if let reference {
      print(
        "  \(pad("cmark FILE")) \(milliseconds(median(cmarkWall))) wall "
          + "\(milliseconds(reference)) cpu (process start included)")
    }
    for (index, contender) in selected.enumerated() {
      var line =
        "  \(pad(contender.label)) \(milliseconds(median(wall[index]))) wall "
        + "\(milliseconds(median(cpu[index]))) cpu"
      if let reference {
        line += String(format: "  %.2fx cmark cpu", median(cpu[index]) / max(reference, 1e-6))
      }
      print(line)
    }
  }

  /// Reports how far our CommonMark-only HTML is from cmark's on the same file (cmark's
  /// Debian version may predate spec 0.31, so a few differences are expected).
  static func compareOutput(cmark: String, file: URL, source: String, keep: Bool) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: cmark)
    process.arguments = ["--unsafe", file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    do {
      try process.run()
    } catch {
      print("  cmark: cannot run \(cmark): \(error)")
      return
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let theirs = String(decoding: data, as: UTF8.self).split(separator: "\n")
    let oursText = HTMLRenderer.render(Document(parsing: source, extensions: []))
    let ours = oursText.split(separator: "\n")
    var differing = 0
    for index in 0..<max(ours.count, theirs.count) {
      let left = index < ours.count ? ours[index] : ""
      let right = index < theirs.count ? theirs[index] : ""
      if left != right { differing += 1 }
    }
    print(
      "  output vs cmark --unsafe (CommonMark only): \(differing) of \(theirs.count) lines differ")
    if keep {
      let base = FileManager.default.temporaryDirectory.path + "/lambdalings-bench"
      try? oursText.write(toFile: base + "-ours.html", atomically: true, encoding: .utf8)
      let gfm = HTMLRenderer.render(Document(parsing: source))
      try? gfm.write(toFile: base + "-ours-gfm.html", atomically: true, encoding: .utf8)
      try? data.write(to: URL(fileURLWithPath: base + "-cmark.html"))
      try? source.write(toFile: base + ".md", atomically: true, encoding: .utf8)
      print("  kept \(base)-ours.html, \(base)-cmark.html and \(base).md")
    }
  }

  static func median(_ values: [Double]) -> Double {
    values.isEmpty ? .nan : values.sorted()[values.count / 2]
  }

  /// The benchmark document.
  static func corpus() -> String {
    var pieces: [String] = []
    let spec = repositoryRoot.appendingPathComponent("Tests/MarkdownTests/Fixtures/spec.json")
    if let data = try? Data(contentsOf: spec),
      let examples = JSONValue.parse(bytes: data)?.arrayValue
    {
      for example in examples {
        if let markdown = example["markdown"]?.stringValue { pieces.append(markdown) }
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

  /// Wall time and CPU time (user + system) of running a program once.
  static func processTime(
    executable: String, arguments: [String]
  ) -> (wall: Double, cpu: Double)? {
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
      return nil
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (wall, childrenCPUTime() - cpuStart)
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
