import Foundation
import HTTP

/// CloudWatch Logs over the JSON 1.1 protocol (`X-Amz-Target: Logs_20140328.<Operation>`):
/// DescribeLogGroups, DescribeLogStreams, GetLogEvents, FilterLogEvents, and a small Logs
/// Insights (StartQuery answers at once; GetQueryResults returns `Complete`).
struct LogsService: Sendable {
  let store: LogStore
  let region: String
  let account: String
  let queries = QueryStore()

  static let targetPrefix = "Logs_20140328."

  /// Answers one request whose target starts with `Logs_20140328.`.
  func handle(operation: String, body: [UInt8]) -> HTTPResponse {
    do {
      let input = try JSONBody.object(body)
      let output: [String: Any]
      switch operation {
      case "DescribeLogGroups": output = describeGroups(input)
      case "DescribeLogStreams": output = try describeStreams(input)
      case "GetLogEvents": output = try getEvents(input)
      case "FilterLogEvents": output = try filterEvents(input)
      case "StartQuery": output = try startQuery(input)
      case "GetQueryResults": output = try queryResults(input)
      default:
        throw AWSError(
          status: 400, type: "UnknownOperationException",
          message: "lambdalings serve does not implement CloudWatch Logs \(operation)")
      }
      return HTTPResponse(
        status: 200, headers: [("Content-Type", "application/x-amz-json-1.1")],
        body: JSONBody.encode(output))
    } catch {
      return (error as? AWSError ?? .service("\(error)")).jsonResponse
    }
  }

  private func arn(_ group: String) -> String {
    "arn:aws:logs:\(region):\(account):log-group:\(group)"
  }

  private func groupNamed(_ input: [String: Any]) throws(AWSError) -> LogStore.Group {
    let name =
      (input["logGroupName"] as? String) ?? (input["logGroupIdentifier"] as? String) ?? ""
    guard !name.isEmpty else {
      throw AWSError(
        status: 400, type: "InvalidParameterException", message: "logGroupName is required")
    }
    guard let group = store.group(name) else {
      throw AWSError(
        status: 400, type: "ResourceNotFoundException",
        message: "The specified log group does not exist.")
    }
    return group
  }

  private func describeGroups(_ input: [String: Any]) -> [String: Any] {
    let prefix = input["logGroupNamePrefix"] as? String ?? ""
    let groups = store.groupsSnapshot().filter { $0.name.hasPrefix(prefix) }
    let page = Page(input, items: groups)
    var output: [String: Any] = [
      "logGroups": page.items.map { group -> [String: Any] in
        let bytes = group.streams.values.reduce(0) { total, stream in
          total + stream.events.reduce(0) { $0 + $1.message.utf8.count }
        }
        return [
          "logGroupName": group.name, "creationTime": group.creationTime,
          "arn": arn(group.name) + ":*", "logGroupArn": arn(group.name),
          "metricFilterCount": 0, "storedBytes": bytes, "logGroupClass": "STANDARD",
        ]
      }
    ]
    if let next = page.nextToken { output["nextToken"] = next }
    return output
  }

  private func describeStreams(_ input: [String: Any]) throws(AWSError) -> [String: Any] {
    let group = try groupNamed(input)
    let prefix = input["logStreamNamePrefix"] as? String ?? ""
    var streams = group.streams.values.filter { $0.name.hasPrefix(prefix) }
    let byTime = (input["orderBy"] as? String) == "LastEventTime"
    streams.sort {
      byTime
        ? ($0.events.last?.timestamp ?? 0, $0.name) < ($1.events.last?.timestamp ?? 0, $1.name)
        : $0.name < $1.name
    }
    if input["descending"] as? Bool == true { streams.reverse() }
    let page = Page(input, items: streams)
    var output: [String: Any] = [
      "logStreams": page.items.map { stream -> [String: Any] in
        var entry: [String: Any] = [
          "logStreamName": stream.name, "creationTime": stream.creationTime,
          "arn": arn(group.name) + ":log-stream:" + stream.name, "storedBytes": 0,
        ]
        if let first = stream.events.first, let last = stream.events.last {
          entry["firstEventTimestamp"] = first.timestamp
          entry["lastEventTimestamp"] = last.timestamp
          entry["lastIngestionTime"] = last.ingestionTime
        }
        return entry
      }
    ]
    if let next = page.nextToken { output["nextToken"] = next }
    return output
  }

  private func timeWindow(_ input: [String: Any]) -> (Int64, Int64) {
    let start = (input["startTime"] as? NSNumber)?.int64Value ?? Int64.min
    let end = (input["endTime"] as? NSNumber)?.int64Value ?? Int64.max
    return (start, end)
  }

