import Foundation
import LambdaRuntime
import YAML

/// SAM templates: `AWS::Serverless::Function` resources with `Api` and `HttpApi` events,
/// `Globals`, `Parameters` defaults, and the intrinsic functions `!Ref`, `!Sub`, `!Join`.
extension TemplateReader {
  static let otherSAMEvents: Set<String> = [
    "S3", "SNS", "Kinesis", "DynamoDB", "SQS", "Schedule", "ScheduleV2", "CloudWatchEvent",
    "EventBridgeRule", "CloudWatchLogs", "IoTRule", "AlexaSkill", "Cognito", "MSK", "MQ",
    "SelfManagedKafka", "DocumentDB",
  ]

  var stackName: String { directory.name }

  mutating func readSAM() -> APITemplate {
    let globals = root["Globals"]?["Function"]
    let restCORS = samRESTCORS(root["Globals"]?["Api"]?["Cors"])
    let httpCORS = samHTTPCORS(root["Globals"]?["HttpApi"]?["CorsConfiguration"])
    var binaryTypes: [String] = []
    for item in root["Globals"]?["Api"]?["BinaryMediaTypes"]?.items ?? [] {
      if let text = samText(item) {
        binaryTypes.append(text.replacingOccurrences(of: "~1", with: "/"))
      }
    }
    var functions: [APIFunction] = []
    var routes: [APIRoute] = []
    guard let resources = root["Resources"]?.entries else {
      problem(root["Resources"] ?? root, "the template has no 'Resources:' mapping")
      return APITemplate(kind: .sam, file: file, name: stackName, stage: "Prod")
    }
    for resource in resources {
      let type = resource.value["Type"]?.string
      guard type == "AWS::Serverless::Function" else { continue }
      let what = "Resources.\(resource.key)"
      let properties = resource.value["Properties"]
      func property(_ name: String) -> YAMLNode? { properties?[name] ?? globals?[name] }
      let handlerNode = property("Handler")
      let runtimeName = property("Runtime").flatMap { samText($0) }
      let isProvided = runtimeName.map { $0.hasPrefix("provided") } ?? false
      guard let handler = handlerNode.flatMap({ samText($0) }) ?? (isProvided ? "bootstrap" : nil)
      else {
        problem(resource, "\(what) has no Handler; add 'Handler: app.handler' to its Properties")
        continue
      }
      if let image = properties?["PackageType"]?.string, image == "Image" {
        problem(
          resource,
          "\(what) is a container image function; the local gateway runs zip "
            + "functions (CodeUri + Handler)")
        continue
      }
      let codeRoot = property("CodeUri").flatMap { samText($0) } ?? "."
      guard
        let resolved = resolveHandler(
          handler, codeRoot: codeRoot, runtimeName: runtimeName, runtimeNode: property("Runtime"),
          at: handlerNode ?? resource.value, what: "\(what).Handler")
      else {
        // The events are still read, so that their problems are reported in the same run.
        for event in properties?["Events"]?.entries ?? [] {
          _ = samRoute(
            event, function: resource.key, what: "\(what).Events.\(event.key)",
            restCORS: restCORS, httpCORS: httpCORS)
        }
        continue
      }
      var environment: [String: String] = [:]
      for source in [globals, properties] {
        for entry in source?["Environment"]?["Variables"]?.entries ?? [] {
          if let text = samText(entry.value) {
            environment[entry.key] = text
          } else {
            problem(entry.value, "environment variable \(entry.key) should be text")
          }
        }
      }
      let deployed =
        property("FunctionName").flatMap { samText($0) } ?? "\(stackName)-\(resource.key)"
      let configuration = FunctionConfiguration(
        name: deployed, codePath: resolved.codePath, handler: resolved.handler,
        runtime: resolved.runtime, timeout: Self.double(property("Timeout")) ?? 3,
        memoryMB: Self.int(property("MemorySize")) ?? 128, environment: environment)
      functions.append(
        APIFunction(
          name: resource.key, deployedName: deployed, configuration: configuration,
          handlerFile: resolved.file, line: resource.keyLine))
      for event in properties?["Events"]?.entries ?? [] {
        if let route = samRoute(
          event, function: resource.key, what: "\(what).Events.\(event.key)",
          restCORS: restCORS, httpCORS: httpCORS)
        {
          routes.append(route)
        }
      }
    }
    if functions.isEmpty && problems.isEmpty {
      problem(root["Resources"], "no AWS::Serverless::Function in Resources; add one")
    }
    return APITemplate(
      kind: .sam, file: file, name: stackName, stage: "Prod", functions: functions,
      routes: routes, binaryMediaTypes: binaryTypes)
  }

