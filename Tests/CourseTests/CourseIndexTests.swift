import Foundation
import Testing

@testable import Course
@testable import SystemSupport

/// The course index never changes what an outline load gives: a warm index gives the same
/// course and problems as reading every file, and any change to the files (an edited title, an
/// exercise added or removed, a quiz touched, a broken or foreign index) is seen at once.
@Suite struct CourseIndexTests {
  /// Counts `## ` headings, so that a test can see when a quiz file was scanned again.
  static let scanner: @Sendable (String) -> QuizListing = { text in
    let count = text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { $0.hasPrefix("## ") }.count
    return QuizListing(id: "scanned", questionCount: count, topics: ["t\(count)"])
  }

  /// A scratch folder for index files, removed on deinit.
  final class Scratch {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("course-index-\(UUID().uuidString)").path
    deinit { try? FileManager.default.removeItem(atPath: path) }
  }

  /// An index in `folder` whose clock runs ahead, so that files just written count as settled
  /// (the two-second rule has a test of its own).
  static func index(_ folder: String, stamp: String = "test 1") -> CourseIndex {
    var index = CourseIndex(
      directory: AbsolutePath(validating: folder)!, stamp: stamp, quizScanner: scanner)
    index.clock = { Date().addingTimeInterval(60) }
    return index
  }

  /// What a listing shows, and every problem, as comparable text.
  static func summary(_ loaded: (Course, [Diagnostic])) -> [String] {
    let (course, problems) = loaded
    var lines = ["course \(course.id) \(course.title) \(course.summary)"]
    for chapter in course.chapters {
      let keys = chapter.headerLines.sorted { $0.key < $1.key }
      lines.append(
        "chapter \(chapter.id) \(chapter.title) \(chapter.order) \(chapter.exerciseIDs)"
          + " \(chapter.quizID ?? "-") \(chapter.bodyStartLine) \(keys)")
    }
    for exercise in course.exercises {
      lines.append(
        "exercise \(exercise.id) \(exercise.title) \(exercise.chapterID ?? "-") \(exercise.order)"
          + " \(exercise.languages) \(exercise.handlers.sorted { $0.key.rawValue < $1.key.rawValue })"
          + " \(exercise.timeoutSeconds) \(exercise.memoryMB)")
    }
    for quiz in course.quizzes {
      lines.append("quiz \(quiz.id) \(quiz.title) \(quiz.chapterID ?? "-") \(quiz.passMark)")
    }
    lines.append("steps \(course.steps)")
    return lines + problems.map(\.description)
  }

  static func load(_ course: TempCourse, _ index: CourseIndex?) -> (Course, [Diagnostic]) {
    CourseLoader.load(root: AbsolutePath(validating: course.root)!, outline: true, index: index)
  }

