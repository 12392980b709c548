import Foundation
import JSON
import SystemSupport

/// CloudWatch Logs data: groups of streams of events, kept in memory and appended to
/// `logs/<group-file>.jsonl` (one event per line) so they survive a restart.
final class LogStore: Sendable {
  struct Event: Equatable {
    var timestamp: Int64
    var ingestionTime: Int64
    var message: String
  }

  struct Stream {
    var name: String
    var creationTime: Int64
    var events: [Event] = []
  }

  struct Group {
    var name: String
    var creationTime: Int64
    var streams: [String: Stream] = [:]
  }

  private let folder: AbsolutePath
  /// The groups by name. Appends to the files happen inside the lock too, so lines of two
  /// writers never interleave.
  private let groups: Locked<[String: Group]>

  /// Most events kept per stream; older ones are dropped from memory.
  static let maxEventsPerStream = 10_000

  init(folder: AbsolutePath) {
    self.folder = folder
    groups = Locked(LogStore.loadFromDisk(folder: folder))
  }

  /// Milliseconds since 1970, as CloudWatch timestamps are.
  static func nowMs() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

  /// Appends lines to a stream, creating group and stream as needed.
  func append(group: String, stream: String, lines: [String], at time: Int64 = LogStore.nowMs()) {
    guard !lines.isEmpty else { return }
    var encoded = ""
    groups.withLock { groups in
      if groups[group] == nil { groups[group] = Group(name: group, creationTime: time) }
      if groups[group]?.streams[stream] == nil {
        groups[group]?.streams[stream] = Stream(name: stream, creationTime: time)
      }
      for line in lines {
        groups[group]?.streams[stream]?.events.append(
          Event(timestamp: time, ingestionTime: time, message: line))
        encoded += LogStore.encodeLine(stream: stream, time: time, message: line)
      }
      if let count = groups[group]?.streams[stream]?.events.count,
        count > LogStore.maxEventsPerStream
      {
        groups[group]?.streams[stream]?.events.removeFirst(count - LogStore.maxEventsPerStream)
      }
      appendToDisk(group: group, text: encoded)
    }
  }

  /// Every group, sorted by name (deleting a function keeps its logs, as on AWS).
  func groupsSnapshot() -> [Group] {
    groups.withLock { $0.values.sorted { $0.name < $1.name } }
  }

  func group(_ name: String) -> Group? {
    groups.withLock { $0[name] }
  }

  // MARK: - Disk

  private func file(for group: String) -> AbsolutePath {
    let safe = group.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "~" }
    return folder.appending(String(safe) + ".jsonl")
  }

  private static func encodeLine(stream: String, time: Int64, message: String) -> String {
    let object: [String: Any] = ["s": stream, "t": time, "m": message]
    return String(decoding: JSONBody.encode(object), as: UTF8.self) + "\n"
  }

  private func appendToDisk(group: String, text: String) {
    try? FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
    let file = file(for: group)
    if !FileManager.default.fileExists(atPath: file.string) {
      let header = String(decoding: JSONBody.encode(["group": group]), as: UTF8.self) + "\n"
      _ = FileManager.default.createFile(atPath: file.string, contents: Data(header.utf8))
    }
    guard let handle = try? FileHandle(forWritingTo: file.url) else { return }
    defer { try? handle.close() }
    _ = try? handle.seekToEnd()
    try? handle.write(contentsOf: Data(text.utf8))
  }

  private static func loadFromDisk(folder: AbsolutePath) -> [String: Group] {
    var groups: [String: Group] = [:]
    guard
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder.string)
    else { return groups }
    for name in names where name.hasSuffix(".jsonl") {
      guard let data = FileManager.default.contents(atPath: folder.appending(name).string)
      else { continue }
      var groupName: String?
      for line in data.split(separator: UInt8(ascii: "\n")) {
        // A line torn by a crash does not parse and is skipped.
        guard let object = JSONValue.parse(bytes: line), case .object = object else { continue }
        if let group = object["group"]?.stringValue {
          groupName = group
          continue
        }
        guard let group = groupName, let stream = object["s"]?.stringValue,
          let time = object["t"]?.intValue.map(Int64.init),
          let message = object["m"]?.stringValue
        else { continue }
        if groups[group] == nil { groups[group] = Group(name: group, creationTime: time) }
        if groups[group]?.streams[stream] == nil {
          groups[group]?.streams[stream] = Stream(name: stream, creationTime: time)
        }
        groups[group]?.streams[stream]?.events.append(
          Event(timestamp: time, ingestionTime: time, message: message))
      }
    }
    // Keep memory bounded however long the files have grown.
    for (groupName, group) in groups {
      for (streamName, stream) in group.streams
      where stream.events.count > LogStore.maxEventsPerStream {
        groups[groupName]?.streams[streamName]?.events = Array(
          stream.events.suffix(LogStore.maxEventsPerStream))
      }
    }
    return groups
  }
}
