import Course
import Foundation
import Grader
import SystemSupport

extension CheckRun {
  /// For exercises with a `deployment.json`: the checks of what the learner deployed to
  /// `lambdalings serve` in this workspace, as extra results after the handler's cases.
  static func deploymentResults(
    _ exercise: Exercise, language: Language, workspace: AbsolutePath
  ) -> [CaseResult] {
    let spec = exercise.directory.appending(DeploymentCheck.fileName)
    guard FileManager.default.fileExists(atPath: spec.string) else { return [] }
    return DeploymentCheck.run(spec: spec, workspace: workspace, language: language)
  }
}
