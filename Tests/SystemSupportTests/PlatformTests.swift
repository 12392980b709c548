import Foundation
import Testing

@testable import SystemSupport

/// The platform seam, on the platform the tests run on.
@Suite struct PlatformTests {
  @Test func aPipeIsNotATerminalAndHasNoWindowSize() throws {
    let pipe = Pipe()
    let reading = pipe.fileHandleForReading.fileDescriptor
    #expect(!Platform.isTerminal(reading))
    #expect(Platform.windowSize(reading) == nil)
  }

  @Test func readByteAndWaitForInputFollowWhatThePipeHolds() throws {
    let pipe = Pipe()
    let reading = pipe.fileHandleForReading.fileDescriptor
    #expect(!Platform.waitForInput(reading, milliseconds: 10))
    pipe.fileHandleForWriting.write(Data([0x61, 0x62]))
    #expect(Platform.waitForInput(reading, milliseconds: 1000))
    #expect(Platform.readByte(reading) == 0x61)
    #expect(Platform.readByte(reading) == 0x62)
    try pipe.fileHandleForWriting.close()
    #expect(Platform.readByte(reading) == nil)
  }

  @Test func memoryOfThisProcessIsKnownAndItsPeakIsNoSmaller() throws {
    let pid = ProcessInfo.processInfo.processIdentifier
    let memory = try #require(Platform.memory(of: pid))
    #expect(memory.resident > 1 << 20)
    #expect(memory.peak >= memory.resident)
  }

  @Test func aProcessStartedByAShellIsListedAmongTheShellsChildren() throws {
    let shell = try ProcessHandle.launch(
      executable: "/bin/sh", arguments: ["-c", "sleep 60 & wait"], environment: [:])
    defer {
      shell.killGroup()
      _ = shell.waitForExit(until: ProcessClock.now() + 5_000_000_000)
    }
    // The shell forks `sleep` soon after it starts; wait for that, at most 30 s.
    let deadline = ProcessClock.now() + 30_000_000_000
    var children: [Int32] = []
    while children.isEmpty, ProcessClock.now() < deadline {
      children = Platform.children(of: shell.pid)
      if children.isEmpty { Thread.sleep(forTimeInterval: 0.01) }
    }
    #expect(children.count == 1)
    let sleeper = try #require(children.first)
    #expect(sleeper != shell.pid)
    #expect(Platform.memory(of: sleeper) != nil)
    #expect(Platform.children(of: sleeper).isEmpty)
  }

  @Test func aBusyPortIsReportedAsSuch() throws {
    let first = try TCPSocket.listen(host: "127.0.0.1", port: 0)
    defer { TCPSocket.close(first.fd) }
    #expect(first.port != 0)
    do {
      let second = try TCPSocket.listen(host: "127.0.0.1", port: first.port)
      TCPSocket.close(second.fd)
      Issue.record("a second socket bound port \(first.port)")
    } catch {
      #expect(error.isAddressInUse)
      #expect(error.operation == "bind 127.0.0.1:\(first.port)")
      #expect(!error.reason.isEmpty)
    }
  }

  @Test func bytesSentOverAConnectionArriveAndAShutDownListenerStopsAccepting() throws {
    let listener = try TCPSocket.listen(host: "localhost", port: 0)
    defer { TCPSocket.close(listener.fd) }
    let client = try TCPSocket.connect(host: "127.0.0.1", port: listener.port)
    defer { TCPSocket.close(client) }
    guard case .connection(let server) = TCPSocket.accept(listener.fd) else {
      Issue.record("no connection accepted")
      return
    }
    defer { TCPSocket.close(server) }
    #expect(TCPSocket.send(Array("ping".utf8), to: client))
    TCPSocket.shutdown(client, writingOnly: true)
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { TCPSocket.receive(server, into: $0) }
      guard count > 0 else { break }
      received += chunk[0..<count]
    }
    #expect(received == Array("ping".utf8))
    TCPSocket.shutdown(listener.fd)
    #expect(TCPSocket.accept(listener.fd) == .closed)
  }
}
