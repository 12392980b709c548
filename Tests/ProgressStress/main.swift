// A helper for the multi-process tests of ProgressStore; not shipped.
//
//   progress-stress count DIR N TAG   apply N updates, each counting one attempt of the exercises
//                                     "shared" and TAG; every 25th also adds chapter "TAG-<i>";
//                                     print "done"
//   progress-stress churn DIR ENTRIES rewrite a document of ENTRIES chapters and a large summary
//                                     forever, all stamped with one generation number; print
//                                     "ready" after the first write
import Foundation
import Progress
import SystemSupport

/// Writes `text` to standard output at once, without buffering.
func say(_ text: String) {
  FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Prints `message` to standard error and exits with status 2.
func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data(("progress-stress: " + message + "\n").utf8))
  exit(2)
}

/// The chapter stamp of generation `generation`: every chapter of one write carries the same.
func stamp(_ generation: Int) -> Date {
  Date(timeIntervalSince1970: TimeInterval(generation))
}

let arguments = CommandLine.arguments
guard arguments.count == 5 && arguments[1] == "count" || arguments.count == 4 else {
  fail("usage: progress-stress count DIR N TAG | churn DIR ENTRIES")
}
let store = ProgressStore(
  directory: AbsolutePath(arguments[2], relativeTo: .currentDirectory()))

do {
  switch arguments[1] {
  case "count":
    guard let count = Int(arguments[3]) else { fail("N must be a number") }
    let tag = arguments[4]
    for index in 0..<count {
      try store.update { document in
        document.exercises["shared", default: ExerciseProgress()].attempts += 1
        document.exercises[tag, default: ExerciseProgress()].attempts += 1
        if index % 25 == 0 { document.markChapterRead("\(tag)-\(index)", at: stamp(index)) }
      }
    }
    say("done")
  case "churn":
    guard let entries = Int(arguments[3]) else { fail("ENTRIES must be a number") }
    var announced = false
    while true {
      try store.update { document in
        let previous = Int(document.courseID?.split(separator: "-").last ?? "") ?? 0
        let generation = previous + 1
        document.courseID = "generation-\(generation)"
        let summary = String(repeating: "generation \(generation); ", count: 16_384)
        let result = ExerciseResult(
          date: stamp(generation), passed: false, casesPassed: generation, casesTotal: 0,
          summary: summary)
        document.exercises["payload"] = ExerciseProgress(lastResult: result)
        for index in 0..<entries {
          let date = stamp(generation)
          document.chapters["chapter-\(index)"] = ChapterProgress(firstRead: date, lastRead: date)
        }
      }
      if !announced {
        say("ready")
        announced = true
      }
    }
  default:
    fail("unknown mode '\(arguments[1])'")
  }
} catch {
  fail("\(error)")
}
