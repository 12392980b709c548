import Foundation
import HTTP
import LocalAWS
import SystemSupport
import Terminal

extension CommandSpec {
  /// `lambdalings serve`: a local AWS endpoint for the real AWS CLI and SDKs.
  static let serve = CommandSpec(
    name: "serve", abstract: "Run a local Lambda and CloudWatch Logs endpoint for the AWS CLI.",
    usage: "serve [--port N] [--host ADDRESS] [--api-port N] [--template FILE]",
    discussion: """
      Serves the Lambda API (2015-03-31) and CloudWatch Logs on http://127.0.0.1:3001 (the port
      of `sam local start-lambda`); --port 0 lets the system choose and prints the port. Point
      the AWS CLI or an SDK at it with --endpoint-url; any credentials are accepted and
      signatures are not checked, because this is a local tool for one learner.
      Functions, versions, aliases and logs are kept in the workspace (serve-state/), so they
      survive a restart. Only loopback addresses are used unless --host names another one.
      Ctrl-C stops the server and every function environment it started.
      Each request gets a line, and each invocation, when it ends, its log lines as CloudWatch
      has them (START, what the function printed, errors and tracebacks, END, REPORT) as one
      indented block; --quiet prints neither.
      With a serverless.yml or SAM template.yaml in the current folder (or --template FILE),
      its HTTP routes are also served as API Gateway would on http://127.0.0.1:3000
      (--api-port), for curl and browsers, CORS included; the server reloads when the
      template or a handler changes.
      """,
    options: ServeCommand.options, run: ServeCommand.run)
}

/// The `serve` command: binds the endpoint, prints how to use it, logs requests, stops cleanly.
enum ServeCommand {
  /// The default Lambda/Logs port, as `sam local start-lambda` uses.
  static let defaultPort = 3001

  static let options: [OptionSpec] = [
    OptionSpec(
      long: "port", short: "p", value: "N",
      help: "Port of the Lambda/Logs endpoint (default \(defaultPort); 0 picks a free one)."),
    OptionSpec(
      long: "host", value: "ADDRESS",
      help: "Address to bind (default 127.0.0.1; anything else must be given explicitly)."),
    OptionSpec(
      long: "quiet", short: "q",
      help: "Do not log requests, nor the functions' output (START, prints, errors, REPORT)."),
    OptionSpec(
      long: "api-port", value: "N",
      help: "Port of the API Gateway front (default \(ServeAPIFront.defaultPort); 0 picks one)."),
    OptionSpec(
      long: "template", value: "FILE",
      help: "serverless.yml or SAM template.yaml to serve (default: one in this folder)."),
    OptionSpec(
      long: "stage", value: "NAME", help: "Stage for ${opt:stage} in serverless.yml."),
  ]

  static func run(_ invocation: CommandRun) throws -> ExitCode {
    let args = invocation.args
    let port = try args.int("port", default: defaultPort, range: 0...65535)
    let host = try bindHost(args.value("host"), err: invocation.err)
    let quiet = args.flag("quiet")
    let out = invocation.out
    let apiPort = try args.int("api-port", default: ServeAPIFront.defaultPort, range: 0...65535)
    let templateFile = try ServeAPIFront.templateFile(
      flag: args.value("template"), currentDirectory: invocation.context.currentDirectory)
    let api = try templateFile.map {
      try ServeAPIFront(
        templateFile: $0, host: host, port: apiPort, stage: args.value("stage"), out: out,
        quiet: quiet)
    }
    // Each invocation's log lines as one block when it ends, as `sam local start-lambda` shows
    // its functions' output (a synchronous one comes just before its request line).
    let showLogs: @Sendable (FinishedInvocation) -> Void = { finished in
      out.write(ServeEndpoint.logBlock(finished, out: out))
    }
    // The API front listens already: every failure from here on stops it before it is told.
    let endpoint: ServeEndpoint
    let server: HTTPServer
    do {
      endpoint = try ServeEndpoint(
        workspace: invocation.context.workspacePath, onInvocation: quiet ? nil : showLogs)
      do {
        server = try HTTPServer(
          host: host, port: UInt16(port), limits: endpoint.limits,
          malformed: endpoint.malformed,
          handler: { request in
            let started = ProcessClock.now()
            let response = endpoint.handle(request)
            if !quiet {
              let elapsed = Double(ProcessClock.now() - started) / 1_000_000
              out.line(ServeCommand.logLine(request, response, milliseconds: elapsed))
            }
            return response
          })
      } catch let error as HTTPSocketError {
        endpoint.shutdown()
        throw listenFailure(
          error, what: "the Lambda endpoint", host: host, port: port, flag: "--port")
      }
    } catch {
      api?.stop()
      throw error
    }
    printBanner(server: server, endpoint: endpoint, out: out)
    if let api {
      api.printRoutes()
    } else {
      out.line(
        "No serverless.yml or template.yaml here: pass --template FILE to serve an API as well.")
    }
    server.waitUntilStopped()
    api?.stop()
    endpoint.shutdown()
    return ExitCode.success
  }

