#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How every child process of the program is started: one `posix_spawn` call whose file
/// actions and attributes are set up here, so that the rules hold for all of them.
///
/// - The child inherits standard input, output and error as asked and no other descriptor
///   (`Platform.closeOtherDescriptors`), even one another library opened without close-on-exec.
/// - The signals we handle, ignore or block start with their default action and an empty mask.
/// - It starts in a process group of its own when asked (the runtimes and the orphan guard),
///   otherwise in ours (a pager or an editor, which must stay in the terminal's foreground).
///
/// Callers: `ProcessHandle.launch`, `ForegroundProcess` and `OrphanGuard`.
struct ChildSpawn {
  /// Where one of the child's standard descriptors comes from.
  enum Source {
    /// Ours, unchanged.
    case inherited
    /// `/dev/null`.
    case null
    /// A descriptor of ours (a pipe end), duplicated onto the standard one and not otherwise
    /// passed on.
    case descriptor(Int32)
  }

  /// The program and its arguments (`arguments[0]` is the name it sees as `argv[0]`).
  var executable: String
  var arguments: [String]
  /// `NAME=value` lines, passed as they are.
  var environment: [String]
  var input: Source = .inherited
  /// Standard output and standard error both.
  var output: Source = .inherited
  /// Signals that start with their default action.
  var defaultSignals: [Int32]
  /// True: a new process group led by the child. False: ours.
  var ownProcessGroup: Bool
  /// The child's current folder (nil: ours).
  var workingDirectory: String? = nil

  /// Starts the child; returns its pid. Throws when this C library cannot change the child's
  /// folder or `posix_spawn` fails.
  func start() throws(ProcessSpawnError) -> pid_t {
    var actions = Platform.spawnActions()
    var attributes = Platform.spawnAttributes()
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
      posix_spawn_file_actions_destroy(&actions)
      posix_spawnattr_destroy(&attributes)
    }
    Self.connect(input, to: 0, readOnly: true, &actions)
    Self.connect(output, to: 1, readOnly: false, &actions)
    Self.connect(output, to: 2, readOnly: false, &actions)
    for source in [input, output] {
      if case .descriptor(let fd) = source, fd > 2 {
        posix_spawn_file_actions_addclose(&actions, fd)
      }
    }
    if let workingDirectory, !Platform.addChangeDirectory(&actions, workingDirectory) {
      throw ProcessSpawnError(executable: executable, code: ENOSYS, operation: "addchdir")
    }

    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signalNumber in defaultSignals { sigaddset(&defaults, signalNumber) }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
    if ownProcessGroup {
      posix_spawnattr_setpgroup(&attributes, 0)
      flags |= Int32(POSIX_SPAWN_SETPGROUP)
    }
    Platform.closeOtherDescriptors(&actions, flags: &flags)
    posix_spawnattr_setflags(&attributes, Int16(flags))

    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard result == 0 else {
      throw ProcessSpawnError(executable: executable, code: result, operation: "posix_spawn")
    }
    return pid
  }

  /// `NAME=value` lines for an environment, sorted by name (a stable order for the child).
  static func lines(_ environment: [String: String]) -> [String] {
    environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
  }

  private static func connect(
    _ source: Source, to standard: Int32, readOnly: Bool, _ actions: inout Platform.SpawnActions
  ) {
    switch source {
    case .inherited:
      break
    case .null:
      posix_spawn_file_actions_addopen(
        &actions, standard, "/dev/null", readOnly ? O_RDONLY : O_WRONLY, 0)
    case .descriptor(let fd):
      posix_spawn_file_actions_adddup2(&actions, fd, standard)
    }
  }
}
