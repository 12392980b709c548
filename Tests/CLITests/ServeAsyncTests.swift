import Foundation
import Testing

/// `InvocationType: Event` against `lambdalings serve`, through boto3 (the client whose protocol
/// we speak): the event invoke config sets retries and destinations, the failed event is
/// retried twice, and the records reach `/lambdalings/destinations`. Skipped, with the reason
/// printed, when the venv that `.ci/run` creates is absent.
@Suite struct ServeAsyncTests {
  static let flow = #"""
    import io, json, time, zipfile, boto3
    lam = boto3.client("lambda")
    logs = boto3.client("logs")
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("lambda_function.py",
            "def lambda_handler(event, context):\n"
            "    print('attempt', event['id'])\n"
            "    if event.get('fail'):\n"
            "        raise ValueError('cannot ship ' + event['id'])\n"
            "    return {'shipped': event['id']}\n")
    lam.create_function(FunctionName="shipper", Runtime="python3.12",
        Role="arn:aws:iam::1:role/r", Handler="lambda_function.lambda_handler",
        Code={"ZipFile": code.getvalue()})
    lam.put_function_event_invoke_config(FunctionName="shipper", MaximumRetryAttempts=2,
        DestinationConfig={
            "OnSuccess": {"Destination": "arn:aws:sqs:us-east-1:123456789012:shipped"},
            "OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:failed"}})
    out = lam.invoke(FunctionName="shipper", InvocationType="Event",
        Payload=json.dumps({"id": "o-1", "fail": True}))
    assert out["StatusCode"] == 202, out
    request_id = out["ResponseMetadata"]["RequestId"]
    lam.invoke(FunctionName="shipper", InvocationType="Event", Payload=json.dumps({"id": "o-2"}))
    events = []
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            events = logs.filter_log_events(logGroupName="/lambdalings/destinations")["events"]
        except logs.exceptions.ResourceNotFoundException:
            events = []
        if len(events) >= 2:
            break
        time.sleep(0.2)
    records = {e["logStreamName"]: json.loads(e["message"]) for e in events}
    failed = records["sqs:failed"]
    assert failed["requestContext"]["condition"] == "RetriesExhausted", failed
    assert failed["requestContext"]["approximateInvokeCount"] == 3, failed
    assert failed["requestContext"]["requestId"] == request_id, (failed, request_id)
    assert failed["requestPayload"] == {"id": "o-1", "fail": True}, failed
    assert failed["responseContext"]["functionError"] == "Unhandled", failed
    assert failed["responsePayload"]["errorType"] == "ValueError", failed
    assert records["sqs:shipped"]["responsePayload"] == {"shipped": "o-2"}, records
    lines = logs.filter_log_events(logGroupName="/aws/lambda/shipper")["events"]
    attempts = [e for e in lines if "attempt o-1" in e["message"]]
    assert len(attempts) == 3, attempts
    print("async flow ok")
    """#

  @Test func eventInvokesAreRetriedAndRecordedThroughBoto3() throws {
    guard ServeProcess.requireVenv(for: "the boto3 event-invoke test") != nil else { return }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let serve = try ServeProcess(runner: runner)
    defer { serve.stop() }
    try Self.flow.write(
      toFile: runner.directory + "/flow.py", atomically: true, encoding: .utf8)
    let result = try serve.tool("python", ["flow.py"], timeout: 120)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("async flow ok"))
  }
}
