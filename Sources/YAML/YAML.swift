/// A reader for the YAML that `serverless.yml` and AWS SAM / CloudFormation templates use:
/// block mappings and lists, flow `{}` and `[]`, plain, quoted and block (`|`, `>`) scalars,
/// comments, anchors, aliases and `<<` merge keys, and tags such as `!Ref` or `!Sub`, which
/// are kept on the nodes they mark. One document per file. Anything else is a `YAMLError` with
/// the line and column; no input makes it crash.
public enum YAML {
  /// Reads one YAML document. An empty document is a null scalar.
  public static func parse(_ text: String) throws(YAMLError) -> YAMLNode {
    var parser = YAMLParser(text)
    do {
      return try parser.parseDocument()
    } catch let error as YAMLError {
      throw error
    } catch {
      throw YAMLError("\(error)", line: 1, column: 1)
    }
  }
}
