/// How Lambda handles an asynchronous invocation (`PutFunctionEventInvokeConfig` plus the
/// function's dead-letter queue), and the seeded duplicate-delivery fault.
public struct AsyncInvokeConfiguration: Sendable, Equatable {
  /// Retries after a function error: 0-2, default 2.
  public var maximumRetryAttempts: Int
  /// Seconds an event may wait in the queue: 60-21,600 (6 h), default 21,600.
  public var maximumEventAgeInSeconds: Int
  /// Receives the invocation record of a successful event.
  public var onSuccess: DestinationTarget?
  /// Receives the invocation record of an event that failed every attempt or expired.
  public var onFailure: DestinationTarget?
  /// Receives the event itself (SQS or SNS), with the error in message attributes.
  public var deadLetterQueue: DestinationTarget?
  /// Probability (0-1) that a successful event is delivered a second time, as AWS warns it
  /// can be; drawn from a generator seeded with `seed`, so a run repeats exactly.
  public var duplicateRate: Double
  /// Seed of the duplicate-delivery fault.
  public var seed: UInt64

  public init(
    maximumRetryAttempts: Int = 2, maximumEventAgeInSeconds: Int = 21_600,
    onSuccess: DestinationTarget? = nil, onFailure: DestinationTarget? = nil,
    deadLetterQueue: DestinationTarget? = nil, duplicateRate: Double = 0, seed: UInt64 = 1
  ) {
    self.maximumRetryAttempts = maximumRetryAttempts
    self.maximumEventAgeInSeconds = maximumEventAgeInSeconds
    self.onSuccess = onSuccess
    self.onFailure = onFailure
    self.deadLetterQueue = deadLetterQueue
    self.duplicateRate = duplicateRate
    self.seed = seed
  }

  /// Throws `DeliveryError.outOfRange` for values AWS rejects.
  public func validate() throws {
    guard (0...2).contains(maximumRetryAttempts) else {
      throw DeliveryError.outOfRange(
        setting: "MaximumRetryAttempts", value: String(maximumRetryAttempts), range: "0-2")
    }
    guard (60...21_600).contains(maximumEventAgeInSeconds) else {
      throw DeliveryError.outOfRange(
        setting: "MaximumEventAgeInSeconds", value: String(maximumEventAgeInSeconds),
        range: "60-21600 seconds (1 minute to 6 hours)")
    }
    guard (0...1).contains(duplicateRate) else {
      throw DeliveryError.outOfRange(
        setting: "duplicate rate", value: String(duplicateRate), range: "0-1")
    }
  }
}

/// A small seeded generator (SplitMix64), so seeded faults repeat exactly on every machine.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  /// A number in 0..<1.
  mutating func unit() -> Double {
    Double(next() >> 11) / Double(1 << 53)
  }
}