  private func getEvents(_ input: [String: Any]) throws(AWSError) -> [String: Any] {
    let group = try groupNamed(input)
    let streamName = input["logStreamName"] as? String ?? ""
    guard let stream = group.streams[streamName] else {
      throw AWSError(
        status: 400, type: "ResourceNotFoundException",
        message: "The specified log stream does not exist.")
    }
    let (start, end) = timeWindow(input)
    let events = stream.events.filter { $0.timestamp >= start && $0.timestamp < end }
    let limit = min(max((input["limit"] as? Int) ?? 10_000, 1), 10_000)
    let fromHead = input["startFromHead"] as? Bool ?? false
    // Tokens are "f/<index>" (forward) and "b/<index>" (backward) positions in `events`.
    let token = input["nextToken"] as? String
    var lower: Int
    var upper: Int
    if let token, token.hasPrefix("f/"), let index = Int(token.dropFirst(2)) {
      lower = min(max(index, 0), events.count)
      upper = min(lower + limit, events.count)
    } else if let token, token.hasPrefix("b/"), let index = Int(token.dropFirst(2)) {
      upper = min(max(index, 0), events.count)
      lower = max(upper - limit, 0)
    } else if token != nil {
      throw AWSError(
        status: 400, type: "InvalidParameterException",
        message: "The specified nextToken is invalid.")
    } else if fromHead {
      lower = 0
      upper = min(limit, events.count)
    } else {
      upper = events.count
      lower = max(upper - limit, 0)
    }
    return [
      "events": events[lower..<upper].map {
        ["timestamp": $0.timestamp, "message": $0.message, "ingestionTime": $0.ingestionTime]
      },
      "nextForwardToken": "f/\(upper)", "nextBackwardToken": "b/\(lower)",
    ]
  }

  private func filterEvents(_ input: [String: Any]) throws(AWSError) -> [String: Any] {
    let group = try groupNamed(input)
    let pattern = try FilterPattern(input["filterPattern"] as? String ?? "")
    let names = input["logStreamNames"] as? [String]
    let prefix = input["logStreamNamePrefix"] as? String ?? ""
    let (start, end) = timeWindow(input)
    var matches: [(stream: String, index: Int, event: LogStore.Event)] = []
    let streams = group.streams.values.filter {
      (names.map(Set.init)?.contains($0.name) ?? true) && $0.name.hasPrefix(prefix)
    }
    for stream in streams {
      for (index, event) in stream.events.enumerated()
      where event.timestamp >= start && event.timestamp < end && pattern.matches(event.message) {
        matches.append((stream.name, index, event))
      }
    }
    matches.sort {
      ($0.event.timestamp, $0.stream, $0.index) < ($1.event.timestamp, $1.stream, $1.index)
    }
    let page = Page(input, items: matches, defaultLimit: 10_000)
    var output: [String: Any] = [
      "events": page.items.map { match -> [String: Any] in
        [
          "logStreamName": match.stream, "timestamp": match.event.timestamp,
          "message": match.event.message, "ingestionTime": match.event.ingestionTime,
          "eventId": "\(match.event.timestamp)-\(match.stream.hashValue & 0xFFFF)-\(match.index)",
        ]
      },
      "searchedLogStreams": streams.map { ["logStreamName": $0.name, "searchedCompletely": true] },
    ]
    if let next = page.nextToken { output["nextToken"] = next }
    return output
  }

  private func startQuery(_ input: [String: Any]) throws(AWSError) -> [String: Any] {
    var names = input["logGroupNames"] as? [String] ?? []
    if let one = input["logGroupName"] as? String { names.append(one) }
    names += input["logGroupIdentifiers"] as? [String] ?? []
    guard !names.isEmpty else {
      throw AWSError(
        status: 400, type: "InvalidParameterException",
        message: "StartQuery needs logGroupName or logGroupNames")
    }
    guard let text = input["queryString"] as? String else {
      throw AWSError(
        status: 400, type: "InvalidParameterException", message: "queryString is required")
    }
    let query = try InsightsQuery(text)
    // startTime and endTime are in seconds for StartQuery.
    let start = ((input["startTime"] as? NSNumber)?.int64Value ?? 0) * 1000
    let end = ((input["endTime"] as? NSNumber)?.int64Value).map { $0 * 1000 + 999 } ?? Int64.max
    var records: [InsightsQuery.Record] = []
    for name in names {
      guard let group = store.group(name) else {
        throw AWSError(
          status: 400, type: "ResourceNotFoundException",
          message: "Log group '\(name)' does not exist.")
      }
      for stream in group.streams.values {
        for event in stream.events where event.timestamp >= start && event.timestamp <= end {
          records.append(InsightsQuery.record(event, stream: stream.name, group: group.name))
        }
      }
    }
    var rows = query.run(records)
    if let limit = input["limit"] as? Int, limit > 0 { rows = Array(rows.prefix(limit)) }
    let id = UUID().uuidString.lowercased()
    queries.put(id, rows: rows, scanned: records.count)
    return ["queryId": id]
  }

  private func queryResults(_ input: [String: Any]) throws(AWSError) -> [String: Any] {
    guard let id = input["queryId"] as? String, let result = queries.get(id) else {
      throw AWSError(
        status: 400, type: "ResourceNotFoundException", message: "Query does not exist.")
    }
    return [
      "status": "Complete",
      "results": result.rows.map { row in row.map { ["field": $0.0, "value": $0.1] } },
      "statistics": [
        "recordsMatched": Double(result.matched), "recordsScanned": Double(result.scanned),
        "bytesScanned": 0.0,
      ],
    ]
  }
}

/// One page of a list: `limit` items from the offset in `nextToken`.
struct Page<Item> {
  var items: [Item]
  var nextToken: String?

  init(_ input: [String: Any], items all: [Item], defaultLimit: Int = 50) {
    let limit = min(max((input["limit"] as? Int) ?? defaultLimit, 1), defaultLimit)
    let offset = (input["nextToken"] as? String).flatMap { Int($0.dropFirst(2)) } ?? 0
    let start = min(max(offset, 0), all.count)
    let end = min(start + limit, all.count)
    items = Array(all[start..<end])
    nextToken = end < all.count ? "p/\(end)" : nil
  }
}
