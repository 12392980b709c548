import Foundation

/// A named local stand-in for where Lambda sends records: an SQS queue, an SNS topic, a Lambda
/// function, an EventBridge bus or an S3 bucket. Written `TYPE:NAME` (`sqs:failed-orders`) or
/// as an ARN (`arn:aws:sqs:us-east-1:123456789012:failed-orders`).
public struct DestinationTarget: Sendable, Equatable, CustomStringConvertible {
  /// The kinds of resource Lambda can deliver to.
  public enum Kind: String, Sendable, CaseIterable {
    case sqs, sns, lambda, events, s3
  }

  /// Where a target is used; each accepts different kinds.
  public enum Role: String, Sendable {
    /// An asynchronous invocation's on-success destination.
    case onSuccess = "on-success"
    /// An on-failure destination (asynchronous invocation or stream event source).
    case onFailure = "on-failure"
    /// A function's dead-letter queue (SQS or SNS only).
    case deadLetterQueue = "dead-letter queue"
  }

  public var kind: Kind
  public var name: String

  public var description: String { "\(kind.rawValue):\(name)" }

  /// The ARN the target stands for.
  public var arn: String {
    let prefix = "arn:aws:"
    switch kind {
    case .sqs: return "\(prefix)sqs:us-east-1:123456789012:\(name)"
    case .sns: return "\(prefix)sns:us-east-1:123456789012:\(name)"
    case .lambda: return "\(prefix)lambda:us-east-1:123456789012:function:\(name)"
    case .events: return "\(prefix)events:us-east-1:123456789012:event-bus/\(name)"
    case .s3: return "\(prefix)s3:::\(name)"
    }
  }

  public init(kind: Kind, name: String) {
    self.kind = kind
    self.name = name
  }

  /// Parses `TYPE:NAME` or an ARN and checks that `role` accepts it; the error names the value
  /// and lists what is accepted.
  public static func parse(_ text: String, role: Role) throws -> DestinationTarget {
    let target = try parseShape(text)
    let allowed: [Kind]
    switch role {
    case .onSuccess: allowed = [.sqs, .sns, .lambda, .events]
    case .onFailure: allowed = [.sqs, .sns, .lambda, .events, .s3]
    case .deadLetterQueue: allowed = [.sqs, .sns]
    }
    guard allowed.contains(target.kind) else {
      throw DeliveryError.invalidDestination(
        value: text,
        reason: "a \(role.rawValue) target must be one of "
          + allowed.map { "\($0.rawValue):NAME" }.joined(separator: ", "))
    }
    if target.name.hasSuffix(".fifo") {
      throw DeliveryError.invalidDestination(
        value: text,
        reason: "Lambda cannot deliver records to a FIFO queue or topic; use a standard one")
    }
    return target
  }

  private static func parseShape(_ text: String) throws -> DestinationTarget {
    let kinds = Kind.allCases.map { "\($0.rawValue):NAME" }.joined(separator: ", ")
    if text.hasPrefix("arn:") {
      let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      guard parts.count >= 6, let last = parts.last, !last.isEmpty else {
        throw DeliveryError.invalidDestination(
          value: text, reason: "not an ARN of the form arn:aws:SERVICE:REGION:ACCOUNT:NAME")
      }
      switch parts[2] {
      case "sqs": return DestinationTarget(kind: .sqs, name: last)
      case "sns": return DestinationTarget(kind: .sns, name: last)
      case "lambda": return DestinationTarget(kind: .lambda, name: last)
      case "s3": return DestinationTarget(kind: .s3, name: last)
      case "events":
        let bus = last.split(separator: "/").last.map(String.init) ?? last
        return DestinationTarget(kind: .events, name: bus)
      default:
        throw DeliveryError.invalidDestination(
          value: text, reason: "service '\(parts[2])' is not a destination (use \(kinds))")
      }
    }
    guard let colon = text.firstIndex(of: ":") else {
      throw DeliveryError.invalidDestination(
        value: text, reason: "write TYPE:NAME, one of \(kinds)")
    }
    let type = String(text[..<colon])
    let name = String(text[text.index(after: colon)...])
    guard let kind = Kind(rawValue: type.lowercased()) else {
      throw DeliveryError.invalidDestination(
        value: text, reason: "'\(type)' is not a destination type (use \(kinds))")
    }
    let valid = name.unicodeScalars.allSatisfy {
      CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)
    }
    guard !name.isEmpty, name.count <= 80, valid else {
      throw DeliveryError.invalidDestination(
        value: text, reason: "the name must have 1-80 letters, digits, '-', '_' or '.'")
    }
    return DestinationTarget(kind: kind, name: name)
  }
}
