import Foundation
import LambdaRuntime
import SystemSupport

/// The functions one grading run uses: one per distinct configuration, each with its own
/// scratch folder (its `/tmp`, given to the handler as `TMPDIR`), and what is already known
/// about each (its INIT failed, or a case timed out), so later cases do not wait for the same
/// outcome again. `shutdown()` stops every function and removes the scratch folders.
final class FunctionPool {
  /// A function, its scratch folder, and why cases on it are no longer run.
  final class Entry {
    let configuration: FunctionConfiguration
    let function: any GradedFunction
    let scratchFolder: AbsolutePath
    var blocked: SkipReason?

    init(
      configuration: FunctionConfiguration, function: any GradedFunction,
      scratchFolder: AbsolutePath
    ) {
      self.configuration = configuration
      self.function = function
      self.scratchFolder = scratchFolder
    }
  }

  private let maker: any GradedFunctionMaker
  private let root: AbsolutePath
  private var entries: [Entry] = []
  /// Configurations (without TMPDIR) whose INIT failed, with the reason.
  private var failedInits: [(FunctionConfiguration, SkipReason)] = []
  private var counter = 0

  init(maker: any GradedFunctionMaker) {
    self.maker = maker
    root = AbsolutePath(NSTemporaryDirectory(), relativeTo: .currentDirectory())
      .appending("lambdalings-grade-\(UUID().uuidString.prefix(8))")
    // Ctrl-C during a check ends the program before `shutdown`: the signal bridge removes it.
    ScratchFolders.register(root)
  }

  /// The shared function for `configuration`, created on first use.
  func shared(_ configuration: FunctionConfiguration) throws -> Entry {
    if let entry = entries.first(where: { $0.configuration == configuration }) { return entry }
    let entry = try make(configuration)
    entries.append(entry)
    return entry
  }

  /// A function of its own (for a scenario, which counts from a cold start).
  func fresh(_ configuration: FunctionConfiguration) throws -> Entry {
    let entry = try make(configuration)
    entries.append(entry)
    return entry
  }

  /// Why a function with `configuration` cannot start, when an earlier one could not.
  func initFailure(for configuration: FunctionConfiguration) -> SkipReason? {
    failedInits.first { $0.0 == configuration }?.1
  }

  /// Every configuration known not to start, with the reason.
  var knownInitFailures: [(FunctionConfiguration, SkipReason)] { failedInits }

  /// Remembers that functions with this configuration do not start.
  func recordInitFailure(_ configuration: FunctionConfiguration, reason: SkipReason) {
    if initFailure(for: configuration) == nil { failedInits.append((configuration, reason)) }
  }

  private func make(_ configuration: FunctionConfiguration) throws -> Entry {
    counter += 1
    let folder = root.appending("function-\(counter)")
    try FileManager.default.createDirectory(
      atPath: folder.string, withIntermediateDirectories: true)
    var withScratch = configuration
    withScratch.environment["TMPDIR"] = folder.string
    let function = try maker.make(withScratch)
    return Entry(configuration: configuration, function: function, scratchFolder: folder)
  }

  func shutdown() {
    for entry in entries { entry.function.shutdown() }
    entries.removeAll()
    try? FileManager.default.removeItem(atPath: root.string)
    ScratchFolders.unregister(root)
  }
}
