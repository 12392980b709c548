#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one place where Linux (Glibc) and macOS (Darwin) differ.
///
/// Every `#if os(...)` of the package lives here; the other SystemSupport files only choose
/// which C library to import, and no other module imports one. What the Darwin branch does
/// differently is listed in `docs/architecture.md` ("Platforms"). The Linux branch is built and
/// tested in CI; the Darwin branch is written against Darwin's declarations.
public enum Platform {
  /// Standard input's descriptor.
  public static let standardInput: Int32 = STDIN_FILENO
  /// Standard output's descriptor.
  public static let standardOutput: Int32 = STDOUT_FILENO
  /// Standard error's descriptor.
  public static let standardError: Int32 = STDERR_FILENO

  /// Whether `descriptor` is a terminal.
  public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

  /// The size of the terminal on `descriptor` (ioctl `TIOCGWINSZ`), or nil when it is not a
  /// terminal or reports a zero size.
  public static func windowSize(_ descriptor: Int32) -> (columns: Int, rows: Int)? {
    var size = winsize()
    #if os(Linux)
      // Glibc imports the request as Int32; ioctl takes an unsigned long.
      let result = ioctl(descriptor, UInt(TIOCGWINSZ), &size)
    #else
      let result = ioctl(descriptor, TIOCGWINSZ, &size)
    #endif
    guard result == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
    return (Int(size.ws_col), Int(size.ws_row))
  }

  /// The real user id of this process.
  public static var userID: UInt32 { UInt32(getuid()) }

  /// Whether `OrphanGuard` runs here: it finds marked processes through `/proc`, which only
  /// Linux has, so elsewhere there is no guard.
  static var hasOrphanGuard: Bool {
    #if os(Linux)
      return true
    #else
      return false
    #endif
  }

  /// Reads one byte from `descriptor` (retrying when a signal interrupts); nil at the end of
  /// input or on an error.
  public static func readByte(_ descriptor: Int32) -> UInt8? {
    var byte: UInt8 = 0
    while true {
      let count = read(descriptor, &byte, 1)
      if count == 1 { return byte }
      if count < 0, errno == EINTR { continue }
      return nil
    }
  }

  /// Whether `descriptor` has input to read within `milliseconds` (`poll`).
  public static func waitForInput(_ descriptor: Int32, milliseconds: Int32) -> Bool {
    var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    while true {
      let ready = poll(&request, 1, milliseconds)
      if ready < 0 && errno == EINTR { continue }
      return ready > 0
    }
  }

  /// `write(2)`, named apart from the module's own `write` functions.
  static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
      return Glibc.write(descriptor, buffer, count)
    #else
      return Darwin.write(descriptor, buffer, count)
    #endif
  }
}

// MARK: - Writing to a pipe without SIGPIPE

extension Platform {
  /// Runs `write` (which writes to `descriptor`) so that a closed pipe makes it fail with
  /// `EPIPE` instead of killing the process, without changing the process-wide signal
  /// disposition. `errno` is what `write` left.
  static func withoutBrokenPipeSignal(_ descriptor: Int32, _ write: () -> Bool) -> Bool {
    #if canImport(Darwin)
      // Darwin can switch SIGPIPE off for one descriptor.
      _ = fcntl(descriptor, F_SETNOSIGPIPE, 1)
      return write()
    #else
      // Linux sends SIGPIPE to the writing thread: block it here, and consume the pending
      // signal before unblocking if the reader went away.
      var blocked = sigset_t()
      var previous = sigset_t()
      sigemptyset(&blocked)
      sigaddset(&blocked, SIGPIPE)
      var pending = sigset_t()
      sigpending(&pending)
      let alreadyPending = sigismember(&pending, SIGPIPE) == 1
      pthread_sigmask(SIG_BLOCK, &blocked, &previous)
      let complete = write()
      let writeError = errno
      defer { errno = writeError }
      if !complete && !alreadyPending {
        var timeout = timespec(tv_sec: 0, tv_nsec: 0)
        _ = sigtimedwait(&blocked, nil, &timeout)
      }
      pthread_sigmask(SIG_SETMASK, &previous, nil)
      return complete
    #endif
  }
}

// MARK: - Signals

