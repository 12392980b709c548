import Foundation
import HTTP
import LocalAWS

/// What `serve` answers on its Lambda/Logs port: the `LocalAWSEndpoint` over the workspace's
/// `serve-state/` folder.
final class ServeEndpoint: Sendable {
  static let operationHeader = LocalAWSEndpoint.operationHeader

  let stateDirectory: String
  let limits = LocalAWSEndpoint.limits
  let malformed = LocalAWSEndpoint.malformed
  private let endpoint: LocalAWSEndpoint

  init(stateDirectory: String) throws {
    self.stateDirectory = stateDirectory
    do {
      endpoint = try LocalAWSEndpoint(directory: URL(fileURLWithPath: stateDirectory))
    } catch {
      throw CLIError.content("serve cannot start: \(error)")
    }
  }

  /// Answers one request.
  func handle(_ request: HTTPRequest) -> HTTPResponse {
    endpoint.handle(request)
  }

  /// Stops every function environment.
  func shutdown() {
    endpoint.shutdown()
  }
}
