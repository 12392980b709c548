enum RuntimeBenchmark {
  static func run(_ arguments: [String]) { print("runtime: not measured yet") }
}
