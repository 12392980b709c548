extension String {
  /// The text without one final full stop, so a system message can sit inside a sentence.
  var trimmingFinalPeriod: String { hasSuffix(".") ? String(dropLast()) : self }
}