extension Platform {
  /// A `sigaction` that calls `handler` once and then restores the default action.
  static func oneShotAction(_ handler: @convention(c) (Int32) -> Void) -> sigaction {
    var action = sigaction()
    #if os(Linux)
      action.__sigaction_handler.sa_handler = handler
      action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
    #else
      action.__sigaction_u.__sa_handler = handler
      action.sa_flags = SA_RESETHAND
    #endif
    sigemptyset(&action.sa_mask)
    return action
  }
}

// MARK: - Spawning processes

extension Platform {
  /// `posix_spawn_file_actions_t`: a struct on Linux, an opaque pointer on Darwin.
  #if os(Linux)
    typealias SpawnActions = posix_spawn_file_actions_t
    typealias SpawnAttributes = posix_spawnattr_t
  #else
    typealias SpawnActions = posix_spawn_file_actions_t?
    typealias SpawnAttributes = posix_spawnattr_t?
  #endif

  /// Storage for file actions, before `posix_spawn_file_actions_init`.
  static func spawnActions() -> SpawnActions {
    #if os(Linux)
      return posix_spawn_file_actions_t()
    #else
      return nil
    #endif
  }

  /// Storage for spawn attributes, before `posix_spawnattr_init`.
  static func spawnAttributes() -> SpawnAttributes {
    #if os(Linux)
      return posix_spawnattr_t()
    #else
      return nil
    #endif
  }

  /// Makes the child start in `directory` (`posix_spawn_file_actions_addchdir_np`, looked up at
  /// run time); false when this C library lacks it.
  static func addChangeDirectory(_ actions: inout SpawnActions, _ directory: String) -> Bool {
    guard let addChdir = SpawnExtensions.addChdir else { return false }
    _ = addChdir(&actions, directory)
    return true
  }

  /// Makes the child inherit no descriptor above 2 but the ones the file actions set up:
  /// Linux adds `posix_spawn_file_actions_addclosefrom_np(3)` when the C library has it, Darwin
  /// sets `POSIX_SPAWN_CLOEXEC_DEFAULT` in `flags`. (Our own descriptors are close-on-exec
  /// anyway; this covers ones other libraries opened without it.)
  static func closeOtherDescriptors(_ actions: inout SpawnActions, flags: inout Int32) {
    #if os(Linux)
      if let addCloseFrom = SpawnExtensions.addCloseFrom { _ = addCloseFrom(&actions, 3) }
    #else
      flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
    #endif
  }
}

/// The non-portable `posix_spawn` file actions, looked up at run time because the C headers
/// hide them from Swift unless `_GNU_SOURCE` is defined.
private enum SpawnExtensions {
  typealias Actions = UnsafeMutablePointer<Platform.SpawnActions>
  typealias ChdirFunction = @convention(c) (Actions, UnsafePointer<CChar>) -> Int32
  typealias CloseFromFunction = @convention(c) (Actions, Int32) -> Int32

  static let addChdir: ChdirFunction? = lookup("posix_spawn_file_actions_addchdir_np")
  static let addCloseFrom: CloseFromFunction? = lookup("posix_spawn_file_actions_addclosefrom_np")

  private static func lookup<F>(_ name: String) -> F? {
    #if os(Linux)
      let handle = UnsafeMutableRawPointer(bitPattern: 0)  // RTLD_DEFAULT
    #else
      let handle = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
    #endif
    guard let symbol = dlsym(handle, name) else { return nil }
    return unsafeBitCast(symbol, to: F.self)
  }
}

// MARK: - Memory of a process

