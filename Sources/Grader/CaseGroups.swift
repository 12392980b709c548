import Course
import Foundation
import LambdaRuntime

/// Runs an exercise's cases grouped by the configuration they run with. Cases of one group run
/// in spec order on one shared function (so later ones may be warm, as on AWS); different
/// groups (cases with their own environment, handler, memory...) have nothing in common, so
/// they run at once, each on its own function, and a spec with six configurations pays for
/// about one cold start instead of six. Results come back in spec order; the load failure
/// reported is the one of the earliest case.
enum CaseGroups {
  static func run(_ cases: [ExerciseCase], on run: inout GradeRun) throws -> [CaseResult] {
    var groups: [(FunctionConfiguration, [Int])] = []
    for (index, item) in cases.enumerated() {
      let configuration = run.configuration(item.function)
      if let at = groups.firstIndex(where: { $0.0 == configuration }) {
        groups[at].1.append(index)
      } else {
        groups.append((configuration, [index]))
      }
    }
    if groups.count <= 1 {
      return try cases.map { try run.runCase($0) }
    }
    // Resolve the interpreter once before the groups start; otherwise each would probe it.
    try run.maker.prepare(run.language == .python ? .python : .nodejs, searchPath: run.searchPath)
    let lock = NSLock()
    nonisolated(unsafe) var results: [CaseResult?] = Array(repeating: nil, count: cases.count)
    nonisolated(unsafe) var failures: [(Int, LoadFailure)] = []
    nonisolated(unsafe) var knownFailures: [(FunctionConfiguration, SkipReason)] = []
    nonisolated(unsafe) var firstError: (Int, Error)?
    let (exercise, codeFile, language, settings, searchPath, maker) = (
      run.exercise, run.codeFile, run.language, run.settings, run.searchPath, run.maker
    )
    let group = DispatchGroup()
    for (_, indices) in groups {
      group.enter()
      Thread {
        defer { group.leave() }
        // A run of its own (its own functions and scratch folders) for this group.
        var own = GradeRun(
          exercise: exercise, codeFile: codeFile, language: language, settings: settings,
          searchPath: searchPath, maker: maker)
        defer { own.pool.shutdown() }
        for index in indices {
          do {
            let result = try own.runCase(cases[index])
            lock.withLock { results[index] = result }
          } catch {
            lock.withLock {
              if firstError == nil || firstError!.0 > index { firstError = (index, error) }
            }
            return
          }
        }
        lock.withLock {
          if let failure = own.loadFailure, let first = indices.first {
            failures.append((first, failure))
          }
          knownFailures += own.pool.knownInitFailures
        }
      }.start()
    }
    group.wait()
    if let (_, error) = firstError { throw error }
    if run.loadFailure == nil, let earliest = failures.min(by: { $0.0 < $1.0 }) {
      run.loadFailure = earliest.1
    }
    for (configuration, reason) in knownFailures {
      run.pool.recordInitFailure(configuration, reason: reason)
    }
    return results.compactMap { $0 }
  }
}
