import Foundation
import SystemSupport
import YAML

extension APITemplate {
  /// The file names looked for in a folder, in order.
  public static let fileNames = [
    "serverless.yml", "serverless.yaml", "template.yaml", "template.yml",
  ]

  /// The first template file in `directory`, if any.
  public static func find(in directory: AbsolutePath) -> AbsolutePath? {
    for name in fileNames {
      let path = directory.appending(name)
      if FileManager.default.fileExists(atPath: path.string) { return path }
    }
    return nil
  }

  /// Reads and checks a `serverless.yml` or SAM template. Every problem found (YAML errors,
  /// unknown event types, missing handler files, duplicate routes ...) is reported with its
  /// line and column.
  public static func load(
    file: AbsolutePath, environment: [String: String] = ProcessInfo.processInfo.environment,
    stage: String? = nil
  ) throws(TemplateError) -> APITemplate {
    guard let data = FileManager.default.contents(atPath: file.string) else {
      throw TemplateError([
        .init(
          file: file.string, line: 1, column: 1,
          message: "cannot read the template; check that the file exists and is readable")
      ])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw TemplateError([
        .init(file: file.string, line: 1, column: 1, message: "the template is not UTF-8 text")
      ])
    }
    let root: YAMLNode
    do {
      root = try YAML.parse(text)
    } catch {
      throw TemplateError([
        .init(file: file.string, line: error.line, column: error.column, message: error.message)
      ])
    }
    var reader = TemplateReader(file: file, root: root, environment: environment)
    let template: APITemplate
    if root["Resources"] != nil || root["AWSTemplateFormatVersion"] != nil
      || root["Transform"] != nil
    {
      template = reader.readSAM()
    } else if root["functions"] != nil || root["service"] != nil {
      template = reader.readServerless(stage: stage)
    } else {
      reader.problem(
        root,
        "this is neither a serverless.yml (no 'service:' or 'functions:') nor a SAM template "
          + "(no 'Resources:'); see chapter 4 for both shapes")
      throw TemplateError(reader.problems)
    }
    reader.checkDuplicates(template.routes)
    if !reader.problems.isEmpty { throw TemplateError(reader.problems) }
    var result = template
    result.notes += reader.notes
    return result
  }
}

extension TemplateReader {
  /// Two routes with the same method and path cannot both be served.
  mutating func checkDuplicates(_ routes: [APIRoute]) {
    var seen: [String: APIRoute] = [:]
    for route in routes {
      let key = route.routeKey
      if let first = seen[key] {
        problems.append(
          TemplateError.Problem(
            file: file.string, line: route.line, column: route.column,
            message:
              "route \(key) is declared twice (first at line \(first.line), function "
              + "\(first.function)); remove one or change its path or method"))
      } else {
        seen[key] = route
      }
    }
  }
}
