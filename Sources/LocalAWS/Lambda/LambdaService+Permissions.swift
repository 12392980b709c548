import Foundation
import HTTP

/// AddPermission, GetPolicy and RemovePermission: the function's resource-based policy is
/// stored and shown as AWS shows it; nothing is enforced locally (there is no IAM here).
extension LambdaService {
  func addPermission(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, qualifier) = try parseName(
      parameters["name"] ?? "", qualifier: request.query("Qualifier"))
    let input = try JSONBody.object(request.body)
    guard let sid = input["StatementId"] as? String, !sid.isEmpty,
      let action = input["Action"] as? String, let principal = input["Principal"] as? String
    else { throw .invalid("StatementId, Action and Principal are required") }
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, qualifier: qualifier, in: guarded)
      var permissions = function.permissions ?? [:]
      guard permissions[sid] == nil else {
        throw .conflict(
          "The statement id (\(sid)) provided already exists. Please provide a "
            + "new statement id, or remove the existing statement.")
      }
      var statement: [String: Any] = [
        "Sid": sid, "Effect": "Allow", "Action": action,
        "Resource": functionARN(name, qualifier: qualifier),
        "Principal": principal.contains(".") ? ["Service": principal] : ["AWS": principal],
      ]
      if let source = input["SourceArn"] as? String {
        statement["Condition"] = ["ArnLike": ["AWS:SourceArn": source]]
      }
      let text = String(decoding: JSONBody.encode(statement), as: UTF8.self)
      permissions[sid] = text
      let previous = guarded.state
      function.permissions = permissions
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      return LambdaService.json(201, ["Statement": text])
    }
  }

  func getPolicy(_ request: HTTPRequest, _ parameters: [String: String]) throws(AWSError)
    -> HTTPResponse
  {
    let (name, _) = try parseName(parameters["name"] ?? "")
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      let function = try existing(name, in: guarded)
      let statements = (function.permissions ?? [:]).keys.sorted().compactMap { sid in
        function.permissions?[sid].flatMap { try? JSONBody.object(Array($0.utf8)) }
      }
      guard !statements.isEmpty else {
        throw .notFound("The resource you requested does not exist.")
      }
      let policy: [String: Any] = [
        "Version": "2012-10-17", "Id": "default", "Statement": statements,
      ]
      return LambdaService.json(
        200,
        [
          "Policy": String(decoding: JSONBody.encode(policy), as: UTF8.self),
          "RevisionId": function.latest.revisionID,
        ])
    }
  }

  func removePermission(_ request: HTTPRequest, _ parameters: [String: String])
    throws(AWSError) -> HTTPResponse
  {
    let (name, _) = try parseName(parameters["name"] ?? "")
    let sid = parameters["sid"] ?? ""
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, in: guarded)
      guard function.permissions?[sid] != nil else {
        throw .notFound("Statement \(sid) is not found in resource policy.")
      }
      let previous = guarded.state
      function.permissions?[sid] = nil
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      return HTTPResponse(status: 204)
    }
  }

  func deleteProvisioned(_ request: HTTPRequest, _ parameters: [String: String])
    throws(AWSError) -> HTTPResponse
  {
    let (name, qualifier) = try parseName(
      parameters["name"] ?? "", qualifier: request.query("Qualifier"))
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, qualifier: qualifier, in: guarded)
      guard let qualifier, function.provisioned[qualifier] != nil else {
        throw AWSError(
          status: 404, type: "ProvisionedConcurrencyConfigNotFoundException",
          message: "No Provisioned Concurrency Config found for this function")
      }
      let version = function.resolve(qualifier)?.version
      let previous = guarded.state
      function.provisioned[qualifier] = nil
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      if let version { retire(name, version: version, in: &guarded) }
      return HTTPResponse(status: 204)
    }
  }

  func deleteEventInvokeConfig(_ request: HTTPRequest, _ parameters: [String: String])
    throws(AWSError) -> HTTPResponse
  {
    let (name, qualifier) = try parseName(
      parameters["name"] ?? "", qualifier: request.query("Qualifier"))
    return try locked { (guarded: inout Guarded) throws(AWSError) -> HTTPResponse in
      var function = try existing(name, qualifier: qualifier, in: guarded)
      let previous = guarded.state
      function.eventInvokeConfigs[qualifier ?? "$LATEST"] = nil
      guarded.state.functions[name] = function
      try commit(previous, to: &guarded)
      return HTTPResponse(status: 204)
    }
  }
}
