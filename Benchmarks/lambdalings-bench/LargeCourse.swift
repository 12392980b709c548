import Foundation

/// A course grown from the shipped one to measure start-up against course size: the shipped
/// chapters, exercises and quizzes plus generated copies (new ids, same content).
enum LargeCourse {
  /// Copies the course at `source` into `destination` and adds `exercises` exercises and
  /// `quizzes` quizzes, each quiz in a chapter of its own that lists its share of the exercises.
  static func make(
    from source: String, into destination: String, exercises: Int = 200, quizzes: Int = 40
  ) throws {
    let files = FileManager.default
    try files.createDirectory(atPath: destination, withIntermediateDirectories: true)
    for folder in ["lessons", "exercises"] {
      try files.copyItem(atPath: "\(source)/\(folder)", toPath: "\(destination)/\(folder)")
    }
    let template = "\(source)/exercises/hello-api"
    let quizText = try String(
      contentsOfFile: "\(source)/lessons/quizzes/limits.md", encoding: .utf8)
    let chapterText = try String(
      contentsOfFile: "\(source)/lessons/09-limits.md", encoding: .utf8)
    let chapterBody = chapterText.components(separatedBy: "\n---\n").dropFirst()
      .joined(separator: "\n---\n")
    let perChapter = max(1, exercises / max(quizzes, 1))
    for number in 0..<exercises {
      let id = String(format: "gen-exercise-%03d", number)
      let folder = "\(destination)/exercises/\(id)"
      try files.copyItem(atPath: template, toPath: folder)
      let statement = try String(contentsOfFile: "\(folder)/exercise.md", encoding: .utf8)
      let chapter = String(format: "gen-chapter-%02d", min(number / perChapter, quizzes - 1))
      try statement.replacingOccurrences(of: "id: hello-api", with: "id: \(id)")
        .replacingOccurrences(of: "chapter: first-function", with: "chapter: \(chapter)")
        .write(toFile: "\(folder)/exercise.md", atomically: false, encoding: .utf8)
    }
    for number in 0..<quizzes {
      let quiz = String(format: "gen-quiz-%02d", number)
      let chapter = String(format: "gen-chapter-%02d", number)
      try quizText.replacingOccurrences(of: "id: limits\n", with: "id: \(quiz)\n")
        .replacingOccurrences(of: "chapter: limits\n", with: "chapter: \(chapter)\n")
        .replacingOccurrences(of: "\n## ", with: "\n## \(quiz)-")
        .write(
          toFile: "\(destination)/lessons/quizzes/\(quiz).md", atomically: false,
          encoding: .utf8)
      let listed = (0..<exercises).filter {
        $0 / perChapter == number || (number == quizzes - 1 && $0 / perChapter >= quizzes)
      }
      .map { String(format: "gen-exercise-%03d", $0) }
      let header = """
        ---
        id: \(chapter)
        title: Generated chapter \(number + 1)
        order: \(100 + number)
        exercises: \(listed.joined(separator: ", "))
        quiz: \(quiz)
        ---
        """
      try (header + "\n" + chapterBody).write(
        toFile: "\(destination)/lessons/\(100 + number)-\(chapter).md", atomically: false,
        encoding: .utf8)
    }
  }
}
