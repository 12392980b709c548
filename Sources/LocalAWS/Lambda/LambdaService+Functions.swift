import Foundation
import HTTP
import LambdaRuntime

/// CreateFunction, GetFunction, GetFunctionConfiguration, ListFunctions, UpdateFunctionCode,
/// UpdateFunctionConfiguration and DeleteFunction.
extension LambdaService {
  func createFunction(_ request: HTTPRequest, _: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    if request.bodyTooLarge { throw LambdaLimits.zipTooLarge("CreateFunction") }
    let input = try JSONBody.object(request.body)
    guard let rawName = input["FunctionName"] as? String else {
      throw .invalid("FunctionName is required")
    }
    let (name, qualifier) = try parseName(rawName)
    guard qualifier == nil else { throw .invalid("FunctionName must not carry a qualifier") }
    if (input["PackageType"] as? String) == "Image" {
      throw .invalid("Container images are not supported by lambdalings serve; upload a zip")
    }
    guard let runtime = input["Runtime"] as? String else {
      throw .invalid("Runtime is required for .zip file packages")
    }
    guard let role = input["Role"] as? String, !role.isEmpty else {
      throw .invalid("Role is required")
    }
    let code = try LambdaCode.store(from: input["Code"], operation: "CreateFunction", in: store)
    var version = VersionState(
      runtime: runtime, handler: (input["Handler"] as? String) ?? "", role: role,
      description: "", timeout: 3, memorySize: 128, ephemeralStorage: 512, environment: [:],
      codeSha256: code.sha256, codeID: code.id, codeSize: code.size,
      lastModified: LambdaService.timestamp(), revisionID: LambdaService.revision())
    try LambdaLimits.apply(input, to: &version, function: name)
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      guard guarded.state.functions[name] == nil else {
        throw .conflict("Function already exist: \(name)")
      }
      let previous = guarded.state
      var function = FunctionState(
        name: name, latest: version, versions: [:], lastVersion: 0, aliases: [:],
        reservedConcurrency: nil, provisioned: [:], eventInvokeConfigs: [:])
      var shown = "$LATEST"
      if input["Publish"] as? Bool == true {
        function.lastVersion = 1
        function.versions["1"] = version
        shown = "1"
      }
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      return LambdaService.json(201, configuration(function, version: shown))
    }
  }

  func getFunction(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, qualifier) = try parseName(
      parameters["name"] ?? "", qualifier: request.query("Qualifier"))
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      let function = try existing(name, qualifier: qualifier, in: guarded)
      guard let (version, versionState) = function.resolve(qualifier) else {
        throw .notFound("Function not found: \(functionARN(name, qualifier: qualifier))")
      }
      let host = request.header("Host") ?? "127.0.0.1"
      var output: [String: Any] = [
        "Configuration": configuration(function, version: version),
        "Code": [
          "RepositoryType": "S3",
          "Location": "http://\(host)/lambdalings/code/\(versionState.codeID).zip",
        ],
      ]
      if let reserved = function.reservedConcurrency {
        output["Concurrency"] = ["ReservedConcurrentExecutions": reserved]
      }
      return LambdaService.json(200, output)
    }
  }

  func getConfiguration(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, qualifier) = try parseName(
      parameters["name"] ?? "", qualifier: request.query("Qualifier"))
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      let function = try existing(name, qualifier: qualifier, in: guarded)
      guard let (version, _) = function.resolve(qualifier) else {
        throw .notFound("Function not found: \(functionARN(name, qualifier: qualifier))")
      }
      return LambdaService.json(200, configuration(function, version: version))
    }
  }

  func listFunctions(_ request: HTTPRequest, _: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let maxItems = min(max(Int(request.query("MaxItems") ?? "") ?? 50, 1), 50)
    let all = request.query("FunctionVersion") == "ALL"
    return try locked { (guarded: inout Guarded) -> HTTPResponse in
      var entries: [[String: Any]] = []
      for name in guarded.state.functions.keys.sorted() {
        guard let function = guarded.state.functions[name] else { continue }
        entries.append(configuration(function, version: "$LATEST"))
        if all {
          for number in function.versions.keys.sorted(by: { Int($0) ?? 0 < Int($1) ?? 0 }) {
            entries.append(configuration(function, version: number))
          }
        }
      }
      let start = min(max(Int(request.query("Marker") ?? "") ?? 0, 0), entries.count)
      let end = min(start + maxItems, entries.count)
      var output: [String: Any] = ["Functions": Array(entries[start..<end])]
      if end < entries.count { output["NextMarker"] = String(end) }
      return LambdaService.json(200, output)
    }
  }

  func updateCode(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    if request.bodyTooLarge { throw LambdaLimits.zipTooLarge("UpdateFunctionCode") }
    let (name, _) = try parseName(parameters["name"] ?? "")
    let input = try JSONBody.object(request.body)
    guard guarded.withLock({ guarded in guarded.state.functions[name] != nil }) else {
      throw .notFound("Function not found: \(functionARN(name))")
    }
    let code = try LambdaCode.store(from: input, operation: "UpdateFunctionCode", in: store)
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, in: guarded)
      if let expected = input["RevisionId"] as? String, expected != function.latest.revisionID {
        throw .preconditionFailed
      }
      let previous = guarded.state
      function.latest.codeSha256 = code.sha256
      function.latest.codeID = code.id
      function.latest.codeSize = code.size
      function.latest.lastModified = LambdaService.timestamp()
      function.latest.revisionID = LambdaService.revision()
      var shown = "$LATEST"
      if input["Publish"] as? Bool == true {
        shown = publish(&function, description: "")
      }
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      retire(name, version: "$LATEST", in: &guarded)
      return LambdaService.json(200, configuration(function, version: shown))
    }
  }

  func updateConfiguration(_ request: HTTPRequest, _ parameters: [String: String])
    throws(AWSError) -> HTTPResponse
  {
    let (name, _) = try parseName(parameters["name"] ?? "")
    let input = try JSONBody.object(request.body)
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, in: guarded)
      if let expected = input["RevisionId"] as? String, expected != function.latest.revisionID {
        throw .preconditionFailed
      }
      var version = function.latest
      if let runtime = input["Runtime"] as? String { version.runtime = runtime }
      if let handler = input["Handler"] as? String { version.handler = handler }
      if let role = input["Role"] as? String { version.role = role }
      try LambdaLimits.apply(input, to: &version, function: name)
      version.lastModified = LambdaService.timestamp()
      version.revisionID = LambdaService.revision()
      let previous = guarded.state
      function.latest = version
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      retire(name, version: "$LATEST", in: &guarded)
      return LambdaService.json(200, configuration(function, version: "$LATEST"))
    }
  }

  func deleteFunction(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, qualifier) = try parseName(
      parameters["name"] ?? "", qualifier: request.query("Qualifier"))
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, qualifier: qualifier, in: guarded)
      let previous = guarded.state
      if let qualifier, qualifier != "$LATEST" {
        guard function.versions[qualifier] != nil else {
          throw .notFound("Function not found: \(functionARN(name, qualifier: qualifier))")
        }
        if let alias = function.aliases.first(where: { $0.value.functionVersion == qualifier }) {
          throw .conflict(
            "Unable to delete version because the following aliases reference it: [\(alias.key)]")
        }
        function.versions[qualifier] = nil
        guarded.state.functions[name] = function
        try commit(previous, to: &guarded)
        retire(name, version: qualifier, in: &guarded)
      } else {
        guarded.state.functions[name] = nil
        try commit(previous, to: &guarded)
        retire(name, version: nil, in: &guarded)
      }
      return HTTPResponse(status: 204)
    }
  }

  /// The `FunctionConfiguration` shape of one version.
  func configuration(_ function: FunctionState, version: String) -> [String: Any] {
    let state =
      version == "$LATEST" ? function.latest : function.versions[version] ?? function.latest
    var output: [String: Any] = [
      "FunctionName": function.name,
      "FunctionArn": functionARN(function.name, qualifier: version == "$LATEST" ? nil : version),
      "Runtime": state.runtime, "Role": state.role, "Handler": state.handler,
      "CodeSize": state.codeSize, "Description": state.description, "Timeout": state.timeout,
      "MemorySize": state.memorySize, "LastModified": state.lastModified,
      "CodeSha256": state.codeSha256, "Version": version, "RevisionId": state.revisionID,
      "TracingConfig": ["Mode": "PassThrough"], "State": "Active",
      "LastUpdateStatus": "Successful", "PackageType": "Zip", "Architectures": ["x86_64"],
      "EphemeralStorage": ["Size": state.ephemeralStorage],
    ]
    var logging: [String: Any] = [
      "LogFormat": state.logging?.logFormat ?? "Text", "LogGroup": "/aws/lambda/\(function.name)",
    ]
    if let level = state.logging?.applicationLogLevel { logging["ApplicationLogLevel"] = level }
    if let level = state.logging?.systemLogLevel { logging["SystemLogLevel"] = level }
    output["LoggingConfig"] = logging
    if !state.environment.isEmpty {
      output["Environment"] = ["Variables": state.environment]
    }
    return output
  }

  /// Stops the runtime of one version (or of every version when nil), from inside `locked`.
  func retire(_ name: String, version: String?, in guarded: inout Guarded) {
    let keys = guarded.runtimes.keys.filter {
      version == nil ? $0.hasPrefix(name + "|") : $0 == name + "|" + (version ?? "")
    }
    for key in keys {
      let function = guarded.runtimes.removeValue(forKey: key)
      DispatchQueue.global().async { function?.shutdown() }
    }
  }
}

extension AWSError {
  static let preconditionFailed = AWSError(
    status: 412, type: "PreconditionFailedException",
    message: "The Revision Id provided does not match the latest Revision Id. "
      + "Call the GetFunction/GetAlias API to retrieve the latest Revision Id")
}
