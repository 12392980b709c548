import Foundation
import SystemSupport

/// What `quiz --list` shows of one quiz file, as the Quiz module's light scan reads it
/// (`QuizSummary.scan`): kept in the course index, so listing quizzes reads no quiz file
/// that has not changed.
public struct QuizListing: Sendable, Equatable {
  /// The header's `id:` as the scan reads it ("" when there is none).
  public var id: String
  public var questionCount: Int
  /// Every question's tags, question by question.
  public var topics: [String]

  public init(id: String, questionCount: Int, topics: [String]) {
    self.id = id
    self.questionCount = questionCount
    self.topics = topics
  }
}

/// Remembers, across runs, what the outline load (`CourseLoader.load(root:outline:index:)`)
/// found in each chapter, exercise and quiz file, so that listings stat each file instead of
/// reading and parsing it.
///
/// One file per course folder under `$XDG_CACHE_HOME/lambdalings/courses/` (or
/// `~/.cache/lambdalings/courses/`), named by a hash of the course's absolute path. Each entry
/// is the parsed header of one file (its keys, values and lines, and the problems reading and
/// parsing it gave), and for a quiz its `QuizListing`, keyed by the file's device, inode, size,
/// modification and status-change times. An entry is used only when that key is unchanged;
/// the set of files always comes from listing the folders, so added and removed files are
/// seen at once. A file changed less than two seconds before it was read is not remembered
/// (a second change within the file system's timestamp granularity could keep its key), nor
/// is a file whose reading failed. The whole index is dropped when it was written by another
/// build (`stamp`), for another folder, or is not well formed. The index only saves time:
/// when its folder cannot be written, every run reads the files as without it.
public struct CourseIndex: Sendable {
  /// The folder holding the index files.
  public let directory: AbsolutePath
  /// Identifies the code that parsed the files: an index written by another build is not used.
  public let stamp: String
  /// The quiz scan; the index keeps its result for each quiz file.
  public let quizScanner: @Sendable (String) -> QuizListing
  /// "Now", which decides whether a file changed too recently to be remembered (tests move it).
  var clock: @Sendable () -> Date = { Date() }

  static let header = "lambdalings course index 1"
  /// How long after its last change a file's key is trusted, in nanoseconds.
  static let settleTime: Int64 = 2_000_000_000

  public init(
    directory: AbsolutePath, stamp: String,
    quizScanner: @escaping @Sendable (String) -> QuizListing
  ) {
    self.directory = directory
    self.stamp = stamp
    self.quizScanner = quizScanner
  }

  /// The index of the user in `environment`: nil when `LAMBDALINGS_COURSE_INDEX=off` or there
  /// is no home to put it in. The stamp is the running executable's path and identity (device,
  /// inode, size, modification time), which every build and every install changes.
  public static func standard(
    environment: [String: String], quizScanner: @escaping @Sendable (String) -> QuizListing
  ) -> CourseIndex? {
    if environment["LAMBDALINGS_COURSE_INDEX"] == "off" { return nil }
    guard let directory = UserCache.directory("courses", environment: environment) else {
      return nil
    }
    let executable = Platform.executablePath()
    let identity = executable.flatMap { Platform.fileStatus($0)?.stamp } ?? "unknown"
    return CourseIndex(
      directory: directory,
      stamp: "\(executable ?? "") \(identity)", quizScanner: quizScanner)
  }

  /// The index file of the course folder `root`.
  public func file(for root: AbsolutePath) -> AbsolutePath {
    directory.appending(UserCache.digest(root.string))
  }

  /// Opens the index of `root` for one load.
  func open(root: AbsolutePath) -> Session {
    let absoluteRoot = root.string
    let path = file(for: root)
    let now = Int64(clock().timeIntervalSince1970 * 1e9)
    var session = Session(
      index: self, root: absoluteRoot, path: path, trustedBefore: now - CourseIndex.settleTime)
    if let data = FileManager.default.contents(atPath: path.string),
      let entries = CourseIndex.decode(data, stamp: stamp, root: absoluteRoot)
    {
      session.stored = entries
    } else {
      session.changed = true
    }
    return session
  }

