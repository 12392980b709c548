/// Header names of the Lambda Runtime API, spelled once.
public enum RuntimeAPIHeader: String, Sendable, CaseIterable {
  case requestID = "Lambda-Runtime-Aws-Request-Id"
  case deadline = "Lambda-Runtime-Deadline-Ms"
  case functionARN = "Lambda-Runtime-Invoked-Function-Arn"
  case traceID = "Lambda-Runtime-Trace-Id"
  case clientContext = "Lambda-Runtime-Client-Context"
  case cognitoIdentity = "Lambda-Runtime-Cognito-Identity"
  case functionErrorType = "Lambda-Runtime-Function-Error-Type"
  case contentType = "Content-Type"
  case contentLength = "Content-Length"
  case transferEncoding = "Transfer-Encoding"
  case connection = "Connection"
}

/// Limits of the Runtime API, as in AWS.
public enum RuntimeAPILimits {
  /// The largest event or response body on a synchronous invocation: 6 MB + 100 bytes.
  public static let maxPayloadBytes = 6_291_556
  /// The largest request head (request line and headers) the server accepts.
  public static let maxHeaderBytes = 64 * 1024
  /// Oversized bodies up to this size are read and thrown away to keep the connection usable;
  /// larger ones close the connection after the 413 answer.
  public static let maxDiscardBytes = 64 * 1024 * 1024
}
