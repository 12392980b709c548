import Course
import Foundation
import Grader
import LocalAWS
import SystemSupport

extension CheckRun {
  /// For exercises with a `deployment.json`: the checks of what the learner deployed to
  /// `lambdalings serve` in this workspace, as extra results after the handler's cases.
  static func deploymentResults(
    _ exercise: Exercise, language: Language, workspace: AbsolutePath
  ) -> [CaseResult] {
    let spec = exercise.directory.appending(DeploymentCheck.fileName).string
    guard FileManager.default.fileExists(atPath: spec) else { return [] }
    return DeploymentCheck.run(
      specFile: spec, workspace: workspace.string, language: language.rawValue
    ).map { result in
      var graded = CaseResult(
        name: "deployed: \(result.name)", kind: .case, line: 0, invocations: 0)
      graded.specFile = DeploymentCheck.fileName
      graded.record(result.failures.map { GradeFailure(.deployment($0)) })
      return graded
    }
  }
}
