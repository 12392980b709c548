import Course

extension QuizLibrary {
  /// Parses the quiz files the course loader found, checking chapter links against the
  /// course's chapters and their section anchors.
  public init(course: Course) {
    var targets: Set<String> = []
    for chapter in course.chapters {
      targets.insert(chapter.id)
      for anchor in chapter.anchors { targets.insert("\(chapter.id)#\(anchor)") }
    }
    self = QuizLibrary.parse(
      course.quizzes.map { (file: $0.file, text: $0.text) }, knownTargets: targets)
  }
}
