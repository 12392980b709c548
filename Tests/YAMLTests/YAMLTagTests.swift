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
