import Foundation
import LambdaRuntime
import SystemSupport

/// Times and ids as API Gateway writes them into events.
enum GatewayClock {
  /// `01/Dec/2026:01:40:00 +0000`, the REST `requestTime` (and HTTP API `time`) format, in
  /// UTC, computed directly (a `DateFormatter` per request costs more than the rest of the
  /// event).
  static func requestTime(_ date: Date) -> String { UTCTime(date).apiGatewayRequestTime }

  /// Milliseconds since 1970.
  static func epochMilliseconds(_ date: Date) -> Int {
    Int((date.timeIntervalSince1970 * 1000).rounded())
  }

  /// A fresh request id: a lower-case UUID.
  static func requestID() -> String { UUID().uuidString.lowercased() }

  /// A short fresh id like HTTP API's `requestId` (`Yk9Xw2VhoAMEbQ=`).
  static func shortID() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<10).map { _ in UInt8.random(in: 0...255, using: &generator) }
    return Data(bytes).base64EncodedString()
  }
}
