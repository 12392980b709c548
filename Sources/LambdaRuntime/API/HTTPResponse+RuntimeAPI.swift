import HTTP

extension HTTPResponse {
  /// An error response with the Runtime API's body `{"errorMessage","errorType"}`.
  static func error(_ status: Int, type: String, message: String) -> HTTPResponse {
    json(status, JSONText.errorBody(type: type, message: message))
  }
}

extension HTTPRequest {
  /// The first value of a Runtime API header.
  func header(_ name: RuntimeAPIHeader) -> String? {
    header(name.rawValue)
  }
}
