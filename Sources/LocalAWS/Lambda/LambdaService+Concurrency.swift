import Foundation
import HTTP

/// Reserved and provisioned concurrency, event invoke configuration and account settings.
extension LambdaService {
  /// The account's concurrency, as AWS's default quota.
  static let accountConcurrency = 1000
  /// Units that must stay unreserved.
  static let minimumUnreserved = 100

  func putConcurrency(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, _) = try parseName(parameters["name"] ?? "")
    let input = try JSONBody.object(request.body)
    guard let reserved = input["ReservedConcurrentExecutions"] as? Int, reserved >= 0 else {
      throw .invalid("ReservedConcurrentExecutions must be a whole number, 0 or more")
    }
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, in: guarded)
      let others = guarded.state.functions.values.filter { $0.name != name }
        .reduce(0) { $0 + ($1.reservedConcurrency ?? 0) }
      guard
        LambdaService.accountConcurrency - others - reserved >= LambdaService.minimumUnreserved
      else {
        throw .invalid(
          "Specified ReservedConcurrentExecutions for function decreases account's "
            + "UnreservedConcurrentExecution below its minimum value of "
            + "[\(LambdaService.minimumUnreserved)].")
      }
      if let provisioned = function.provisioned.values.max(), provisioned > reserved {
        throw .invalid(
          "ReservedConcurrentExecutions \(reserved) is below the provisioned concurrency "
            + "\(provisioned) of this function; lower the provisioned concurrency first")
      }
      let previous = guarded.state
      function.reservedConcurrency = reserved
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      retire(name, version: nil, in: &guarded)
      return LambdaService.json(200, ["ReservedConcurrentExecutions": reserved])
    }
  }

  func getConcurrency(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, _) = try parseName(parameters["name"] ?? "")
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      let function = try existing(name, in: guarded)
      guard let reserved = function.reservedConcurrency else {
        return LambdaService.json(200, [:])
      }
      return LambdaService.json(200, ["ReservedConcurrentExecutions": reserved])
    }
  }

  func deleteConcurrency(_ request: HTTPRequest, _ parameters: [String: String])
    throws(AWSError) -> HTTPResponse
  {
    let (name, _) = try parseName(parameters["name"] ?? "")
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, in: guarded)
      let previous = guarded.state
      function.reservedConcurrency = nil
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      retire(name, version: nil, in: &guarded)
      return HTTPResponse(status: 204)
    }
  }

  func putProvisioned(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, qualifier) = try parseName(
      parameters["name"] ?? "", qualifier: request.query("Qualifier"))
    let input = try JSONBody.object(request.body)
    guard let count = input["ProvisionedConcurrentExecutions"] as? Int, count >= 1 else {
      throw .invalid("ProvisionedConcurrentExecutions must be 1 or more")
    }
    guard let qualifier, qualifier != "$LATEST" else {
      throw .invalid(
        "Provisioned Concurrency Configs cannot be applied to unpublished function versions.")
    }
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, qualifier: qualifier, in: guarded)
      guard let (version, _) = function.resolve(qualifier) else {
        throw .notFound("Function not found: \(functionARN(name, qualifier: qualifier))")
      }
      if let reserved = function.reservedConcurrency, count > reserved {
        throw .invalid(
          "Requested Provisioned Concurrency \(count) exceeds the reserved concurrency "
            + "\(reserved) of the function")
      }
      let previous = guarded.state
      function.provisioned[qualifier] = count
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      retire(name, version: version, in: &guarded)
      return LambdaService.json(202, provisionedOutput(count))
    }
  }

  func getProvisioned(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, qualifier) = try parseName(
      parameters["name"] ?? "", qualifier: request.query("Qualifier"))
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      let function = try existing(name, qualifier: qualifier, in: guarded)
      guard let qualifier, let count = function.provisioned[qualifier] else {
        throw AWSError(
          status: 404, type: "ProvisionedConcurrencyConfigNotFoundException",
          message: "No Provisioned Concurrency Config found for this function")
      }
      return LambdaService.json(200, provisionedOutput(count))
    }
  }

  private func provisionedOutput(_ count: Int) -> [String: Any] {
    [
      "RequestedProvisionedConcurrentExecutions": count,
      "AvailableProvisionedConcurrentExecutions": count,
      "AllocatedProvisionedConcurrentExecutions": count, "Status": "READY",
      "LastModified": LambdaService.timestamp(),
    ]
  }

  func putEventInvokeConfig(_ request: HTTPRequest, _ parameters: [String: String])
    throws(AWSError) -> HTTPResponse
  {
    let (name, qualifier) = try parseName(
      parameters["name"] ?? "", qualifier: request.query("Qualifier"))
    var input = try JSONBody.object(request.body)
    if let retries = input["MaximumRetryAttempts"] as? Int, !(0...2).contains(retries) {
      throw .invalid("MaximumRetryAttempts must be between 0 and 2")
    }
    if let age = input["MaximumEventAgeInSeconds"] as? Int, !(60...21_600).contains(age) {
      throw .invalid("MaximumEventAgeInSeconds must be between 60 and 21600")
    }
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, qualifier: qualifier, in: guarded)
      guard function.resolve(qualifier) != nil else {
        throw .notFound("Function not found: \(functionARN(name, qualifier: qualifier))")
      }
      let key = qualifier ?? "$LATEST"
      if request.method == "POST", let stored = function.eventInvokeConfigs[key],
        let old = try? JSONBody.object(Array(stored.utf8))
      {
        input = old.merging(input) { _, new in new }
      }
      input["FunctionArn"] = functionARN(name, qualifier: key)
      input["LastModified"] = Date().timeIntervalSince1970
      let previous = guarded.state
      function.eventInvokeConfigs[key] = String(decoding: JSONBody.encode(input), as: UTF8.self)
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      return LambdaService.json(200, input)
    }
  }

  func getEventInvokeConfig(_ request: HTTPRequest, _ parameters: [String: String])
    throws(AWSError) -> HTTPResponse
  {
    let (name, qualifier) = try parseName(
      parameters["name"] ?? "", qualifier: request.query("Qualifier"))
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      let function = try existing(name, qualifier: qualifier, in: guarded)
      let key = qualifier ?? "$LATEST"
      guard let stored = function.eventInvokeConfigs[key] else {
        throw .notFound(
          "The function \(functionARN(name, qualifier: key)) doesn't have an "
            + "EventInvokeConfig")
      }
      return HTTPResponse(
        status: 200, headers: [("Content-Type", "application/json")], body: Array(stored.utf8))
    }
  }

  func accountSettings(_ request: HTTPRequest, _: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    try locked { (guarded: inout Guarded) -> HTTPResponse in
      let reserved = guarded.state.functions.values.reduce(0) { $0 + ($1.reservedConcurrency ?? 0) }
      let totalCode = guarded.state.functions.values.reduce(0) { total, function in
        total + function.latest.codeSize + function.versions.values.reduce(0) { $0 + $1.codeSize }
      }
      return LambdaService.json(
        200,
        [
          "AccountLimit": [
            "TotalCodeSize": 80_530_636_800, "CodeSizeUnzipped": LambdaLimits.maxUnzippedBytes,
            "CodeSizeZipped": LambdaLimits.maxZippedBytes,
            "ConcurrentExecutions": LambdaService.accountConcurrency,
            "UnreservedConcurrentExecutions": LambdaService.accountConcurrency - reserved,
          ],
          "AccountUsage": [
            "TotalCodeSize": totalCode, "FunctionCount": guarded.state.functions.count,
          ],
        ])
    }
  }
}
