import Foundation
import SystemSupport

/// Where a function's code is and how to call it, worked out from a handler file or folder.
public struct HandlerLocation: Sendable, Equatable {
  /// The code folder (`LAMBDA_TASK_ROOT`).
  public var codePath: AbsolutePath
  /// `module.function`.
  public var handler: String
  /// The runtime to use.
  public var runtime: LambdaRuntimeKind
  /// A function name derived from the folder (`exercises/hello-api/solution/python` gives
  /// `hello-api`).
  public var functionName: String

  /// Resolves `path` (a handler file or a code folder as the user typed it, relative to
  /// `currentDirectory`); errors name it as typed.
  ///
  /// - Parameters:
  ///   - handler: `module.function`, or just `function` to pick it in the given file.
  ///   - runtime: forces a runtime instead of inferring it from file extensions.
  public static func locate(
    _ path: String, handler: String? = nil, runtime: LambdaRuntimeKind? = nil,
    currentDirectory: AbsolutePath = .currentDirectory()
  ) throws -> HandlerLocation {
    let full = AbsolutePath(path, relativeTo: currentDirectory)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: full.string, isDirectory: &isDirectory) else {
      throw LambdaRuntimeError.codeNotFound(
        path: path,
        detail: "no such file or folder; pass a handler file (.py, .mjs, .js) or "
          + "a code folder")
    }
    if isDirectory.boolValue {
      return try folder(full, handler: handler, runtime: runtime)
    }
    let folder = full.parent
    let file = full.name
    guard let kind = runtime ?? LambdaRuntimeKind.inferred(fromFileName: file) else {
      throw LambdaRuntimeError.codeNotFound(
        path: path,
        detail: "cannot tell the runtime from the file name; use a .py, .mjs, .js "
          + "or bootstrap file, or pass --runtime python|nodejs|provided")
    }
    let module = (file as NSString).deletingPathExtension
    let resolved: String
    if let handler, handler.contains(".") || kind == .provided {
      resolved = handler
    } else if let handler {
      resolved = "\(module).\(handler)"
    } else if kind == .provided {
      resolved = kind.defaultHandler
    } else {
      resolved = "\(module).\(defaultFunction(in: full, runtime: kind))"
    }
    return HandlerLocation(
      codePath: folder, handler: resolved, runtime: kind, functionName: name(for: folder))
  }

  private static func folder(
    _ path: AbsolutePath, handler: String?, runtime: LambdaRuntimeKind?
  ) throws -> HandlerLocation {
    let manager = FileManager.default
    let files = ((try? manager.contentsOfDirectory(atPath: path.string)) ?? []).sorted()
    let kind: LambdaRuntimeKind
    if let runtime {
      kind = runtime
    } else if files.contains("bootstrap") {
      kind = .provided
    } else if files.contains("lambda_function.py") || files.contains(where: { $0.hasSuffix(".py") })
    {
      kind =
        files.contains("lambda_function.py") || !files.contains(where: isNodeFile)
        ? .python : .nodejs
    } else if files.contains(where: isNodeFile) {
      kind = .nodejs
    } else {
      throw LambdaRuntimeError.codeNotFound(
        path: path.string,
        detail: "no handler found in this folder (lambda_function.py, index.mjs, "
          + "index.js or bootstrap); pass the handler file instead")
    }
    var resolved = handler ?? kind.defaultHandler
    if kind != .provided, handler == nil || !(handler ?? "").contains(".") {
      let module = defaultModule(files, runtime: kind)
      resolved =
        "\(module).\(handler ?? defaultFunction(in: path.appending(module), runtime: kind))"
    }
    return HandlerLocation(
      codePath: path, handler: resolved, runtime: kind, functionName: name(for: path))
  }

  private static func isNodeFile(_ name: String) -> Bool {
    name.hasSuffix(".mjs") || name.hasSuffix(".js") || name.hasSuffix(".cjs")
  }

  private static func defaultModule(_ files: [String], runtime: LambdaRuntimeKind) -> String {
    switch runtime {
    case .python:
      if files.contains("lambda_function.py") { return "lambda_function" }
      return files.first { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }
        ?? "lambda_function"
    default:
      if files.contains(where: { $0.hasPrefix("index.") && isNodeFile($0) }) { return "index" }
      return files.first(where: isNodeFile).map { ($0 as NSString).deletingPathExtension }
        ?? "index"
    }
  }

  /// `lambda_handler` or `handler`, whichever the file defines (Python), else the default.
  private static func defaultFunction(in path: AbsolutePath, runtime: LambdaRuntimeKind)
    -> String
  {
    let file = path.string
    let candidates =
      runtime == .python ? [file, file + ".py"] : [file, file + ".mjs", file + ".js"]
    let text = candidates.lazy.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.first
    if runtime == .python {
      if text?.contains("def lambda_handler(") == true { return "lambda_handler" }
      if text?.contains("def handler(") == true { return "handler" }
      return "lambda_handler"
    }
    return "handler"
  }

  /// The folder's name, skipping language and solution/starter folders; at most 64 characters
  /// of letters, digits, `-` and `_`.
  static func name(for folder: AbsolutePath) -> String {
    let skipped: Set<String> = ["python", "node", "nodejs", "solution", "starter", "src", "."]
    let parts = folder.string.split(separator: "/").map(String.init)
    let chosen = parts.reversed().first { !skipped.contains($0.lowercased()) } ?? "function"
    let cleaned = String(
      chosen.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }.prefix(64))
    return cleaned.isEmpty ? "function" : cleaned
  }
}
