import Foundation
import LambdaRuntime
import SystemSupport

extension CommandSpec {
  /// `lambdalings events [list | show NAME | generate NAME]`: AWS-shaped sample events.
  static let events = CommandSpec(
    name: "events", abstract: "List sample AWS trigger events and print one as JSON.",
    usage: "events [list | show NAME | generate NAME [--set PATH=VALUE]... [--count N]]",
    discussion: """
      The sample events have the field names, nesting and types of the events AWS services
      send to Lambda (API Gateway, S3, DynamoDB Streams, SQS, SNS, EventBridge, CloudWatch Logs).
      `events show NAME` lists a template's parameters. `--set` changes a field by dotted path
      with array indices (--set 'Records.0.s3.object.key=photos/my cat.jpg') or sets a parameter
      (--set name=Ada); a value is parsed as JSON when it is valid JSON, else taken as text.
      --count sets how many records, messages or log events a batch carries.
      Pass the same template to `invoke --event-template NAME` to run a handler with it.
      """,
    arguments: [
      ArgumentSpec("ACTION", help: "list, show or generate (default: list)."),
      ArgumentSpec("NAME", help: "The template, for show and generate."),
    ],
    options: [
      OptionSpec(
        long: "set", value: "PATH=VALUE", repeatable: true,
        help: "Change a field or parameter of the event."),
      OptionSpec(
        long: "count", value: "N", help: "Records, messages or log events in a batch event."),
    ], run: EventsCommand.run)
}

/// The `events` command: the catalogue as a table, one template's parameters, or an event.
enum EventsCommand {
  static let actions = ["list", "show", "generate"]

  static func run(_ invocation: CommandRun) throws -> ExitCode {
    let args = invocation.args
    let action = args.positional(0) ?? "list"
    guard actions.contains(action) else {
      let hint = DidYouMean.closest(to: action, among: actions).map {
        "Did you mean 'lambdalings events \($0)'?"
      }
      throw CLIError.usage(
        "unknown events action '\(action)'; use list, show NAME or generate NAME",
        hint: hint)
    }
    if action != "generate", !args.values("set").isEmpty || args.value("count") != nil {
      throw CLIError.usage(
        "--set and --count belong to 'events generate NAME'",
        hint: "e.g. lambdalings events generate sqs --count 5 --set body=hello")
    }
    if action == "list" {
      if let extra = args.positional(1) {
        throw CLIError.usage(
          "'events list' takes no template name (got '\(extra)')",
          hint: "lambdalings events show \(extra) describes one template")
      }
      invocation.out.lines(EventsTable.render(EventTemplates.all, out: invocation.out))
      return ExitCode.success
    }
    guard let name = args.positional(1) else {
      throw CLIError.usage(
        "'events \(action)' needs a template NAME",
        hint: "lambdalings events list shows every template")
    }
    let template = try catalogue { try EventTemplates.template(named: name) }
    if action == "show" {
      invocation.out.lines(EventsTable.describe(template, out: invocation.out))
      return ExitCode.success
    }
    let count = try args.value("count").map { _ in try args.int("count", default: 1) }
    let data = try catalogue {
      let overrides = try args.values("set").map(EventTemplates.parseOverride)
      return try EventTemplates.generate(name: template.name, overrides: overrides, count: count)
    }
    invocation.out.write(String(decoding: data, as: UTF8.self))
    return ExitCode.success
  }

  /// Runs `body`, turning a template error into a usage error that points at the catalogue.
  private static func catalogue<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as EventTemplateError {
      throw CLIError.usage("\(error)")
    }
  }
}
