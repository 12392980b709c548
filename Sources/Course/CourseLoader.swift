import Foundation
import SystemSupport

/// Loads a course folder, collecting every problem as a diagnostic instead of stopping at the first.
public struct CourseLoader {
  /// The name of the course header file inside `lessons/`.
  public static let manifestName = "course.md"
  let root: AbsolutePath
  /// Headers only: see `load(root:outline:)`.
  let outline: Bool
  var diagnostics: [Diagnostic] = []
  /// The index an outline load reads headers from and keeps up to date.
  var index: CourseIndex.Session?

  /// Loads the course at `root`. Never throws; a missing or broken course gives diagnostics.
  ///
  /// With `outline`, only what listings need is read: the header of every chapter, exercise
  /// and quiz (ids, titles, order, links between them). Chapter bodies and anchors, quiz
  /// texts, exercise statements, specs and hints stay empty, and only header problems are
  /// reported, so the cost does not grow with the size of the files. Commands that grade,
  /// render or quiz load the whole course.
  ///
  /// An outline load with an `index` stats each file and parses only those that changed since
  /// the index was written (then updates it); the result is the same as without it, and each
  /// quiz also carries its `QuizListing`.
  public static func load(root: AbsolutePath, outline: Bool = false, index: CourseIndex? = nil) -> (
    Course, [Diagnostic]
  ) {
    var loader = CourseLoader(root: root, outline: outline)
    if outline, let index { loader.index = index.open(root: root) }
    let course = loader.loadCourse()
    loader.index?.save()
    return (course, loader.diagnostics.sortedForDisplay())
  }

  /// The exercise in `folder` (a folder of `root/exercises`) loaded whole, with the problems
  /// a whole-course load reports about its files; problems that need the rest of the course
  /// (its chapter, duplicate ids) are the outline's to report.
  public static func loadExercise(root: AbsolutePath, folder: AbsolutePath)
    -> (Exercise?, [Diagnostic])
  {
    var loader = CourseLoader(root: root, outline: false)
    let exercise = loader.loadExercise(directory: folder, folderName: folder.name)
    return (exercise, loader.diagnostics.sortedForDisplay())
  }

  private init(root: AbsolutePath, outline: Bool) {
    self.root = root
    self.outline = outline
  }

  private mutating func loadCourse() -> Course {
    let lessons = "\(root)/lessons"
    var course = Course(
      id: "course", title: "Untitled course", summary: "", root: root, chapters: [], exercises: [],
      quizzes: [])
    guard isDirectory(lessons) else {
      diagnostics.append(
        .error(
          "no lessons/ folder here; a course needs lessons/\(CourseLoader.manifestName) with"
            + " 'id:' and 'title:' ('lambdalings new chapter ID' writes it with a first"
            + " chapter; see docs/authoring.md), or pass --course DIR",
          file: root.string, line: 0))
      return course
    }
    loadManifest(into: &course)
    course.quizzes = loadQuizzes()
    course.exercises = loadExercises()
    course.chapters = loadChapters()
    checkReferences(course)
    return course
  }

  private mutating func loadManifest(into course: inout Course) {
    let file = "\(root)/lessons/\(CourseLoader.manifestName)"
    guard let text = readText(file, required: false) else {
      diagnostics.append(
        .error(
          "no course header; create lessons/\(CourseLoader.manifestName) with 'id:' and 'title:'"
            + " between '---' lines (see docs/authoring.md)",
          file: file, line: 0))
      course.id = root.name
      return
    }
    let (header, problems) = FrontMatter.parse(text, file: file)
    diagnostics += problems
    course.id = requiredID(header, file: file) ?? course.id
    course.title = header.value("title") ?? course.title
    if header.value("title") == nil {
      diagnostics.append(
        .error("the course has no 'title:'; add one to the header", file: file, line: 1))
    }
    course.summary = header.body.trimmingWhitespace()
  }