  static func write(_ text: String, to file: String) throws {
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: file, atomically: true, encoding: .utf8)
  }

  @Test func aWarmIndexGivesWhatReadingEveryFileGives() throws {
    let scratch = Scratch()
    let index = Self.index(scratch.path)
    let shipped = OutlineLoadTests.shipped
    let plain = Self.summary(
      CourseLoader.load(root: AbsolutePath(validating: shipped)!, outline: true))
    let cold = CourseLoader.load(
      root: AbsolutePath(validating: shipped)!, outline: true, index: index)
    #expect(
      FileManager.default.fileExists(
        atPath: index.file(for: AbsolutePath(validating: shipped)!).string))
    let warm = CourseLoader.load(
      root: AbsolutePath(validating: shipped)!, outline: true, index: index)
    #expect(Self.summary(cold) == plain)
    #expect(Self.summary(warm) == plain)
    #expect(plain.count > 20)
    // Every quiz carries its listing, cold and warm alike, and it is what the scan gives.
    for quiz in warm.0.quizzes {
      let text = try String(contentsOfFile: quiz.file, encoding: .utf8)
      #expect(quiz.listing == Self.scanner(text))
    }
    #expect(cold.0.quizzes.map(\.listing) == warm.0.quizzes.map(\.listing))
  }

  @Test func problemsAreTheSameFromTheIndex() throws {
    let course = try TempCourse.valid(overriding: [
      "lessons/02-two.md": "---\nid: two\ntitle: Two\nsurprise: yes\nnot a pair\n---\nBody\n",
      "lessons/03-three.md": "---\nid: three\ntitle: Three\n# never closed\n",
      "lessons/04-dup.md": "---\nid: two\ntitle: Again\n---\n",
      "lessons/quizzes/bad.md": "---\nid: Bad Id\npass: lots\n---\n## Q\n",
      "exercises/odd/exercise.md": "---\nid: other\ntimeout: 2000\nlanguages: cobol\n---\n",
      "exercises/empty/notes.txt": "no exercise.md here\n",
      "lessons/05-latin1.md": "---\nid: five\ntitle: Caf\u{E9}\n---\n",
    ])
    // Invalid UTF-8 in a header: reported, and reported again from the index.
    let latin1 = "\(course.root)/lessons/06-latin1.md"
    try Data("---\nid: six\ntitle: Caf".utf8 + [0xE9] + Data("\n---\nBody\n".utf8)).write(
      to: URL(fileURLWithPath: latin1))
    let scratch = Scratch()
    let index = Self.index(scratch.path)
    let plain = Self.summary(Self.load(course, nil))
    #expect(plain.contains { $0.contains("06-latin1.md: error: the file is not valid UTF-8") })
    #expect(plain.contains { $0.contains("unknown header key 'surprise'") })
    #expect(Self.summary(Self.load(course, index)) == plain)
    #expect(Self.summary(Self.load(course, index)) == plain)
    // The same course under another spelling of its folder names its files that way.
    let dotted = course.root + "/."
    let other = Self.summary(
      CourseLoader.load(root: AbsolutePath(validating: dotted)!, outline: true))
    #expect(
      Self.summary(
        CourseLoader.load(root: AbsolutePath(validating: dotted)!, outline: true, index: index))
        == other)
  }

  @Test func theIndexIsReallyUsedWhileNothingChanged() throws {
    let course = try TempCourse.valid()
    let scratch = Scratch()
    let index = Self.index(scratch.path)
    _ = Self.load(course, index)
    // Rewrite the remembered title of the chapter in the index itself: a warm load that
    // shows the rewritten title read it from the index, not from the file.
    let file = index.file(for: AbsolutePath(validating: course.root)!).string
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains("H\t3\ttitle\tIntro\n"))
    try text.replacingOccurrences(of: "H\t3\ttitle\tIntro\n", with: "H\t3\ttitle\tFrom the index\n")
      .write(toFile: file, atomically: true, encoding: .utf8)
    #expect(Self.load(course, index).0.chapter("intro")?.title == "From the index")
    // Another build's index is not used at all.
    let rebuilt = Self.index(scratch.path, stamp: "test 2")
    #expect(Self.load(course, rebuilt).0.chapter("intro")?.title == "Intro")
    #expect(try String(contentsOfFile: file, encoding: .utf8).contains("stamp\ttest 2\n"))
  }

  @Test func anEditedTitleIsSeen() throws {
    let course = try TempCourse.valid()
    let scratch = Scratch()
    let index = Self.index(scratch.path)
    #expect(Self.load(course, index).0.exercise("hello")?.title == "Hello")
    #expect(Self.load(course, index).0.exercise("hello")?.title == "Hello")
    try Self.write(
      "---\nid: hello\ntitle: Hello again\nchapter: intro\nlanguages: python\n---\nDo it.\n",
      to: "\(course.root)/exercises/hello/exercise.md")
    #expect(Self.load(course, index).0.exercise("hello")?.title == "Hello again")
    // The same length, written in place (same inode): the times still differ.
    let chapter = "\(course.root)/lessons/01-intro.md"
    let old = try String(contentsOfFile: chapter, encoding: .utf8)
    try Data(old.replacingOccurrences(of: "title: Intro", with: "title: Outr").utf8).write(
      to: URL(fileURLWithPath: chapter))
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: chapter)
    #expect(Self.load(course, index).0.chapter("intro")?.title == "Outr")
    #expect(Self.summary(Self.load(course, index)) == Self.summary(Self.load(course, nil)))
  }

  @Test func addedAndRemovedExercisesAreSeen() throws {
    let course = try TempCourse.valid()
    let scratch = Scratch()
    let index = Self.index(scratch.path)
    _ = Self.load(course, index)
    try Self.write(
      "---\nid: second\ntitle: Second\nchapter: intro\nlanguages: python\n---\n",
      to: "\(course.root)/exercises/second/exercise.md")
    try Self.write(
      "---\nid: intro\ntitle: Intro\norder: 1\nexercises: hello, second\nquiz: basics\n---\n",
      to: "\(course.root)/lessons/01-intro.md")
    let added = Self.load(course, index)
    #expect(added.0.exercises.map(\.id) == ["hello", "second"])
    #expect(Self.summary(added) == Self.summary(Self.load(course, nil)))
    try FileManager.default.removeItem(atPath: "\(course.root)/exercises/second")
    let removed = Self.load(course, index)
    #expect(removed.0.exercises.map(\.id) == ["hello"])
    // The chapter still lists it: the same error as without the index.
    #expect(removed.1.contains { $0.message.contains("lists exercise 'second'") })
    #expect(Self.summary(removed) == Self.summary(Self.load(course, nil)))
    // The index no longer remembers the removed file.
    let text = try String(
      contentsOfFile: index.file(for: AbsolutePath(validating: course.root)!).string,
      encoding: .utf8)
    #expect(!text.contains("exercises/second/"))
  }

  @Test func aTouchedOrEditedQuizIsScannedAgain() throws {
    let course = try TempCourse.valid(overriding: [
      "lessons/quizzes/basics.md": "---\nid: basics\ntitle: Basics\nchapter: intro\n---\n## One\n"
    ])
    let quiz = "\(course.root)/lessons/quizzes/basics.md"
    let scratch = Scratch()
    let index = Self.index(scratch.path)
    #expect(Self.load(course, index).0.quiz("basics")?.listing?.questionCount == 1)
    try Self.write(
      "---\nid: basics\ntitle: Basics\nchapter: intro\n---\n## One\n\n## Two\n", to: quiz)
    #expect(Self.load(course, index).0.quiz("basics")?.listing?.questionCount == 2)
    // Same size, same inode, only the times move (as after `touch` following an edit).
    let text = try String(contentsOfFile: quiz, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "## Two", with: "Not 2!").utf8).write(
      to: URL(fileURLWithPath: quiz))
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: quiz)
    #expect(Self.load(course, index).0.quiz("basics")?.listing?.questionCount == 1)
  }

  @Test func aFileChangedTwiceWithinTheSettleTimeIsReadAgain() throws {
    let course = try TempCourse.valid()
    let scratch = Scratch()
    // The real clock: the files were written just now, so none is remembered yet.
    let index = CourseIndex(
      directory: AbsolutePath(validating: scratch.path)!, stamp: "test 1", quizScanner: Self.scanner
    )
    let file = "\(course.root)/exercises/hello/exercise.md"
    #expect(Self.load(course, index).0.exercise("hello")?.title == "Hello")
    let old = try String(contentsOfFile: file, encoding: .utf8)
    // Same size, in place: within one timestamp tick nothing in the stat would differ.
    try Data(old.replacingOccurrences(of: "title: Hello", with: "title: Jello").utf8).write(
      to: URL(fileURLWithPath: file))
    #expect(Self.load(course, index).0.exercise("hello")?.title == "Jello")
    let text = try String(
      contentsOfFile: index.file(for: AbsolutePath(validating: course.root)!).string,
      encoding: .utf8)
    #expect(!text.contains("exercises/hello/exercise.md"))
  }

  @Test func aBrokenIndexIsIgnoredAndRebuilt() throws {
    let course = try TempCourse.valid()
    let scratch = Scratch()
    let index = Self.index(scratch.path)
    let expected = Self.summary(Self.load(course, nil))
    _ = Self.load(course, index)
    let file = index.file(for: AbsolutePath(validating: course.root)!).string
    let good = try String(contentsOfFile: file, encoding: .utf8)
    let broken = [
      "garbage\u{0}\u{1}",
      String(good.dropLast(12)),  // cut off: no `end` line
      good.replacingOccurrences(of: "\nH\t", with: "\nH\tx\t"),
      good.replacingOccurrences(of: "end\t", with: "end\t9"),
      good.replacingOccurrences(of: "root\t", with: "root\t/elsewhere"),
      good + "F\textra\n",
      good.replacingOccurrences(of: "\nend\t", with: "\nP\nend\t"),  // a record cut short
      good.replacingOccurrences(of: "\nend\t", with: "\nP\tx\t1\tmessage\nend\t"),
      good.replacingOccurrences(of: "\nend\t", with: "\nH\t1x\tkey\tvalue\nend\t"),
      good.replacingOccurrences(of: "\nend\t", with: "\nQ\nend\t"),
      good.replacingOccurrences(of: "\nend\t", with: "\nend\t-"),
      "",
    ]
    for text in broken {
      try text.write(toFile: file, atomically: true, encoding: .utf8)
      #expect(Self.summary(Self.load(course, index)) == expected)
      #expect(try String(contentsOfFile: file, encoding: .utf8) == good)
    }
  }

  @Test func anUnwritableIndexFolderOnlyCostsTime() throws {
    let course = try TempCourse.valid()
    let scratch = Scratch()
    // A folder that cannot be created (its parent is a file), read-only even for root.
    try FileManager.default.createDirectory(atPath: scratch.path, withIntermediateDirectories: true)
    try "a file".write(toFile: "\(scratch.path)/blocker", atomically: true, encoding: .utf8)
    let index = Self.index("\(scratch.path)/blocker/index")
    let expected = Self.summary(Self.load(course, nil))
    #expect(Self.summary(Self.load(course, index)) == expected)
    #expect(Self.summary(Self.load(course, index)) == expected)
    #expect(
      !FileManager.default.fileExists(
        atPath: index.file(for: AbsolutePath(validating: course.root)!).string))
    // A read-only folder, where permissions apply (not for root).
    if getuid() != 0 {
      let readOnly = "\(scratch.path)/read-only"
      try FileManager.default.createDirectory(
        atPath: readOnly, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o555])
      let locked = Self.index(readOnly)
      #expect(Self.summary(Self.load(course, locked)) == expected)
      #expect(
        !FileManager.default.fileExists(
          atPath: locked.file(for: AbsolutePath(validating: course.root)!).string))
    }
  }

  @Test func fieldsSurviveTheFileFormat() throws {
    let entry = CourseIndex.Entry(
      key: "1:2:3:4.5:6.7",
      header: FrontMatter(
        entries: [
          .init(key: "title", value: "Tabs\there, a back\\slash, \r and \\t", line: 2),
          .init(key: "", value: "", line: 3),
        ], body: "line 1\nline 2\t", bodyStartLine: 5, isPresent: true),
      problems: [Diagnostic(severity: .warning, file: "", line: 3, message: "odd\nmessage")],
      quiz: QuizListing(id: "q\t1", questionCount: 7, topics: ["a", "", "b\\"]))
    let data = CourseIndex.encode(["lessons/a\tb.md": entry], stamp: "s\\1", root: "/r\n")
    let decoded = CourseIndex.decode(data, stamp: "s\\1", root: "/r\n")
    #expect(decoded == ["lessons/a\tb.md": entry])
    #expect(CourseIndex.decode(data, stamp: "s\\2", root: "/r\n") == nil)
  }

  @Test func keysAreTheStatusFieldsInOrder() {
    var status = FileStatus(
      kind: .regularFile, device: 2049, inode: 0, size: 117_000, modifiedSeconds: 1_764_577_800,
      modifiedNanoseconds: 5, changedSeconds: -3, changedNanoseconds: 999_999_999)
    #expect(CourseIndex.keyText(status) == "2049:0:117000:1764577800.5:-3.999999999")
    status.device = .max
    status.inode = 10
    status.size = .min
    status.modifiedSeconds = .max
    status.modifiedNanoseconds = 0
    #expect(
      CourseIndex.keyText(status)
        == "\(UInt64.max):10:\(Int64.min):\(Int64.max).0:-3.999999999")
  }
}
