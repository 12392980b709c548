import HTTP

/// Answers Runtime API requests: routing, the invocation state machine, status codes, bodies.
enum RuntimeAPIHandler {
  /// The answer to one HTTP request (blocks for `GET /next` until an event exists).
  static func answer(_ request: HTTPRequest, channel: RuntimeChannel) -> HTTPResponse {
    let routed: RuntimeAPIRequest
    switch RuntimeAPIRequest.route(request) {
    case .success(let value):
      routed = value
    case .failure(.notFound):
      return .error(404, type: "NotFound", message: "No Runtime API endpoint at \(request.path)")
    case .failure(.methodNotAllowed):
      return .error(
        405, type: "MethodNotAllowed",
        message: "\(request.method) is not allowed on \(request.path)")
    }
    if request.bodyTooLarge {
      return tooLarge(routed, channel: channel)
    }
    switch routed {
    case .next:
      return next(channel: channel)
    case .invocationResponse(let id, let body, let contentType):
      let accepted = channel.complete(
        requestID: id, with: .response(body: body, contentType: contentType))
      return accepted ? accepted202 : invalidRequestID
    case .invocationError(let id, let body, let header):
      let type = RuntimeAPIRequest.recordedErrorType(header: header, body: body)
      let accepted = channel.complete(requestID: id, with: .error(body: body, errorType: type))
      return accepted ? accepted202 : invalidRequestID
    case .initializationError(let body, let header):
      let type = RuntimeAPIRequest.recordedErrorType(header: header, body: body)
      guard channel.failInit(body: body, errorType: type) else {
        return .error(
          403, type: "InvalidStateTransition",
          message: "State transition from Ready to InitError failed: init is over")
      }
      return accepted202
    }
  }

  static let accepted202 = HTTPResponse.json(202, "{\"status\":\"OK\"}")
  static let invalidRequestID = HTTPResponse.error(
    400, type: "InvalidRequestID", message: "Invalid request ID")

  private static func next(channel: RuntimeChannel) -> HTTPResponse {
    switch channel.next() {
    case .invocation(let invocation):
      var headers: [(name: String, value: String)] = [
        (RuntimeAPIHeader.contentType.rawValue, "application/json"),
        (RuntimeAPIHeader.requestID.rawValue, invocation.requestID),
        (RuntimeAPIHeader.deadline.rawValue, String(invocation.deadlineMs)),
        (RuntimeAPIHeader.functionARN.rawValue, invocation.functionARN),
        (RuntimeAPIHeader.traceID.rawValue, invocation.traceID),
      ]
      if let context = invocation.clientContext {
        headers.append((RuntimeAPIHeader.clientContext.rawValue, context))
      }
      if let identity = invocation.cognitoIdentity {
        headers.append((RuntimeAPIHeader.cognitoIdentity.rawValue, identity))
      }
      return HTTPResponse(status: 200, headers: headers, body: invocation.event)
    case .invalidState(let message):
      return .error(403, type: "InvalidStateTransition", message: message)
    case .closed:
      return .error(
        410, type: "EnvironmentShutdown", message: "The execution environment is shutting down")
    }
  }

  /// A body over 6,291,556 bytes: 413, and a response that large fails the invocation with
  /// `Function.ResponseSizeTooLarge` as in AWS.
  private static func tooLarge(_ routed: RuntimeAPIRequest, channel: RuntimeChannel)
    -> HTTPResponse
  {
    if case .invocationResponse(let id, _, _) = routed {
      _ = channel.complete(requestID: id, with: .responseTooLarge)
    }
    return .error(
      413, type: "RequestEntityTooLarge",
      message: "Exceeded maximum allowed payload size (\(RuntimeAPILimits.maxPayloadBytes) bytes).")
  }
}
