import Foundation
import Testing

@testable import SystemSupport

@Suite struct FileLockTests {
  @Test func theLockLivesOnASidecarThatSurvivesRenamingTheFile() throws {
    let folder = try TemporaryFolder()
    let target = folder.file("state.json")
    let lock = FileLock(protecting: target)
    #expect(lock.lockFile.string == target.string + ".lock")
    try lock.withLock(.exclusive) {
      try AtomicFile.write(Data("new".utf8), to: target)
    }
    #expect(try folder.names() == ["state.json", "state.json.lock"])
  }

  @Test func anExclusiveLockKeepsOutAnotherHolderUntilReleased() throws {
    let folder = try TemporaryFolder()
    let lock = FileLock(protecting: folder.file("state.json"))
    let acquired = Locked(false)
    let done = DispatchSemaphore(value: 0)
    try lock.withLock(.exclusive) {
      DispatchQueue.global().async {
        _ = try? lock.withLock(.exclusive) { acquired.withLock { $0 = true } }
        done.signal()
      }
      Thread.sleep(forTimeInterval: 0.2)
      #expect(acquired.withLock { $0 } == false)
    }
    #expect(done.wait(timeout: .now() + 10) == .success)
    #expect(acquired.withLock { $0 } == true)
  }

  @Test func sharedLocksAreHeldTogether() throws {
    let folder = try TemporaryFolder()
    let lock = FileLock(protecting: folder.file("state.json"))
    let otherInside = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    try lock.withLock(.shared) {
      DispatchQueue.global().async {
        _ = try? lock.withLock(.shared) {
          otherInside.signal()
          _ = release.wait(timeout: .now() + 10)
        }
      }
      // With an exclusive lock in disguise, the other reader could not get in while we hold it.
      #expect(otherInside.wait(timeout: .now() + 10) == .success)
      release.signal()
    }
  }

  @Test func theLockIsReleasedWhenTheBodyThrows() throws {
    struct Failure: Error {}
    let folder = try TemporaryFolder()
    let lock = FileLock(protecting: folder.file("state.json"))
    #expect(throws: Failure.self) {
      try lock.withLock(.exclusive) { throw Failure() }
    }
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      _ = try? lock.withLock(.exclusive) { done.signal() }
    }
    #expect(done.wait(timeout: .now() + 10) == .success)
  }

  @Test func threadsIncrementingAFileCounterUnderTheLockLoseNoIncrement() throws {
    let folder = try TemporaryFolder()
    let counter = folder.file("counter")
    try Data("0".utf8).write(to: counter.url)
    let lock = FileLock(protecting: counter)
    let failures = Locked(0)
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      for _ in 0..<50 {
        do {
          try lock.withLock(.exclusive) {
            let text = String(decoding: try Data(contentsOf: counter.url), as: UTF8.self)
            let next = (Int(text) ?? -1_000_000) + 1
            try AtomicFile.write(Data(String(next).utf8), to: counter)
          }
        } catch {
          failures.withLock { $0 += 1 }
        }
      }
    }
    #expect(failures.withLock { $0 } == 0)
    #expect(String(decoding: try Data(contentsOf: counter.url), as: UTF8.self) == "200")
  }
}
