import Foundation
import JSON

/// Turning the bytes of a progress file into a document, or into a precise `ProgressError`.
extension ProgressStore {
  /// Only the version, read first to decide how to read the rest.
  private struct VersionProbe: Decodable {
    var version: Int?
  }

  /// Decodes `data`, migrating older versions; throws `ProgressError` describing any problem.
  func decode(_ data: Data) throws -> ProgressDocument {
    let decoder = ProgressCoding.makeDecoder()
    // The common case, a current file, costs a single parse.
    if let document = try? decoder.decode(ProgressDocument.self, from: data),
      document.version == migrator.currentVersion
    {
      return document
    }
    let version = try readVersion(data, decoder: decoder)
    let payload = try migrated(data, from: version)
    do {
      return try decoder.decode(ProgressDocument.self, from: payload)
    } catch let error as DecodingError {
      throw describe(error, in: payload == data ? data : nil)
    }
  }

  /// The `version` field of `data`, or the error saying why there is none.
  private func readVersion(_ data: Data, decoder: JSONDecoder) throws -> Int {
    do {
      guard let found = try decoder.decode(VersionProbe.self, from: data).version else {
        throw failure(.missingVersion, line: nil)
      }
      return found
    } catch let error as DecodingError {
      if let syntax = JSONValue.syntaxError(in: data) {
        let empty = data.allSatisfy { [0x20, 0x0A, 0x0D, 0x09].contains($0) }
        let message = empty ? "the file is empty" : syntax.message
        let detail = "\(message) (line \(syntax.line), column \(syntax.column))"
        throw failure(.invalidJSON(detail), line: syntax.line)
      }
      if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
        throw failure(.invalidJSON(context.debugDescription), line: nil)
      }
      throw failure(.missingVersion, line: Self.line(of: ["version"], in: data))
    }
  }

  /// `data` brought to the current version (itself when it already is).
  private func migrated(_ data: Data, from version: Int) throws -> Data {
    let versionLine = { Self.line(of: ["version"], in: data) }
    do {
      try migrator.check(version: version)
    } catch .newerVersion(let newer) {
      let reason = ProgressError.Reason.newerVersion(newer, supported: migrator.currentVersion)
      throw failure(reason, line: versionLine())
    } catch {
      throw failure(.unsupportedVersion(version), line: versionLine())
    }
    if version == migrator.currentVersion { return data }
    do {
      let value = try JSONValue(parsing: data)
      let members = value.objectMembers ?? []
      let object = try migrator.migrate(
        Dictionary(members, uniquingKeysWith: { _, last in last }), from: version)
      return Data(JSONValue.object(object.sorted { $0.key < $1.key }).compactBytes())
    } catch {
      let detail = "converting it from version \(version) failed: \(error)"
      throw failure(.invalidValue(field: "", detail: detail), line: nil)
    }
  }

  /// A `ProgressError` for a value that does not fit, with its line when `source` is given.
  private func describe(_ error: DecodingError, in source: Data?) -> ProgressError {
    var path: [String]
    let detail: String
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .dataCorrupted(let context):
      path = context.codingPath.map(Self.component)
      detail = context.debugDescription
    case .keyNotFound(let key, let context):
      path = context.codingPath.map(Self.component)
      detail = "the required field '\(key.stringValue)' is missing"
    @unknown default:
      path = []
      detail = "\(error)"
    }
    let trimmed = detail.hasSuffix(".") ? String(detail.dropLast()) : detail
    let line = source.flatMap { Self.line(of: path, in: $0) }
    if case .keyNotFound(let key, _) = error { path.append(key.stringValue) }
    return failure(.invalidValue(field: path.joined(separator: "."), detail: trimmed), line: line)
  }

  /// One coding-path component as the file spells it: array elements by their index.
  private static func component(_ key: CodingKey) -> String {
    if let index = key.intValue, key.stringValue.hasPrefix("Index ") { return String(index) }
    return key.stringValue
  }

  /// The line where the value at `path` starts in `data` (array elements by their index).
  static func line(of path: [String], in data: Data) -> Int? {
    (try? JSONValue.Located(parsing: data))?.located(at: path)?.line
  }

  private func failure(_ reason: ProgressError.Reason, line: Int?) -> ProgressError {
    ProgressError(
      reason: reason, file: file.string, line: line, backup: backup.string,
      backupExists: FileManager.default.fileExists(atPath: backup.string))
  }
}
