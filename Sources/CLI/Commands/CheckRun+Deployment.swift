import Course
import Foundation
import Grader
import LocalAWS

extension CheckRun {
  /// For exercises with a `deployment.json`: the checks of what the learner deployed to
  /// `lambdalings serve` in this workspace, as extra results after the handler's cases.
  static func deploymentResults(_ exercise: Exercise, language: Language, context: Context)
    -> [CaseResult]
  {
    let spec = "\(exercise.directory)/\(DeploymentCheck.fileName)"
    guard FileManager.default.fileExists(atPath: spec) else { return [] }
    let workspace = WorkspaceSetup.absolutePath(context)
    return DeploymentCheck.run(
      specFile: spec, workspace: workspace, language: language.rawValue
    ).map { result in
      var graded = CaseResult(
        name: "deployed: \(result.name)", kind: .case, line: 0, invocations: 0)
      graded.specFile = DeploymentCheck.fileName
      graded.record(result.failures.map { GradeFailure(.deployment($0)) })
      return graded
    }
  }
}
