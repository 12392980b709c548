import Foundation
import SystemSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ProcessHandleTests {
  private func shell(_ script: String, capacity: Int = 1 << 20) throws -> ProcessHandle {
    try ProcessHandle.launch(
      executable: "/bin/sh", arguments: ["-c", script], environment: ["PATH": "/usr/bin:/bin"],
      outputCapacity: capacity)
  }

  private func wait(_ handle: ProcessHandle, seconds: Double = 10) -> ProcessExit? {
    handle.waitForExit(until: ProcessClock.now() + UInt64(seconds * 1e9))
  }

  @Test func exitCodeAndOutputAreCaptured() throws {
    let handle = try shell("echo out; echo err >&2; exit 3")
    #expect(wait(handle) == .exited(3))
    let output = handle.takeOutput()
    #expect(output.text == "out\nerr\n")
    #expect(output.droppedBytes == 0)
  }

  @Test func childRunsInItsOwnProcessGroup() throws {
    let handle = try shell("sleep 30")
    #expect(getpgid(handle.pid) == handle.pid)
    #expect(getpgid(handle.pid) != getpgrp())
    handle.killGroup()
    #expect(wait(handle) == .signalled(SIGKILL))
  }

  @Test func killingTheGroupKillsBackgroundChildren() throws {
    let handle = try shell("sleep 31 & sleep 32 & echo started; wait")
    let deadline = Date().addingTimeInterval(30)
    while ProcessTable.livePIDs(inGroup: handle.pid).count < 3 && Date() < deadline {
      usleep(10_000)
    }
    #expect(ProcessTable.livePIDs(inGroup: handle.pid).count == 3)
    handle.killGroup()
    #expect(wait(handle) == .signalled(SIGKILL))
    #expect(ProcessTable.allGone([handle.pid]))
    #expect(!ProcessGroupRegistry.live.contains(handle.pid))
  }

  @Test func floodingOutputKeepsOnlyABoundedTail() throws {
    let handle = try shell("head -c 20000000 /dev/zero | tr '\\0' x; echo END", capacity: 65536)
    #expect(wait(handle, seconds: 30) == .exited(0))
    let output = handle.takeOutput()
    #expect(output.text.utf8.count == 65536)
    #expect(output.text.hasSuffix("xxxx\nEND\n") || output.text.hasSuffix("xEND\n"))
    #expect(output.droppedBytes == 20_000_004 - 65536)
  }

  @Test func missingExecutableIsAnError() {
    #expect(throws: ProcessSpawnError.self) {
      _ = try ProcessHandle.launch(
        executable: "/nonexistent/lambdalings-test", arguments: [], environment: [:])
    }
  }

  @Test func peakMemoryIsMeasured() throws {
    let handle = try shell("head -c 80000000 /dev/zero | tail -c 1 >/dev/null; sleep 0.3")
    usleep(100_000)
    let sample = handle.memory()
    #expect(sample != nil)
    #expect((sample?.peakBytes ?? 0) > 0)
    _ = wait(handle)
  }

  @Test func exitWordingFollowsLambda() {
    #expect(ProcessExit(waitStatus: 1 << 8).description == "exit status 1")
    #expect(ProcessExit(waitStatus: SIGKILL).description == "signal: killed")
    #expect(ProcessExit(waitStatus: 0).isSuccess)
  }
}
