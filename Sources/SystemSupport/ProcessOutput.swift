import Foundation

/// A bounded buffer of a child's output: keeps the last `capacity` bytes and counts the rest.
///
/// Output flooding (tens of megabytes) therefore costs at most about twice `capacity` in memory.
public struct ProcessOutput: Sendable {
  /// The most bytes kept; older bytes are dropped first.
  public let capacity: Int
  private var storage: [UInt8] = []
  /// How many bytes were dropped because the buffer was full.
  public private(set) var droppedBytes = 0

  /// Creates an empty buffer keeping at most `capacity` bytes.
  public init(capacity: Int) {
    self.capacity = max(1, capacity)
  }

  /// The bytes currently kept.
  public var bytes: [UInt8] { storage }

  /// True when nothing was written since the last `take()`.
  public var isEmpty: Bool { storage.isEmpty && droppedBytes == 0 }

  /// Appends bytes, dropping the oldest ones once the buffer holds twice its capacity.
  public mutating func append(_ chunk: UnsafeRawBufferPointer) {
    if chunk.count >= capacity {
      droppedBytes += storage.count + chunk.count - capacity
      storage = Array(chunk.suffix(capacity))
      return
    }
    storage.append(contentsOf: chunk)
    if storage.count > capacity * 2 {
      let excess = storage.count - capacity
      droppedBytes += excess
      storage.removeFirst(excess)
    }
  }

  /// Returns the kept text (at most `capacity` bytes) and the dropped count, then empties the buffer.
  public mutating func take() -> (text: String, droppedBytes: Int) {
    var kept = storage[...]
    var dropped = droppedBytes
    if kept.count > capacity {
      dropped += kept.count - capacity
      kept = kept.suffix(capacity)
    }
    let text = String(decoding: kept, as: UTF8.self)
    storage.removeAll(keepingCapacity: storage.count <= capacity)
    droppedBytes = 0
    return (text, dropped)
  }
}
