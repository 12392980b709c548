import Foundation
import Testing

@testable import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Children that use the terminal run in our process group with default signals, and raw mode
/// is always undone.
@Suite struct ForegroundProcessTests {
  @Test func theChildStaysInOurProcessGroup() throws {
    guard FileManager.default.fileExists(atPath: "/proc/self/stat") else {
      print("skipped: no /proc on this system")
      return
    }
    let folder = try TemporaryFolder()
    let out = folder.file("pgrp").string
    // Field 5 of /proc/PID/stat is the process group.
    let exit = try ForegroundProcess.runShell(
      "cut -d' ' -f5 /proc/$$/stat > \"$1\"", arguments: [out], environment: [:])
    #expect(exit == .exited(0))
    let group = try String(contentsOfFile: out, encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(group == String(getpgrp()))
  }

  @Test func theChildGetsItsInputAndItsStatusComesBack() throws {
    let folder = try TemporaryFolder()
    let out = folder.file("copy").string
    let text = String(repeating: "line of input\n", count: 20_000)
    let exit = try ForegroundProcess.runShell(
      "cat > \"$1\"; exit 3", arguments: [out], input: text, environment: [:])
    #expect(exit == .exited(3))
    #expect(try String(contentsOfFile: out, encoding: .utf8) == text)
  }

  @Test func aChildThatStopsReadingEarlyIsNotAnError() throws {
    let text = String(repeating: "x\n", count: 200_000)
    let exit = try ForegroundProcess.runShell(
      "head -n 1 > /dev/null", input: text, environment: [:])
    #expect(exit == .exited(0))
  }

  @Test func signalsWeIgnoreAreDefaultInTheChild() throws {
    guard FileManager.default.fileExists(atPath: "/proc/self/status") else {
      print("skipped: no /proc on this system")
      return
    }
    let folder = try TemporaryFolder()
    let out = folder.file("ignored").string
    let previous = signal(SIGQUIT, SIG_IGN)
    defer { signal(SIGQUIT, previous) }
    let exit = try ForegroundProcess.runShell(
      "grep SigIgn /proc/$$/status > \"$1\"", arguments: [out], environment: [:])
    #expect(exit == .exited(0))
    let line = try String(contentsOfFile: out, encoding: .utf8)
    let mask = UInt64(
      line.split(separator: "\t").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
      radix: 16)
    let quitBit = UInt64(1) << UInt64(SIGQUIT - 1)
    #expect(mask.map { $0 & quitBit } == 0, "SIGQUIT is ignored in the child: \(line)")
  }

  @Test func aMissingProgramIsReportedByTheShell() throws {
    let exit = try ForegroundProcess.runShell(
      "lambdalings-no-such-program-\(UUID().uuidString)", environment: ["PATH": "/usr/bin:/bin"])
    #expect(exit == .exited(127))
  }
}

/// Serialized: raw mode remembers one original terminal for the whole process.
@Suite(.serialized) struct TerminalModesTests {
  /// A pseudo-terminal pair, closed by the caller.
  func pseudoTerminal() throws -> (master: Int32, slave: Int32) {
    var master: Int32 = -1
    var slave: Int32 = -1
    guard openpty(&master, &slave, nil, nil, nil) == 0 else {
      throw POSIXError(.init(rawValue: errno) ?? .EIO)
    }
    return (master, slave)
  }

  func flags(_ descriptor: Int32) -> tcflag_t {
    var modes = termios()
    _ = tcgetattr(descriptor, &modes)
    return modes.c_lflag & tcflag_t(ICANON | ECHO | ISIG)
  }

  struct Boom: Error {}

  @Test func rawModeIsOnInsideAndUndoneAfterwardsEvenOnThrow() throws {
    let (master, slave) = try pseudoTerminal()
    defer {
      close(master)
      close(slave)
    }
    let before = flags(slave)
    #expect(before == tcflag_t(ICANON | ECHO | ISIG))
    TerminalModes.withRawMode(slave) {
      #expect(flags(slave) == 0)
      TerminalModes.withRawMode(slave) { #expect(flags(slave) == 0) }
      #expect(flags(slave) == 0, "the inner call must not restore the cooked modes")
    }
    #expect(flags(slave) == before)
    #expect(throws: Boom.self) {
      try TerminalModes.withRawMode(slave) { throw Boom() }
    }
    #expect(flags(slave) == before)
  }

  @Test func restoreSavedPutsBackTheOriginalWhileRawModeRuns() throws {
    let (master, slave) = try pseudoTerminal()
    defer {
      close(master)
      close(slave)
    }
    let before = flags(slave)
    TerminalModes.withRawMode(slave) {
      TerminalModes.restoreSaved()  // what the signal bridge does before exiting
      #expect(flags(slave) == before)
    }
    TerminalModes.restoreSaved()  // nothing saved any more: a no-op
    #expect(flags(slave) == before)
  }

  /// The signal thread freezes the modes before it restores them and exits: a main thread that
  /// was just about to enter raw mode (a quiz starting up) must not leave the terminal raw.
  @Test func afterAFreezeNothingPutsTheTerminalInRawMode() throws {
    let (master, slave) = try pseudoTerminal()
    defer {
      close(master)
      close(slave)
      TerminalModes.thaw()
    }
    let before = flags(slave)
    // The signal came first: nothing was saved, and raw mode never starts.
    #expect(TerminalModes.freeze() == nil)
    TerminalModes.withRawMode(slave) { #expect(flags(slave) == before) }
    #expect(flags(slave) == before)
    TerminalModes.thaw()
    // The signal came during raw mode: the snapshot is the cooked modes, and once they are
    // back neither a nested raw mode nor the end of the outer one changes them again.
    TerminalModes.withRawMode(slave) {
      let snapshot = TerminalModes.freeze()
      #expect(snapshot?.descriptor == slave)
      if let snapshot { TerminalModes.restore(snapshot) }
      #expect(flags(slave) == before)
      TerminalModes.withRawMode(slave) { #expect(flags(slave) == before) }
      #expect(flags(slave) == before)
    }
    #expect(flags(slave) == before)
  }

  @Test func aDescriptorThatIsNotATerminalJustRunsTheBody() throws {
    var pipeEnds: [Int32] = [-1, -1]
    #expect(pipe(&pipeEnds) == 0)
    defer {
      close(pipeEnds[0])
      close(pipeEnds[1])
    }
    #expect(TerminalModes.withRawMode(pipeEnds[0]) { 42 } == 42)
  }
}
