import APIGateway
import Foundation
import HTTP
import JSON
import LambdaRuntime

/// Grades an API exercise through real HTTP: serves the template found next to the learner's
/// handler on 127.0.0.1 (an OS-chosen port), sends each request of `api.json` with an HTTP
/// client, and checks status, headers and JSON fields of every answer.
public enum APIGrader {
  /// The results of `spec`'s requests against the API in `folder`. When the folder has no
  /// template yet, the starter's is copied there first (never over an existing file).
  public static func run(_ spec: APICheckSpec, folder: String, starterFolder: String?) -> (
    [CaseResult], setupError: String?
  ) {
    let templateFile = folder + "/" + spec.template
    var copied = false
    if !FileManager.default.fileExists(atPath: templateFile), let starterFolder {
      copied =
        (try? FileManager.default.copyItem(
          atPath: starterFolder + "/" + spec.template, toPath: templateFile)) != nil
    }
    let template: APITemplate
    do {
      template = try APITemplate.load(file: templateFile, environment: [:])
    } catch {
      return ([], "the template has problems:\n" + error.description)
    }
    let gateway = APIGateway(template: template)
    defer { gateway.shutdown() }
    let server: HTTPServer
    do {
      server = try HTTPServer(
        port: 0, limits: HTTPLimits(maxBodyBytes: APIGateway.maxBodyBytes)
      ) { request in
        gateway.handle(GatewayRequest(request), bodyTooLarge: request.bodyTooLarge).0
      }
    } catch {
      return ([], "could not start the local API: \(error)")
    }
    defer { server.stop() }
    var results: [CaseResult] = []
    for request in spec.requests {
      results.append(check(request, port: server.port))
    }
    if copied, let index = results.firstIndex(where: { !$0.passed }) {
      results[index].failures.insert(
        "(the starter \(spec.template) was copied to \(templateFile): edit that file)", at: 0)
    }
    return (results, nil)
  }

  static func check(_ request: APICheckSpec.Request, port: UInt16) -> CaseResult {
    var result = CaseResult(name: request.name, kind: .case, line: request.line)
    result.specFile = APICheckSpec.fileName
    let started = Date()
    guard let client = try? HTTPClient(port: port, timeoutSeconds: 40),
      let response = client.send(
        request.method, request.path, headers: request.headers.map { ($0.0, $0.1) },
        body: Array(request.body.utf8))
    else {
      result.failures = ["\(request.method) \(request.path): no answer from the local API"]
      return result
    }
    result.durationMs = Date().timeIntervalSince(started) * 1000
    let label = "\(request.method) \(request.path)"
    let body = String(decoding: response.body, as: UTF8.self)
    if let status = request.status, status != response.status {
      result.failures.append(
        "\(label): status: expected \(status), got \(response.status) (body: \(body.prefix(200)))")
    }
    for (name, value) in request.expectedHeaders {
      let got = response.header(name)
      if got != value {
        result.failures.append(
          "\(label): header \(name): expected \(value), got \(got.map { "'\($0)'" } ?? "none")")
      }
    }
    for name in request.absentHeaders where response.header(name) != nil {
      result.failures.append("\(label): header \(name) should be absent")
    }
    if let expected = request.json {
      guard let actual = JSONValue.parse(body) else {
        result.failures.append("\(label): body is not JSON: \(body.prefix(200))")
        return result
      }
      result.failures += mismatches(expected, actual, path: "body").map { "\(label): \($0)" }
    }
    return result
  }

  /// Fields of `expected` missing from or different in `actual` (objects match by subset).
  static func mismatches(_ expected: JSONValue, _ actual: JSONValue, path: String) -> [String] {
    if let members = expected.objectMembers {
      guard actual.objectMembers != nil else {
        return ["\(path): expected an object, got \(actual.compact())"]
      }
      return members.flatMap { key, value -> [String] in
        guard let got = actual[key] else { return ["\(path).\(key): missing"] }
        return mismatches(value, got, path: "\(path).\(key)")
      }
    }
    return expected == actual
      ? [] : ["\(path): expected \(expected.compact()), got \(actual.compact())"]
  }
}
