import Course

extension QuizLibrary {
  /// Parses the questions of the quiz files the course loader found, checking chapter links
  /// against the course's chapters and their section anchors. Each file is parsed once: the
  /// loader read the headers (and reported their problems), the quiz parser reads the bodies.
  public init(course: Course) {
    var targets: Set<String> = []
    for chapter in course.chapters {
      targets.insert(chapter.id)
      for anchor in chapter.anchors { targets.insert("\(chapter.id)#\(anchor)") }
    }
    self = QuizLibrary.combine(
      course.quizzes.map { source in
        let (bank, found) = QuizParser.parse(source, knownTargets: targets)
        return (source.file, bank, found)
      })
  }
}
