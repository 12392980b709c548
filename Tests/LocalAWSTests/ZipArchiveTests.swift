import Foundation
import LambdaRuntime
import SystemSupport
import Testing

@testable import LocalAWS

/// Zips made by Python's zipfile (deflate) and by hand (stored, ZIP64 markers, corruption).
@Suite struct ZipArchiveTests {
  /// A zip made by python3's zipfile with the given method, or nil when python3 is absent.
  private func pythonZip(_ files: [String: String], method: String = "ZIP_DEFLATED") throws
    -> [UInt8]?
  {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
      print("skipped: python3 is not installed at /usr/bin/python3")
      return nil
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let spec = try JSONSerialization.data(withJSONObject: files)
    try spec.write(to: folder.appendingPathComponent("spec.json"))
    let script = """
      import json, sys, zipfile
      files = json.load(open(sys.argv[1]))
      with zipfile.ZipFile(sys.argv[2], 'w', zipfile.\(method)) as z:
          for name, text in files.items():
              info = zipfile.ZipInfo(name)
              info.external_attr = (0o755 if name == 'bootstrap' else 0o644) << 16
              info.create_system = 3
              z.writestr(info, text, compress_type=zipfile.\(method))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [
      "-c", script, folder.appendingPathComponent("spec.json").path,
      folder.appendingPathComponent("out.zip").path,
    ]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return try [UInt8](Data(contentsOf: folder.appendingPathComponent("out.zip")))
  }

  private let files = [
    "lambda_function.py": "def lambda_handler(event, context):\n    return 1\n",
    "lib/data.txt": String(repeating: "lambda lambdalings ", count: 5000),
    "bootstrap": "#!/bin/sh\necho hi\n",
  ]

  @Test func deflatedEntriesInflateExactly() throws {
    guard let bytes = try pythonZip(files) else { return }
    let archive = try ZipArchive(bytes: bytes, sizeLimit: 1 << 20)
    #expect(archive.entries.count == 3)
    for entry in archive.entries {
      #expect(entry.method == 8)
      #expect(String(decoding: try archive.data(of: entry), as: UTF8.self) == files[entry.name])
    }
    #expect(archive.unzippedSize == files.values.reduce(0) { $0 + $1.utf8.count })
  }

  @Test func storedEntriesAndExecuteBitsSurviveExtraction() throws {
    guard let bytes = try pythonZip(files, method: "ZIP_STORED") else { return }
    let archive = try ZipArchive(bytes: bytes, sizeLimit: 1 << 20)
    let folder = AbsolutePath(NSTemporaryDirectory(), relativeTo: .currentDirectory())
      .appending(UUID().uuidString)
    defer { try? FileManager.default.removeItem(at: folder.url) }
    #expect(try archive.extract(to: folder) == 3)
    let text = try String(contentsOf: folder.appending("lib/data.txt").url, encoding: .utf8)
    #expect(text == files["lib/data.txt"])
    #expect(FileManager.default.isExecutableFile(atPath: folder.appending("bootstrap").string))
    #expect(
      !FileManager.default.isExecutableFile(
        atPath: folder.appending("lambda_function.py").string))
  }

  @Test func theUnzippedLimitIsEnforcedFromTheDirectory() throws {
    guard let bytes = try pythonZip(files) else { return }
    #expect(throws: ZipArchive.Failure.tooLarge(limit: 1000)) {
      _ = try ZipArchive(bytes: bytes, sizeLimit: 1000)
    }
  }

  @Test func corruptArchivesAreRefusedNeverCrash() throws {
    guard let bytes = try pythonZip(files) else { return }
    #expect(throws: ZipArchive.Failure.self) { _ = try ZipArchive(bytes: [1, 2, 3], sizeLimit: 1) }
    #expect(throws: ZipArchive.Failure.self) {
      _ = try ZipArchive(bytes: Array("not a zip at all, but long enough".utf8), sizeLimit: 1)
    }
    // Flip bytes inside the compressed data: inflating or the CRC check must fail.
    var damaged = bytes
    for index in stride(from: 60, to: 400, by: 7) { damaged[index] ^= 0x5A }
    let archive = try ZipArchive(bytes: damaged, sizeLimit: 1 << 20)
    var failures = 0
    for entry in archive.entries {
      do { _ = try archive.data(of: entry) } catch { failures += 1 }
    }
    #expect(failures > 0)
    // Every truncation is an error or a readable archive, never a crash.
    for length in stride(from: 0, to: bytes.count, by: 37) {
      if let cut = try? ZipArchive(bytes: Array(bytes[0..<length]), sizeLimit: 1 << 20) {
        for entry in cut.entries { _ = try? cut.data(of: entry) }
      }
    }
    // Random garbage through the inflater.
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      let noise = (0..<Int.random(in: 1...200, using: &generator)).map { _ in
        UInt8.random(in: 0...255, using: &generator)
      }
      _ = try? Inflater.inflate(noise, limit: 100_000)
    }
  }

  @Test func zip64IsRefusedClearly() throws {
    guard let bytes = try pythonZip(["a.txt": "a"]) else { return }
    var patched = bytes
    // Mark the end record's central directory offset as ZIP64's 0xFFFFFFFF.
    let end = patched.count - 22
    for index in 16..<20 { patched[end + index] = 0xFF }
    do {
      _ = try ZipArchive(bytes: patched, sizeLimit: 1 << 20)
      Issue.record("a ZIP64 marker was accepted")
    } catch {
      #expect("\(error)".contains("ZIP64"))
    }
  }

  @Test func namesThatEscapeTheFolderAreRefused() throws {
    guard let bytes = try pythonZip(["../evil.py": "x"]) else { return }
    #expect(throws: ZipArchive.Failure.self) {
      _ = try ZipArchive(bytes: bytes, sizeLimit: 1 << 20)
    }
  }

  @Test func checksumsMatchKnownValues() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    let digest = Checksums.sha256(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
    #expect(digest == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let empty = Checksums.sha256([]).map { String(format: "%02x", $0) }.joined()
    #expect(empty == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }
}
