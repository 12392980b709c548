import Foundation
import LambdaRuntime
import SystemSupport
import YAML

/// Shared state while reading a template: where it is, what went wrong so far.
struct TemplateReader {
  let file: AbsolutePath
  /// The template's folder, which relative code folders and handlers start from.
  let directory: AbsolutePath
  let root: YAMLNode
  let environment: [String: String]
  var problems: [TemplateError.Problem] = []
  var notes: [String] = []

  init(file: AbsolutePath, root: YAMLNode, environment: [String: String]) {
    self.file = file
    self.directory = file.parent
    self.root = root
    self.environment = environment
  }

  /// Records a problem at `node` (or at the top of the file).
  mutating func problem(_ node: YAMLNode?, _ message: String) {
    problems.append(
      TemplateError.Problem(
        file: file.string, line: node?.line ?? 1, column: node?.column ?? 1, message: message))
  }

  /// Records a problem at a mapping key.
  mutating func problem(_ entry: YAMLEntry, _ message: String) {
    problems.append(
      TemplateError.Problem(
        file: file.string, line: entry.keyLine, column: entry.keyColumn, message: message))
  }

  /// Works out the code folder, handler and runtime of `handler` (`path/module.function`,
  /// relative to `codeRoot`), checking that the handler file exists (problems at `node`, an
  /// unknown runtime at `runtimeNode`, where it is written). `codeRoot` is the code
  /// folder as the template writes it (SAM's `CodeUri`): relative to the template's folder,
  /// or absolute; it is resolved here and nowhere else.
  mutating func resolveHandler(
    _ handler: String, codeRoot: String, runtimeName: String?, runtimeNode: YAMLNode? = nil,
    at node: YAMLNode?, what: String
  ) -> (codePath: AbsolutePath, handler: String, runtime: LambdaRuntimeKind, file: AbsolutePath)? {
    var runtime: LambdaRuntimeKind?
    if let runtimeName {
      runtime = LambdaRuntimeKind(name: runtimeName)
      if runtime == nil {
        // At the line that names the runtime (the function's own, or the shared one).
        problem(
          runtimeNode ?? node,
          "\(what): runtime '\(runtimeName)' cannot run locally; Lambdalings runs python3.x, "
            + "nodejs*.x and provided.al2023 functions: change the runtime to one of them, such "
            + "as python3.12")
        return nil
      }
    }
    let parts = handler.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    let last = parts.last ?? handler
    let folders = parts.dropLast().joined(separator: "/")
    let codePath = AbsolutePath(codeRoot, relativeTo: directory).appending(folders)
    if runtime == .provided {
      let file = codePath.appending("bootstrap")
      guard FileManager.default.fileExists(atPath: file.string) else {
        problem(
          node, "\(what): no 'bootstrap' executable in \(relative(codePath)); create it")
        return nil
      }
      return (codePath, last, .provided, file)
    }
    guard let dot = last.lastIndex(of: "."), dot != last.startIndex,
      last.index(after: dot) != last.endIndex
    else {
      problem(
        node,
        "\(what): handler '\(handler)' should be 'file.function', such as "
          + "'handler.hello' for a function hello in handler.py or handler.js")
      return nil
    }
    let module = String(last[..<dot])
    let candidates: [(String, LambdaRuntimeKind)] = [
      (".py", .python), (".mjs", .nodejs), (".js", .nodejs), (".cjs", .nodejs),
    ].filter { runtime == nil || $0.1 == runtime }
    for (suffix, kind) in candidates {
      let file = codePath.appending(module + suffix)
      if FileManager.default.fileExists(atPath: file.string) {
        return (codePath, last, kind, file)
      }
    }
    let expected = candidates.map { module + $0.0 }.joined(separator: " or ")
    problem(
      node,
      "\(what): no handler file \(expected) in \(relative(codePath)); create it or fix the "
        + "handler path")
    return nil
  }

  /// `path` relative to the template's folder, for messages.
  func relative(_ path: AbsolutePath) -> String {
    guard let inside = path.relative(to: directory) else { return path.string }
    return inside.isEmpty ? "the template's folder" : inside + "/"
  }

  /// An HTTP method as a route uses it: upper case, `*` and `any` as `ANY`.
  static func method(_ text: String) -> String {
    let upper = text.uppercased()
    return upper == "*" ? "ANY" : upper
  }

  static let methods: Set<String> = [
    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY",
  ]

  /// A route path with a leading slash; `nil` when it has characters a path cannot have.
  static func routePath(_ text: String) -> String? {
    let path = text.hasPrefix("/") ? text : "/" + text
    guard !path.contains(" "), !path.contains("?"), !path.contains("#") else { return nil }
    if path.count > 1 && path.hasSuffix("/") { return String(path.dropLast()) }
    return path
  }

  /// A plain integer or the text of one.
  static func int(_ node: YAMLNode?) -> Int? {
    guard let node else { return nil }
    return node.int ?? node.string.flatMap { Int($0) }
  }

  /// A plain number or the text of one.
  static func double(_ node: YAMLNode?) -> Double? {
    guard let node else { return nil }
    return node.double ?? node.string.flatMap { Double($0) }
  }
}