  /// The route of one `Events` entry, or nil for other event types and problems.
  mutating func samRoute(
    _ event: YAMLEntry, function: String, what: String, restCORS: CORSConfiguration?,
    httpCORS: CORSConfiguration?
  ) -> APIRoute? {
    guard let typeNode = event.value["Type"], let type = typeNode.string else {
      problem(event, "\(what) needs a 'Type:' (Api or HttpApi)")
      return nil
    }
    let properties = event.value["Properties"]
    switch type {
    case "Api", "HttpApi":
      let api: APIKind = type == "Api" ? .rest : .http
      let pathText = properties?["Path"].flatMap { samText($0) }
      let methodText = properties?["Method"].flatMap { samText($0) }
      var path = "$default"
      var method = "ANY"
      if api == .rest || pathText != nil || methodText != nil {
        guard let pathText, let routePath = Self.routePath(pathText) else {
          problem(properties ?? event.value, "\(what) needs 'Path:' (such as /hello)")
          return nil
        }
        guard let methodText else {
          problem(properties ?? event.value, "\(what) needs 'Method:' (such as get)")
          return nil
        }
        path = routePath
        method = Self.method(methodText)
      }
      guard Self.methods.contains(method) else {
        problem(properties?["Method"], "unknown HTTP method '\(method)'")
        return nil
      }
      var cors = api == .rest ? restCORS : httpCORS
      let apiID = properties?[api == .rest ? "RestApiId" : "ApiId"]
      if let apiID, let name = apiID.string {
        let resource = root["Resources"]?[name]?["Properties"]
        cors =
          api == .rest
          ? samRESTCORS(resource?["Cors"]) ?? cors
          : samHTTPCORS(resource?["CorsConfiguration"]) ?? cors
      }
      var payload = api == .rest ? "1.0" : "2.0"
      if api == .http, let version = properties?["PayloadFormatVersion"].flatMap({ samText($0) }) {
        payload = version
      }
      let timeout = Self.double(properties?["TimeoutInMillis"]).map { $0 / 1000 }
      return APIRoute(
        method: method, path: path, function: function, api: api, payloadVersion: payload,
        cors: cors, integrationTimeout: timeout.map { min($0, api == .rest ? 29 : 30) },
        line: event.keyLine, column: event.keyColumn)
    default:
      if Self.otherSAMEvents.contains(type) {
        notes.append("\(what): '\(type)' events are not API routes")
        return nil
      }
      problem(
        typeNode,
        "unknown event type '\(type)'; the API front serves 'Api' (REST API) and 'HttpApi' "
          + "(HTTP API) events")
      return nil
    }
  }

