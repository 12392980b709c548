import Foundation
import SystemSupport

/// New course content that `validate` accepts as it is: a chapter, an exercise (statement,
/// spec with one case, three hints, a starter that fails and a solution that passes, in Python
/// and Node) or a quiz, with comments saying what to fill in. A scaffold is a plan of files to
/// create and header lines to change; `write` never overwrites a file.
public struct CourseScaffold: Sendable, Equatable {
  /// A file to create, relative to the course root.
  public struct File: Sendable, Equatable {
    public var path: String
    public var text: String
  }

  /// A header line to set in an existing file (e.g. a chapter's `exercises:` list).
  public struct HeaderEdit: Sendable, Equatable {
    public var path: String
    public var key: String
    public var value: String
  }

  public var files: [File] = []
  public var edits: [HeaderEdit] = []

  /// What can go wrong before anything is written.
  public enum Problem: Error, Equatable, CustomStringConvertible {
    case invalidID(String)
    case exists(String)
    case unknownChapter(String, known: [String])

    public var description: String {
      switch self {
      case .invalidID(let id):
        return "'\(id)' is not a valid id; use lower-case letters, digits and hyphens, "
          + "starting with a letter (e.g. 'sqs-batches')"
      case .exists(let path):
        return "\(path) already exists; new never overwrites, so pick another id or edit it"
      case .unknownChapter(let id, let known):
        let list =
          known.isEmpty
          ? "the course has no chapters yet" : "known: \(known.joined(separator: ", "))"
        return "there is no chapter '\(id)' (\(list))"
      }
    }
  }

  /// A chapter after the last one (and `lessons/course.md` when the course has none).
  public static func chapter(_ id: String, course: Course?) throws -> CourseScaffold {
    try checkID(id)
    if let course, course.chapters.contains(where: { $0.id == id }) {
      throw Problem.exists("a chapter with id '\(id)'")
    }
    let order = (course?.chapters.map(\.order).max() ?? 0) + 1
    var scaffold = CourseScaffold()
    if course == nil || course?.id.isEmpty == true {
      scaffold.files.append(File(path: "lessons/course.md", text: Templates.course))
    }
    let name = String(format: "%02d-%@.md", order, id)
    scaffold.files.append(
      File(path: "lessons/\(name)", text: Templates.chapter(id: id, title: title(id), order: order))
    )
    return scaffold
  }

  /// An exercise folder; with `chapter`, the chapter's `exercises:` list gains it.
  public static func exercise(_ id: String, chapter: String?, course: Course) throws
    -> CourseScaffold
  {
    try checkID(id)
    if course.exercise(id) != nil { throw Problem.exists("exercises/\(id)") }
    var scaffold = CourseScaffold()
    let owner = try chapter.map { try findChapter($0, in: course) }
    let folder = "exercises/\(id)"
    let texts = Templates.exercise(id: id, title: title(id), chapter: chapter)
    for (path, text) in texts { scaffold.files.append(File(path: "\(folder)/\(path)", text: text)) }
    if let owner {
      scaffold.edits.append(
        HeaderEdit(
          path: relative(owner.file, course.root), key: "exercises",
          value: (owner.exerciseIDs + [id]).joined(separator: ", ")))
    }
    return scaffold
  }

  /// A quiz bank; with `chapter`, the chapter's `quiz:` names it when it has no quiz yet.
  public static func quiz(_ id: String, chapter: String?, course: Course) throws -> CourseScaffold {
    try checkID(id)
    if course.quizzes.contains(where: { $0.id == id }) {
      throw Problem.exists("lessons/quizzes/\(id).md")
    }
    var scaffold = CourseScaffold()
    let owner = try chapter.map { try findChapter($0, in: course) }
    scaffold.files.append(
      File(
        path: "lessons/quizzes/\(id).md",
        text: Templates.quiz(
          id: id, title: title(id), chapter: chapter, anchor: owner?.anchors.sorted().first)))
    if let owner, owner.quizID == nil {
      scaffold.edits.append(
        HeaderEdit(path: relative(owner.file, course.root), key: "quiz", value: id))
    }
    return scaffold
  }

  /// "sqs-batches" → "Sqs batches".
  static func title(_ id: String) -> String {
    let words = id.split(separator: "-").joined(separator: " ")
    return words.prefix(1).uppercased() + words.dropFirst()
  }

  static func checkID(_ id: String) throws {
    let allowed = id.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
    }
    guard allowed, let first = id.unicodeScalars.first, ("a"..."z").contains(first),
      !id.hasSuffix("-"), id.count <= 64
    else { throw Problem.invalidID(id) }
  }

  static func findChapter(_ id: String, in course: Course) throws -> Chapter {
    guard let chapter = course.chapters.first(where: { $0.id == id }) else {
      throw Problem.unknownChapter(id, known: course.chapters.map(\.id))
    }
    return chapter
  }

  static func relative(_ path: String, _ root: AbsolutePath) -> String {
    AbsolutePath(validating: path)?.relative(to: root) ?? path
  }
}
