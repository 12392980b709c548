import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program that uses the terminal (a pager, an editor) the way a shell or git does:
/// in our own process group, which is the terminal's foreground group, so it may read keys
/// and change terminal modes without being stopped by SIGTTIN/SIGTTOU.
///
/// `ProcessHandle` is the opposite: a child in a group of its own, with captured output,
/// killed as a group. While a foreground child runs, Ctrl-C and Ctrl-\ belong to it (as with
/// `system(3)`): `SignalBridge` ignores SIGINT and SIGQUIT until it returns.
public enum ForegroundProcess {
  /// Runs `/bin/sh -c command` with `arguments` as `$1...`, waits for it, and returns how it
  /// ended. When `input` is given it is written to the child's standard input through a pipe
  /// (stopping quietly if the child stops reading); otherwise the child inherits ours.
  public static func runShell(
    _ command: String, arguments: [String] = [], input: String? = nil,
    environment: [String: String]
  ) throws -> ProcessExit {
    try run(
      executable: "/bin/sh", arguments: ["-c", command, "sh"] + arguments, input: input,
      environment: environment)
  }

  /// Runs `executable` in the foreground process group and waits for it.
  public static func run(
    executable: String, arguments: [String], input: String? = nil,
    environment: [String: String]
  ) throws -> ProcessExit {
    let terminal = [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO].first { isatty($0) == 1 }
    guard let terminal else {
      return try spawnAndWait(
        executable: executable, arguments: arguments, input: input, environment: environment)
    }
    return try TerminalModes.remembering(terminal) {
      try spawnAndWait(
        executable: executable, arguments: arguments, input: input, environment: environment)
    }
  }

  private static func spawnAndWait(
    executable: String, arguments: [String], input: String?, environment: [String: String]
  ) throws -> ProcessExit {
    var inputPipe: [Int32] = [-1, -1]
    if input != nil {
      guard pipe(&inputPipe) == 0 else {
        throw ProcessSpawnError(executable: executable, code: errno, operation: "pipe")
      }
      _ = fcntl(inputPipe[1], F_SETFD, FD_CLOEXEC)
    }

    // The child gets default signal handling and an empty mask whatever we ignore or block;
    // no process group of its own: it stays in ours (the terminal's foreground group).
    let spawn = ChildSpawn(
      executable: executable, arguments: [executable] + arguments,
      environment: ChildSpawn.lines(environment),
      input: inputPipe[0] >= 0 ? .descriptor(inputPipe[0]) : .inherited,
      defaultSignals: [
        SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH,
      ],
      ownProcessGroup: false)
    // Ctrl-C and Ctrl-\ typed meanwhile belong to the child (it shares our process group).
    SignalBridge.foregroundChildWillStart()
    defer { SignalBridge.foregroundChildEnded() }
    let pid: pid_t
    do {
      pid = try spawn.start()
    } catch {
      for fd in inputPipe where fd >= 0 { close(fd) }
      throw error
    }
    if inputPipe[0] >= 0 { close(inputPipe[0]) }
    SignalBridge.foregroundChildStarted(pid)
    if inputPipe[1] >= 0 {
      if let input { PipeWriter.write(input, to: inputPipe[1]) }
      close(inputPipe[1])
    }
    var status: Int32 = 0
    while true {
      let waited = waitpid(pid, &status, 0)
      if waited == pid {
        // A SIGTERM or SIGHUP that ended the child is ending us too: do not carry on.
        SignalBridge.waitIfExiting()
        return ProcessExit(waitStatus: status)
      }
      if waited < 0 && errno != EINTR { return .exited(127) }
    }
  }
}
