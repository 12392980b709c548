import LambdaRuntime
import YAML

/// `serverless.yml`: `service`, `provider`, `functions` with `http` and `httpApi` events.
extension TemplateReader {
  static let otherServerlessEvents: Set<String> = [
    "s3", "sqs", "sns", "schedule", "stream", "eventBridge", "cloudwatchEvent",
    "cloudwatchLog", "alb", "websocket", "iot", "iotFleetProvisioning", "alexaSkill",
    "alexaSmartHome", "cognitoUserPool", "msk", "kafka", "activemq", "rabbitmq",
  ]

  mutating func readServerless(stage requestedStage: String?) -> APITemplate {
    let provider = root["provider"]
    let service = serverlessText(root["service"], stage: requestedStage) ?? "service"
    let stage =
      serverlessText(provider?["stage"], stage: requestedStage) ?? requestedStage ?? "dev"
    let providerRuntime = serverlessText(provider?["runtime"], stage: stage)
    let providerMemory = Self.int(provider?["memorySize"]) ?? 1024
    let providerTimeout = Self.double(provider?["timeout"]) ?? 6
    let region = serverlessText(provider?["region"], stage: stage) ?? "us-east-1"
    let providerEnvironment = serverlessEnvironment(provider?["environment"], stage: stage)
    let httpAPI = provider?["httpApi"]
    let httpCORS = serverlessHTTPAPICORS(httpAPI?["cors"])
    let payload = serverlessText(httpAPI?["payload"], stage: stage) ?? "2.0"
    if payload != "1.0" && payload != "2.0" {
      problem(httpAPI?["payload"], "provider.httpApi.payload must be '1.0' or '2.0'")
    }
    var binaryTypes: [String] = []
    for item in provider?["apiGateway"]?["binaryMediaTypes"]?.items ?? [] {
      if let text = item.string { binaryTypes.append(text) }
    }

    var functions: [APIFunction] = []
    var routes: [APIRoute] = []
    guard let functionEntries = root["functions"]?.entries else {
      if let node = root["functions"] {
        problem(node, "'functions' should map names to functions (functions:\\n  hello: ...)")
      } else {
        problem(root, "no 'functions:' in serverless.yml; add at least one function")
      }
      return APITemplate(kind: .serverless, file: file, name: service, stage: stage)
    }
    for entry in functionEntries {
      let definition = entry.value
      let what = "functions.\(entry.key)"
      guard definition.entries != nil else {
        problem(entry.value, "\(what) should be a mapping with at least 'handler:'")
        continue
      }
      guard let handlerNode = definition["handler"],
        let handler = serverlessText(
          handlerNode, stage: stage)
      else {
        problem(entry, "\(what) has no 'handler:'; add one such as 'handler: handler.hello'")
        continue
      }
      let runtimeName = serverlessText(definition["runtime"], stage: stage) ?? providerRuntime
      let events = definition["events"]?.items ?? []
      guard
        let resolved = resolveHandler(
          handler, codeRoot: ".", runtimeName: runtimeName,
          runtimeNode: definition["runtime"] ?? provider?["runtime"], at: handlerNode,
          what: "\(what).handler")
      else {
        // The events are still read, so that their problems are reported in the same run.
        for event in events {
          _ = serverlessRoutes(
            event, function: entry.key, what: what, httpCORS: httpCORS, payload: payload,
            stage: stage)
        }
        continue
      }
      var environment = providerEnvironment
      for (key, value) in serverlessEnvironment(definition["environment"], stage: stage) {
        environment[key] = value
      }
      let deployed =
        serverlessText(definition["name"], stage: stage) ?? "\(service)-\(stage)-\(entry.key)"
      let configuration = FunctionConfiguration(
        name: deployed, codePath: resolved.codePath, handler: resolved.handler,
        runtime: resolved.runtime,
        timeout: Self.double(definition["timeout"]) ?? providerTimeout,
        memoryMB: Self.int(definition["memorySize"]) ?? providerMemory,
        environment: environment, region: region)
      functions.append(
        APIFunction(
          name: entry.key, deployedName: deployed, configuration: configuration,
          handlerFile: resolved.file, line: entry.keyLine))
      for event in events {
        routes += serverlessRoutes(
          event, function: entry.key, what: what, httpCORS: httpCORS, payload: payload,
          stage: stage)
      }
      if let events = definition["events"], events.items == nil, !events.isNull {
        problem(events, "\(what).events should be a list ('- httpApi: ...')")
      }
    }
    return APITemplate(
      kind: .serverless, file: file, name: service, stage: stage, functions: functions,
      routes: routes, binaryMediaTypes: binaryTypes)
  }

