import Foundation

/// A large, varied real-world Markdown document gathered from this machine: package READMEs,
/// changelogs and the Markdown long descriptions of installed Python packages. Nothing is
/// committed; the corpus is rebuilt on every run (sorted by path, so a machine gives the same
/// document each time).
enum MarkdownCorpus {
  static let roots = [
    "/usr/share/doc", "/usr/lib/python3", "/usr/local/lib", "/usr/lib/node_modules",
    NSHomeDirectory() + "/.pyenv", NSHomeDirectory() + "/.rustup",
  ]

  /// Up to `limit` bytes of Markdown, with the paths it came from.
  static func make(limit: Int = 1_500_000) -> (text: [UInt8], sources: [String]) {
    var candidates: [String] = []
    for root in roots {
      guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
      while let relative = walker.nextObject() as? String {
        let name = (relative as NSString).lastPathComponent
        if name.hasSuffix(".md") || name == "METADATA" { candidates.append("\(root)/\(relative)") }
      }
    }
    var text: [UInt8] = []
    var sources: [String] = []
    var seen = Set<Int>()
    for path in candidates.sorted() where text.count < limit {
      guard let data = FileManager.default.contents(atPath: path), data.count >= 2_000,
        data.count <= 400_000
      else { continue }
      var bytes = [UInt8](data)
      if path.hasSuffix("METADATA") {
        let header = String(decoding: bytes.prefix(20_000), as: UTF8.self)
        guard header.contains("Description-Content-Type: text/markdown"),
          let split = bytes.firstRange(of: [10, 10])
        else { continue }
        bytes = Array(bytes[split.upperBound...])
      }
      // Identical files (the same package in several Python versions) count once.
      guard seen.insert(bytes.hashValue).inserted, bytes.count >= 2_000 else { continue }
      text += bytes + [10, 10]
      sources.append(path)
    }
    return (text, sources)
  }
}
