/// A DEFLATE (RFC 1951) decoder: stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Refuses rather than trusts: every read is bounds-checked, invalid codes and distances are
/// errors, and the output may not exceed `limit` bytes (a zip bomb stops at the limit).
struct Inflater {
  /// Why a stream could not be decoded.
  enum Failure: Error, Equatable {
    case truncated
    case invalid(String)
    case tooLarge
  }

  private let input: [UInt8]
  private var position = 0
  private var bitBuffer: UInt32 = 0
  private var bitCount = 0
  private var output: [UInt8] = []
  private let limit: Int

  /// Decodes `input`; `expectedSize` reserves memory, `limit` caps the output.
  static func inflate(_ input: [UInt8], expectedSize: Int = 0, limit: Int) throws(Failure)
    -> [UInt8]
  {
    var inflater = Inflater(input: input, limit: limit)
    inflater.output.reserveCapacity(min(max(expectedSize, 0), limit))
    try inflater.run()
    return inflater.output
  }

  private init(input: [UInt8], limit: Int) {
    self.input = input
    self.limit = limit
  }

  private mutating func run() throws(Failure) {
    var last = false
    while !last {
      last = try bits(1) == 1
      switch try bits(2) {
      case 0: try storedBlock()
      case 1: try huffmanBlock(Inflater.fixedLiterals, Inflater.fixedDistances)
      case 2:
        let (literals, distances) = try dynamicTables()
        try huffmanBlock(literals, distances)
      default: throw .invalid("reserved block type 3")
      }
    }
  }

  private mutating func bits(_ count: Int) throws(Failure) -> Int {
    while bitCount < count {
      guard position < input.count else { throw .truncated }
      bitBuffer |= UInt32(input[position]) << UInt32(bitCount)
      position += 1
      bitCount += 8
    }
    let value = Int(bitBuffer & ((1 << UInt32(count)) - 1))
    bitBuffer >>= UInt32(count)
    bitCount -= count
    return value
  }

  private mutating func storedBlock() throws(Failure) {
    bitBuffer = 0
    bitCount = 0
    guard position + 4 <= input.count else { throw .truncated }
    let length = Int(input[position]) | Int(input[position + 1]) << 8
    let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
    guard length == ~complement & 0xFFFF else { throw .invalid("stored block length mismatch") }
    position += 4
    guard position + length <= input.count else { throw .truncated }
    guard output.count + length <= limit else { throw .tooLarge }
    output.append(contentsOf: input[position..<position + length])
    position += length
  }

  /// A canonical Huffman code: symbol counts per length and symbols in code order.
  struct Huffman {
    var counts: [Int]
    var symbols: [Int]

    init(lengths: [Int]) throws(Failure) {
      counts = Array(repeating: 0, count: 16)
      for length in lengths { counts[length] += 1 }
      counts[0] = 0
      var left = 1
      for length in 1...15 {
        left <<= 1
        left -= counts[length]
        guard left >= 0 else { throw .invalid("over-subscribed Huffman code") }
      }
      var offsets = Array(repeating: 0, count: 16)
      for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
      symbols = Array(repeating: 0, count: lengths.count)
      for (symbol, length) in lengths.enumerated() where length != 0 {
        symbols[offsets[length]] = symbol
        offsets[length] += 1
      }
    }
  }

  private mutating func decode(_ code: Huffman) throws(Failure) -> Int {
    var value = 0
    var first = 0
    var index = 0
    for length in 1...15 {
      value |= try bits(1)
      let count = code.counts[length]
      if value - count < first { return code.symbols[index + (value - first)] }
      index += count
      first += count
      first <<= 1
      value <<= 1
    }
    throw .invalid("invalid Huffman code")
  }

  private static let lengthBase = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
    131, 163, 195, 227, 258,
  ]
  private static let lengthExtra = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  private static let distanceBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  private static let distanceExtra = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]

  private static let fixedLiterals: Huffman = {
    var lengths = Array(repeating: 8, count: 288)
    for index in 144..<256 { lengths[index] = 9 }
    for index in 256..<280 { lengths[index] = 7 }
    // The fixed code is valid by construction.
    return (try? Huffman(lengths: lengths)) ?? Huffman.empty
  }()
  private static let fixedDistances: Huffman = {
    (try? Huffman(lengths: Array(repeating: 5, count: 30))) ?? Huffman.empty
  }()

  private mutating func huffmanBlock(_ literals: Huffman, _ distances: Huffman) throws(Failure) {
    while true {
      let symbol = try decode(literals)
      if symbol < 256 {
        guard output.count < limit else { throw .tooLarge }
        output.append(UInt8(symbol))
      } else if symbol == 256 {
        return
      } else {
        let lengthIndex = symbol - 257
        guard lengthIndex < 29 else { throw .invalid("invalid length symbol") }
        let length =
          Inflater.lengthBase[lengthIndex] + (try bits(Inflater.lengthExtra[lengthIndex]))
        let distanceSymbol = try decode(distances)
        guard distanceSymbol < 30 else { throw .invalid("invalid distance symbol") }
        let distance =
          Inflater.distanceBase[distanceSymbol]
          + (try bits(Inflater.distanceExtra[distanceSymbol]))
        guard distance <= output.count else { throw .invalid("distance too far back") }
        guard output.count + length <= limit else { throw .tooLarge }
        var from = output.count - distance
        for _ in 0..<length {
          output.append(output[from])
          from += 1
        }
      }
    }
  }

  private static let codeLengthOrder = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
  ]

  private mutating func dynamicTables() throws(Failure) -> (Huffman, Huffman) {
    let literalCount = try bits(5) + 257
    let distanceCount = try bits(5) + 1
    let codeLengthCount = try bits(4) + 4
    guard literalCount <= 286, distanceCount <= 30 else {
      throw .invalid("too many length or distance codes")
    }
    var codeLengths = Array(repeating: 0, count: 19)
    for index in 0..<codeLengthCount {
      codeLengths[Inflater.codeLengthOrder[index]] = try bits(3)
    }
    let lengthCode = try Huffman(lengths: codeLengths)
    var lengths: [Int] = []
    while lengths.count < literalCount + distanceCount {
      let symbol = try decode(lengthCode)
      switch symbol {
      case 0...15:
        lengths.append(symbol)
      case 16:
        guard let previous = lengths.last else { throw .invalid("repeat with no previous length") }
        lengths.append(contentsOf: repeatElement(previous, count: 3 + (try bits(2))))
      case 17:
        lengths.append(contentsOf: repeatElement(0, count: 3 + (try bits(3))))
      default:
        lengths.append(contentsOf: repeatElement(0, count: 11 + (try bits(7))))
      }
    }
    guard lengths.count == literalCount + distanceCount else {
      throw .invalid("code lengths overrun")
    }
    guard lengths[256] != 0 else { throw .invalid("no end-of-block code") }
    let literals = try Huffman(lengths: Array(lengths[0..<literalCount]))
    let distances = try Huffman(lengths: Array(lengths[literalCount...]))
    return (literals, distances)
  }
}

extension Inflater.Huffman {
  /// A code with no symbols (decoding with it always fails).
  init(counts: [Int], symbols: [Int]) {
    self.counts = counts
    self.symbols = symbols
  }

  static let empty = Inflater.Huffman(counts: Array(repeating: 0, count: 16), symbols: [])
}
