import Testing

@testable import HTTP

@Suite struct HTTPRouterTests {
  private var router: HTTPRouter {
    var router = HTTPRouter()
    router.add("GET", "/2015-03-31/functions/{name}") { _, parameters in
      .text(200, "get \(parameters["name"] ?? "")")
    }
    router.add("POST", "/2015-03-31/functions/{name}/invocations") { _, parameters in
      .text(200, "invoke \(parameters["name"] ?? "")")
    }
    router.add("*", "/files/{path...}") { request, parameters in
      .text(200, "\(request.method) \(parameters["path"] ?? "")")
    }
    return router
  }

  private func answer(_ method: String, _ target: String) -> (Int, String) {
    let response = router.handle(HTTPRequest(method: method, target: target))
    return (response.status, String(decoding: response.body, as: UTF8.self))
  }

  @Test func parametersArePercentDecoded() {
    let (status, body) = answer(
      "GET", "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Ahello")
    #expect(status == 200)
    #expect(body == "get arn:aws:lambda:us-east-1:1:function:hello")
    #expect(answer("POST", "/2015-03-31/functions/f/invocations?x=1").1 == "invoke f")
  }

  @Test func restParametersTakeTheRemainingSegments() {
    #expect(answer("DELETE", "/files/a/b/c").1 == "DELETE a/b/c")
    #expect(answer("GET", "/files").0 == 404)
  }

  @Test func unknownPathsAre404AndWrongMethods405() {
    #expect(answer("GET", "/nothing").0 == 404)
    #expect(answer("DELETE", "/2015-03-31/functions/f/invocations").0 == 405)
    #expect(answer("GET", "/2015-03-31/functions/f/extra").0 == 404)
  }

  @Test func badPercentEscapesStayAsSent() {
    #expect(HTTPRequest.percentDecoded("a%zz") == nil)
    #expect(HTTPRequest(method: "GET", target: "/a%zz").pathSegments == ["a%zz"])
    #expect(HTTPRequest.percentDecoded("%24LATEST") == "$LATEST")
  }
}
