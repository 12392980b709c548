import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ProcessHandle {
  /// Starts `executable` in a new process group with stdin from /dev/null and stdout and
  /// stderr captured together.
  ///
  /// - Parameters:
  ///   - environment: the complete environment of the child (nothing is inherited).
  ///   - workingDirectory: the child's current directory, or `nil` to keep ours.
  ///   - outputCapacity: the most output bytes kept between two `takeOutput()` calls.
  ///   - onExit: called on a background thread once the child has exited.
  public static func launch(
    executable: String, arguments: [String], environment: [String: String],
    workingDirectory: String? = nil, outputCapacity: Int = 1 << 20,
    onExit: (@Sendable (ProcessExit) -> Void)? = nil
  ) throws -> ProcessHandle {
    var outputPipe: [Int32] = [-1, -1]
    var wakePipe: [Int32] = [-1, -1]
    guard makePipe(&outputPipe) == 0 else {
      throw ProcessSpawnError(executable: executable, code: errno, operation: "pipe")
    }
    guard makePipe(&wakePipe) == 0 else {
      let code = errno
      close(outputPipe[0])
      close(outputPipe[1])
      throw ProcessSpawnError(executable: executable, code: code, operation: "pipe")
    }
    _ = fcntl(outputPipe[0], F_SETFL, fcntl(outputPipe[0], F_GETFL) | O_NONBLOCK)

    var actions = Platform.spawnActions()
    var attributes = Platform.spawnAttributes()
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
      posix_spawn_file_actions_destroy(&actions)
      posix_spawnattr_destroy(&attributes)
    }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 2)
    if let workingDirectory, !Platform.addChangeDirectory(&actions, workingDirectory) {
      throw ProcessSpawnError(executable: executable, code: ENOSYS, operation: "addchdir")
    }

    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGCHLD] {
      sigaddset(&defaults, signalNumber)
    }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setpgroup(&attributes, 0)
    var flags = Int32(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
    Platform.closeOtherDescriptors(&actions, flags: &flags)
    posix_spawnattr_setflags(&attributes, Int16(flags))

    var environment = environment
    if let token = OrphanGuard.token() { environment[OrphanGuard.variable] = token }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp =
      environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let startedAt = ProcessClock.now()
    let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    close(outputPipe[1])
    guard result == 0 else {
      close(outputPipe[0])
      close(wakePipe[0])
      close(wakePipe[1])
      throw ProcessSpawnError(executable: executable, code: result, operation: "posix_spawn")
    }
    OrphanGuard.watch(group: pid)
    let handle = ProcessHandle(
      pid: pid, startedAt: startedAt, executable: executable, outputFD: outputPipe[0],
      wakeFDs: (wakePipe[0], wakePipe[1]), outputCapacity: outputCapacity, onExit: onExit)
    handle.startThreads()
    return handle
  }

  /// Creates a pipe whose ends are closed on exec.
  private static func makePipe(_ fds: inout [Int32]) -> Int32 {
    guard pipe(&fds) == 0 else { return -1 }
    _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
    return 0
  }
}
