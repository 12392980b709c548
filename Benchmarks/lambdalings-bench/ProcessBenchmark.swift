import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a user waits for: whole `lambdalings` processes (release build) against peers and
/// floors measured in the same run, and against an earlier build (`--baseline BINARY`) so that
/// before and after come from the same machine at the same moment. Runs are interleaved, so
/// load on the machine falls on every column alike; every figure is a median.
enum ProcessBenchmark {
  /// Medians of one command: wall-clock and CPU milliseconds.
  struct Figure {
    var wall: Double
    var cpu: Double
  }

  struct Row {
    var what: String
    var command: String
    var before: Figure?
    var after: Figure
    var floor: Figure?
    var floorName: String
    /// The same command on the shipped course (listings: does the time grow with the course?).
    var shipped: Figure?
    var goal: String
    /// Judged on CPU time: on this shared machine wall time mostly measures waiting for a core.
    var met: Bool
  }

  static func run(_ arguments: [String]) {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().path
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("lambdalings").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      print("process: \(binary) not found; build it first (swift build -c release)")
      return
    }
    var baseline: String?
    if let index = arguments.firstIndex(of: "--baseline"), index + 1 < arguments.count {
      baseline = arguments[index + 1]
    }
    // `--only WORD`: just the figures whose command holds WORD (e.g. `quiz`, `check`).
    var only: String?
    if let index = arguments.firstIndex(of: "--only"), index + 1 < arguments.count {
      only = arguments[index + 1]
    }
    let runs = Int(ProcessInfo.processInfo.environment["BENCH_RUNS"] ?? "") ?? 21
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("process-bench-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    do {
      try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
      let setup = try Setup(root: root, scratch: scratch, binary: binary)
      print("process: \(runs) runs per figure, medians; before = \(baseline ?? "(none)")")
      print("  python3 on PATH: \(setup.shim) -> \(setup.realPython)")
      print(
        "  corpus: \(setup.corpusBytes / 1024) KB of Markdown from \(setup.corpusSources) files")
      var rows: [Row] = []
      for suite in suites(setup) where only.map({ suite.command.contains($0) }) ?? true {
        rows.append(measure(suite, binary: binary, baseline: baseline, runs: runs))
        print(describe(rows[rows.count - 1]))
      }
      print(
        "\n| what | command | before wall / CPU | after wall / CPU | floor or peer wall / CPU"
          + " | after / floor (CPU) | shipped course, after, wall / CPU | LARGE / shipped (CPU)"
          + " | goal | met (CPU) |")
      print("|---|---|---|---|---|---|---|---|---|---|")
      for row in rows {
        let before = row.before.map(pair) ?? "-"
        let floor = row.floor.map { "\(row.floorName) \(pair($0))" } ?? "-"
        let ratio = row.floor.map { format(row.after.cpu / $0.cpu) + "x" } ?? "-"
        let shipped = row.shipped.map(pair) ?? "-"
        let growth = row.shipped.map { format(row.after.cpu / $0.cpu) + "x" } ?? "-"
        print(
          "| \(row.what) | `\(row.command)` | \(before) | \(pair(row.after)) | \(floor) | \(ratio) | "
            + "\(shipped) | \(growth) | \(row.goal) | \(row.met ? "yes" : "no") |")
      }
    } catch {
      print("process: setup failed: \(error)")
    }
  }

  /// One measured command: how to run it, what it is compared with, and the goal.
  struct Suite {
    var what: String
    var command: String
    var arguments: [String]
    var environment: [String: String]
    var stdin: String?
    /// Floors or peers run in the same loop: (name, executable, arguments); summed.
    var floors: [(String, String, [String])]
    var goal: String
    var check: (_ after: Double, _ floor: Double?) -> Bool
    /// The same command's arguments on the shipped course, timed (this build only) in the same
    /// loop.
    var shipped: [String]? = nil
  }

  static func suites(_ setup: Setup) -> [Suite] {
    let shimmed = setup.environment
    let large = ["--course", setup.largeCourse, "--workspace", setup.largeWorkspace]
    let shipped = ["--course", setup.root, "--workspace", setup.workspace]
    let version = [("`--version`", setup.binary, ["--version"])]
    return [
      Suite(
        what: "invoke, no-op Python handler, python3 a pyenv shim",
        command: "lambdalings invoke noop/lambda_function.py",
        arguments: [
          "invoke", setup.noopHandler,
        ], environment: shimmed, stdin: nil,
        floors: version + [("+ `python3 -S -c pass`", setup.realPython, ["-S", "-c", "pass"])],
        goal: "<= floor + 10 ms", check: { after, floor in after <= (floor ?? 0) + 10 }),
      Suite(
        what: "check hello-api (2 cases), python3 a pyenv shim",
        command: "lambdalings check hello-api",
        arguments: ["check", "hello-api", "--course", setup.root, "--workspace", setup.workspace],
        environment: shimmed, stdin: nil, floors: [], goal: "< 80 ms",
        check: { after, _ in after < 80 }),
      Suite(
        what: "dashboard, shipped course + 200 exercises and 40 quizzes",
        command: "lambdalings --course LARGE", arguments: large, environment: shimmed,
        stdin: nil, floors: version, goal: "< 12 ms", check: { after, _ in after < 12 },
        shipped: shipped),
      Suite(
        what: "list, the same course", command: "lambdalings list --course LARGE",
        arguments: ["list"] + large, environment: shimmed, stdin: nil, floors: version,
        goal: "< 12 ms", check: { after, _ in after < 12 }, shipped: ["list"] + shipped),
      Suite(
        what: "progress, the same course", command: "lambdalings progress --course LARGE",
        arguments: ["progress"] + large, environment: shimmed, stdin: nil, floors: version,
        goal: "< 12 ms", check: { after, _ in after < 12 }, shipped: ["progress"] + shipped),
      Suite(
        what: "quiz --list, the same course", command: "lambdalings quiz --list --course LARGE",
        arguments: ["quiz", "--list"] + large, environment: shimmed, stdin: nil,
        floors: version, goal: "< 15 ms", check: { after, _ in after < 15 },
        shipped: ["quiz", "--list"] + shipped),
      Suite(
        what: "render HTML, real-world corpus",
        command: "lambdalings render - --format html < corpus.md",
        arguments: ["render", "-", "--format", "html"], environment: shimmed,
        stdin: setup.corpus, floors: [("`cmark`", setup.cmark, [])], goal: "<= 1.5x cmark",
        check: { after, floor in after <= 1.5 * (floor ?? 0) }),
      Suite(
        what: "render ANSI, width 100, the same corpus",
        command: "lambdalings render - --format ansi --color always --width 100 < corpus.md",
        arguments: ["render", "-", "--format", "ansi", "--color", "always", "--width", "100"],
        environment: shimmed, stdin: setup.corpus, floors: [("`cmark`", setup.cmark, [])],
        goal: "<= 2.5x cmark", check: { after, floor in after <= 2.5 * (floor ?? 0) }),
    ]
  }

  static func measure(_ suite: Suite, binary: String, baseline: String?, runs: Int) -> Row {
    typealias Sample = (wall: Double, cpu: Double)
    var after: [Sample] = []
    var before: [Sample] = []
    var floors: [[Sample]] = Array(repeating: [], count: suite.floors.count)
    var shipped: [Sample] = []
    // The baseline keeps caches of its own: the course index is dropped when another build
    // wrote it, so two binaries sharing one cache folder would rebuild it on every run.
    var baselineEnvironment = suite.environment
    if let cache = suite.environment["XDG_CACHE_HOME"] {
      baselineEnvironment["XDG_CACHE_HOME"] = cache + "-baseline"
    }
    // One warm-up of each, unmeasured (fills caches such as the interpreter cache).
    _ = ProcessTimer.time(binary, suite.arguments, suite.environment, stdin: suite.stdin)
    if let baseline {
      _ = ProcessTimer.time(baseline, suite.arguments, baselineEnvironment, stdin: suite.stdin)
    }
    if let arguments = suite.shipped {
      _ = ProcessTimer.time(binary, arguments, suite.environment, stdin: suite.stdin)
    }
    for _ in 0..<runs {
      after.append(
        ProcessTimer.time(binary, suite.arguments, suite.environment, stdin: suite.stdin))
      if let baseline {
        before.append(
          ProcessTimer.time(baseline, suite.arguments, baselineEnvironment, stdin: suite.stdin))
      }
      if let arguments = suite.shipped {
        shipped.append(ProcessTimer.time(binary, arguments, suite.environment, stdin: suite.stdin))
      }
      for (index, floor) in suite.floors.enumerated() {
        floors[index].append(
          ProcessTimer.time(floor.1, floor.2, suite.environment, stdin: suite.stdin))
      }
    }
    func figure(_ samples: [Sample]) -> Figure {
      Figure(wall: median(samples.map(\.wall)), cpu: median(samples.map(\.cpu)))
    }
    let floor: Figure? =
      suite.floors.isEmpty
      ? nil
      : floors.map(figure).reduce(Figure(wall: 0, cpu: 0)) {
        Figure(wall: $0.wall + $1.wall, cpu: $0.cpu + $1.cpu)
      }
    let afterFigure = figure(after)
    return Row(
      what: suite.what, command: suite.command,
      before: baseline == nil ? nil : figure(before), after: afterFigure, floor: floor,
      floorName: suite.floors.map(\.0).joined(separator: " "),
      shipped: suite.shipped == nil ? nil : figure(shipped), goal: suite.goal,
      met: suite.check(afterFigure.cpu, floor?.cpu))
  }

  static func describe(_ row: Row) -> String {
    var text = "  \(row.what): after \(pair(row.after)) ms (wall / CPU)"
    if let before = row.before { text += ", before \(pair(before))" }
    if let floor = row.floor {
      text += ", \(row.floorName) \(pair(floor)) (CPU \(format(row.after.cpu / floor.cpu))x)"
    }
    if let shipped = row.shipped {
      text += ", shipped course \(pair(shipped)) (LARGE / shipped CPU"
      text += " \(format(row.after.cpu / shipped.cpu))x)"
    }
    return text + " -> \(row.goal): \(row.met ? "met" : "not met") (CPU)"
  }

  static func pair(_ figure: Figure) -> String { "\(format(figure.wall)) / \(format(figure.cpu))" }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.filter { !$0.isNaN }.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[sorted.count / 2]
  }

  static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
