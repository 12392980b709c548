import SystemSupport

/// Entry point of the command line; `main.swift` only calls `run`.
public enum LambdalingsCLI {
  /// Runs the command line and returns the process exit code.
  public static func run(arguments: [String], environment: [String: String]) -> Int32 {
    print("lambdalings \(SystemSupport.version)")
    return 0
  }
}
