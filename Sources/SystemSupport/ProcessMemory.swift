/// The resident memory of a process and of the processes it started.
///
/// Linux reads `/proc`; Darwin asks `proc_pid_rusage` and `proc_listchildpids` (see
/// `Platform.memory(of:)`).
public enum ProcessMemory {
  /// Current and peak resident set size, in bytes.
  public struct Sample: Sendable, Equatable {
    /// Resident now (Linux `VmRSS`, Darwin's physical footprint).
    public var residentBytes: Int
    /// The peak since the process started (Linux `VmHWM`, Darwin's lifetime maximum footprint).
    public var peakBytes: Int
  }

  /// Reads one sample for `pid`, or `nil` when the process is gone (or, on Linux, `/proc` is
  /// missing).
  public static func sample(pid: Int32) -> Sample? {
    Platform.memory(of: pid).map { Sample(residentBytes: $0.resident, peakBytes: $0.peak) }
  }

  /// Resident memory of `pid` plus its descendants: what a handler and the programs it started
  /// use.
  ///
  /// `peakBytes` is the larger of the leader's own peak and the current total.
  public static func treeSample(pid: Int32) -> Sample? {
    guard var total = sample(pid: pid) else { return nil }
    var pending = children(of: pid)
    var visited = 0
    while let child = pending.popLast(), visited < 256 {
      visited += 1
      if let childSample = sample(pid: child) {
        total.residentBytes += childSample.residentBytes
      }
      pending.append(contentsOf: children(of: child))
    }
    total.peakBytes = max(total.peakBytes, total.residentBytes)
    return total
  }

  /// Direct children of `pid` (empty when unknown).
  static func children(of pid: Int32) -> [Int32] { Platform.children(of: pid) }
}
