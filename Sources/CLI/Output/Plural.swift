/// English plurals for counted words: "1 question", "2 questions", "3 quizzes".
enum Plural {
  /// `singular` or its plural, as `count` needs.
  static func noun(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    count == 1 ? singular : (plural ?? regular(singular))
  }

  /// `count` followed by the word in the right number: `1 question`, `3 quizzes`.
  static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(noun(count, singular, plural))"
  }

  /// The regular plural: `quiz` -> `quizzes`, `match` -> `matches`, `step` -> `steps`.
  static func regular(_ word: String) -> String {
    if word.hasSuffix("z") { return word + "zes" }
    if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("ch") || word.hasSuffix("sh") {
      return word + "es"
    }
    return word + "s"
  }
}