  private mutating func loadChapters() -> [Chapter] {
    var chapters: [Chapter] = []
    var files: [String: String] = [:]
    for name in listFiles("\(root)/lessons", suffix: ".md") where name != CourseLoader.manifestName
    {
      let file = "\(root)/lessons/\(name)"
      guard let header = self.header(file)?.header else { continue }
      guard header.isPresent else {
        diagnostics.append(
          .error(
            "chapter has no header; start the file with '---', 'id:', 'title:', 'order:', '---'",
            file: file, line: 1))
        continue
      }
      warnUnknownKeys(header, allowed: ["id", "title", "order", "exercises", "quiz"], file: file)
      guard let id = requiredID(header, file: file) else { continue }
      if let other = files[id] {
        diagnostics.append(
          .error(
            "chapter id '\(id)' is already used by \(other)", file: file,
            line: header.line(of: "id")))
        continue
      }
      files[id] = file
      let title = header.value("title") ?? id
      if header.value("title") == nil {
        diagnostics.append(.error("chapter has no 'title:'", file: file, line: 1))
      }
      let order = integer(header, "order", file: file) ?? (chapters.map(\.order).max() ?? 0) + 1
      chapters.append(
        Chapter(
          id: id, title: title, order: order, file: file, exerciseIDs: header.list("exercises"),
          quizID: header.value("quiz"), body: header.body, bodyStartLine: header.bodyStartLine,
          anchors: outline ? [] : Slug.anchors(in: header.body),
          headerLines: Dictionary(
            header.entries.map { ($0.key, $0.line) }, uniquingKeysWith: { first, _ in first })))
    }
    return chapters.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
  }

  private mutating func loadQuizzes() -> [QuizSource] {
    let folder = "\(root)/lessons/quizzes"
    var quizzes: [QuizSource] = []
    var files: [String: String] = [:]
    for name in listFiles(folder, suffix: ".md") {
      let file = "\(folder)/\(name)"
      guard let read = self.header(file, quiz: true) else { continue }
      let header = read.header
      let fallback = String(name.dropLast(3))
      let id = header.isPresent ? (requiredID(header, file: file) ?? fallback) : fallback
      if let other = files[id] {
        diagnostics.append(
          .error(
            "quiz id '\(id)' is already used by \(other)", file: file,
            line: header.line(of: "id")))
        continue
      }
      files[id] = file
      var passMark = QuizSource.defaultPassMark
      if let raw = header.value("pass") {
        if let parsed = QuizSource.parsePassMark(raw) {
          passMark = parsed
        } else {
          diagnostics.append(
            .error(
              "'pass: \(raw)' is not a pass mark; write a percentage such as 'pass: 80%'",
              file: file, line: header.line(of: "pass")))
        }
      }
      quizzes.append(
        QuizSource(
          id: id, title: header.value("title") ?? id, chapterID: header.value("chapter"),
          file: file, header: header, passMark: passMark))
      quizzes[quizzes.count - 1].listing = read.listing
    }
    return quizzes
  }

  private mutating func checkReferences(_ course: Course) {
    let exerciseIDs = Set(course.exercises.map(\.id))
    for chapter in course.chapters {
      for id in chapter.exerciseIDs where !exerciseIDs.contains(id) {
        diagnostics.append(
          .error(
            "chapter lists exercise '\(id)', but there is no exercises/\(id)/exercise.md",
            file: chapter.file, line: chapter.headerLines["exercises"] ?? 1))
      }
      if let quiz = chapter.quizID, course.quiz(quiz) == nil {
        diagnostics.append(
          .error(
            "chapter names quiz '\(quiz)', but there is no lessons/quizzes/ file with that id",
            file: chapter.file, line: chapter.headerLines["quiz"] ?? 1))
      }
    }
    for exercise in course.exercises {
      guard let chapterID = exercise.chapterID else { continue }
      guard let chapter = course.chapter(chapterID) else {
        diagnostics.append(
          .warning(
            "exercise belongs to chapter '\(chapterID)', which does not exist yet",
            file: "\(exercise.directory)/exercise.md", line: 1))
        continue
      }
      if !chapter.exerciseIDs.contains(exercise.id) {
        let owner = course.chapters.first { $0.exerciseIDs.contains(exercise.id) }
        let placed = owner.map { " (it is listed by '\($0.id)' instead)" } ?? ""
        diagnostics.append(
          .error(
            "exercise says 'chapter: \(chapterID)', but that chapter does not list it\(placed);"
              + " add '\(exercise.id)' to the 'exercises:' of \(chapter.file), or fix 'chapter:'",
            file: "\(exercise.directory)/exercise.md", line: 1))
      }
    }
  }
}
