import Foundation
import Testing

@testable import SystemSupport

@Suite struct AbsolutePathTests {
  let base = AbsolutePath(validating: "/home/ada/course")!

  @Test func relativePathsResolveAgainstTheBaseWithoutDotsOrDoubledSlashes() {
    #expect(AbsolutePath("../work", relativeTo: base).string == "/home/ada/work")
    #expect(AbsolutePath(".", relativeTo: base) == base)
    #expect(AbsolutePath("./a//b/./c/", relativeTo: base).string == "/home/ada/course/a/b/c")
    #expect(AbsolutePath("/tmp/x/../y", relativeTo: base).string == "/tmp/y")
    // `..` above the root stays at the root, as in a shell.
    #expect(AbsolutePath("../../../../..", relativeTo: base).string == "/")
  }

  @Test func onlyAbsoluteTextValidates() {
    #expect(AbsolutePath(validating: "relative/path") == nil)
    #expect(AbsolutePath(validating: "") == nil)
    #expect(AbsolutePath(validating: "//a/./b/")?.string == "/a/b")
  }

  @Test func partsAndRelations() {
    #expect(base.parent.string == "/home/ada")
    #expect(base.name == "course")
    #expect(AbsolutePath(validating: "/")!.parent.isRoot)
    #expect(AbsolutePath(validating: "/a")!.parent.isRoot)
    #expect(base.appending("exercises/hello").relative(to: base) == "exercises/hello")
    #expect(base.relative(to: base) == "")
    // A sibling that merely starts with the same letters is not inside.
    #expect(AbsolutePath(validating: "/home/ada/course-old")!.relative(to: base) == nil)
    #expect(base.relative(to: AbsolutePath(validating: "/")!) == "home/ada/course")
    #expect("\(base.appending("lessons"))" == "/home/ada/course/lessons")
    #expect(base.appending("../img/./a.png").string == "/home/ada/img/a.png")
    // Appending never leaves for another root: a leading slash is only a separator.
    #expect(base.appending("/etc/passwd").string == "/home/ada/course/etc/passwd")
    #expect(base.url.path == "/home/ada/course")
  }

  @Test func codingUsesThePathTextAndRefusesRelativeText() throws {
    let encoded = try JSONEncoder().encode(["workspace": base])
    #expect(String(decoding: encoded, as: UTF8.self) == #"{"workspace":"\/home\/ada\/course"}"#)
    #expect(
      try JSONDecoder().decode([String: AbsolutePath].self, from: encoded) == ["workspace": base])
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([AbsolutePath].self, from: Data(#"["relative/path"]"#.utf8))
    }
  }

  @Test func aSuffixExtendsTheLastComponentInTheSameFolder() {
    let file = base.appending("progress.json")
    #expect(file.addingSuffix(".lock").string == "/home/ada/course/progress.json.lock")
    #expect(file.addingSuffix(".lock").parent == file.parent)
    #expect(file.addingSuffix("").string == file.string)
    #expect(AbsolutePath(validating: "/")!.addingSuffix(".lock").string == "/.lock")
  }
}

@Suite struct UserCacheTests {
  @Test func theCacheFolderFollowsXDGThenHome() {
    #expect(
      UserCache.directory("courses", environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"])?.string
        == "/x/lambdalings/courses")
    #expect(
      UserCache.directory("courses", environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"])?.string
        == "/h/.cache/lambdalings/courses")
    #expect(UserCache.directory("courses", environment: ["HOME": "relative"]) == nil)
    #expect(UserCache.directory("courses", environment: [:]) == nil)
  }

  @Test func theDigestIsFNV1aIn16HexDigits() {
    // FNV-1a 64 of the empty string is its offset basis; of "a", the published test vector.
    #expect(UserCache.digest("") == "cbf29ce484222325")
    #expect(UserCache.digest("a") == "af63dc4c8601ec8c")
    #expect(UserCache.digest("/course") != UserCache.digest("/course/"))
  }
}
