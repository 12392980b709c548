// lambdalings-bench: measures the lesson engine and the local runtime against baselines
// run in the same invocation. Usage: swift run -c release lambdalings-bench
// [markdown|runtime|cli|delivery|serve|api|process|json]...
// (`process --baseline BINARY` also times an earlier build of lambdalings in the same run;
// `process --only WORD` keeps the figures whose command holds WORD)
import Foundation

let requested = Array(CommandLine.arguments.dropFirst())
let suites: [(name: String, run: ([String]) -> Void)] = [
  ("markdown", MarkdownBenchmark.run),
  ("runtime", RuntimeBenchmark.run),
  ("cli", CLIBenchmark.run),
  ("delivery", DeliveryBenchmark.run),
  ("serve", ServeBenchmark.run),
  ("api", APIBenchmark.run),
  ("process", ProcessBenchmark.run),
  ("json", JSONBenchmark.run),
]
let selected =
  requested.isEmpty
  ? suites.map(\.name) : requested.filter { !$0.hasPrefix("-") && !$0.hasPrefix("/") }
for suite in suites where selected.contains(suite.name) {
  suite.run(requested)
}
