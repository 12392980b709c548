/// libc seams shared by the other modules: processes, file locks, atomic files, clocks.
public enum SystemSupport {
  /// The version of lambdalings.
  public static let version = "0.1.0"
}
