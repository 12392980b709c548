import Foundation
import SystemSupport

extension APITemplate {
  /// Extensions of the files a function's code is made of (Python and Node.js).
  static let sourceExtensions: Set<String> = ["py", "js", "mjs", "cjs"]

  /// Folders never searched: installed packages, caches, version control, build output, and the
  /// state `serve` itself writes (which would reload the server in a loop).
  static let skippedFolders: Set<String> = [
    "node_modules", "__pycache__", "serve-state", "site-packages", "dist-packages",
  ]

  /// The files whose changes reload the server: the template, every handler file, and the
  /// other Python and JavaScript files in the functions' code folders (so editing a module the
  /// handler imports reloads too). Hidden and skipped folders are left out; the search goes
  /// `maxDepth` folders deep and stops at `limit` files.
  public func watchedFiles(maxDepth: Int = 4, limit: Int = 2000) -> [AbsolutePath] {
    var files = [file] + functions.map(\.handlerFile)
    var seen = Set(files)
    let folders = Set(functions.map { $0.configuration.codePath }).sorted()
    for folder in folders {
      var pending = [(folder, 0)]
      while let (current, depth) = pending.popLast(), seen.count < limit {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: current.string)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
          let path = current.appending(name)
          var isFolder: ObjCBool = false
          guard FileManager.default.fileExists(atPath: path.string, isDirectory: &isFolder) else {
            continue
          }
          if isFolder.boolValue {
            if depth < maxDepth && !Self.skippedFolders.contains(name) {
              pending.append((path, depth + 1))
            }
          } else if Self.sourceExtensions.contains((name as NSString).pathExtension),
            seen.insert(path).inserted
          {
            files.append(path)
            if seen.count >= limit { break }
          }
        }
      }
    }
    return files
  }
}
