import Foundation
import Testing

@testable import LambdaRuntime

/// `--set path=value` overrides and convenience parameters.
@Suite struct EventTemplatesOverrideTests {
  typealias Support = EventTestSupport

  @Test func s3KeyPathIsURLEncodedLikeS3() throws {
    let event = try Support.event("s3-put", [("Records.0.s3.object.key", "photos/my cat.jpg")])
    #expect(event.value(at: "Records.0.s3.object.key") == "photos/my+cat.jpg")
    let tricky = try Support.event("s3-delete", [("key", "a+b/ré sumé=1.pdf")])
    #expect(tricky.value(at: "Records.0.s3.object.key") == "a%2Bb/r%C3%A9+sum%C3%A9%3D1.pdf")
  }

  @Test func s3BucketParameterFillsNameAndARN() throws {
    let event = try Support.event("s3-put", [("bucket", "uploads"), ("size", "042")])
    #expect(event.value(at: "Records.0.s3.bucket.name") == "uploads")
    #expect(event.value(at: "Records.0.s3.bucket.arn") == "arn:aws:s3:::uploads")
    #expect(event.value(at: "Records.0.s3.object.size") == .int(42))
  }

  @Test func restQueryOverrideKeepsMultiValueInStep() throws {
    let event = try Support.event("apigateway-rest", [("queryStringParameters.name", "Ada")])
    #expect(event.value(at: "queryStringParameters.name") == "Ada")
    #expect(event.value(at: "multiValueQueryStringParameters.name") == ["Ada"])
  }

  @Test func nameParameterFillsBothAPIFormats() throws {
    let rest = try Support.event("apigateway-rest", [("name", "Grace Hopper")])
    #expect(rest.value(at: "multiValueQueryStringParameters.name") == ["Grace Hopper"])
    let http = try Support.event("apigateway-http", [("name", "Grace Hopper")])
    #expect(http["rawQueryString"] == "name=Grace+Hopper")
    #expect(http.value(at: "queryStringParameters.name") == "Grace Hopper")
    let none = try Support.event("apigateway-http", [("name", "")])
    #expect(none["queryStringParameters"] == nil)
    #expect(none["rawQueryString"] == "")
    #expect(try Support.event("apigateway-rest", [("name", "")])["queryStringParameters"] == .null)
  }

  @Test func httpQueryAndPathOverridesUpdateRawFields() throws {
    let event = try Support.event(
      "apigateway-http", [("queryStringParameters.city", "São Paulo"), ("rawPath", "/orders")])
    #expect(event["rawQueryString"] == "name=Lambda&city=S%C3%A3o+Paulo")
    #expect(event.value(at: "requestContext.http.path") == "/orders")
  }

  @Test func methodAndBodyParametersShapeTheRequest() throws {
    let event = try Support.event(
      "apigateway-rest", [("method", "POST"), ("body", "{\"item\":\"book\"}")])
    #expect(event["httpMethod"] == "POST")
    #expect(event.value(at: "requestContext.httpMethod") == "POST")
    #expect(event["body"] == "{\"item\":\"book\"}", "body stays a string, as API Gateway sends it")
    #expect(event.value(at: "headers.content-type") == "application/json")
    let http = try Support.event("apigateway-http", [("body", "42")])
    #expect(http["body"] == "42")
  }

  @Test func valuesParseAsJSONWhenValid() throws {
    let event = try Support.event(
      "eventbridge-custom",
      [
        ("detail.amount", "12.5"), ("detail.express", "true"), ("detail.tags", "[\"a\",\"b\"]"),
        ("detail.note", "not json {"), ("detail.address", "{\"city\":\"Oslo\"}"),
        ("detail.orderId", "null"),
      ])
    #expect(event.value(at: "detail.amount") == .number("12.5"))
    #expect(event.value(at: "detail.express") == .bool(true))
    #expect(event.value(at: "detail.tags") == ["a", "b"])
    #expect(event.value(at: "detail.note") == "not json {")
    #expect(event.value(at: "detail.address.city") == "Oslo")
    #expect(event.value(at: "detail.orderId") == .null)
  }

