import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The built binary running on a pseudo-terminal, driven like a learner at a keyboard.
///
/// The child starts a session of its own with the pty as its controlling terminal, so it is the
/// terminal's foreground process group exactly as under a shell: pagers, editors, raw mode and
/// Ctrl-C behave as in a real terminal. Every wait has a time bound and throws (with the screen
/// so far) when it passes, so a hang fails a test instead of stalling the run; `close()` kills
/// whatever is left.
final class PseudoTerminal: @unchecked Sendable {
  /// Why a step failed.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  let pid: pid_t
  private let master: Int32
  /// The slave side, kept open here so its modes can be read (`modes()`) and so reads of the
  /// master never fail with EIO when the child exits.
  private let slave: Int32
  private let lock = NSLock()
  private var bytes: [UInt8] = []
  private var exitStatus: Int32?
  private var reader: Thread?
  private var stopped = false
  private var lastRead = Date()
  /// The terminal's modes before the program started.
  let initialModes: termios

  /// Starts `lambdalings arguments` in `directory` on a `columns` x `rows` terminal.
  init(
    _ arguments: [String], directory: String, columns: Int = 80, rows: Int = 24,
    environment extra: [String: String] = [:], executable: String = BinaryRunner.binary
  ) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(
      ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else {
      throw Failure(description: "openpty failed: errno \(errno)")
    }
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
    self.master = master
    self.slave = slave
    var initial = termios()
    _ = tcgetattr(slave, &initial)
    initialModes = initial
    // ttyname_r: tests run in parallel and ttyname's static buffer would be shared.
    var name = [CChar](repeating: 0, count: 256)
    let named = ttyname_r(slave, &name, name.count)
    guard named == 0 else { throw Failure(description: "ttyname_r failed: \(named)") }
    let slaveName = String(
      decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var environment: [String: String] = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": directory, "LANG": "C.UTF-8", "TERM": "xterm-256color",
    ]
    for (key, value) in extra { environment[key] = value }
    pid = try PseudoTerminal.spawn(
      executable: executable, arguments: arguments, environment: environment,
      directory: directory, terminal: slaveName)
    let thread = Thread { [self] in readLoop() }
    reader = thread
    thread.start()
  }

