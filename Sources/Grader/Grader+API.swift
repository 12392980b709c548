import Course
import Foundation
import SystemSupport

extension Grader {
  /// API exercises (`api.json` in the exercise folder): real HTTP requests to the API that the
  /// template next to the handler describes.
  static func gradeAPI(
    _ exercise: Exercise, codeFile: AbsolutePath, language: Language,
    into report: inout GradeReport
  ) throws {
    guard let spec = try APICheckSpec.load(exerciseDirectory: exercise.directory) else {
      return
    }
    let (results, setupError) = APIGrader.run(
      spec, folder: codeFile.parent, starterFolder: exercise.starterPath(language).parent)
    report.templateFile = spec.template
    report.results += results.map { result in
      var located = result
      located.specFile = APICheckSpec.fileName
      return located
    }
    if let setupError {
      var result = CaseResult(name: "serve the API from \(spec.template)", kind: .case, line: 1)
      result.specFile = APICheckSpec.fileName
      result.record([GradeFailure.Kind.apiNotServed(reason: setupError)])
      report.results.append(result)
    }
  }
}