  /// The address to bind: loopback unless `--host` names another, which is allowed but warned.
  static func bindHost(_ flag: String?, err: OutputWriter) throws -> String {
    guard let flag else { return "127.0.0.1" }
    let host = flag == "localhost" ? "127.0.0.1" : flag
    var probe = in_addr()
    guard inet_pton(AF_INET, host, &probe) == 1 else {
      throw CLIError.usage(
        "--host must be an IPv4 address such as 127.0.0.1, got '\(flag)'")
    }
    if !host.hasPrefix("127.") {
      err.line(
        "warning: serving on \(host), not loopback: anyone who can reach this address can deploy"
          + " and run code as you, with no credentials checked. Use it only on a network you"
          + " trust.")
    }
    return host
  }

  /// Why `what` could not listen on `host:port`, and what to do: another port (`flag`), or
  /// stopping the program that holds this one.
  static func listenFailure(
    _ error: HTTPSocketError, what: String, host: String, port: Int, flag: String
  ) -> CLIError {
    if error.isAddressInUse {
      return .content(
        "serve could not start \(what): port \(port) on \(host) is in use by another program;"
          + " pass \(flag) N for another port (\(flag) 0 lets the system pick a free one), or"
          + " stop the other program (maybe an earlier 'lambdalings serve')")
    }
    return .content(
      "serve could not start \(what) on \(host):\(port): \(error.operation) failed: "
        + "\(error.reason); check --host (an address of this machine) and \(flag)")
  }

  /// One line per request: method, path, status, AWS operation and time.
  static func logLine(_ request: HTTPRequest, _ response: HTTPResponse, milliseconds: Double)
    -> String
  {
    let operation = response.header(ServeEndpoint.operationHeader) ?? "-"
    let time = String(format: "%.1f ms", milliseconds)
    return "\(request.method) \(request.path) \(response.status) \(operation) \(time)"
  }

  static func printBanner(server: HTTPServer, endpoint: ServeEndpoint, out: OutputWriter) {
    let url = "http://\(server.host):\(server.port)"
    let styler = out.styler
    // Commands are never wrapped by the wrapper or cut by the terminal: one line each when it
    // fits, else shell lines joined by a trailing backslash, which paste as one command.
    func command(_ text: String) {
      let lines = out.columns.map { CommandText.continued(text, width: $0) } ?? ["  " + text]
      for line in lines { out.write(styler.apply(line, .command) + "\n") }
    }
    out.line("Lambdalings local AWS listening on \(styler.apply(url, .emphasis))")
    // The folder is made with the first function, not by starting serve in a folder.
    let state = endpoint.stateDirectory
    let stateText =
      FileManager.default.fileExists(atPath: state.string)
      ? "state in \(state)" : "state kept in \(state) from the first function on"
    out.line("  Lambda API 2015-03-31 and CloudWatch Logs; \(stateText)")
    out.line("Use it from the AWS CLI by adding --endpoint-url to each command:")
    command("aws lambda list-functions --endpoint-url \(url)")
    out.line("or once for the shell (AWS CLI and SDKs that read AWS_ENDPOINT_URL):")
    command("export AWS_ENDPOINT_URL=\(url)")
    out.line("Any credentials work (signatures are not checked: a local tool). If you have none:")
    command("aws configure set aws_access_key_id local")
    command("aws configure set aws_secret_access_key local")
    command("aws configure set region us-east-1")
    out.line("AWS CLI version 2 reads --payload as base64 unless you also set:")
    command("aws configure set cli_binary_format raw-in-base64-out")
    out.line("Press Ctrl-C to stop.")
  }
}
