import Foundation
import HTTP
import Testing

@testable import LocalAWS

/// `InvocationType: Event` on the local endpoint goes through LambdaRuntime's AsyncInvoker:
/// retries as configured with PutFunctionEventInvokeConfig, records to destinations kept in
/// the `/lambdalings/destinations` log group.
@Suite struct AsyncInvokeTests {
  static let code = """
    def lambda_handler(event, context):
        print("attempt for", event.get("id"))
        if event.get("fail"):
            raise ValueError("cannot ship " + event["id"])
        return {"shipped": event["id"]}
    """

  private func create(_ client: HTTPClient, name: String) {
    let zip = LocalAWSTestServer.storedZip([("lambda_function.py", Self.code)])
    let body: [String: Any] = [
      "FunctionName": name, "Runtime": "python3.12", "Role": "r",
      "Handler": "lambda_function.lambda_handler",
      "Code": ["ZipFile": Data(zip).base64EncodedString()],
    ]
    #expect(
      client.send("POST", "/2015-03-31/functions", body: JSONBody.encode(body))?.status == 201)
  }

  /// The messages of a log group's events, polled until `count` are there (or 30 s passed).
  private func events(_ client: HTTPClient, group: String, count: Int) -> [String] {
    let deadline = Date().addingTimeInterval(30)
    var messages: [String] = []
    while Date() < deadline {
      let response = client.send(
        "POST", "/", headers: [("X-Amz-Target", "Logs_20140328.FilterLogEvents")],
        body: JSONBody.encode(["logGroupName": group]))
      let object =
        response.flatMap { try? JSONSerialization.jsonObject(with: Data($0.body)) }
        as? [String: Any]
      let events = object?["events"] as? [[String: Any]] ?? []
      messages = events.compactMap { $0["message"] as? String }
      if messages.count >= count { break }
      Thread.sleep(forTimeInterval: 0.1)
    }
    return messages
  }

  @Test func failedEventIsRetriedThenRecordedOnFailure() throws {
    guard
      ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").contains(where: {
        FileManager.default.isExecutableFile(atPath: "\($0)/python3")
      }) == true
    else {
      print("skipped: python3 is not on PATH")
      return
    }
    let test = try LocalAWSTestServer()
    defer { test.stop() }
    let client = try test.client()
    create(client, name: "shipper")
    let config: [String: Any] = [
      "MaximumRetryAttempts": 1,
      "DestinationConfig": [
        "OnSuccess": ["Destination": "arn:aws:sqs:us-east-1:123456789012:shipped"],
        "OnFailure": ["Destination": "arn:aws:sns:us-east-1:123456789012:failed"],
      ],
    ]
    let put = client.send(
      "PUT", "/2019-09-25/functions/shipper/event-invoke-config", body: JSONBody.encode(config))
    #expect(put?.status == 200)
    let path = "/2015-03-31/functions/shipper/invocations"
    let event = [("X-Amz-Invocation-Type", "Event")]
    let failing = try #require(
      client.send("POST", path, headers: event, body: Array(#"{"id": "o-1", "fail": true}"#.utf8)))
    #expect(failing.status == 202)
    let requestID = try #require(failing.header("x-amzn-RequestId"))
    let passing = client.send("POST", path, headers: event, body: Array(#"{"id": "o-2"}"#.utf8))
    #expect(passing?.status == 202)
    let notJSON = client.send("POST", path, headers: event, body: Array("{nope".utf8))
    #expect(notJSON?.status == 400)
    #expect(notJSON?.header("x-amzn-ErrorType") == "InvalidRequestContentException")

    let failed = events(client, group: "/lambdalings/destinations", count: 2)
    #expect(failed.count == 2, "\(failed)")
    let records = failed.compactMap {
      (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
    }
    let failure = try #require(
      records.first {
        ($0["requestContext"] as? [String: Any])?["condition"] as? String == "RetriesExhausted"
      })
    let context = try #require(failure["requestContext"] as? [String: Any])
    #expect(context["requestId"] as? String == requestID)
    #expect(context["approximateInvokeCount"] as? Int == 2, "MaximumRetryAttempts 1")
    #expect(
      context["functionArn"] as? String
        == "arn:aws:lambda:us-east-1:123456789012:function:shipper:$LATEST")
    let response = failure["responseContext"] as? [String: Any]
    #expect(response?["functionError"] as? String == "Unhandled")
    let success = records.first {
      ($0["requestContext"] as? [String: Any])?["condition"] as? String == "Success"
    }
    #expect((success?["responsePayload"] as? [String: Any])?["shipped"] as? String == "o-2")
    // Both attempts ran on the function and wrote to its log group.
    let attempts = events(client, group: "/aws/lambda/shipper", count: 1).filter {
      $0.contains("attempt for o-1")
    }
    #expect(attempts.count == 2, "\(attempts)")
    let streams = client.send(
      "POST", "/", headers: [("X-Amz-Target", "Logs_20140328.DescribeLogStreams")],
      body: JSONBody.encode(["logGroupName": "/lambdalings/destinations"]))
    let names =
      ((streams.flatMap { try? JSONSerialization.jsonObject(with: Data($0.body)) }
      as? [String: Any])?["logStreams"] as? [[String: Any]])?.compactMap {
        $0["logStreamName"] as? String
      } ?? []
    #expect(Set(names) == ["sns:failed", "sqs:shipped"])
  }
}
