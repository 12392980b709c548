/// The product's version, printed by `lambdalings --version`.
///
/// It lives with the command line, the one module that speaks for the product; the library
/// modules below it (SystemSupport included) know nothing of which product uses them.
public enum ProductVersion {
  /// The version of lambdalings.
  public static let current = "0.1.0"
}
