import Foundation
import LambdaRuntime
import SystemSupport

extension CommandSpec {
  /// `lambdalings invoke FILE [options]`: runs a handler on the local Lambda runtime.
  static let invoke = CommandSpec(
    name: "invoke", abstract: "Run a handler on the local Lambda runtime.",
    usage: "invoke FILE [--event FILE|-] [--event-template NAME] [options]",
    discussion: """
      FILE is a handler file (.py, .mjs, .js, bootstrap) or a code folder. The function's result
      goes to standard output exactly as returned; the logs go to standard error as CloudWatch
      shows them (START, the function's output, END, REPORT).
      With --times or --concurrency: each result on its own line on standard output, then a
      summary (cold starts, throttles, errors, p50/p95/max) and a timeline with one lane per
      execution environment on standard error, so `| jq` sees only results. --json prints one
      record per line. --set changes the --event-template event: a template parameter by name
      (--set name=Ada; 'lambdalings events show NAME' lists them) or any field by dotted path
      (--set Records.0.body=hello).
      A relative FILE, --event or --messages path that is not in this folder is looked up in
      the course folder, where the chapters' paths start (a note says which file was used).
      """,
    arguments: [ArgumentSpec("FILE", help: "Handler file or code folder.", optional: false)],
    options: InvokeCommand.options + InvokeCommand.deliveryOptions, run: InvokeCommand.run)
}

/// The `invoke` command: options to a function configuration, invocations, output.
enum InvokeCommand {
  static let options: [OptionSpec] = [
    OptionSpec(long: "handler", value: "MODULE.FUNCTION", help: "Handler (default: inferred)."),
    OptionSpec(long: "runtime", value: "NAME", help: "python, nodejs or provided."),
    OptionSpec(long: "event", short: "e", value: "FILE", help: "Event JSON file, or - for stdin."),
    OptionSpec(long: "event-template", value: "NAME", help: "A sample event (`events list`)."),
    OptionSpec(
      long: "set", value: "PATH=VALUE", repeatable: true,
      help: "Set a template parameter or a field path of --event-template."),
    OptionSpec(long: "timeout", short: "t", value: "S", help: "Timeout in seconds (default 3)."),
    OptionSpec(long: "memory", short: "m", value: "MB", help: "Memory 128-10240 (default 128)."),
    OptionSpec(long: "env", value: "K=V", repeatable: true, help: "Environment variable."),
    OptionSpec(long: "times", short: "n", value: "N", help: "Invoke N times (default 1)."),
    OptionSpec(long: "concurrency", short: "c", value: "C", help: "Run C invocations at once."),
    OptionSpec(long: "reserved-concurrency", value: "R", help: "Throttle beyond R at once."),
    OptionSpec(long: "provisioned", value: "P", help: "Initialise P environments first."),
    OptionSpec(long: "json", help: "One JSON record per invocation on standard output."),
    OptionSpec(long: "verbose", help: "Say which interpreter runs and how it was found."),
  ]

  static func run(_ invocation: CommandRun) throws -> ExitCode {
    var invocation = invocation
    invocation.args = try resolvingCourseFiles(invocation)
    let args = invocation.args
    guard let file = args.positional(0) else {
      throw CLIError.usage("invoke needs a handler file or code folder, e.g. invoke app.py")
    }
    if let code = try runDelivery(invocation, file: file) { return code }
    let configuration = try configuration(args, file: file, context: invocation.context)
    let event = try loadEvent(args, context: invocation.context)
    let concurrency = try args.int("concurrency", default: 1, range: 1...256)
    let times = try args.int("times", default: concurrency, range: 1...100_000)
    let function: LambdaFunction
    do {
      function = try LambdaFunction(configuration: configuration)
    } catch {
      throw CLIError.content("\(error)")
    }
    defer { function.shutdown() }
    if args.flag("verbose") {
      for note in Interpreter.resolutionNotes() { invocation.err.write("interpreter: \(note)\n") }
    }
    for problem in function.provisioningErrors {
      invocation.err.write("warning: a provisioned environment failed to initialise: \(problem)\n")
    }
    let json = args.flag("json")
    let single = times == 1 && concurrency == 1
    let out = invocation.out
    let err = invocation.err
    let records = runAll(function, event: event, times: times, concurrency: concurrency) {
      record in
      if json {
        out.write(record.jsonLine() + "\n")
      } else {
        err.write(record.logs)
        let text = record.resultText
        out.write(text + (text.hasSuffix("\n") ? "" : "\n"))
      }
    }
    if !json && !single {
      // The summary and timeline describe the run, so they go with the logs on stderr.
      let timeline = InvocationTimeline(records: records, environments: function.environments)
      let settings = err.settings
      err.write("\n" + InvocationSummary(records: records).text + "\n")
      let glyphs: InvocationTimeline.Glyphs = settings.supportsUnicode ? .unicode : .ascii
      let picture = timeline.render(width: min(settings.width, 120), glyphs: glyphs)
      err.write(colored(picture, glyphs: glyphs, styler: err.styler))
    }
    return records.allSatisfy { !$0.isError } ? ExitCode.success : ExitCode.failure
  }