  /// `posix_spawn` with a new session (`POSIX_SPAWN_SETSID`, done before the file actions), then
  /// the terminal opened without `O_NOCTTY` as fd 0 so it becomes the controlling terminal.
  private static func spawn(
    executable: String, arguments: [String], environment: [String: String], directory: String,
    terminal: String
  ) throws -> pid_t {
    #if os(Linux)
      var actions = posix_spawn_file_actions_t()
      var attributes = posix_spawnattr_t()
      let setSession: Int32 = 0x80  // POSIX_SPAWN_SETSID, hidden behind _GNU_SOURCE
    #else
      var actions: posix_spawn_file_actions_t? = nil
      var attributes: posix_spawnattr_t? = nil
      let setSession: Int32 = 0x400  // POSIX_SPAWN_SETSID
    #endif
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
      posix_spawn_file_actions_destroy(&actions)
      posix_spawnattr_destroy(&attributes)
    }
    posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGCHLD, SIGTSTP] {
      sigaddset(&defaults, signalNumber)
    }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    let flags = setSession | Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
    posix_spawnattr_setflags(&attributes, Int16(flags))
    // The shell changes directory: posix_spawn's chdir action is not portable.
    let script = "cd \"$1\" && shift && exec \"$@\""
    let argv =
      (["/bin/sh", "-c", script, "sh", directory, executable] + arguments).map { strdup($0) }
      + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
    guard result == 0 else { throw Failure(description: "posix_spawn failed: \(result)") }
    return pid
  }

  private func readLoop() {
    var chunk = [UInt8](repeating: 0, count: 8192)
    while !lock.withLock({ stopped }) {
      var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      guard poll(&request, 1, 50) > 0 else { continue }
      let count = read(master, &chunk, chunk.count)
      if count <= 0 {
        if count < 0 && errno == EINTR { continue }
        return
      }
      lock.withLock {
        bytes.append(contentsOf: chunk[0..<count])
        lastRead = Date()
      }
    }
  }

  /// Waits until the terminal has had nothing new to read for a moment (at most two seconds),
  /// so output written just before the program exited is collected.
  private func drain() {
    let deadline = Date().addingTimeInterval(2)
    while Date() < deadline {
      var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      let pending = poll(&request, 1, 0) > 0
      let quiet = lock.withLock { Date().timeIntervalSince(lastRead) > 0.2 }
      if !pending && quiet { return }
      Thread.sleep(forTimeInterval: 0.02)
    }
  }

  /// Everything written to the terminal so far, escape sequences included.
  var transcript: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }

  /// The transcript as a learner reads it: escape sequences removed, lines ending at CR LF.
  var text: String { PseudoTerminal.visible(transcript) }

  /// Types `keys` (use "\r" for Enter, "\u{3}" for Ctrl-C, "\u{1b}" for Escape).
  func send(_ keys: String) {
    var copy = Array(keys.utf8)
    _ = write(master, &copy, copy.count)
  }

  /// Waits until the visible text (after `after` characters of it) contains `expected`.
  /// Returns the position just past it, for the next wait.
  @discardableResult
  func waitFor(_ expected: String, after offset: Int = 0, seconds: Double = 20) throws -> Int {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
      let visible = Array(text)
      let tail = String(visible[min(offset, visible.count)...])
      if let range = tail.range(of: expected) {
        return offset + tail.distance(from: tail.startIndex, to: range.upperBound)
      }
      if Date() >= deadline {
        throw Failure(
          description: "no \"\(expected)\" on the terminal after \(seconds) s; it shows:\n"
            + String(text.suffix(3000)))
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
  }

  /// Waits for the program to exit and returns its status (128 + signal when killed).
  func waitForExit(seconds: Double = 20) throws -> Int32 {
    if let exitStatus = lock.withLock({ exitStatus }) { return exitStatus }
    let deadline = Date().addingTimeInterval(seconds)
    var status: Int32 = 0
    while true {
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid {
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        drain()
        lock.withLock { exitStatus = code }
        return code
      }
      if Date() >= deadline {
        throw Failure(
          description: "still running after \(seconds) s; the terminal shows:\n"
            + String(text.suffix(3000)))
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
  }

  /// Resizes the terminal, as a learner dragging the window (the program gets SIGWINCH).
  func resize(columns: Int, rows: Int) {
    var size = winsize(
      ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    #if canImport(Glibc)
      _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    #else
      _ = ioctl(master, TIOCSWINSZ, &size)
    #endif
  }

  /// The terminal's current modes (as the program left them, once it has exited).
  func modes() -> termios {
    var modes = termios()
    _ = tcgetattr(slave, &modes)
    return modes
  }

  /// Kills whatever still runs in the session, reaps it and closes the terminal.
  func close() {
    if lock.withLock({ exitStatus }) == nil {
      kill(-pid, SIGKILL)
      kill(pid, SIGKILL)
      var status: Int32 = 0
      _ = waitpid(pid, &status, 0)
      lock.withLock { exitStatus = 128 + SIGKILL }
    }
    lock.withLock { stopped = true }
    Thread.sleep(forTimeInterval: 0.06)
    closeDescriptor(master)
    closeDescriptor(slave)
  }

  /// `text` with CSI, OSC and two-byte escape sequences removed and CR LF turned into LF.
  static func visible(_ text: String) -> String {
    var result = ""
    var iterator = text.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      if scalar == "\u{1b}" {
        guard let next = iterator.next() else { break }
        if next == "[" {
          while let c = iterator.next(), !(0x40...0x7e).contains(c.value) {}
        } else if next == "]" {
          while let c = iterator.next(), c != "\u{7}" {
            if c == "\u{1b}" {
              _ = iterator.next()
              break
            }
          }
        }
        continue
      }
      if scalar == "\r" { continue }
      result.unicodeScalars.append(scalar)
    }
    return result
  }
}

/// `close(2)`, reachable inside types that have a `close()` of their own.
private func closeDescriptor(_ descriptor: Int32) {
  _ = close(descriptor)
}

/// Terminal-mode flags a program must put back: line editing, echo and key signals.
func lineDisciplineFlags(_ modes: termios) -> UInt32 {
  UInt32(modes.c_lflag) & UInt32(ICANON | ECHO | ISIG | IEXTEN)
}
