import Foundation

/// Reads the resident memory of a process from `/proc/<pid>/status` (Linux).
///
/// Elsewhere the values are unknown (`nil`) and callers fall back to `getrusage`.
public enum ProcessMemory {
  /// Current and peak resident set size, in bytes.
  public struct Sample: Sendable, Equatable {
    /// `VmRSS`: resident now.
    public var residentBytes: Int
    /// `VmHWM`: the peak resident size since the process started.
    public var peakBytes: Int
  }

  /// Reads one sample for `pid`, or `nil` when the process is gone or `/proc` is missing.
  public static func sample(pid: Int32) -> Sample? {
    #if os(Linux)
      guard let text = readStatus(pid: pid) else { return nil }
      var rss = 0
      var hwm = 0
      for line in text.split(separator: "\n") {
        if line.hasPrefix("VmRSS:") {
          rss = kilobytes(in: line) * 1024
        } else if line.hasPrefix("VmHWM:") {
          hwm = kilobytes(in: line) * 1024
        }
      }
      if rss == 0 && hwm == 0 { return nil }
      return Sample(residentBytes: rss, peakBytes: max(hwm, rss))
    #else
      return nil
    #endif
  }

  private static func readStatus(pid: Int32) -> String? {
    let fd = open("/proc/\(pid)/status", O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard count > 0 else { return nil }
    return String(decoding: buffer[0..<count], as: UTF8.self)
  }

  private static func kilobytes(in line: Substring) -> Int {
    let digits = line.drop { !$0.isNumber }.prefix { $0.isNumber }
    return Int(digits) ?? 0
  }
}