  /// The timeline with init spans yellow, invocations green and errors red (when colour is on).
  static func colored(_ picture: String, glyphs: InvocationTimeline.Glyphs, styler: Styler)
    -> String
  {
    guard styler.enabled else { return picture }
    let roles: [Character: Styler.Role] = [
      glyphs.initSpan: .warning, glyphs.invocation: .success, glyphs.failure: .error,
    ]
    var result = ""
    var run = ""
    var runRole: Styler.Role?
    func flush() {
      result += runRole.map { styler.apply(run, $0) } ?? run
      run = ""
    }
    for character in picture {
      let role = character == "\n" ? nil : roles[character]
      if role != runRole {
        flush()
        runRole = role
      }
      run.append(character)
    }
    flush()
    return result
  }

  /// The function configuration from FILE and the options.
  static func configuration(_ args: ParsedArguments, file: String, context: Context) throws
    -> FunctionConfiguration
  {
    var runtime: LambdaRuntimeKind?
    if let name = args.value("runtime") {
      guard let kind = LambdaRuntimeKind(name: name) else {
        throw CLIError.usage("--runtime must be python, nodejs or provided, got '\(name)'")
      }
      runtime = kind
    }
    let location: HandlerLocation
    do {
      location = try HandlerLocation.locate(
        file, handler: args.value("handler"), runtime: runtime,
        currentDirectory: context.currentDirectory)
    } catch {
      throw CLIError.usage("\(error)")
    }
    var environment: [String: String] = [:]
    for pair in args.values("env") {
      guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
        throw CLIError.usage("--env expects KEY=VALUE, got '\(pair)'")
      }
      environment[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
    }
    let reserved = try args.value("reserved-concurrency").map { _ in
      try args.int("reserved-concurrency", default: 0, range: 0...1000)
    }
    return FunctionConfiguration(
      name: location.functionName, codePath: location.codePath, handler: location.handler,
      runtime: location.runtime,
      timeout: try args.double("timeout", default: 3, range: 0.001...900),
      memoryMB: try args.int("memory", default: 128, range: 128...10_240),
      environment: environment, reservedConcurrency: reserved,
      provisionedConcurrency: try args.int("provisioned", default: 0, range: 0...256))
  }

  /// The event: a file, standard input, a template, or `{}`.
  static func loadEvent(_ args: ParsedArguments, context: Context) throws -> Data {
    let path = args.value("event")
    let template = args.value("event-template")
    if path != nil && template != nil {
      throw CLIError.usage("use either --event or --event-template, not both")
    }
    if !args.values("set").isEmpty && template == nil {
      throw CLIError.usage("--set changes a field of --event-template; pass a template too")
    }
    if args.value("count") != nil && template == nil {
      throw CLIError.usage(
        "--count sets the batch size of --event-template; pass a template too",
        hint: "e.g. lambdalings invoke app.py --event-template sqs --count 10")
    }
    let count = try args.value("count").map { _ in try args.int("count", default: 1) }
    if let template {
      do {
        let overrides = try args.values("set").map(EventTemplates.parseOverride)
        return try EventTemplates.generate(name: template, overrides: overrides, count: count)
      } catch {
        throw CLIError.usage("\(error)", hint: "lambdalings events list shows every template")
      }
    }
    guard let path else { return Data("{}".utf8) }
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    let full = AbsolutePath(path, relativeTo: context.currentDirectory).string
    guard let data = FileManager.default.contents(atPath: full) else {
      throw CLIError.usage("cannot read the event file \(path); check the path")
    }
    if let error = jsonProblem(data) {
      throw CLIError.content("\(path):\(error.line): the event is not valid JSON: \(error.reason)")
    }
    return data
  }

  /// Runs `times` invocations with at most `concurrency` at once; `report` sees each record
  /// (serialised) as it completes.
  static func runAll(
    _ function: LambdaFunction, event: Data, times: Int, concurrency: Int,
    report: @escaping @Sendable (InvocationRecord) -> Void
  ) -> [InvocationRecord] {
    ConcurrentInvocations.run(
      count: times, concurrency: concurrency, completed: { _, record in report(record) }
    ) { _ in function.invoke(event: event) }
  }
}