extension Platform {
  /// Resident memory of `pid` now and at its peak, in bytes; nil when the process is gone.
  ///
  /// Linux reads `VmRSS` and `VmHWM` from `/proc/<pid>/status`. Darwin has no `/proc`: it asks
  /// `proc_pid_rusage` (`RUSAGE_INFO_V4`) for the physical footprint and its lifetime maximum.
  static func memory(of pid: Int32) -> (resident: Int, peak: Int)? {
    #if os(Linux)
      guard let text = readSmallFile("/proc/\(pid)/status") else { return nil }
      var resident = 0
      var peak = 0
      for line in text.split(separator: "\n") {
        if line.hasPrefix("VmRSS:") {
          resident = kilobytes(in: line) * 1024
        } else if line.hasPrefix("VmHWM:") {
          peak = kilobytes(in: line) * 1024
        }
      }
      if resident == 0 && peak == 0 { return nil }
      return (resident, max(peak, resident))
    #else
      var info = rusage_info_v4()
      let result = withUnsafeMutablePointer(to: &info) { pointer in
        pointer.withMemoryRebound(to: rusage_info_t?.self, capacity: 1) {
          proc_pid_rusage(pid, RUSAGE_INFO_V4, $0)
        }
      }
      guard result == 0 else { return nil }
      let resident = Int(clamping: info.ri_phys_footprint)
      return (resident, max(resident, Int(clamping: info.ri_lifetime_max_phys_footprint)))
    #endif
  }

  /// The direct children of `pid` (empty when unknown): Linux reads
  /// `/proc/<pid>/task/<pid>/children`, Darwin asks `proc_listchildpids`.
  static func children(of pid: Int32) -> [Int32] {
    #if os(Linux)
      guard let text = readSmallFile("/proc/\(pid)/task/\(pid)/children") else { return [] }
      return text.split(separator: " ").compactMap {
        Int32($0.filter { !$0.isWhitespace })
      }
    #else
      var buffer = [pid_t](repeating: 0, count: 256)
      let capacity = Int32(buffer.count * MemoryLayout<pid_t>.size)
      let result = buffer.withUnsafeMutableBytes {
        proc_listchildpids(pid, $0.baseAddress, capacity)
      }
      // Some releases return a count of pids and others a count of bytes; the unused slots
      // stay 0 either way.
      guard result > 0 else { return [] }
      return buffer.filter { $0 > 0 }
    #endif
  }

  #if os(Linux)
    /// The first 4 KiB of a small file such as `/proc/<pid>/status`.
    private static func readSmallFile(_ path: String) -> String? {
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { return nil }
      defer { close(fd) }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      guard count > 0 else { return nil }
      return String(decoding: buffer[0..<count], as: UTF8.self)
    }

    private static func kilobytes(in line: Substring) -> Int {
      let digits = line.drop { !$0.isNumber }.prefix { $0.isNumber }
      return Int(digits) ?? 0
    }
  #endif
}

// MARK: - Sockets

extension Platform {
  /// A new IPv4 stream socket, close-on-exec (atomically where the system can).
  static func streamSocket() -> Int32 {
    #if os(Linux)
      return socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
      if fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
      return fd
    #endif
  }

  /// Darwin has no `MSG_NOSIGNAL`: a connected socket gets `SO_NOSIGPIPE` instead.
  static func disableBrokenPipeSignal(socket fd: Int32) {
    #if canImport(Darwin)
      var one: Int32 = 1
      setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
    #endif
  }

  /// The flags for `send` that keep a closed peer from raising SIGPIPE (Linux).
  static var sendFlags: Int32 {
    #if os(Linux)
      return Int32(MSG_NOSIGNAL)
    #else
      return 0
    #endif
  }

  /// `listen(2)`, `connect(2)` and `send(2)`, named apart from the socket type's own methods.
  static func listen(_ fd: Int32, backlog: Int32) -> Int32 {
    #if canImport(Glibc)
      return Glibc.listen(fd, backlog)
    #else
      return Darwin.listen(fd, backlog)
    #endif
  }

  static func connect(
    _ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t
  ) -> Int32 {
    #if canImport(Glibc)
      return Glibc.connect(fd, address, length)
    #else
      return Darwin.connect(fd, address, length)
    #endif
  }

  static func send(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int, _ flags: Int32) -> Int {
    #if canImport(Glibc)
      return Glibc.send(fd, buffer, count, flags)
    #else
      return Darwin.send(fd, buffer, count, flags)
    #endif
  }

  /// `accept(2)` without the peer's address.
  static func acceptConnection(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
      return Glibc.accept(fd, nil, nil)
    #else
      return Darwin.accept(fd, nil, nil)
    #endif
  }

  /// `close(2)`.
  static func closeDescriptor(_ fd: Int32) {
    #if canImport(Glibc)
      _ = Glibc.close(fd)
    #else
      _ = Darwin.close(fd)
    #endif
  }

