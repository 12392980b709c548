import Foundation
import Testing

@testable import YAML

@Suite struct YAMLTagTests {
  @Test func cloudFormationShortTagsAreKept() throws {
    let text = """
      Resources:
        Fn:
          Properties:
            Role: !GetAtt FnRole.Arn
            Name: !Ref AWS::StackName
            Url: !Sub 'https://${Api}.execute-api.${AWS::Region}.amazonaws.com/'
            Joined: !Join ['', [a, !Ref B]]
            Pair: !Sub
              - '${X}-y'
              - X: !Ref Z
            Cond: !If [IsProd, 1, 2]
            Sel: !Select [0, !GetAZs '']
      """
    let properties = try #require(try YAML.parse(text)["Resources"]?["Fn"]?["Properties"])
    #expect(properties["Role"]?.tag == "!GetAtt")
    #expect(properties["Role"]?.string == "FnRole.Arn")
    #expect(properties["Name"]?.dump() == "!Ref AWS::StackName")
    #expect(properties["Url"]?.tag == "!Sub")
    #expect(properties["Url"]?.string?.hasPrefix("https://${Api}") == true)
    #expect(properties["Joined"]?.dump() == "!Join [\"\", [a, !Ref B]]")
    #expect(properties["Pair"]?.dump() == "!Sub [\"${X}-y\", {X: !Ref Z}]")
    #expect(properties["Cond"]?.dump() == "!If [IsProd, 1, 2]")
    #expect(properties["Sel"]?.dump() == "!Select [0, !GetAZs \"\"]")
  }

  @Test func standardTagsAndEmptyTaggedValues() throws {
    let root = try YAML.parse("a: !!str 42\nb: !Ref\nc: !<tag:x> v\nd: [!Ref , x]")
    #expect(root["a"]?.tag == "!!str")
    #expect(root["a"]?.string == "42")
    #expect(root["a"]?.int == nil)
    #expect(root["b"]?.tag == "!Ref")
    #expect(root["b"]?.scalarText == "")
    #expect(root["b"]?.isNull == false)
    #expect(root["c"]?.tag == "!<tag:x>")
    #expect(root["d"]?.dump() == "[!Ref, x]")
  }

  @Test func taggedBlockCollectionOnNextLine() {
    #expect(dump("a: !Join\n  - ','\n  - [x, y]") == "{a: !Join [\",\", [x, y]]}")
    #expect(dump("- !Sub\n  text\n- b") == "[!Sub text, b]")
  }
}

@Suite struct YAMLMoreShapesTests {
  @Test func taggedBlockScalarAndSpacing() throws {
    let root = try YAML.parse(
      """
      Policy: !Sub |
        arn:aws:s3:::${Bucket}/*
        second line
      spaced:      value   
      "quoted key"  : 1
      nested:
          deep:
                - a
                -   b: 1
                    c: 2
      last: |
        no final newline
      """)
    #expect(root["Policy"]?.tag == "!Sub")
    #expect(root["Policy"]?.string == "arn:aws:s3:::${Bucket}/*\nsecond line\n")
    #expect(root["spaced"]?.string == "value")
    #expect(root["quoted key"]?.int == 1)
    #expect(root["nested"]?["deep"]?.dump() == "[a, {b: 1, c: 2}]")
    #expect(root["last"]?.string == "no final newline\n")
  }

  @Test func emptyFlowAndNullsInLists() throws {
    let root = try YAML.parse("a: [ ]\nb: { }\nc:\n  - ~\n  -\n  - null\n")
    #expect(root["a"]?.items?.isEmpty == true)
    #expect(root["b"]?.entries?.isEmpty == true)
    #expect(root["c"]?.items?.allSatisfy { $0.isNull } == true)
  }

  @Test func documentEndMarkerThenComments() throws {
    let root = try YAML.parse("a: 1\n...\n# trailing comment\n")
    #expect(root["a"]?.int == 1)
  }

  @Test func longDocumentsStayLinear() throws {
    var text = "Resources:\n"
    for index in 0..<3000 {
      text += "  R\(index):\n    Type: AWS::Serverless::Function\n    Properties: {Handler: a.b}\n"
    }
    let start = Date()
    let root = try YAML.parse(text)
    #expect(root["Resources"]?.entries?.count == 3000)
    #expect(Date().timeIntervalSince(start) < 5)
  }
}
