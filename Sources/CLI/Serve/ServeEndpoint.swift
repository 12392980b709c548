import Foundation
import HTTP
import LocalAWS
import SystemSupport

/// What `serve` answers on its Lambda/Logs port: the `LocalAWSEndpoint` over the workspace's
/// `serve-state/` folder.
final class ServeEndpoint: Sendable {
  static let operationHeader = LocalAWSEndpoint.operationHeader

  let stateDirectory: AbsolutePath
  let limits = LocalAWSEndpoint.limits
  let malformed = LocalAWSEndpoint.malformed
  private let endpoint: LocalAWSEndpoint

  /// The endpoint over the state folder of `workspace`.
  init(workspace: AbsolutePath) throws {
    stateDirectory = LocalAWSStore.folder(workspace: workspace)
    do {
      endpoint = try LocalAWSEndpoint(folder: stateDirectory)
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
