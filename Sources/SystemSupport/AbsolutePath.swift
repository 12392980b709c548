import Foundation

/// A path from the root of the file system, without `.`, `..`, doubled or trailing slashes.
///
/// Paths a user types (`--workspace ../x`, `--course .`) become an `AbsolutePath` once, where
/// they are read, against the folder the command runs in; everything inside works with this
/// type, so no code below the command line asks what a relative path is relative to. Symbolic
/// links are left as they are (like a shell's `cd` without `-P`).
public struct AbsolutePath: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The path as text: starts with `/`, ends without one unless it is the root.
  public let string: String

  /// `path` when it starts with `/`; nil for a relative or empty one.
  public init?(validating path: String) {
    guard path.hasPrefix("/") else { return nil }
    string = AbsolutePath.normalized(path)
  }

  /// `path` when it is absolute, else `path` in `base` (`..` goes up from `base`).
  public init(_ path: String, relativeTo base: AbsolutePath) {
    string = AbsolutePath.normalized(path.hasPrefix("/") ? path : "\(base.string)/\(path)")
  }

  /// The folder this process runs in.
  public static func currentDirectory() -> AbsolutePath {
    let path = FileManager.default.currentDirectoryPath
    return AbsolutePath(validating: path) ?? AbsolutePath(normalized: "/")
  }

  private init(normalized: String) { string = normalized }

  /// The file or folder `relative` (one or more components, `..` allowed) inside this one.
  /// A leading `/` does not make it absolute: `relative` is always taken from this folder, as
  /// a path a course file writes is taken from the file's folder.
  public func appending(_ relative: String) -> AbsolutePath {
    // One plain component (a name read from a folder): nothing to normalise.
    if !relative.isEmpty, relative != ".", relative != "..",
      !relative.utf8.contains(UInt8(ascii: "/"))
    {
      return AbsolutePath(normalized: isRoot ? "/" + relative : string + "/" + relative)
    }
    return AbsolutePath(normalized: AbsolutePath.normalized(string + "/" + relative))
  }

  /// This path with `suffix` added to its last component: `progress.json` + `.lock` is
  /// `progress.json.lock`, in the same folder.
  public func addingSuffix(_ suffix: String) -> AbsolutePath {
    AbsolutePath(string + suffix, relativeTo: self)
  }

  /// The folder holding this one; the root for the root.
  public var parent: AbsolutePath {
    guard let slash = string.lastIndex(of: "/"), slash != string.startIndex else {
      return AbsolutePath(normalized: "/")
    }
    return AbsolutePath(normalized: String(string[..<slash]))
  }

  /// The last component (`hello-api` of `/w/exercises/hello-api`); empty for the root.
  public var name: String {
    string.split(separator: "/").last.map(String.init) ?? ""
  }

  /// Whether this is `/`.
  public var isRoot: Bool { string == "/" }

  /// A file URL for APIs that take one.
  public var url: URL { URL(fileURLWithPath: string) }

  /// The path from `folder` down to this one (`exercises/hello`); nil when this path is not
  /// inside `folder`, "" when it is `folder` itself.
  public func relative(to folder: AbsolutePath) -> String? {
    if self == folder { return "" }
    let prefix = folder.isRoot ? "/" : folder.string + "/"
    guard string.hasPrefix(prefix) else { return nil }
    return String(string.dropFirst(prefix.count))
  }

  public var description: String { string }

  public static func < (lhs: AbsolutePath, rhs: AbsolutePath) -> Bool { lhs.string < rhs.string }

  /// `path` (absolute) with `.` and empty components dropped and `..` applied; `..` at the
  /// root stays at the root, as in a shell.
  private static func normalized(_ path: String) -> String {
    var components: [Substring] = []
    for component in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch component {
      case ".": continue
      case "..": _ = components.popLast()
      default: components.append(component)
      }
    }
    return "/" + components.joined(separator: "/")
  }
}

/// An `AbsolutePath` is stored as its text, so a document that holds one reads the same as one
/// that held the string; text that is not absolute does not decode.
extension AbsolutePath: Codable {
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let path = AbsolutePath(validating: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not an absolute path (it must start with /)")
    }
    self = path
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(string)
  }
}
