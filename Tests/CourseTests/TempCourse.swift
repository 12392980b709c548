import Course
import Foundation
import SystemSupport

/// A course folder written from a dictionary of relative paths to contents, removed on deinit.
final class TempCourse {
  let root: String
  /// `root` as the path type the loader takes.
  var path: AbsolutePath { AbsolutePath(validating: root)! }

  init(_ files: [String: String]) throws {
    root =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("course-tests-\(UUID().uuidString)").path
    for (path, text) in files {
      let full = "\(root)/\(path)"
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: full, atomically: true, encoding: .utf8)
    }
  }

  deinit {
    try? FileManager.default.removeItem(atPath: root)
  }

  /// A valid minimal course with one chapter, one exercise and one quiz, plus `extra` files.
  static func valid(overriding extra: [String: String] = [:]) throws -> TempCourse {
    var files: [String: String] = [
      "lessons/course.md": "---\nid: demo\ntitle: Demo course\n---\nA demo.\n",
      "lessons/01-intro.md":
        "---\nid: intro\ntitle: Intro\norder: 1\nexercises: hello\nquiz: basics\n---\n# Intro\n\n## Why Lambda\nText.\n",
      "lessons/quizzes/basics.md": "---\nid: basics\ntitle: Basics\nchapter: intro\n---\n",
      "exercises/hello/exercise.md":
        "---\nid: hello\ntitle: Hello\nchapter: intro\nlanguages: python\n---\nDo it.\n",
      "exercises/hello/spec.json":
        #"{"cases": [{"name": "ok", "event": {"a": 1}, "expect": {"statusCode": 200}}]}"#,
      "exercises/hello/hints.md": "## Hint 1\nLook.\n",
      "exercises/hello/starter/python/lambda_function.py": "def lambda_handler(e, c): pass\n",
      "exercises/hello/solution/python/lambda_function.py": "def lambda_handler(e, c): return 1\n",
    ]
    for (path, text) in extra { files[path] = text }
    return try TempCourse(files)
  }

  /// Diagnostics as `relative/path:line: severity: message`.
  func load() -> (course: Course, diagnostics: [String]) {
    let (course, diagnostics) = CourseLoader.load(root: path)
    return (
      course, diagnostics.map { $0.description.replacingOccurrences(of: root + "/", with: "") }
    )
  }
}
