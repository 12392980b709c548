import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Makes sure nothing a child process started outlives this program, even when this program
/// is killed with SIGKILL and gets no chance to clean up (Linux).
///
/// On the first launch a small guard (`/bin/sh`) starts in a process group of its own, reading
/// a pipe whose only writer is this process. Every child gets the variable
/// `LAMBDALINGS_OWNER=<token>` (inherited by whatever it starts, detached or not) and its
/// process group is written to the pipe. When this process ends, however it ends, the kernel
/// closes the pipe; the guard then kills the groups it was told about and every process whose
/// environment carries the token, until none is left. A handler's `setsid` child, which
/// neither a process-group kill nor `PR_SET_PDEATHSIG` reaches, is found by its token.
public enum OrphanGuard {
  /// The variable that marks every descendant.
  public static let variable = "LAMBDALINGS_OWNER"

  /// The running guard (its token and the write end of its pipe), or whether it failed.
  private struct State {
    var running: (token: String, writer: Int32)?
    var failed = false
  }

  private static let state = Locked(State())

  /// The guard's program: wait for end of input, then kill groups and marked processes.
  static let script = """
    groups=""
    while IFS= read -r line; do groups="$groups $line"; done
    for g in $groups; do kill -9 "-$g" 2>/dev/null; done
    n=0
    while [ $n -lt 20 ]; do
      pids=$(grep -l -s -z -x -F "$1" /proc/[0-9]*/environ | sed -e 's,^/proc/,,' -e 's,/environ$,,')
      [ -z "$pids" ] && exit 0
      kill -9 $pids 2>/dev/null
      n=$((n + 1))
    done
    """

  /// The token children carry in `variable`, starting the guard if it is not running yet.
  /// `nil` where there is no guard (not Linux, or it could not start).
  static func token() -> String? {
    guard Platform.hasOrphanGuard else { return nil }
    return state.withLock { state -> String? in
      if let running = state.running { return running.token }
      if state.failed { return nil }
      let token = "\(getpid())-\(UInt64.random(in: 1...UInt64.max))"
      guard let writer = start("\(variable)=\(token)") else {
        state.failed = true
        return nil
      }
      state.running = (token, writer)
      return token
    }
  }

  /// Tells the guard about a new process group.
  static func watch(group pgid: Int32) {
    guard let writer = state.withLock({ $0.running?.writer }) else { return }
    // A guard that ended early must not end this process with SIGPIPE.
    PipeWriter.write("\(pgid)\n", to: writer)
  }

  /// Spawns the guard; returns the write end of its input pipe.
  private static func start(_ marker: String) -> Int32? {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return nil }
    // Both ends close on exec (the guard's end becomes its standard input through dup2), so
    // the children started later do not hold the pipe open. (Glibc's module does not export
    // pipe2, which would close the short window before these calls.)
    _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
    let spawn = ChildSpawn(
      executable: "/bin/sh", arguments: ["/bin/sh", "-c", script, "lambdalings-guard", marker],
      environment: ["PATH=/usr/bin:/bin", "LC_ALL=C"], input: .descriptor(fds[0]),
      output: .null, defaultSignals: [SIGINT, SIGTERM, SIGPIPE, SIGCHLD], ownProcessGroup: true)
    // The guard lives as long as this process: a descriptor it inherited (another library's
    // pipe opened without close-on-exec, say a test's `Process` stdin) would stay open that
    // long and its reader would never see the end of it. `ChildSpawn` passes none on.
    let pid = try? spawn.start()
    close(fds[0])
    guard let pid else {
      close(fds[1])
      return nil
    }
    // Nobody waits for the guard; it outlives this process by design and is then reaped by
    // whoever inherits it. While this process lives, a reaper thread collects it.
    let guardPID = pid
    Thread.detachNewThread {
      var status: Int32 = 0
      while waitpid(guardPID, &status, 0) < 0 && errno == EINTR {}
    }
    return fds[1]
  }
}
