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

  /// The endpoint over the state folder of `workspace`; `onInvocation` hears of each
  /// invocation when it ends.
  init(
    workspace: AbsolutePath, onInvocation: (@Sendable (FinishedInvocation) -> Void)? = nil
  ) throws {
    stateDirectory = LocalAWSStore.folder(workspace: workspace)
    do {
      endpoint = try LocalAWSEndpoint(folder: stateDirectory, onInvocation: onInvocation)
    } catch {
      throw CLIError.content("serve cannot start: \(error)")
    }
  }

  /// Answers one request.
  func handle(_ request: HTTPRequest) -> HTTPResponse {
    endpoint.handle(request)
  }

  /// What `serve` prints when an invocation ends: a line naming the function (and the
  /// version, the invocation type and the error when there is one), then its log lines.
  static func logBlock(_ invocation: FinishedInvocation, out: OutputWriter) -> String {
    var heading = "lambda: \(invocation.function)"
    if invocation.version != "$LATEST" { heading += ":\(invocation.version)" }
    if invocation.asynchronous { heading += " (Event)" }
    heading += invocation.errorType.map { " failed with \($0)" } ?? " finished"
    heading = out.fitted(heading)
    let styler = out.styler
    if invocation.errorType != nil { heading = styler.apply(heading, .error) }
    return InvocationLogBlock.text(heading: heading, logs: invocation.logs, styler: styler)
  }

  /// Stops every function environment.
  func shutdown() {
    endpoint.shutdown()
  }
}
