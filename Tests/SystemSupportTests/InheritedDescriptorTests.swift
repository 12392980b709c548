import Foundation
import Testing

@testable import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Children get standard input, output and error and nothing else, even when another library
/// of the process left a descriptor open across exec: a child holding the write end of someone
/// else's pipe keeps that pipe's reader from ever seeing its end.
@Suite struct InheritedDescriptorTests {
  /// The descriptors `pid` has open (Linux's /proc), nil where that cannot be read.
  private static func openDescriptors(of pid: Int32) -> Set<Int32>? {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")
    else { return nil }
    return Set(names.compactMap { Int32($0) })
  }

  @Test func aLaunchedProcessInheritsOnlyItsStandardDescriptors() throws {
    #if os(Linux)
      // A pipe as Foundation's `Pipe` makes it: without close-on-exec.
      var leaky: [Int32] = [-1, -1]
      try #require(pipe(&leaky) == 0)
      defer {
        close(leaky[0])
        close(leaky[1])
      }
      let child = try ProcessHandle.launch(
        executable: "/bin/sh", arguments: ["-c", "/bin/ls /proc/$$/fd; exit 0"], environment: [:])
      // The shell lists its own descriptors (ls runs as its child), then exits; the pipe
      // holds everything it wrote by then.
      let exit = child.waitForExit(until: ProcessClock.now() + 20_000_000_000)
      #expect(exit == ProcessExit.exited(0))
      let listed = Set(
        child.takeOutput().text.split(whereSeparator: \.isNewline).compactMap { Int32($0) })
      #expect(listed == [0, 1, 2], "the shell had \(listed.sorted()) open")
    #endif
  }

  @Test func theOrphanGuardHoldsOnlyItsStandardDescriptors() throws {
    #if os(Linux)
      var leaky: [Int32] = [-1, -1]
      try #require(pipe(&leaky) == 0)
      defer {
        close(leaky[0])
        close(leaky[1])
      }
      // Starts the guard if no earlier test has.
      let token = try #require(OrphanGuard.token(), "the orphan guard did not start")
      let me = getpid()
      let guards = try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap {
        name -> Int32? in
        guard let pid = Int32(name),
          let environ = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")
        else { return nil }
        let words = environ.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return words.contains("\(OrphanGuard.variable)=\(token)") && getppid(of: pid) == me
          ? pid : nil
      }
      let guardPID = try #require(guards.first, "no guard process among this process's children")
      let open = try #require(Self.openDescriptors(of: guardPID))
      #expect(open == [0, 1, 2], "the guard holds \(open.sorted())")
    #endif
  }

  /// The parent of `pid` from /proc/PID/stat (the field after the parenthesised name).
  private func getppid(of pid: Int32) -> Int32? {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    guard let close = text.lastIndex(of: ")") else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    return fields.count > 1 ? Int32(fields[1]) : nil
  }
}
