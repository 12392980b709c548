import LambdaRuntime
import SystemSupport

/// The API a `serverless.yml` or SAM `template.yaml` describes: its functions, its routes
/// and their CORS settings, with the template line each came from.
public struct APITemplate: Sendable, Equatable {
  /// Which kind of template the file was.
  public enum Kind: String, Sendable {
    case serverless = "serverless.yml"
    case sam = "SAM template"
  }

  public var kind: Kind
  /// The template file.
  public var file: AbsolutePath
  /// The service (serverless) or stack name (SAM, the folder name).
  public var name: String
  /// The stage shown in REST events' `requestContext.stage` (`dev`, `Prod` ...).
  public var stage: String
  public var functions: [APIFunction]
  public var routes: [APIRoute]
  /// Content types a REST API passes to the function base64-encoded (`binaryMediaTypes`).
  public var binaryMediaTypes: [String]
  /// Things the template declares that the local gateway leaves out (other event types ...).
  public var notes: [String]

  public init(
    kind: Kind, file: AbsolutePath, name: String, stage: String, functions: [APIFunction] = [],
    routes: [APIRoute] = [], binaryMediaTypes: [String] = [], notes: [String] = []
  ) {
    self.kind = kind
    self.file = file
    self.name = name
    self.stage = stage
    self.functions = functions
    self.routes = routes
    self.binaryMediaTypes = binaryMediaTypes
    self.notes = notes
  }

  /// The function named `name` (template key).
  public func function(named name: String) -> APIFunction? {
    functions.first { $0.name == name }
  }
}

/// One function of the template, ready for the local runtime.
public struct APIFunction: Sendable, Equatable {
  /// The template's key (`hello`, `HelloFunction`).
  public var name: String
  /// The name AWS would give it (`hello-world-dev-hello` for serverless).
  public var deployedName: String
  public var configuration: FunctionConfiguration
  /// The handler source file, watched for changes.
  public var handlerFile: AbsolutePath
  /// Where the function is declared.
  public var line: Int

  public init(
    name: String, deployedName: String, configuration: FunctionConfiguration,
    handlerFile: AbsolutePath, line: Int
  ) {
    self.name = name
    self.deployedName = deployedName
    self.configuration = configuration
    self.handlerFile = handlerFile
    self.line = line
  }
}

/// REST API (payload 1.0 events, `http` / `Api`) or HTTP API (`httpApi` / `HttpApi`).
public enum APIKind: String, Sendable, Equatable {
  case rest = "REST"
  case http = "HTTP"
}

/// One route: method and path (or `$default`), the function behind it and how it is called.
public struct APIRoute: Sendable, Equatable {
  /// `GET`, `POST` ... or `ANY`.
  public var method: String
  /// `/items/{id}`, `/{proxy+}`, or `$default`.
  public var path: String
  /// The template key of the function.
  public var function: String
  public var api: APIKind
  /// `1.0` or `2.0`.
  public var payloadVersion: String
  /// CORS as configured for this route's API, nil when not configured.
  public var cors: CORSConfiguration?
  /// Seconds the gateway waits for the function (29 REST, 30 HTTP API unless set lower).
  public var integrationTimeout: Double
  /// Where the route is declared.
  public var line: Int
  public var column: Int

  public init(
    method: String, path: String, function: String, api: APIKind, payloadVersion: String,
    cors: CORSConfiguration? = nil, integrationTimeout: Double? = nil, line: Int = 0,
    column: Int = 0
  ) {
    self.method = method
    self.path = path
    self.function = function
    self.api = api
    self.payloadVersion = payloadVersion
    self.cors = cors
    self.integrationTimeout = integrationTimeout ?? (api == .rest ? 29 : 30)
    self.line = line
    self.column = column
  }

  /// `GET /items/{id}` or `$default`, as HTTP API route keys are written.
  public var routeKey: String { path == "$default" ? "$default" : "\(method) \(path)" }
}

/// A CORS configuration, in HTTP API terms (REST settings map onto it).
public struct CORSConfiguration: Sendable, Equatable {
  public var allowOrigins: [String]
  public var allowMethods: [String]
  public var allowHeaders: [String]
  public var exposeHeaders: [String]
  public var allowCredentials: Bool
  public var maxAge: Int?

  /// The headers the Serverless Framework allows when `cors: true`.
  public static let defaultHeaders = [
    "Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token",
    "X-Amz-User-Agent", "X-Amzn-Trace-Id",
  ]

  public init(
    allowOrigins: [String] = ["*"], allowMethods: [String] = ["*"],
    allowHeaders: [String] = CORSConfiguration.defaultHeaders, exposeHeaders: [String] = [],
    allowCredentials: Bool = false, maxAge: Int? = nil
  ) {
    self.allowOrigins = allowOrigins
    self.allowMethods = allowMethods
    self.allowHeaders = allowHeaders
    self.exposeHeaders = exposeHeaders
    self.allowCredentials = allowCredentials
    self.maxAge = maxAge
  }
}
