import Foundation
import SystemSupport
import Testing

@testable import LambdaRuntime

@Suite struct RuntimeAPIServerTests {
  private let base = "/2018-06-01/runtime"

  private func invocation(_ id: String, event: String = "{\"a\":1}") -> RuntimeChannel.Invocation {
    RuntimeChannel.Invocation(
      requestID: id, event: Array(event.utf8), deadlineMs: 1_700_000_000_000,
      functionARN: "arn:aws:lambda:us-east-1:123456789012:function:f", traceID: "Root=1-a-b",
      clientContext: "{\"custom\":{}}", cognitoIdentity: nil)
  }

  private func server() throws -> (RuntimeAPIServer, RuntimeChannel) {
    let channel = RuntimeChannel()
    return (try RuntimeAPIServer(channel: channel), channel)
  }

  @Test func nextLongPollsThenDeliversEventWithHeaders() throws {
    let (server, channel) = try server()
    defer { server.stop() }
    let client = try RawHTTPClient(port: server.port)
    client.send("GET \(base)/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n")
    // The server is inside `next()` once init is over; with no event queued it must hold the
    // request open (a long poll) instead of answering.
    #expect(waitUntilInitIsOver(channel))
    #expect(!client.hasBytesWaiting(), "GET /next answered before an event was queued")
    channel.submit(invocation("req-1"))
    let response = try #require(client.readResponse())
    #expect(response.status == 200)
    #expect(response.body == "{\"a\":1}")
    #expect(response.headers["lambda-runtime-aws-request-id"] == "req-1")
    #expect(response.headers["lambda-runtime-deadline-ms"] == "1700000000000")
    #expect(
      response.headers["lambda-runtime-invoked-function-arn"]?.hasSuffix(":function:f") == true)
    #expect(response.headers["lambda-runtime-trace-id"] == "Root=1-a-b")
    #expect(response.headers["lambda-runtime-client-context"] == "{\"custom\":{}}")
    #expect(response.headers["lambda-runtime-cognito-identity"] == nil)
    #expect(response.headers["content-type"] == "application/json")
    if case .ready = channel.initState {} else { Issue.record("init should be over") }
  }

  /// Waits (on the channel's state, at most 10 s) until a `GET /next` has ended init.
  private func waitUntilInitIsOver(_ channel: RuntimeChannel) -> Bool {
    let over = channel.wait(until: ProcessClock.now() + 10_000_000_000) { state -> Bool? in
      state.initState == .running ? nil : true
    }
    return over == true
  }

  @Test func responseWithRightAndWrongRequestID() throws {
    let (server, channel) = try server()
    defer { server.stop() }
    let client = try RawHTTPClient(port: server.port)
    channel.submit(invocation("req-2"))
    _ = try #require(client.request("GET", "\(base)/invocation/next"))
    let again = try #require(client.request("GET", "\(base)/invocation/next"))
    #expect(again.status == 403)
    #expect(again.body.contains("InvalidStateTransition"))
    let wrong = try #require(client.request("POST", "\(base)/invocation/nope/response", body: [1]))
    #expect(wrong.status == 400)
    #expect(
      wrong.body == "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}")
    let right = try #require(
      client.request("POST", "\(base)/invocation/req-2/response", body: Array("42".utf8)))
    #expect(right.status == 202)
    #expect(right.body == "{\"status\":\"OK\"}")
    let completion = channel.takeCompletion(for: "req-2")
    #expect(completion == .response(body: Array("42".utf8), contentType: nil))
  }

  @Test func errorTypeComesFromHeaderOrBody() throws {
    let (server, channel) = try server()
    defer { server.stop() }
    let client = try RawHTTPClient(port: server.port)
    let body = Array("{\"errorMessage\":\"boom\",\"errorType\":\"ValueError\"}".utf8)
    for (id, header, expected) in [
      ("e1", nil, "ValueError"), ("e2", "Function.Custom", "Function.Custom"),
      ("e3", "Weird", "Runtime.Unknown"),
    ] as [(String, String?, String)] {
      channel.submit(invocation(id))
      _ = try #require(client.request("GET", "\(base)/invocation/next"))
      let headers = header.map { ["Lambda-Runtime-Function-Error-Type": $0] } ?? [:]
      let answer = client.request(
        "POST", "\(base)/invocation/\(id)/error", body: body, headers: headers)
      #expect(answer?.status == 202)
      let completion = channel.takeCompletion(for: id)
      #expect(completion == .error(body: body, errorType: expected))
    }
  }

  @Test func initErrorAcceptedOnlyDuringInit() throws {
    let (server, channel) = try server()
    defer { server.stop() }
    let client = try RawHTTPClient(port: server.port)
    // No User-Agent and no Content-Type, as some clients send it.
    client.send("POST \(base)/init/error HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}")
    #expect(client.readResponse()?.status == 202)
    #expect(channel.initState == .failed(body: Array("{}".utf8), errorType: "Function.Unknown"))
    let late = try #require(client.request("POST", "\(base)/init/error", body: Array("{}".utf8)))
    #expect(late.status == 403)
  }

  @Test func malformedRequestsGet400AndServerKeepsServing() throws {
    let (server, channel) = try server()
    defer { server.stop() }
    for garbage in [
      "GARBAGE\r\n\r\n", "get /x HTTP/1.1\r\n\r\n", "GET /x HTTP/9\r\n\r\n",
      "POST \(base)/init/error HTTP/1.1\r\nContent-Length: zz\r\n\r\n",
      "GET \(base)/invocation/next HTTP/1.1\r\nno colon here\r\n\r\n",
    ] {
      let client = try RawHTTPClient(port: server.port)
      client.send(garbage)
      let answer = client.readResponse()
      #expect(answer?.status == 400, "for \(garbage.debugDescription)")
      #expect(answer?.body.contains("InvalidRequest") == true)
    }
    let huge = try RawHTTPClient(port: server.port)
    huge.send("GET /" + String(repeating: "a", count: 70_000) + " HTTP/1.1\r\n\r\n")
    #expect(huge.readResponse()?.status == 400)
    let client = try RawHTTPClient(port: server.port)
    #expect(client.request("GET", "/nothing")?.status == 404)
    #expect(client.request("DELETE", "\(base)/invocation/next")?.status == 405)
    channel.submit(invocation("after"))
    #expect(client.request("GET", "\(base)/invocation/next")?.status == 200)
  }

  @Test func oversizedResponseGets413AndConnectionStaysUsable() throws {
    let (server, channel) = try server()
    defer { server.stop() }
    let client = try RawHTTPClient(port: server.port)
    channel.submit(invocation("big"))
    _ = try #require(client.request("GET", "\(base)/invocation/next"))
    let body = [UInt8](repeating: 65, count: RuntimeAPILimits.maxPayloadBytes + 1)
    let answer = try #require(client.request("POST", "\(base)/invocation/big/response", body: body))
    #expect(answer.status == 413)
    #expect(answer.body.contains("RequestEntityTooLarge"))
    #expect(channel.takeCompletion(for: "big") == .responseTooLarge)
    channel.submit(invocation("next-one"))
    let next = client.request("GET", "\(base)/invocation/next")
    #expect(next?.headers["lambda-runtime-aws-request-id"] == "next-one")
  }

  @Test func exactlyTheLimitIsAccepted() throws {
    let (server, channel) = try server()
    defer { server.stop() }
    let client = try RawHTTPClient(port: server.port)
    channel.submit(invocation("edge"))
    _ = try #require(client.request("GET", "\(base)/invocation/next"))
    let body = [UInt8](repeating: 65, count: RuntimeAPILimits.maxPayloadBytes)
    #expect(client.request("POST", "\(base)/invocation/edge/response", body: body)?.status == 202)
  }

  @Test func chunkedBodiesAreDecoded() throws {
    let (server, channel) = try server()
    defer { server.stop() }
    let client = try RawHTTPClient(port: server.port)
    channel.submit(invocation("chunky"))
    _ = try #require(client.request("GET", "\(base)/invocation/next"))
    client.send(
      "POST \(base)/invocation/chunky/response HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
    #expect(client.readResponse()?.status == 202)
    #expect(
      channel.takeCompletion(for: "chunky")
        == .response(body: Array("abcde".utf8), contentType: nil))
  }

  @Test func stopEndsLongPolls() throws {
    let (server, channel) = try server()
    let client = try RawHTTPClient(port: server.port)
    client.send("GET \(base)/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n")
    #expect(waitUntilInitIsOver(channel))
    server.stop()
    let answer = client.readResponse()
    #expect(answer == nil || answer?.status == 410)
  }
}

extension RuntimeAPIServerTests {
  @Test func expectContinueGetsAnInterimAnswer() throws {
    let channel = RuntimeChannel()
    let server = try RuntimeAPIServer(channel: channel)
    defer { server.stop() }
    let client = try RawHTTPClient(port: server.port)
    channel.submit(
      RuntimeChannel.Invocation(
        requestID: "cont", event: Array("{}".utf8), deadlineMs: 0, functionARN: "arn",
        traceID: "t", clientContext: nil, cognitoIdentity: nil))
    _ = try #require(client.request("GET", "/2018-06-01/runtime/invocation/next"))
    client.send(
      "POST /2018-06-01/runtime/invocation/cont/response HTTP/1.1\r\nContent-Length: 5\r\n"
        + "Expect: 100-continue\r\n\r\n")
    let interim = client.readResponse()
    #expect(interim?.status == 100)
    client.send("hello")
    #expect(client.readResponse()?.status == 202)
  }
}
