import Foundation
import SystemSupport

extension CourseLoader {
  static let exerciseKeys: Set<String> = [
    "id", "title", "chapter", "order", "languages", "handler-python", "handler-node", "timeout",
    "memory",
  ]

  mutating func loadExercises() -> [Exercise] {
    let folder = root.appending("exercises")
    var exercises: [Exercise] = []
    var directories: [String: AbsolutePath] = [:]
    for name in listFolders(folder.string) {
      if let exercise = loadExercise(directory: folder.appending(name), folderName: name) {
        if let other = directories[exercise.id] {
          diagnostics.append(
            .error(
              "exercise id '\(exercise.id)' is already used by \(other)",
              file: "\(exercise.directory)/exercise.md", line: 1))
          continue
        }
        directories[exercise.id] = exercise.directory
        exercises.append(exercise)
      }
    }
    return exercises.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
  }

  mutating func loadExercise(directory: AbsolutePath, folderName: String) -> Exercise? {
    let file = "\(directory)/exercise.md"
    let status = Platform.fileStatus(file)
    guard status != nil else {
      diagnostics.append(
        .error(
          "exercise folder has no exercise.md; add one with a header and the task statement",
          file: directory.string, line: 0))
      return nil
    }
    guard let header = self.header(file, status: status)?.header else { return nil }
    warnUnknownKeys(header, allowed: CourseLoader.exerciseKeys, file: file)
    let id = header.isPresent ? (requiredID(header, file: file) ?? folderName) : folderName
    if id != folderName {
      diagnostics.append(
        .error(
          "exercise id '\(id)' differs from its folder name '\(folderName)'; make them equal",
          file: file, line: header.line(of: "id")))
    }
    var exercise = Exercise(
      id: id, title: header.value("title") ?? id, chapterID: header.value("chapter"),
      order: integer(header, "order", file: file) ?? 0, directory: directory,
      statement: header.body, languages: [], handlers: [:], timeoutSeconds: 3, memoryMB: 128,
      cases: [], scenarios: [], hints: [])
    exercise.statementStartLine = header.bodyStartLine
    exercise.languages = languages(header, file: file)
    exercise.handlers.reserveCapacity(exercise.languages.count)
    for language in exercise.languages {
      exercise.handlers[language] =
        header.value("handler-\(language.rawValue)") ?? language.defaultHandler
      if !outline { checkHandlerFiles(exercise, language) }
    }
    if let raw = header.value("timeout") {
      if let seconds = Double(CourseLoader.removing("s", from: raw)), seconds >= 1,
        seconds <= 900
      {
        exercise.timeoutSeconds = seconds
      } else {
        diagnostics.append(
          .error(
            "timeout '\(raw)' must be seconds from 1 to 900, as in Lambda", file: file,
            line: header.line(of: "timeout")))
      }
    }
    if let raw = header.value("memory") {
      if let mb = Int(CourseLoader.removing("MB", from: raw).trimmingWhitespace()),
        (128...10_240).contains(mb)
      {
        exercise.memoryMB = mb
      } else {
        diagnostics.append(
          .error(
            "memory '\(raw)' must be MB from 128 to 10240, as in Lambda", file: file,
            line: header.line(of: "memory")))
      }
    }
    if outline { return exercise }
    var spec = ExerciseSpecParser(file: "\(directory)/spec.json")
    if let specText = readText(spec.file, required: true) {
      (exercise.cases, exercise.scenarios) = spec.parse(specText)
      diagnostics += spec.diagnostics
    }
    exercise.hints = loadHints("\(directory)/hints.md")
    checkConfigFiles(&exercise)
    checkDeploymentFile(directory)
    return exercise
  }

  /// `text` without any occurrence of the ASCII `unit` (`3s` -> `3`, `512 MB` -> `512 `), in
  /// Swift rather than Foundation's bridged `replacingOccurrences` (a listing does it per
  /// exercise).
  static func removing(_ unit: String, from text: String) -> String {
    let bytes = Array(text.utf8)
    let pattern = Array(unit.utf8)
    var kept: [UInt8] = []
    kept.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if index + pattern.count <= bytes.count,
        bytes[index..<index + pattern.count].elementsEqual(pattern)
      {
        index += pattern.count
      } else {
        kept.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: kept, as: UTF8.self)
  }

  /// An exercise graded on `lambdalings serve` has a `deployment.json`; its checks only run in
  /// a learner's `check`, so its keys and values are checked here, with their lines.
  private mutating func checkDeploymentFile(_ directory: AbsolutePath) {
    let path = "\(directory)/deployment.json"
    guard fileExists(path), let text = readText(path, required: true) else { return }
    var reader = DeploymentSpecReader(file: path)
    reader.read(text: text)
    diagnostics += reader.diagnostics
  }

  private mutating func languages(_ header: FrontMatter, file: String) -> [Language] {
    let names = header.list("languages")
    if names.isEmpty { return Language.allCases }
    var result: [Language] = []
    for name in names {
      if let language = Language(rawValue: name) {
        result.append(language)
      } else {
        diagnostics.append(
          .error(
            "unknown language '\(name)'; use python and/or node", file: file,
            line: header.line(of: "languages")))
      }
    }
    return result
  }

  private mutating func checkHandlerFiles(_ exercise: Exercise, _ language: Language) {
    for (role, path) in [
      ("starter", exercise.starterPath(language)), ("solution", exercise.solutionPath(language)),
    ] where !fileExists(path.string) {
      diagnostics.append(
        .error(
          "the \(language.rawValue) \(role) is missing; create \(path) or drop \(language.rawValue)"
            + " from 'languages:'", file: "\(exercise.directory)/exercise.md", line: 1))
    }
  }

  /// A starter `function.json` makes the function configuration part of the exercise: every
  /// language's starter and solution then need one, and each must parse.
  private mutating func checkConfigFiles(_ exercise: inout Exercise) {
    let name = Exercise.configFileName
    let paths = exercise.languages.flatMap { language in
      ["starter", "solution"].map { "\(exercise.directory)/\($0)/\(language.rawValue)/\(name)" }
    }
    let present = paths.filter(fileExists)
    guard !present.isEmpty else { return }
    exercise.usesConfigFile = true
    for path in paths where !fileExists(path) {
      diagnostics.append(
        .error(
          "\(path) is missing; when one starter or solution has a \(name), every one needs it",
          file: "\(exercise.directory)/exercise.md", line: 1))
    }
    for path in present {
      guard let text = readText(path, required: true) else { continue }
      var reader = FunctionSettingsReader(file: path)
      _ = reader.read(text: text)
      diagnostics += reader.diagnostics
    }
  }

  /// Hints are the sections of `hints.md`, one per `## ` heading, in order.
  private mutating func loadHints(_ file: String) -> [String] {
    guard let text = readText(file, required: false) else { return [] }
    var hints: [String] = []
    var current: [Substring]?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("## ") {
        if let lines = current { hints.append(lines.joined(separator: "\n").trimmingWhitespace()) }
        current = []
      } else {
        current?.append(line)
      }
    }
    if let lines = current { hints.append(lines.joined(separator: "\n").trimmingWhitespace()) }
    if hints.isEmpty {
      diagnostics.append(
        .warning(
          "hints.md has no '## Hint' sections; each '## ' heading starts one hint",
          file: file, line: 1))
    }
    return hints.filter { !$0.isEmpty }
  }
}
