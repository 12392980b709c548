/// The `delivery` object of a scenario and the `expect` keys that go with it.
extension ExerciseSpecParser {
  static let deliveryExpectKeys: Set<String> = [
    "invocations", "processed", "failed", "records", "receives",
  ]
  /// `expect` keys about direct invokes, which a delivery scenario does not have.
  static let directOnlyExpectKeys = ["throttles", "maxWarmDurationMs", "each", "last"]

  /// The settings each source accepts (besides `source`).
  static func deliveryKeys(_ source: Delivery.Source) -> Set<String> {
    switch source {
    case .async:
      return ["retries", "maxEventAge", "onSuccess", "onFailure", "dlq", "duplicates", "seed"]
    case .sqs:
      return [
        "batchSize", "batchWindow", "reportBatchItemFailures", "visibilityTimeout",
        "maxReceiveCount", "fifo",
      ]
    case .dynamodb, .kinesis:
      return [
        "batchSize", "batchWindow", "reportBatchItemFailures", "bisect", "retries",
        "maxRecordAge", "onFailure", "shards",
      ]
    }
  }

  mutating func parseDelivery(_ node: JSONNode, in place: String) -> Delivery? {
    guard node.members != nil else {
      error("\"delivery\" of \(place) must be an object with a \"source\"", node.line)
      return nil
    }
    let sources = Delivery.Source.allCases.map(\.rawValue)
    guard let name = node["source"]?.string, let source = Delivery.Source(rawValue: name) else {
      error(
        "\"delivery\" of \(place) needs a \"source\": one of "
          + sources.map { "\"\($0)\"" }.joined(separator: ", "), node["source"]?.line ?? node.line)
      return nil
    }
    unknownKeys(
      node, allowed: Self.deliveryKeys(source).union(["source"]),
      in: "the \"delivery\" of \(place) (source \"\(name)\")")
    var delivery = Delivery(source: source)
    delivery.retries = whole(
      node, "retries", source == .async ? 0...2 : -1...10_000,
      source == .async ? "0 to 2" : "-1 (until the records expire) to 10000")
    delivery.maxEventAge = whole(node, "maxEventAge", 60...21_600, "60 to 21600 seconds")
    delivery.onSuccess = target(node, "onSuccess")
    delivery.onFailure = target(node, "onFailure")
    delivery.deadLetterQueue = target(node, "dlq")
    delivery.duplicates = decimal(node, "duplicates", 0...1, "0 to 1")
    delivery.seed = whole(node, "seed", 0...Int.max, "0 or more")
    delivery.fifo = flag(node, "fifo")
    let batchLimit = delivery.fifo ? 10 : 10_000
    delivery.batchSize = whole(
      node, "batchSize", 1...batchLimit, delivery.fifo ? "1 to 10 for a FIFO queue" : "1 to 10000")
    delivery.batchWindow = decimal(node, "batchWindow", 0...300, "0 to 300 seconds")
    delivery.reportBatchItemFailures = flag(node, "reportBatchItemFailures")
    delivery.visibilityTimeout = decimal(
      node, "visibilityTimeout", 0...43_200, "0 to 43200 seconds")
    delivery.maxReceiveCount = whole(node, "maxReceiveCount", 1...1000, "1 to 1000")
    delivery.bisect = flag(node, "bisect")
    delivery.maxRecordAge = whole(
      node, "maxRecordAge", -1...604_800, "-1 or 60 to 604800 seconds")
    if let age = delivery.maxRecordAge, (0..<60).contains(age) {
      error(
        "\"maxRecordAge\" must be -1 or 60 to 604800 seconds, not \(age)",
        node["maxRecordAge"]?.line ?? node.line)
    }
    delivery.shards = whole(node, "shards", 1...16, "1 to 16")
    return delivery
  }

