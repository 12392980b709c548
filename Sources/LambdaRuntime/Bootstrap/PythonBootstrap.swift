/// The Python bootstrap (standard library only) shipped inside lambdalings.
///
/// The program lives in `Scripts/lambdalings_runtime.py` and its stub in `Scripts/bootstrap.py`;
/// both are compiled into the binary as SwiftPM resources (`embedInCode`).
enum PythonBootstrap {
  /// The file name the bootstrap is written under: a stub that imports the runtime module,
  /// so Python caches the module's bytecode next to it instead of compiling it every start.
  static let fileName = "bootstrap.py"

  /// The stub's source.
  static let stub = String(decoding: PackageResources.bootstrap_py, as: UTF8.self)

  /// The file name of the runtime module.
  static let moduleFileName = "lambdalings_runtime.py"

  /// The complete program.
  static let source = String(decoding: PackageResources.lambdalings_runtime_py, as: UTF8.self)
}
