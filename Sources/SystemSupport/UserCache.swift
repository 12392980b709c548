/// The per-user cache folder Lambdalings keeps derived data in (resolved interpreters, course
/// indexes): `$XDG_CACHE_HOME/lambdalings`, else `~/.cache/lambdalings`. Everything in it can
/// be rebuilt, so a missing home simply means no cache.
public enum UserCache {
  /// `lambdalings/<name>` under the user's cache folder in `environment`; nil when neither
  /// `XDG_CACHE_HOME` nor `HOME` is an absolute path.
  public static func directory(_ name: String, environment: [String: String]) -> AbsolutePath? {
    if let xdg = environment["XDG_CACHE_HOME"].flatMap(AbsolutePath.init(validating:)) {
      return xdg.appending("lambdalings").appending(name)
    }
    if let home = environment["HOME"].flatMap(AbsolutePath.init(validating:)) {
      return home.appending(".cache/lambdalings").appending(name)
    }
    return nil
  }

  /// A stable 64-bit FNV-1a hash of `text` in 16 hex digits, for cache file names (the cached
  /// file stores and compares the text itself too, so a collision is never trusted).
  public static func digest(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
