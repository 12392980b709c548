import Foundation
import JSON

/// The documents Lambda sends to destinations and dead-letter queues, field for field as the
/// AWS Lambda Developer Guide shows them:
/// - asynchronous invocation record: "Capturing records of Lambda asynchronous invocations"
///   (docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html);
/// - dead-letter queue message attributes `RequestID`, `ErrorCode`, `ErrorMessage` (same page,
///   "Dead-letter queues"; ErrorMessage truncated to 1 KB);
/// - stream batch records with `DDBStreamBatchInfo` / `KinesisBatchInfo`
///   (services-dynamodb-errors.html, kinesis-on-failure-destination.html).
public enum DestinationRecords {
  /// The version every record carries.
  public static let version = "1.0"

  /// The record of an asynchronous invocation: `version`, `timestamp`, `requestContext`,
  /// `requestPayload`, then `responseContext` and `responsePayload` when the function ran.
  public static func asyncInvocation(
    timestamp: String, requestID: String, functionARN: String, condition: String,
    approximateInvokeCount: Int, requestPayload: Data, response: InvocationRecord?
  ) -> JSONValue {
    var record: JSONValue = [
      "version": .string(version),
      "timestamp": .string(timestamp),
      "requestContext": [
        "requestId": .string(requestID),
        // A qualified ARN (`...:function:NAME:live`) keeps its qualifier.
        "functionArn": .string(
          functionARN.split(separator: ":").count > 7 ? functionARN : functionARN + ":$LATEST"),
        "condition": .string(condition),
        "approximateInvokeCount": .int(approximateInvokeCount),
      ],
      "requestPayload": payload(requestPayload),
    ]
    if let response {
      record = record.setting("responseContext", to: responseContext(response))
        .setting("responsePayload", to: payload(response.result))
    }
    return record
  }

  /// `statusCode`, `executedVersion` and, for failures, `functionError`.
  static func responseContext(_ response: InvocationRecord) -> JSONValue {
    var context: JSONValue = [
      "statusCode": .int(response.statusCode),
      "executedVersion": "$LATEST",
    ]
    if response.status == .error || response.status == .timeout {
      context = context.setting("functionError", to: "Unhandled")
    }
    return context
  }

  /// A payload as JSON when it is JSON, else as a string; `null` when empty.
  static func payload(_ data: Data) -> JSONValue {
    if data.isEmpty { return .null }
    let text = String(decoding: data, as: UTF8.self)
    return JSONValue.parse(text) ?? .string(text)
  }

  /// The message a dead-letter queue receives: the event unchanged as the body, and the error
  /// in the message attributes (shaped as SQS ReceiveMessage returns them).
  public static func deadLetterMessage(event: Data, requestID: String, response: InvocationRecord?)
    -> JSONValue
  {
    let code = response?.statusCode ?? 200
    var message = errorMessage(of: response)
    if message.utf8.count > 1024 {
      message = String(decoding: Array(message.utf8.prefix(1024)), as: UTF8.self)
    }
    return [
      "Body": .string(String(decoding: event, as: UTF8.self)),
      "MessageAttributes": [
        "RequestID": ["StringValue": .string(requestID), "DataType": "String"],
        "ErrorCode": ["StringValue": .string(String(code)), "DataType": "Number"],
        "ErrorMessage": ["StringValue": .string(message), "DataType": "String"],
      ],
    ]
  }

  /// The `errorMessage` of an error document, or a description of why there is none.
  static func errorMessage(of response: InvocationRecord?) -> String {
    guard let response else { return "Event age exceeded before the function ran" }
    if let text = payload(response.result)["errorMessage"]?.stringValue { return text }
    return response.errorType ?? response.resultText
  }

  /// The stream whose batch failed.
  public enum StreamKind: String, Sendable {
    case dynamodb, kinesis

    var infoKey: String { self == .dynamodb ? "DDBStreamBatchInfo" : "KinesisBatchInfo" }
  }

  /// The on-failure record of a stream batch: `requestContext`, `responseContext`, `version`,
  /// `timestamp`, then `DDBStreamBatchInfo` or `KinesisBatchInfo` (records themselves are not
  /// included: only where to find them).
  public static func streamBatch(
    kind: StreamKind, timestamp: String, requestID: String, functionARN: String,
    condition: String, approximateInvokeCount: Int, response: InvocationRecord?, shardID: String,
    startSequenceNumber: String, endSequenceNumber: String, firstArrival: String,
    lastArrival: String, batchSize: Int, streamARN: String
  ) -> JSONValue {
    let responseContext: JSONValue =
      response.map(responseContext) ?? ["statusCode": 200, "executedVersion": "$LATEST"]
    return [
      "requestContext": [
        "requestId": .string(requestID),
        "functionArn": .string(functionARN),
        "condition": .string(condition),
        "approximateInvokeCount": .int(approximateInvokeCount),
      ],
      "responseContext": responseContext,
      "version": .string(version),
      "timestamp": .string(timestamp),
      kind.infoKey: [
        "shardId": .string(shardID),
        "startSequenceNumber": .string(startSequenceNumber),
        "endSequenceNumber": .string(endSequenceNumber),
        "approximateArrivalOfFirstRecord": .string(firstArrival),
        "approximateArrivalOfLastRecord": .string(lastArrival),
        "batchSize": .int(batchSize),
        "streamArn": .string(streamARN),
      ],
    ]
  }
}