  @Test func sqsBodyOverrideRecomputesDigestUnlessDigestIsSet() throws {
    let event = try Support.event(
      "sqs",
      [
        ("Records.1.body", "{\"orderId\": 7}"), ("Records.2.body", "changed"),
        ("Records.2.md5OfBody", "00000000000000000000000000000000"),
      ])
    #expect(event.value(at: "Records.1.body") == "{\"orderId\":7}", "JSON bodies stay strings")
    #expect(event.value(at: "Records.1.md5OfBody") == .string(MD5.hex("{\"orderId\":7}")))
    #expect(event.value(at: "Records.2.md5OfBody") == "00000000000000000000000000000000")
  }

  @Test func sqsBodyParameterAndCount() throws {
    let event = try Support.event("sqs", [("body", "ping"), ("queue", "jobs")], count: 2)
    let records = try #require(event["Records"]?.arrayValue)
    #expect(records.count == 2)
    for record in records {
      #expect(record["body"] == "ping")
      #expect(record["md5OfBody"] == .string(MD5.hex("ping")))
      #expect(record["eventSourceARN"] == "arn:aws:sqs:us-east-1:123456789012:jobs")
    }
  }

  @Test func newLeavesAndAppendedElementsAreCreated() throws {
    let event = try Support.event(
      "apigateway-rest", [("pathParameters.id", "7"), ("headers.X-Api-Key", "secret")])
    #expect(event.value(at: "pathParameters.id") == "7", "path parameters are text in AWS")
    #expect(event.value(at: "multiValueHeaders.X-Api-Key") == ["secret"])
    let scheduled = try Support.event("eventbridge-scheduled", [("resources.1", "arn:extra")])
    #expect(scheduled["resources"]?.arrayValue?.count == 2)
  }

  @Test func snsAndDynamoDBParameters() throws {
    let sns = try Support.event("sns", [("message", "{\"alarm\":\"high\"}"), ("subject", "Hi")])
    #expect(sns.value(at: "Records.0.Sns.Message") == "{\"alarm\":\"high\"}")
    #expect(sns.value(at: "Records.0.Sns.Subject") == "Hi")
    let modify = try Support.event("dynamodb-modify", [("message", "new"), ("oldMessage", "old")])
    #expect(modify.value(at: "Records.0.dynamodb.NewImage.Message.S") == "new")
    #expect(modify.value(at: "Records.0.dynamodb.OldImage.Message.S") == "old")
    let typed = try Support.event(
      "dynamodb-insert", [("Records.0.dynamodb.NewImage.Age", "{\"N\":\"30\"}")])
    #expect(typed.value(at: "Records.0.dynamodb.NewImage.Age.N") == "30")
  }

  @Test func numbersReplacingTextFieldsStayText() throws {
    let sqs = try Support.event(
      "sqs", [("Records.0.attributes.ApproximateReceiveCount", "3"), ("Records.0.body", "42")])
    #expect(sqs.value(at: "Records.0.attributes.ApproximateReceiveCount") == "3")
    #expect(sqs.value(at: "Records.0.body") == "42")
    let ddb = try Support.event("dynamodb-insert", [("Records.0.dynamodb.Keys.Id.N", "7")])
    #expect(ddb.value(at: "Records.0.dynamodb.Keys.Id.N") == "7")
    let rest = try Support.event(
      "apigateway-rest",
      [("headers.X-Count", "5"), ("multiValueQueryStringParameters.tag", "[1,2]")])
    #expect(rest.value(at: "headers.X-Count") == "5")
    #expect(rest.value(at: "multiValueQueryStringParameters.tag") == ["1", "2"])
    let forced = try Support.event("eventbridge-custom", [("detail.orderId", "\"42\"")])
    #expect(forced.value(at: "detail.orderId") == "42")
    let number = try Support.event("eventbridge-custom", [("detail.amount", "10")])
    #expect(number.value(at: "detail.amount") == .int(10), "number fields stay numbers")
  }
}
