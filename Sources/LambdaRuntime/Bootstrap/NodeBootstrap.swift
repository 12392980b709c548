/// The Node.js bootstrap (standard library only) shipped inside lambdalings.
///
/// The program lives in `Scripts/bootstrap.cjs` (CommonJS, so it loads without the ES module
/// machinery and can still `import()` an `.mjs` handler) and is compiled into the binary as a
/// SwiftPM resource (`embedInCode`).
enum NodeBootstrap {
  /// The file name the bootstrap is written under.
  static let fileName = "bootstrap.cjs"

  /// The complete program.
  static let source = String(decoding: PackageResources.bootstrap_cjs, as: UTF8.self)
}
