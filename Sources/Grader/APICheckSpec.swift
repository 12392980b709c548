import Foundation
import JSON
import LambdaRuntime
import SystemSupport

/// An exercise's `api.json`: HTTP requests sent to the learner's API, served from the
/// template next to their handler, with what each response must hold.
///
/// ```json
/// {"template": "serverless.yml",
///  "requests": [{"name": "greets Ada", "method": "GET", "path": "/hello?name=Ada",
///                "headers": {"Origin": "http://example.com"}, "body": "...",
///                "expect": {"status": 200, "headers": {"access-control-allow-origin": "*"},
///                           "absentHeaders": ["x-debug"], "json": {"message": "Hello, Ada!"}}}]}
/// ```
public struct APICheckSpec: Sendable, Equatable {
  public struct Request: Sendable, Equatable {
    public var name: String
    public var method: String
    public var path: String
    public var headers: [(String, String)]
    public var body: String
    public var status: Int?
    public var expectedHeaders: [(String, String)]
    public var absentHeaders: [String]
    /// Fields the JSON body must have (compared by value; nested objects by their fields).
    public var json: JSONValue?
    public var line: Int

    public static func == (lhs: Request, rhs: Request) -> Bool {
      lhs.name == rhs.name && lhs.method == rhs.method && lhs.path == rhs.path
        && lhs.body == rhs.body && lhs.status == rhs.status && lhs.json == rhs.json
        && lhs.headers.elementsEqual(rhs.headers, by: ==)
        && lhs.expectedHeaders.elementsEqual(rhs.expectedHeaders, by: ==)
        && lhs.absentHeaders == rhs.absentHeaders
    }
  }

  /// The template's file name, looked for next to the handler.
  public var template: String
  public var requests: [Request]

  /// The file name of the spec inside an exercise folder.
  public static let fileName = "api.json"

  /// Reads `api.json` in `exerciseDirectory`; nil when there is none. A malformed file is an
  /// error naming the file and what is wrong.
  public static func load(exerciseDirectory: AbsolutePath) throws -> APICheckSpec? {
    let path = exerciseDirectory.appending(fileName)
    guard let data = FileManager.default.contents(atPath: path.string) else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    func fail(_ message: String) -> Error {
      LambdaRuntimeError.invalidConfiguration("\(path): \(message)")
    }
    guard let root = JSONValue.parse(text), root.objectMembers != nil else {
      throw fail("not a JSON object; see docs/authoring.md for the api.json format")
    }
    guard let requests = root["requests"]?.arrayValue, !requests.isEmpty else {
      throw fail("needs a \"requests\" array with at least one request")
    }
    var spec = APICheckSpec(
      template: root["template"]?.stringValue ?? "serverless.yml", requests: [])
    for (index, item) in requests.enumerated() {
      guard let name = item["name"]?.stringValue, let path = item["path"]?.stringValue,
        path.hasPrefix("/")
      else {
        throw fail("request \(index + 1) needs \"name\" and a \"path\" starting with /")
      }
      let expect = item["expect"]
      var request = Request(
        name: name, method: item["method"]?.stringValue ?? "GET", path: path,
        headers: Self.pairs(item["headers"]), body: item["body"]?.stringValue ?? "",
        status: expect?["status"].flatMap { Self.int($0) },
        expectedHeaders: Self.pairs(expect?["headers"]),
        absentHeaders: (expect?["absentHeaders"]?.arrayValue ?? []).compactMap(\.stringValue),
        json: expect?["json"], line: Self.line(of: index, in: text))
      if request.status == nil && request.expectedHeaders.isEmpty && request.json == nil
        && request.absentHeaders.isEmpty
      {
        throw fail("request '\(name)' expects nothing; add \"expect\" with status, headers or json")
      }
      request.method = request.method.uppercased()
      spec.requests.append(request)
    }
    return spec
  }

  static func pairs(_ value: JSONValue?) -> [(String, String)] {
    (value?.objectMembers ?? []).map { ($0.0, $0.1.stringValue ?? $0.1.compact()) }
  }

  static func int(_ value: JSONValue) -> Int? {
    if case .number(let text) = value { return Int(text) }
    return nil
  }

  /// The line of the `index`th `"name"` key, for reports.
  static func line(of index: Int, in text: String) -> Int {
    var seen = -1
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where line.contains("\"name\"") {
      seen += 1
      if seen == index { return number + 1 }
    }
    return 1
  }
}
