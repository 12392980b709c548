import Foundation
import SystemSupport
import Testing

@testable import HTTP

@Suite struct HTTPServerTests {
  private func echoServer(limits: HTTPLimits = HTTPLimits()) throws -> HTTPServer {
    try HTTPServer(host: "127.0.0.1", port: 0, limits: limits) { request in
      if request.bodyTooLarge { return .text(413, "too large") }
      var response = HTTPResponse(status: 200, body: request.body)
      response.headers.append(("X-Method", request.method))
      response.headers.append(("X-Path", request.pathSegments.joined(separator: "|")))
      response.headers.append(("X-Query", request.query("q") ?? "-"))
      return response
    }
  }

  @Test func portZeroGetsARealPortAndAnswers() throws {
    let server = try echoServer()
    defer { server.stop() }
    #expect(server.port != 0)
    let client = try HTTPClient(port: server.port)
    let response = try #require(client.send("POST", "/a/b%20c?q=x+y%21", body: Array("hi".utf8)))
    #expect(response.status == 200)
    #expect(response.body == Array("hi".utf8))
    #expect(response.header("x-path") == "a|b c")
    #expect(response.header("X-Query") == "x y!")
  }

  @Test func keepAliveServesManyRequestsOnOneConnection() throws {
    let server = try echoServer()
    defer { server.stop() }
    let client = try HTTPClient(port: server.port)
    for index in 0..<50 {
      let response = try #require(client.send("PUT", "/n/\(index)", body: Array("\(index)".utf8)))
      #expect(String(decoding: response.body, as: UTF8.self) == "\(index)")
    }
    #expect(server.openConnections == 1)
  }

  @Test func chunkedBodiesAreReassembled() throws {
    let server = try echoServer()
    defer { server.stop() }
    let client = try HTTPClient(port: server.port)
    client.sendRaw(
      Array(
        ("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n").utf8))
    let response = try #require(client.readResponse())
    #expect(String(decoding: response.body, as: UTF8.self) == "hello world")
  }

  @Test func oversizedBodiesReachTheHandlerFlaggedAndTheConnectionSurvives() throws {
    let server = try echoServer(limits: HTTPLimits(maxBodyBytes: 10, maxDiscardBytes: 1000))
    defer { server.stop() }
    let client = try HTTPClient(port: server.port)
    let big = try #require(client.send("POST", "/big", body: Array(repeating: 65, count: 500)))
    #expect(big.status == 413)
    let small = try #require(client.send("POST", "/small", body: Array("ok".utf8)))
    #expect(small.status == 200)
    #expect(small.body == Array("ok".utf8))
  }

  @Test func absurdBodiesCloseTheConnectionAfterA413() throws {
    let server = try echoServer(limits: HTTPLimits(maxBodyBytes: 10, maxDiscardBytes: 100))
    defer { server.stop() }
    let client = try HTTPClient(port: server.port)
    client.sendRaw(Array("POST /x HTTP/1.1\r\nContent-Length: 999999999\r\n\r\nabc".utf8))
    let response = try #require(client.readResponse())
    #expect(response.status == 413)
    #expect(response.header("Connection") == "close")
  }

  @Test func malformedRequestsGet400AndTheServerLives() throws {
    let server = try echoServer()
    defer { server.stop() }
    let bad = [
      "GARBAGE\r\n\r\n", "get /x HTTP/1.1\r\n\r\n", "GET /x HTTP/9\r\n\r\n",
      "POST /x HTTP/1.1\r\nContent-Length: zz\r\n\r\n", "GET /x HTTP/1.1\r\nno colon\r\n\r\n",
      "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n7fffffffffffffff\r\nab\r\n",
    ]
    for text in bad {
      let client = try HTTPClient(port: server.port)
      client.sendRaw(Array(text.utf8))
      let response = try #require(client.readResponse(), "no answer to \(text.debugDescription)")
      #expect(response.status == 400 || response.status == 413, "\(text.debugDescription)")
    }
    let client = try HTTPClient(port: server.port)
    #expect(client.send("GET", "/alive")?.status == 200)
  }