  /// The delivery keys of a scenario's `expect`; errors when they do not fit the scenario.
  mutating func parseDeliveryExpectation(
    _ node: JSONNode, into scenario: inout Scenario, place: String, deliveryGiven: Bool
  ) {
    let used = (node.members ?? []).filter { Self.deliveryExpectKeys.contains($0.key) }
    guard let delivery = scenario.delivery else {
      // A "delivery" that did not parse has its own error already.
      for member in used where !deliveryGiven {
        error(
          "\"\(member.key)\" in the \"expect\" of \(place) needs a \"delivery\" "
            + "(async, sqs, dynamodb or kinesis)", member.value.line)
      }
      return
    }
    for key in Self.directOnlyExpectKeys {
      if let value = node[key] {
        error(
          "\"\(key)\" checks direct invokes; with a \"delivery\" use invocations, processed, "
            + "failed, records, receives, logOccurrences, coldStarts or scratchFiles", value.line)
      }
    }
    var expect = DeliveryExpectation()
    expect.invocations = count(node, "invocations")
    expect.processed = count(node, "processed")
    expect.failed = count(node, "failed")
    if let records = node["records"] {
      if let members = records.members {
        for member in members {
          if target(member.value, text: member.key) == nil { continue }
          guard let list = member.value.array else {
            error(
              "\"records\" of \(place): \"\(member.key)\" must map to a list of record "
                + "patterns ([] when nothing may arrive)", member.value.line)
            continue
          }
          expect.records.append((member.key, list))
        }
      } else {
        error(
          "\"records\" must be an object of \"TYPE:NAME\": [patterns], e.g. "
            + "{\"sqs:failed\": [{\"requestContext\": {\"condition\": \"RetriesExhausted\"}}]}",
          records.line)
      }
    }
    if let receives = node["receives"] {
      if delivery.source != .sqs {
        error("\"receives\" counts SQS receives; it needs \"source\": \"sqs\"", receives.line)
      } else if let members = receives.members {
        for member in members {
          if let value = member.value.int, value >= 0 {
            expect.receives[member.key] = value
          } else {
            error(
              "\"receives\" counts must be whole numbers (\"\(member.key)\" has "
                + "\(member.value.serialized()))", member.value.line)
          }
        }
      } else {
        error("\"receives\" must be an object of \"message body\": count", receives.line)
      }
    }
    scenario.deliveryExpect = expect
  }

  private mutating func whole(
    _ node: JSONNode, _ key: String, _ range: ClosedRange<Int>, _ wanted: String
  ) -> Int? {
    guard let value = node[key] else { return nil }
    guard let number = value.int, range.contains(number) else {
      error(
        "\"\(key)\" must be a whole number from \(wanted), not \(value.serialized())", value.line)
      return nil
    }
    return number
  }

  private mutating func decimal(
    _ node: JSONNode, _ key: String, _ range: ClosedRange<Double>, _ wanted: String
  ) -> Double? {
    guard let value = node[key] else { return nil }
    guard let number = value.number, range.contains(number) else {
      error("\"\(key)\" must be a number from \(wanted), not \(value.serialized())", value.line)
      return nil
    }
    return number
  }

  private mutating func flag(_ node: JSONNode, _ key: String) -> Bool {
    guard let value = node[key] else { return false }
    guard let flag = value.bool else {
      error("\"\(key)\" must be true or false, not \(value.serialized())", value.line)
      return false
    }
    return flag
  }

  /// A `TYPE:NAME` destination under `key`.
  private mutating func target(_ node: JSONNode, _ key: String) -> String? {
    guard let value = node[key] else { return nil }
    guard let text = value.string else {
      error("\"\(key)\" must be a \"TYPE:NAME\" string such as \"sqs:failed\"", value.line)
      return nil
    }
    return target(value, text: text)
  }

  /// `text` when it is `TYPE:NAME` with a known type; an error at `node` otherwise.
  private mutating func target(_ node: JSONNode, text: String) -> String? {
    let kinds = ["sqs", "sns", "lambda", "events", "s3"]
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    guard parts.count == 2, kinds.contains(parts[0]), !parts[1].isEmpty else {
      error(
        "\"\(text)\" is not a destination; write TYPE:NAME with TYPE one of "
          + kinds.joined(separator: ", ") + " (e.g. \"sqs:failed\")", node.line)
      return nil
    }
    return text
  }
}
