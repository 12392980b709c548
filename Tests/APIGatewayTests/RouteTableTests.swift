import Testing

@testable import APIGateway

@Suite struct RouteTableTests {
  func route(_ method: String, _ path: String, _ function: String = "f") -> APIRoute {
    APIRoute(method: method, path: path, function: function, api: .http, payloadVersion: "2.0")
  }

  @Test func mostSpecificRouteWins() throws {
    let table = RouteTable([
      route("ANY", "/{proxy+}", "greedy"), route("GET", "/items/{id}", "param"),
      route("GET", "/items/special", "literal"), route("ANY", "/items/{id}", "any"),
      route("ANY", "$default", "default"),
    ])
    #expect(table.match(method: "GET", path: "/items/special")?.route.function == "literal")
    #expect(table.match(method: "GET", path: "/items/42")?.route.function == "param")
    #expect(table.match(method: "DELETE", path: "/items/42")?.route.function == "any")
    #expect(table.match(method: "GET", path: "/other/a/b")?.route.function == "greedy")
    let greedy = try #require(table.match(method: "POST", path: "/x/y%20z"))
    #expect(greedy.pathParameters.map(\.1) == ["x/y z"])
    #expect(table.match(method: "GET", path: "/")?.route.function == "default")
  }

  @Test func pathParametersAreDecoded() throws {
    let table = RouteTable([route("GET", "/items/{id}/tags/{tag}")])
    let match = try #require(table.match(method: "GET", path: "/items/a%2Fb/tags/%C3%A9"))
    #expect(match.pathParameters.map(\.0) == ["id", "tag"])
    #expect(match.pathParameters.map(\.1) == ["a/b", "é"])
    #expect(table.match(method: "GET", path: "/items/a/tags") == nil)
    #expect(table.match(method: "POST", path: "/items/a/tags/b") == nil)
  }

  @Test func trailingSlashAndRoot() {
    let table = RouteTable([route("GET", "/hello"), route("GET", "/")])
    #expect(table.match(method: "GET", path: "/hello/")?.route.path == "/hello")
    #expect(table.match(method: "GET", path: "/")?.route.path == "/")
    #expect(table.match(method: "GET", path: "/nope") == nil)
  }

  @Test func routesForPathListsEveryMethod() {
    let table = RouteTable([route("GET", "/a"), route("POST", "/a"), route("GET", "/b")])
    #expect(table.routes(forPath: "/a").map(\.method).sorted() == ["GET", "POST"])
  }
}

/// The route table `serve` prints: a table when it fits the terminal, two lines a route when not.
@Suite struct RouteTableLinesTests {
  @Test func tableOrTwoLinesARoute() throws {
    let folder = try TemplateFolder(files: [
      "serverless.yml": """
      service: shop
      provider:
        runtime: python3.12
        httpApi: {cors: true}
      functions:
        hello:
          handler: app.hello
          events:
            - httpApi: GET /hello
            - http: POST orders/{id}
      """,
      "app.py": TemplateFolder.helloPython,
    ])
    defer { folder.remove() }
    let gateway = APIGateway(template: try APITemplate.load(file: folder.file("serverless.yml")))
    defer { gateway.shutdown() }
    let table = gateway.routeTableLines()
    #expect(
      table == [
        "METHOD  PATH          FUNCTION  API          PAYLOAD",
        "GET     /hello        hello     HTTP (CORS)  2.0",
        "POST    /orders/{id}  hello     REST         1.0",
      ])
    #expect(gateway.routeTableLines(width: table[0].count) == table)
    #expect(
      gateway.routeTableLines(width: table[0].count - 1) == [
        "GET /hello -> hello", "  HTTP API, CORS, payload 2.0",
        "POST /orders/{id} -> hello", "  REST API, payload 1.0",
      ])
  }
}