  @Test func expectContinueGetsA100First() throws {
    let server = try echoServer()
    defer { server.stop() }
    let client = try HTTPClient(port: server.port)
    client.sendRaw(
      Array("POST /e HTTP/1.1\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n".utf8))
    let interim = try #require(client.readResponse())
    #expect(interim.status == 100)
    client.sendRaw(Array("abc".utf8))
    #expect(client.readResponse()?.body == Array("abc".utf8))
  }

  @Test func stopClosesConnectionsAndWakesWaiters() throws {
    let server = try echoServer()
    let client = try HTTPClient(port: server.port)
    #expect(client.send("GET", "/")?.status == 200)
    let waiter = Thread { server.waitUntilStopped() }
    waiter.start()
    server.stop()
    server.stop()
    server.waitUntilStopped()
    #expect(server.isStopped)
    #expect(client.send("GET", "/") == nil)
    #expect(throws: HTTPSocketError.self) { _ = try HTTPClient(port: server.port) }
  }

  @Test func aBusyPortIsAClearError() throws {
    let server = try echoServer()
    defer { server.stop() }
    do {
      _ = try HTTPServer(port: server.port) { _ in .text(200, "") }
      Issue.record("binding a busy port succeeded")
    } catch let error as HTTPSocketError {
      #expect(error.description.contains("another program uses that port"))
    }
  }

  @Test func silentConnectionsAreClosedAfterTheIdleTimeout() throws {
    let server = try HTTPServer(limits: HTTPLimits(idleTimeoutSeconds: 1)) { _ in .text(200, "") }
    defer { server.stop() }
    let client = try HTTPClient(port: server.port, timeoutSeconds: 10)
    #expect(client.send("GET", "/")?.status == 200)
    let started = Date()
    // The server gives up on the silent connection: the read sees the end of the stream.
    #expect(client.readResponse() == nil)
    #expect(Date().timeIntervalSince(started) < 8)
  }

  /// `stop` shuts down the connections it has open. A connection its thread had just closed
  /// must not be among them: the descriptor number may already belong to another socket of the
  /// process (here, a client of a second server), which would lose its answer. The window is
  /// a few instructions wide, so this samples it (each round stops at another moment) rather
  /// than hitting it every time; it also checks that servers coming and going beside a steady
  /// one leave the steady one answering.
  @Test func stoppingAServerLeavesOtherSocketsAlone() throws {
    let steady = try echoServer()
    defer { steady.stop() }
    let rounds = 200
    let unanswered = Locked(0)
    let done = Locked(false)
    let churn = Thread {
      for _ in 0..<rounds {
        guard let server = try? HTTPServer(port: 0, handler: { _ in .text(200, "") }) else {
          continue
        }
        if let client = try? HTTPClient(port: server.port, timeoutSeconds: 10) {
          _ = client.send("GET", "/")
        }
        // Stop at a different moment of the connection thread's close each round.
        Thread.sleep(forTimeInterval: Double.random(in: 0...0.0003))
        server.stop()
      }
      done.withLock { $0 = true }
    }
    churn.start()
    var requests = 0
    while !done.withLock({ $0 }) || requests < rounds {
      requests += 1
      let client = try HTTPClient(port: steady.port, timeoutSeconds: 10)
      if client.send("GET", "/\(requests)")?.status != 200 {
        unanswered.withLock { $0 += 1 }
      }
    }
    #expect(
      unanswered.withLock { $0 } == 0,
      "\(unanswered.withLock { $0 }) of \(requests) requests lost their connection")
  }

  @Test func noContentAnswersCarryNoBody() {
    let bytes = HTTPResponse(status: 204, body: Array("x".utf8)).serialized()
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text == "HTTP/1.1 204 No Content\r\n\r\n")
  }
}
