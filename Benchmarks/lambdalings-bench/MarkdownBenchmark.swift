enum MarkdownBenchmark {
  static func run(_ arguments: [String]) { print("markdown: not measured yet") }
}
