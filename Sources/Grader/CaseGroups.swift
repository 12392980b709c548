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
    let (exercise, codeFile, language, settings, searchPath, maker) = (
      run.exercise, run.codeFile, run.language, run.settings, run.searchPath, run.maker
    )
    let members = groups.map(\.1)
    // Each group hands back what it found; nothing is shared while they run.
    let outcomes = ConcurrentInvocations.run(count: members.count, concurrency: members.count) {
      group -> GroupOutcome in
      let indices = members[group]
      // A run of its own (its own functions and scratch folders) for this group.
      var own = GradeRun(
        exercise: exercise, codeFile: codeFile, language: language, settings: settings,
        searchPath: searchPath, maker: maker)
      defer { own.pool.shutdown() }
      var outcome = GroupOutcome()
      for index in indices {
        do {
          outcome.results.append((index, try own.runCase(cases[index])))
        } catch {
          outcome.error = (index, error)
          return outcome
        }
      }
      if let failure = own.loadFailure, let first = indices.first {
        outcome.loadFailure = (first, failure)
      }
      outcome.knownFailures = own.pool.knownInitFailures
      return outcome
    }
    var results: [CaseResult?] = Array(repeating: nil, count: cases.count)
    for (index, result) in outcomes.flatMap(\.results) { results[index] = result }
    let firstError = outcomes.compactMap(\.error).min { $0.0 < $1.0 }
    let failures = outcomes.compactMap(\.loadFailure)
    let knownFailures = outcomes.flatMap(\.knownFailures)
    if let (_, error) = firstError { throw error }
    if run.loadFailure == nil, let earliest = failures.min(by: { $0.0 < $1.0 }) {
      run.loadFailure = earliest.1
    }
    for (configuration, reason) in knownFailures {
      run.pool.recordInitFailure(configuration, reason: reason)
    }
    return results.compactMap { $0 }
  }

  /// What one group's run found, handed back to the caller.
  private struct GroupOutcome: Sendable {
    var results: [(Int, CaseResult)] = []
    /// The case that threw, which ends the group.
    var error: (Int, any Error)?
    var loadFailure: (Int, LoadFailure)?
    var knownFailures: [(FunctionConfiguration, SkipReason)] = []
  }
}
