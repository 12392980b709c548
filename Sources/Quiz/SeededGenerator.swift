/// A small, fast, seedable random number generator (SplitMix64).
///
/// The standard library's generator cannot be seeded, so `--seed` uses this one: the same seed
/// gives the same question order and choice shuffles on every platform.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// A permutation of `0..<count`.
  public mutating func permutation(_ count: Int) -> [Int] {
    Array(0..<count).shuffled(using: &self)
  }
}
