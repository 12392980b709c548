import Foundation
import SystemSupport

/// Uploaded code: decoded, size-checked, unzipped by `ZipArchive` into `code/<id>/` once.
struct LambdaCode {
  var id: String
  var sha256: String
  var size: Int

  /// Reads `ZipFile` from a `Code` object (or an UpdateFunctionCode body) and stores it.
  static func store(from value: Any?, operation: String, in store: LocalAWSStore) throws(AWSError)
    -> LambdaCode
  {
    guard let code = value as? [String: Any] else { throw .invalid("Code is required") }
    if code["S3Bucket"] != nil || code["ImageUri"] != nil {
      throw .invalid(
        "lambdalings serve has no S3 or container registry: upload the zip itself with "
          + "--zip-file fileb://function.zip")
    }
    guard let text = code["ZipFile"] as? String else {
      throw .invalid("Code.ZipFile is required (the zip, base64-encoded; --zip-file fileb://...)")
    }
    guard let data = Data(base64Encoded: text) else {
      throw .invalid("Code.ZipFile is not valid base64")
    }
    guard data.count <= LambdaLimits.maxZippedBytes else {
      throw LambdaLimits.zipTooLarge(operation)
    }
    let bytes = [UInt8](data)
    let archive: ZipArchive
    do {
      archive = try ZipArchive(bytes: bytes, sizeLimit: LambdaLimits.maxUnzippedBytes)
    } catch .tooLarge {
      throw .invalid(
        "Unzipped size must be smaller than \(LambdaLimits.maxUnzippedBytes) bytes")
    } catch {
      throw .invalid(
        "Could not unzip uploaded file. Please check your file, then try to upload again. "
          + "(\(error))")
    }
    let digest = Checksums.sha256(bytes)
    let hex = digest.map { String(format: "%02x", $0) }.joined()
    let id = String(hex.prefix(32))
    let target = store.codeFolder.appending(id)
    if !FileManager.default.fileExists(atPath: target.string) {
      let staging = store.codeFolder.appending(".staging-\(UUID().uuidString)")
      do {
        _ = try archive.extract(to: staging)
        try FileManager.default.moveItem(at: staging.url, to: target.url)
        try data.write(to: store.codeFolder.appending(id + ".zip").url)
      } catch let failure as ZipArchive.Failure {
        try? FileManager.default.removeItem(at: staging.url)
        throw .invalid(
          "Could not unzip uploaded file. Please check your file, then try to upload again. "
            + "(\(failure))")
      } catch {
        try? FileManager.default.removeItem(at: staging.url)
        if !FileManager.default.fileExists(atPath: target.string) {
          throw .service("Could not store the code under \(target): \(error)")
        }
      }
    }
    return LambdaCode(id: id, sha256: Data(digest).base64EncodedString(), size: bytes.count)
  }
}