  /// The routes of one `events:` item.
  mutating func serverlessRoutes(
    _ event: YAMLNode, function: String, what: String, httpCORS: CORSConfiguration?,
    payload: String, stage: String
  ) -> [APIRoute] {
    guard let entries = event.entries, entries.count == 1, let entry = entries.first else {
      problem(event, "each item of \(what).events names one event type, such as '- httpApi: ...'")
      return []
    }
    switch entry.key {
    case "httpApi":
      let value = entry.value
      var method = "ANY"
      var path = "$default"
      if let text = serverlessText(value, stage: stage) {
        if text == "*" {
          path = "$default"
        } else {
          let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
          guard parts.count == 2 else {
            problem(value, "an httpApi event is 'METHOD /path' (such as 'GET /hello') or '*'")
            return []
          }
          method = Self.method(parts[0])
          path = parts[1]
        }
      } else if value.entries != nil {
        method = Self.method(serverlessText(value["method"], stage: stage) ?? "*")
        guard let text = serverlessText(value["path"], stage: stage) else {
          problem(value, "this httpApi event needs 'path:' (such as path: /hello)")
          return []
        }
        path = text
      } else {
        problem(value, "an httpApi event is 'METHOD /path' or a mapping with path and method")
        return []
      }
      guard path == "$default" || path == "*" || path.hasPrefix("/") else {
        problem(value, "an httpApi path starts with '/': write '/\(path)'")
        return []
      }
      if path == "*" { path = "$default" }
      guard Self.methods.contains(method) else {
        problem(
          value,
          "unknown HTTP method '\(method)'; use GET, POST, PUT, PATCH, DELETE, "
            + "HEAD, OPTIONS or '*'")
        return []
      }
      return [
        APIRoute(
          method: method, path: path, function: function, api: .http, payloadVersion: payload,
          cors: httpCORS, line: entry.keyLine, column: entry.keyColumn)
      ]
    case "http":
      let value = entry.value
      var method: String
      var pathText: String
      var cors: CORSConfiguration?
      if let text = serverlessText(value, stage: stage) {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
          problem(value, "an http event is 'METHOD path' (such as 'GET hello') or a mapping")
          return []
        }
        method = Self.method(parts[0])
        pathText = parts[1]
      } else if value.entries != nil {
        guard let path = serverlessText(value["path"], stage: stage) else {
          problem(value, "this http event needs 'path:' (such as path: hello)")
          return []
        }
        guard let methodText = serverlessText(value["method"], stage: stage) else {
          problem(value, "this http event needs 'method:' (such as method: get)")
          return []
        }
        method = Self.method(methodText)
        pathText = path
        cors = serverlessRESTCORS(value["cors"], method: method)
        if let integration = value["integration"]?.string,
          !["lambda-proxy", "aws_proxy", "aws-proxy"].contains(integration)
        {
          notes.append(
            "\(what): integration '\(integration)' is served as lambda-proxy locally")
        }
      } else {
        problem(value, "an http event is 'METHOD path' or a mapping with path and method")
        return []
      }
      guard let path = Self.routePath(pathText) else {
        problem(value, "'\(pathText)' is not a valid path; write it like items/{id}")
        return []
      }
      guard Self.methods.contains(method) else {
        problem(
          value,
          "unknown HTTP method '\(method)'; use get, post, put, patch, delete, "
            + "head, options or any")
        return []
      }
      let timeout = Self.double(value["timeout"]).map { min($0, 29) }
      return [
        APIRoute(
          method: method, path: path, function: function, api: .rest, payloadVersion: "1.0",
          cors: cors, integrationTimeout: timeout, line: entry.keyLine,
          column: entry.keyColumn)
      ]
    default:
      if Self.otherServerlessEvents.contains(entry.key) {
        notes.append(
          "\(what): the '\(entry.key)' event is not an API route; try it with "
            + "'lambdalings invoke --event-template'")
        return []
      }
      problem(
        entry,
        "unknown event type '\(entry.key)'; the API front serves 'httpApi' (HTTP API) and "
          + "'http' (REST API) events")
      return []
    }
  }

  /// `environment:` as text values (numbers and booleans become their text).
  mutating func serverlessEnvironment(_ node: YAMLNode?, stage: String) -> [String: String] {
    guard let node, !node.isNull else { return [:] }
    guard let entries = node.entries else {
      problem(node, "'environment' should map names to values (GREETING: Hi)")
      return [:]
    }
    var result: [String: String] = [:]
    for entry in entries {
      if let text = serverlessText(entry.value, stage: stage) {
        result[entry.key] = text
      } else if entry.value.isNull {
        result[entry.key] = ""
      } else {
        problem(entry.value, "environment variable \(entry.key) should be text")
      }
    }
    return result
  }

  /// `provider.httpApi.cors`: `true` or `{allowedOrigins, allowedHeaders, allowedMethods,
  /// allowCredentials, exposedResponseHeaders, maxAge}`.
  mutating func serverlessHTTPAPICORS(_ node: YAMLNode?) -> CORSConfiguration? {
    guard let node, !node.isNull else { return nil }
    if let flag = node.bool { return flag ? CORSConfiguration() : nil }
    guard node.entries != nil else {
      problem(node, "httpApi.cors is 'true' or a mapping (allowedOrigins, allowedMethods ...)")
      return nil
    }
    var cors = CORSConfiguration()
    if let origins = stringList(node["allowedOrigins"]) { cors.allowOrigins = origins }
    if let headers = stringList(node["allowedHeaders"]) { cors.allowHeaders = headers }
    if let methods = stringList(node["allowedMethods"]) { cors.allowMethods = methods }
    if let expose = stringList(node["exposedResponseHeaders"]) { cors.exposeHeaders = expose }
    cors.allowCredentials = node["allowCredentials"]?.bool ?? false
    cors.maxAge = Self.int(node["maxAge"])
    return cors
  }

  /// An `http` event's `cors`: `true` or `{origin(s), headers, allowCredentials, maxAge}`.
  mutating func serverlessRESTCORS(_ node: YAMLNode?, method: String) -> CORSConfiguration? {
    guard let node, !node.isNull else { return nil }
    if let flag = node.bool {
      return flag ? CORSConfiguration(allowMethods: ["OPTIONS", method]) : nil
    }
    guard node.entries != nil else {
      problem(node, "cors is 'true' or a mapping (origin, headers, allowCredentials)")
      return nil
    }
    var cors = CORSConfiguration(allowMethods: ["OPTIONS", method])
    if let origin = node["origin"]?.string { cors.allowOrigins = [origin] }
    if let origins = stringList(node["origins"]) { cors.allowOrigins = origins }
    if let headers = stringList(node["headers"]) { cors.allowHeaders = headers }
    cors.allowCredentials = node["allowCredentials"]?.bool ?? false
    cors.maxAge = Self.int(node["maxAge"])
    return cors
  }

  /// A list of text (or one text, or a comma-separated text).
  mutating func stringList(_ node: YAMLNode?) -> [String]? {
    guard let node, !node.isNull else { return nil }
    if let items = node.items { return items.compactMap(\.string) }
    if let text = node.string {
      return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
    problem(node, "expected a list of text here")
    return nil
  }
}
