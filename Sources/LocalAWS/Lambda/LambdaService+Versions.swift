import Foundation
import HTTP

/// PublishVersion, ListVersionsByFunction and the alias operations.
extension LambdaService {
  /// Publishes $LATEST as the next version, or returns the last one when nothing changed.
  func publish(_ function: inout FunctionState, description: String) -> String {
    let last = String(function.lastVersion)
    // As on AWS, nothing is published when code and configuration have not changed since the
    // last version: its number comes back instead.
    if let current = function.versions[last], current.sameContent(as: function.latest) {
      return last
    }
    function.lastVersion += 1
    var version = function.latest
    if !description.isEmpty { version.description = description }
    version.revisionID = LambdaService.revision()
    let number = String(function.lastVersion)
    function.versions[number] = version
    return number
  }

  func publishVersion(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, _) = try parseName(parameters["name"] ?? "")
    let input = try JSONBody.object(request.body)
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, in: guarded)
      if let expected = input["CodeSha256"] as? String, expected != function.latest.codeSha256 {
        throw .invalid(
          "CodeSHA256 (\(expected)) is different from current CodeSHA256 in $LATEST "
            + "(\(function.latest.codeSha256)). Please try again with the CodeSHA256 in $LATEST.")
      }
      let previous = guarded.state
      let number = publish(&function, description: input["Description"] as? String ?? "")
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      return LambdaService.json(201, configuration(function, version: number))
    }
  }

  func listVersions(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, _) = try parseName(parameters["name"] ?? "")
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      let function = try existing(name, in: guarded)
      let numbers = function.versions.keys.sorted { Int($0) ?? 0 < Int($1) ?? 0 }
      let versions =
        [configuration(function, version: "$LATEST")]
        + numbers.map { configuration(function, version: $0) }
      return LambdaService.json(200, ["Versions": versions])
    }
  }

  private func aliasOutput(_ function: FunctionState, _ alias: String) -> [String: Any] {
    let state = function.aliases[alias]
    var output: [String: Any] = [
      "AliasArn": functionARN(function.name, qualifier: alias), "Name": alias,
      "FunctionVersion": state?.functionVersion ?? "", "Description": state?.description ?? "",
      "RevisionId": state?.revisionID ?? "",
    ]
    if let weights = state?.additionalWeights, !weights.isEmpty {
      output["RoutingConfig"] = ["AdditionalVersionWeights": weights]
    }
    return output
  }

  private func checkAliasName(_ alias: String) throws(AWSError) {
    guard LambdaService.isValidName(alias), Int(alias) == nil, alias.count <= 128 else {
      throw .invalid(
        "Alias name '\(alias)' is not valid: letters, digits, hyphens and underscores, not only "
          + "digits")
    }
  }

  func createAlias(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, _) = try parseName(parameters["name"] ?? "")
    let input = try JSONBody.object(request.body)
    guard let alias = input["Name"] as? String, let version = input["FunctionVersion"] as? String
    else { throw .invalid("Name and FunctionVersion are required") }
    try checkAliasName(alias)
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, in: guarded)
      guard version == "$LATEST" || function.versions[version] != nil else {
        throw .notFound("Function not found: \(functionARN(name, qualifier: version))")
      }
      guard version != "$LATEST" else {
        throw .invalid("An alias must point at a published version, not $LATEST; publish first")
      }
      guard function.aliases[alias] == nil else {
        throw .conflict("Alias already exists: \(functionARN(name, qualifier: alias))")
      }
      let weights = try routing(input, function, primary: version)
      let previous = guarded.state
      function.aliases[alias] = AliasState(
        functionVersion: version, description: input["Description"] as? String ?? "",
        revisionID: LambdaService.revision(), additionalWeights: weights)
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      return LambdaService.json(201, aliasOutput(function, alias))
    }
  }

  func getAlias(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, _) = try parseName(parameters["name"] ?? "")
    let alias = parameters["alias"] ?? ""
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      let function = try existing(name, in: guarded)
      guard function.aliases[alias] != nil else {
        throw .notFound("Cannot find alias arn: \(functionARN(name, qualifier: alias))")
      }
      return LambdaService.json(200, aliasOutput(function, alias))
    }
  }

  func updateAlias(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, _) = try parseName(parameters["name"] ?? "")
    let alias = parameters["alias"] ?? ""
    let input = try JSONBody.object(request.body)
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, in: guarded)
      guard var current = function.aliases[alias] else {
        throw .notFound("Cannot find alias arn: \(functionARN(name, qualifier: alias))")
      }
      if let expected = input["RevisionId"] as? String, expected != current.revisionID {
        throw .preconditionFailed
      }
      if let version = input["FunctionVersion"] as? String {
        guard function.versions[version] != nil else {
          throw .notFound("Function not found: \(functionARN(name, qualifier: version))")
        }
        current.functionVersion = version
      }
      if let description = input["Description"] as? String { current.description = description }
      if input["RoutingConfig"] != nil {
        current.additionalWeights = try routing(input, function, primary: current.functionVersion)
      }
      current.revisionID = LambdaService.revision()
      let previous = guarded.state
      function.aliases[alias] = current
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      retire(name, version: alias, in: &guarded)
      return LambdaService.json(200, aliasOutput(function, alias))
    }
  }

  func listAliases(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, _) = try parseName(parameters["name"] ?? "")
    let version = request.query("FunctionVersion")
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      let function = try existing(name, in: guarded)
      let aliases = function.aliases.keys.sorted()
        .filter { version == nil || function.aliases[$0]?.functionVersion == version }
        .map { aliasOutput(function, $0) }
      return LambdaService.json(200, ["Aliases": aliases])
    }
  }

  func deleteAlias(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, _) = try parseName(parameters["name"] ?? "")
    let alias = parameters["alias"] ?? ""
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, in: guarded)
      let previous = guarded.state
      function.aliases[alias] = nil
      function.provisioned[alias] = nil
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      retire(name, version: alias, in: &guarded)
      return HTTPResponse(status: 204)
    }
  }

  /// `RoutingConfig.AdditionalVersionWeights`: one other published version, weight 0-1.
  private func routing(_ input: [String: Any], _ function: FunctionState, primary: String)
    throws(AWSError) -> [String: Double]?
  {
    guard let config = input["RoutingConfig"] as? [String: Any],
      let weights = config["AdditionalVersionWeights"] as? [String: Any], !weights.isEmpty
    else { return nil }
    guard weights.count == 1, let (version, raw) = weights.first,
      let weight = (raw as? NSNumber)?.doubleValue, (0...1).contains(weight)
    else {
      throw .invalid("AdditionalVersionWeights takes one version with a weight between 0 and 1")
    }
    guard function.versions[version] != nil, version != primary else {
      throw .invalid(
        "Weighted routing needs two different published versions; \(version) is not one")
    }
    return [version: weight]
  }
}
