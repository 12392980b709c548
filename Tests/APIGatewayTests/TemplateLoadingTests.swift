import Foundation
import Testing

@testable import APIGateway

@Suite struct TemplateLoadingTests {
  @Test func serverlessWithHTTPAPIAndRESTEvents() throws {
    let folder = try TemplateFolder(files: [
      "serverless.yml": """
      service: hello-world
      provider:
        name: aws
        runtime: python3.12
        stage: ${opt:stage, 'dev'}
        memorySize: 256
        timeout: 10
        environment:
          GREETING: Hi
          STAGE: ${self:provider.stage}
        httpApi:
          cors: true
      functions:
        hello:
          handler: handler.hello
          events:
            - httpApi:
                path: /hello
                method: get
            - httpApi: 'POST /hello'
        items:
          handler: src/items.handler
          timeout: 5
          environment:
            TABLE: items-${sls:stage}
          events:
            - http:
                path: items/{id}
                method: get
                cors: true
            - http: ANY proxy/{proxy+}
      """,
      "handler.py": TemplateFolder.helloPython,
      "src/items.py": "def handler(event, context):\n    return {}\n",
    ])
    defer { folder.remove() }
    let template = try APITemplate.load(file: folder.file("serverless.yml"), environment: [:])
    #expect(template.kind == .serverless)
    #expect(template.name == "hello-world")
    #expect(template.stage == "dev")
    let hello = try #require(template.function(named: "hello"))
    #expect(hello.deployedName == "hello-world-dev-hello")
    #expect(hello.configuration.memoryMB == 256)
    #expect(hello.configuration.timeout == 10)
    #expect(hello.configuration.environment == ["GREETING": "Hi", "STAGE": "dev"])
    #expect(hello.configuration.handler == "handler.hello")
    #expect(hello.configuration.runtime == .python)
    #expect(hello.handlerFile.string.hasSuffix("/handler.py"))
    let items = try #require(template.function(named: "items"))
    #expect(items.configuration.codePath.string.hasSuffix("/src"))
    #expect(items.configuration.handler == "items.handler")
    #expect(items.configuration.timeout == 5)
    #expect(items.configuration.environment["TABLE"] == "items-dev")
    #expect(
      template.routes.map(\.routeKey) == [
        "GET /hello", "POST /hello", "GET /items/{id}", "ANY /proxy/{proxy+}",
      ])
    #expect(template.routes.map(\.api) == [.http, .http, .rest, .rest])
    #expect(template.routes.map(\.payloadVersion) == ["2.0", "2.0", "1.0", "1.0"])
    #expect(template.routes[0].cors?.allowOrigins == ["*"])
    #expect(template.routes[2].cors != nil)
    #expect(template.routes[3].cors == nil)
    #expect(template.routes[0].integrationTimeout == 30)
    #expect(template.routes[2].integrationTimeout == 29)
    #expect(template.routes[0].line == 17)
  }

  @Test func stageFromTheCallerAndEnvironmentVariables() throws {
    let folder = try TemplateFolder(files: [
      "serverless.yml": """
      service: svc
      provider:
        runtime: nodejs20.x
        stage: ${opt:stage, 'dev'}
        environment:
          HOME_DIR: ${env:HOME_DIR, '/none'}
          MISSING: ${env:NOPE, 'fallback'}
      functions:
        f:
          handler: index.handler
          events:
            - httpApi: '*'
      """,
      "index.mjs": "export const handler = async () => ({});\n",
    ])
    defer { folder.remove() }
    let template = try APITemplate.load(
      file: folder.file("serverless.yml"), environment: ["HOME_DIR": "/home/x"], stage: "prod")
    #expect(template.stage == "prod")
    let function = try #require(template.function(named: "f"))
    #expect(function.configuration.runtime == .nodejs)
    #expect(function.configuration.environment == ["HOME_DIR": "/home/x", "MISSING": "fallback"])
    #expect(function.configuration.memoryMB == 1024)
    #expect(function.configuration.timeout == 6)
    #expect(template.routes.map(\.routeKey) == ["$default"])
  }

  @Test func samTemplateWithGlobalsAndBothAPIs() throws {
    let folder = try TemplateFolder(files: [
      "template.yaml": """
      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        Stage:
          Type: String
          Default: test
      Globals:
        Function: &defaults
          Runtime: python3.12
          Timeout: 10
          MemorySize: 256
          Environment:
            Variables:
              STAGE: !Ref Stage
        Api:
          Cors:
            AllowOrigin: "'https://example.com'"
            AllowMethods: "'GET,POST'"
        HttpApi:
          CorsConfiguration:
            AllowOrigins: ['*']
            AllowMethods: [GET]
      Resources:
        HelloFunction:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: src/
            Handler: app.lambda_handler
            Environment:
              Variables:
                TABLE: !Sub '${AWS::StackName}-items-${Stage}'
            Events:
              Rest:
                Type: Api
                Properties:
                  Path: /hello
                  Method: get
              Http:
                Type: HttpApi
                Properties:
                  Path: /items/{id}
                  Method: ANY
                  TimeoutInMillis: 2000
              Everything:
                Type: HttpApi
              Queue:
                Type: SQS
                Properties:
                  Queue: !GetAtt Q.Arn
      """,
      "src/app.py": "def lambda_handler(event, context):\n    return {}\n",
    ])
    defer { folder.remove() }
    let template = try APITemplate.load(file: folder.file("template.yaml"), environment: [:])
    #expect(template.kind == .sam)
    let function = try #require(template.function(named: "HelloFunction"))
    let stack = folder.path.name
    #expect(
      function.configuration.environment == ["STAGE": "test", "TABLE": "\(stack)-items-test"])
    #expect(function.configuration.timeout == 10)
    #expect(function.configuration.memoryMB == 256)
    #expect(function.configuration.handler == "app.lambda_handler")
    #expect(template.routes.map(\.routeKey) == ["GET /hello", "ANY /items/{id}", "$default"])
    #expect(template.routes[0].cors?.allowOrigins == ["https://example.com"])
    #expect(template.routes[0].cors?.allowMethods == ["GET", "POST"])
    #expect(template.routes[1].cors?.allowMethods == ["GET"])
    #expect(template.routes[1].integrationTimeout == 2)
    #expect(template.notes.contains { $0.contains("SQS") })
  }

  @Test func lessonTemplatesLoad() throws {
    // The chapter 4 SAM example, with its handler in src/.
    let folder = try TemplateFolder(files: [
      "template.yaml": """
      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function:
          Runtime: python3.12
          Timeout: 10
          MemorySize: 256
      Resources:
        HelloFunction:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: src/
            Handler: lambda_function.lambda_handler
            Architectures: [arm64]
            Events:
              HelloApi:
                Type: Api
                Properties:
                  Path: /hello
                  Method: get
      """,
      "src/lambda_function.py": "def lambda_handler(event, context):\n    return {}\n",
    ])
    defer { folder.remove() }
    let template = try APITemplate.load(file: folder.file("template.yaml"), environment: [:])
    #expect(template.routes.map(\.routeKey) == ["GET /hello"])
    #expect(APITemplate.find(in: folder.path) == folder.file("template.yaml"))
  }
}
