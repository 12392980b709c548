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

    var actions = Platform.spawnActions()
    var attributes = Platform.spawnAttributes()
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
      posix_spawn_file_actions_destroy(&actions)
      posix_spawnattr_destroy(&attributes)
    }
    if inputPipe[0] >= 0 {
      posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
      posix_spawn_file_actions_addclose(&actions, inputPipe[0])
    }
    // The child gets default signal handling and an empty mask whatever we ignore or block;
    // no POSIX_SPAWN_SETPGROUP: it stays in our (the terminal's foreground) process group.
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signalNumber in [
      SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH,
    ] {
      sigaddset(&defaults, signalNumber)
    }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
    Platform.closeOtherDescriptors(&actions, flags: &flags)
    posix_spawnattr_setflags(&attributes, Int16(flags))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp =
      environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    // Ctrl-C and Ctrl-\ typed meanwhile belong to the child (it shares our process group).
    SignalBridge.foregroundChildWillStart()
    defer { SignalBridge.foregroundChildEnded() }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    if inputPipe[0] >= 0 {
      close(inputPipe[0])
      inputPipe[0] = -1
    }
    guard result == 0 else {
      if inputPipe[1] >= 0 { close(inputPipe[1]) }
      throw ProcessSpawnError(executable: executable, code: result, operation: "posix_spawn")
    }
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