  /// `Globals.Api.Cors` or an `AWS::Serverless::Api`'s `Cors`: `"'origin'"` or
  /// `{AllowOrigin, AllowMethods, AllowHeaders, MaxAge, AllowCredentials}` whose values are
  /// quoted inside the string, as SAM writes them.
  mutating func samRESTCORS(_ node: YAMLNode?) -> CORSConfiguration? {
    guard let node, !node.isNull else { return nil }
    func unquoted(_ value: YAMLNode?) -> String? {
      value.flatMap { samText($0) }.map { Self.unquote($0) }
    }
    func list(_ value: YAMLNode?) -> [String]? {
      unquoted(value)?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
    if let origin = unquoted(node), node.entries == nil {
      return CORSConfiguration(allowOrigins: [origin])
    }
    guard node.entries != nil else {
      problem(node, "Cors is an origin such as \"'*'\" or a mapping (AllowOrigin ...)")
      return nil
    }
    var cors = CORSConfiguration()
    if let origin = unquoted(node["AllowOrigin"]) { cors.allowOrigins = [origin] }
    if let methods = list(node["AllowMethods"]) { cors.allowMethods = methods }
    if let headers = list(node["AllowHeaders"]) { cors.allowHeaders = headers }
    cors.maxAge = unquoted(node["MaxAge"]).flatMap { Int($0) }
    cors.allowCredentials = node["AllowCredentials"]?.bool ?? false
    return cors
  }

  /// `Globals.HttpApi.CorsConfiguration`: `true` or `{AllowOrigins, AllowMethods,
  /// AllowHeaders, ExposeHeaders, AllowCredentials, MaxAge}`.
  mutating func samHTTPCORS(_ node: YAMLNode?) -> CORSConfiguration? {
    guard let node, !node.isNull else { return nil }
    if let flag = node.bool { return flag ? CORSConfiguration(allowHeaders: ["*"]) : nil }
    guard node.entries != nil else {
      problem(node, "CorsConfiguration is true or a mapping (AllowOrigins, AllowMethods ...)")
      return nil
    }
    var cors = CORSConfiguration(allowHeaders: [])
    if let origins = stringList(node["AllowOrigins"]) { cors.allowOrigins = origins }
    if let methods = stringList(node["AllowMethods"]) { cors.allowMethods = methods }
    if let headers = stringList(node["AllowHeaders"]) { cors.allowHeaders = headers }
    if let expose = stringList(node["ExposeHeaders"]) { cors.exposeHeaders = expose }
    cors.allowCredentials = node["AllowCredentials"]?.bool ?? false
    cors.maxAge = Self.int(node["MaxAge"])
    return cors
  }

  /// The text of a SAM value: plain text, or `!Ref`, `!Sub`, `!Join` worked out locally
  /// (parameters take their defaults; pseudo parameters have local values).
  mutating func samText(_ node: YAMLNode, depth: Int = 0) -> String? {
    guard depth < 10 else { return nil }
    switch node.tag {
    case nil, "!!str":
      if node.tag == nil, let entries = node.entries, entries.count == 1,
        let entry = entries.first, entry.key.hasPrefix("Fn::") || entry.key == "Ref"
      {
        var tagged = entry.value
        tagged.tag = entry.key == "Ref" ? "!Ref" : "!" + entry.key.dropFirst(4)
        return samText(tagged, depth: depth + 1)
      }
      return node.string ?? (node.isNull ? nil : node.scalarText)
    case "!Ref":
      guard let name = node.string else { return nil }
      return samReference(name)
    case "!Sub":
      if let text = node.string { return substitute(text, variables: [:]) }
      if let items = node.items, let text = items.first?.string {
        var variables: [String: String] = [:]
        for entry in items.dropFirst().first?.entries ?? [] {
          variables[entry.key] = samText(entry.value, depth: depth + 1) ?? ""
        }
        return substitute(text, variables: variables)
      }
      return nil
    case "!Join":
      guard let items = node.items, items.count == 2, let separator = items[0].scalarText,
        let parts = items[1].items
      else { return nil }
      return parts.map { samText($0, depth: depth + 1) ?? "" }.joined(separator: separator)
    case "!GetAtt":
      return node.string.map { "arn:aws:local:::\($0)" }
    default:
      notes.append(
        "\(file):\(node.line): \(node.tag ?? "") is not evaluated locally; the value is left "
          + "empty")
      return ""
    }
  }

  /// What `!Ref name` gives: a parameter's default, a pseudo parameter, or a resource's name.
  func samReference(_ name: String) -> String {
    switch name {
    case "AWS::Region": return "us-east-1"
    case "AWS::AccountId": return "123456789012"
    case "AWS::StackName": return stackName
    case "AWS::Partition": return "aws"
    case "AWS::URLSuffix": return "amazonaws.com"
    default:
      if let parameter = root["Parameters"]?[name] {
        return parameter["Default"]?.scalarText ?? ""
      }
      return name
    }
  }

  /// `!Sub` text with `${Name}` replaced (`${!Literal}` stays as `${Literal}`).
  func substitute(_ text: String, variables: [String: String]) -> String {
    var output = ""
    var rest = Substring(text)
    while let start = rest.range(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}")
    {
      output += rest[..<start.lowerBound]
      let name = String(rest[start.upperBound..<end])
      if name.hasPrefix("!") {
        output += "${" + name.dropFirst() + "}"
      } else if let value = variables[name] {
        output += value
      } else if name.contains(".") {
        output += "arn:aws:local:::\(name)"
      } else {
        output += samReference(name)
      }
      rest = rest[rest.index(after: end)...]
    }
    return output + rest
  }
}
