import APIGateway
import Course
import Foundation
import HTTP
import JSON
import LambdaRuntime
import SystemSupport

/// Grades an API exercise through real HTTP: serves the template found next to the learner's
/// handler on 127.0.0.1 (an OS-chosen port), sends each request of `api.json` with an HTTP
/// client, and checks status, headers and JSON fields of every answer.
public enum APIGrader {
  /// The results of `spec`'s requests against the API in `folder`. When the folder has no
  /// template yet, the starter's is copied there first (never over an existing file).
  public static func run(
    _ spec: APICheckSpec, folder: AbsolutePath, starterFolder: AbsolutePath?
  ) -> ([CaseResult], setupError: String?) {
    let templateFile = folder.appending(spec.template)
    var copied = false
    if !FileManager.default.fileExists(atPath: templateFile.string), let starterFolder {
      copied =
        (try? FileManager.default.copyItem(
          atPath: starterFolder.appending(spec.template).string, toPath: templateFile.string))
        != nil
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
      var note = GradeFailure(
        .starterTemplateCopied(template: spec.template, destination: templateFile.string))
      note.specFile = APICheckSpec.fileName
      note.line = results[index].line
      results[index].failures.insert(note, at: 0)
    }
    return (results, nil)
  }

  /// How long a request may wait for its answer (longer than API Gateway's 29 s integration
  /// timeout, after which the local API answers 504 itself).
  static let answerSeconds = 40

  static func check(_ request: APICheckSpec.Request, port: UInt16) -> CaseResult {
    var result = CaseResult(name: request.name, kind: .case, line: request.line)
    result.specFile = APICheckSpec.fileName
    let started = Date()
    let label = "\(request.method) \(request.path)"
    let client: HTTPClient
    do {
      client = try HTTPClient(port: port, timeoutSeconds: Self.answerSeconds)
    } catch {
      result.record([.requestUnanswered(request: label, reason: "\(error)")])
      return result
    }
    guard
      let response = client.send(
        request.method, request.path, headers: request.headers.map { ($0.0, $0.1) },
        body: Array(request.body.utf8))
    else {
      let seconds = Date().timeIntervalSince(started)
      let reason =
        seconds >= Double(Self.answerSeconds)
        ? "nothing within \(Self.answerSeconds) s"
        : "the connection closed after \(String(format: "%.1f", seconds)) s"
      result.record([.requestUnanswered(request: label, reason: reason)])
      return result
    }
    result.durationMs = Date().timeIntervalSince(started) * 1000
    let body = String(decoding: response.body, as: UTF8.self)
    var found: [GradeFailure.Kind] = []
    if let status = request.status, status != response.status {
      found.append(
        .requestStatus(
          request: label, expected: status, actual: response.status,
          body: String(body.prefix(200))))
    }
    for (name, value) in request.expectedHeaders {
      let got = response.header(name)
      if got != value {
        found.append(.requestHeader(request: label, name: name, expected: value, actual: got))
      }
    }
    for name in request.absentHeaders {
      if let got = response.header(name) {
        found.append(.requestHeaderPresent(request: label, name: name, actual: got))
      }
    }
    if let expected = request.json {
      if let actual = JSONValue.parse(body) {
        found += mismatches(expected, actual, path: "body").map {
          .requestBody(request: label, path: $0.path, $0.problem)
        }
      } else {
        found.append(.requestBodyNotJSON(request: label, body: String(body.prefix(200))))
      }
    }
    result.record(found)
    return result
  }

  /// Fields of `expected` missing from or different in `actual` (objects match by subset).
  static func mismatches(_ expected: JSONValue, _ actual: JSONValue, path: String) -> [(
    path: String, problem: GradeFailure.APIBody
  )] {
    if let members = expected.objectMembers {
      guard actual.objectMembers != nil else {
        return [(path, .notAnObject(actual: node(actual)))]
      }
      return members.flatMap { key, value -> [(path: String, problem: GradeFailure.APIBody)] in
        guard let got = actual[key] else { return [("\(path).\(key)", .missing)] }
        return mismatches(value, got, path: "\(path).\(key)")
      }
    }
    return expected == actual
      ? [] : [(path, .different(expected: node(expected), actual: node(actual)))]
  }

  /// The grader's JSON value for an HTTP answer's.
  static func node(_ value: JSONValue) -> JSONValue {
    JSONValue.parse(value.compact()) ?? .string(value.compact())
  }
}
