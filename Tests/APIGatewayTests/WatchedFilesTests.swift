import Foundation
import Testing

@testable import APIGateway

/// The files whose changes reload `serve`: the template, handlers and the modules beside them.
@Suite struct WatchedFilesTests {
  @Test func sourceFilesOfTheCodeFoldersAreWatched() throws {
    let folder = try TemplateFolder(files: [
      "template.yaml": """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Hello:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: src/
            Handler: app.hello
            Runtime: python3.12
            Events:
              Get:
                Type: HttpApi
                Properties: {Path: /hello, Method: GET}
      """,
      "src/app.py": TemplateFolder.helloPython,
      "src/greeting.py": "WORD = 'Hello'\n",
      "src/lib/format.mjs": "export const f = 1;\n",
      "src/notes.txt": "not code\n",
      "src/__pycache__/greeting.cpython-312.pyc": "",
      "src/__pycache__/cached.py": "",
      "src/node_modules/pkg/index.js": "",
      "src/.venv/lib/x.py": "",
      "src/serve-state/functions.py": "",
      "other/elsewhere.py": "",
    ])
    defer { folder.remove() }
    let template = try APITemplate.load(file: folder.file("template.yaml"), stage: nil)
    let watched = template.watchedFiles().map { $0.relative(to: folder.path) ?? $0.string }
    #expect(watched.first == "template.yaml")
    #expect(
      Set(watched) == ["template.yaml", "src/app.py", "src/greeting.py", "src/lib/format.mjs"])
    #expect(watched.count == Set(watched).count, "each file once: \(watched)")
  }

  @Test func searchStopsAtTheLimitAndDepth() throws {
    var files = [
      "serverless.yml": """
      service: many
      provider: {runtime: python3.12}
      functions:
        hello:
          handler: app.hello
          events: [{httpApi: GET /hello}]
      """,
      "app.py": TemplateFolder.helloPython,
      "a/b/c/d/e/deep.py": "",
    ]
    for index in 0..<30 { files["mod\(index).py"] = "" }
    let folder = try TemplateFolder(files: files)
    defer { folder.remove() }
    let template = try APITemplate.load(file: folder.file("serverless.yml"), stage: nil)
    #expect(template.watchedFiles(limit: 10).count == 10)
    let all = template.watchedFiles()
    #expect(all.count == 32)
    #expect(!all.contains { $0.name == "deep.py" })
    #expect(template.watchedFiles(maxDepth: 5).contains { $0.name == "deep.py" })
  }
}