  /// What the outline load took from one file.
  struct Entry: Equatable {
    /// `device:inode:size:mtime:ctime` when the file was read.
    var key: String
    /// The parsed header (for an outline load: the body is empty unless the file could only be
    /// read whole).
    var header: FrontMatter
    /// What reading and parsing the file reported, all about this file.
    var problems: [Diagnostic]
    /// For a quiz file: what the quiz scan read.
    var quiz: QuizListing?
  }

  /// `device:inode:size:mtime:ctime` of `status`, written digit by digit into one buffer:
  /// string interpolation of seven integers per file was a visible part of a listing.
  static func keyText(_ status: FileStatus) -> String {
    let fields: [(UInt64, Bool, UInt8)] = [
      (status.device, false, UInt8(ascii: ":")), (status.inode, false, UInt8(ascii: ":")),
      signed(status.size, UInt8(ascii: ":")), signed(status.modifiedSeconds, UInt8(ascii: ".")),
      signed(status.modifiedNanoseconds, UInt8(ascii: ":")),
      signed(status.changedSeconds, UInt8(ascii: ".")), signed(status.changedNanoseconds, 0),
    ]
    // Seven fields of at most 20 digits, a sign and a separator each.
    return String(unsafeUninitializedCapacity: 7 * 22) { buffer in
      var count = 0
      for (value, negative, separator) in fields {
        if negative {
          buffer[count] = UInt8(ascii: "-")
          count += 1
        }
        var rest = value
        var length = 0
        repeat {
          length += 1
          rest /= 10
        } while rest > 0
        rest = value
        var index = count + length - 1
        repeat {
          buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
          index -= 1
        } while rest > 0
        count += length
        if separator != 0 {
          buffer[count] = separator
          count += 1
        }
      }
      return count
    }
  }

  /// A signed field as its magnitude and sign.
  private static func signed(_ value: Int64, _ separator: UInt8) -> (UInt64, Bool, UInt8) {
    (value.magnitude, value < 0, separator)
  }

  /// One load's use of the index: looks entries up, records new ones, writes the file back
  /// when anything differs from what it held.
  struct Session {
    let index: CourseIndex
    let root: String
    let path: AbsolutePath
    let trustedBefore: Int64
    var stored: [String: Entry] = [:]
    /// The stored entries this load found unchanged, by path (a list: most loads find every
    /// one and write nothing, so no table is built for them).
    var hits: [String] = []
    /// Entries read this load.
    var recorded: [String: Entry] = [:]
    var changed = false

    /// The key of a file's status, or nil when the file changed too recently to be trusted.
    func key(_ status: FileStatus) -> String? {
      let modified = status.modifiedSeconds * 1_000_000_000 + status.modifiedNanoseconds
      let changedAt = status.changedSeconds * 1_000_000_000 + status.changedNanoseconds
      guard max(modified, changedAt) < trustedBefore else { return nil }
      return CourseIndex.keyText(status)
    }

    /// The entry of the file at `relative` (inside the course) when it is unchanged since it
    /// was remembered.
    mutating func lookup(_ relative: String, status: FileStatus?) -> Entry? {
      guard let status, let key = key(status), let entry = stored[relative], entry.key == key
      else {
        changed = true
        return nil
      }
      hits.append(relative)
      return entry
    }

    /// Remembers what the file at `relative` gave, when its status allows.
    mutating func record(_ relative: String, status: FileStatus?, entry: Entry) {
      guard let status, let key = key(status) else { return }
      var entry = entry
      entry.key = key
      recorded[relative] = entry
      changed = true
    }

    /// Writes the index when it changed; failures are ignored (the index only saves time).
    func save() {
      guard changed || hits.count != stored.count else { return }
      var current = recorded
      for path in hits { current[path] = stored[path] }
      let data = CourseIndex.encode(current, stamp: index.stamp, root: root)
      do {
        try FileManager.default.createDirectory(
          atPath: index.directory.string, withIntermediateDirectories: true, attributes: nil)
        try AtomicFile.write(data, to: path, durable: false)
      } catch {
        return
      }
    }
  }
}