  /// `shutdown(2)` for both directions or only for writing.
  static func shutdown(_ fd: Int32, writingOnly: Bool) {
    #if canImport(Glibc)
      _ = Glibc.shutdown(fd, Int32(writingOnly ? SHUT_WR : SHUT_RDWR))
    #else
      _ = Darwin.shutdown(fd, writingOnly ? SHUT_WR : SHUT_RDWR)
    #endif
  }
}

/// What `stat(2)` says of a path, in the few fields the package needs.
public struct FileStatus: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case regularFile
    case directory
    case other
  }

  public var kind: Kind
  public var device: UInt64
  public var inode: UInt64
  public var size: Int64
  /// Modification time: whole seconds and nanoseconds.
  public var modifiedSeconds: Int64
  public var modifiedNanoseconds: Int64
  /// Status change time (`st_ctime`): set by the system on every write, rename, `chmod` or
  /// `touch`, and unlike the modification time it cannot be set back by a program.
  public var changedSeconds: Int64 = 0
  public var changedNanoseconds: Int64 = 0

  /// `device:inode:size:mtime`, a stamp that changes when the file is replaced or written.
  public var stamp: String {
    "\(device):\(inode):\(size):\(modifiedSeconds).\(modifiedNanoseconds)"
  }
}

extension Platform {
  /// The status of `path`; with `followingLinks: false`, of a symbolic link itself. Nil when
  /// there is no such path (or it cannot be reached).
  public static func fileStatus(_ path: String, followingLinks: Bool = true) -> FileStatus? {
    var info = stat()
    guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
    #if os(macOS) || os(iOS) || os(tvOS) || os(watchOS) || os(visionOS)
      let seconds = Int64(info.st_mtimespec.tv_sec)
      let nanoseconds = Int64(info.st_mtimespec.tv_nsec)
      let changed = (Int64(info.st_ctimespec.tv_sec), Int64(info.st_ctimespec.tv_nsec))
    #else
      let seconds = Int64(info.st_mtim.tv_sec)
      let nanoseconds = Int64(info.st_mtim.tv_nsec)
      let changed = (Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec))
    #endif
    let type = info.st_mode & S_IFMT
    let kind: FileStatus.Kind =
      type == S_IFREG ? .regularFile : type == S_IFDIR ? .directory : .other
    return FileStatus(
      kind: kind, device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
      size: Int64(info.st_size), modifiedSeconds: seconds, modifiedNanoseconds: nanoseconds,
      changedSeconds: changed.0, changedNanoseconds: changed.1)
  }

  /// The entries of the folder at `path` (without `.` and `..`), in no particular order; nil
  /// when it cannot be read. The kind comes from `readdir(3)` and is nil when the file
  /// system does not say (then ask `fileStatus`).
  public static func directoryEntries(_ path: String) -> [DirectoryEntry]? {
    guard let stream = opendir(path) else { return nil }
    defer { closedir(stream) }
    var entries: [DirectoryEntry] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      let type = Int32(entry.pointee.d_type)
      let kind: FileStatus.Kind? =
        type == Int32(DT_DIR)
        ? .directory
        : type == Int32(DT_REG) ? .regularFile : type == Int32(DT_UNKNOWN) ? nil : .other
      entries.append(DirectoryEntry(name: name, kind: kind))
    }
    return entries
  }

  /// The absolute path of the running executable, when the system says.
  public static func executablePath() -> String? {
    #if os(macOS) || os(iOS) || os(tvOS) || os(watchOS) || os(visionOS)
      var size: UInt32 = 0
      _ = _NSGetExecutablePath(nil, &size)
      var buffer = [CChar](repeating: 0, count: Int(size) + 1)
      guard _NSGetExecutablePath(&buffer, &size) == 0 else { return nil }
      return String(cString: buffer)
    #else
      var buffer = [CChar](repeating: 0, count: 4096)
      let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
      guard count > 0 else { return nil }
      return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    #endif
  }
}

/// One entry of a folder, as `Platform.directoryEntries` lists it.
public struct DirectoryEntry: Sendable, Equatable {
  public var name: String
  /// nil when the file system did not say (a symbolic link is `.other`).
  public var kind: FileStatus.Kind?
}
