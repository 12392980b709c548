import Foundation
import Quiz
import Terminal

extension QuizCommandSupport {
  /// The last attempt at the whole of `quizID` (practice on part of it, `--topic` or
  /// `--count`, is passed over) when the learner stopped it part-way: its index among the
  /// quiz's attempts and the answers it kept. It must have `questionCount` questions; whether
  /// they are still the quiz's is for `QuizSession.resume` to say.
  static func stoppedAttempt(_ quizID: String, questionCount: Int, _ context: Context) throws
    -> (index: Int, answers: [EarlierAnswer])?
  {
    let attempts = try WorkspaceSetup.progress(context).quizzes[quizID]?.attempts ?? []
    guard let index = attempts.lastIndex(where: { $0.sample != true }) else { return nil }
    let last = attempts[index]
    guard !last.answers.isEmpty, last.answers.count < last.questionCount,
      last.questionCount == questionCount
    else { return nil }
    let answers = last.answers.map {
      EarlierAnswer(questionID: $0.questionID, input: $0.answer, correct: $0.correct)
    }
    return (index, answers)
  }

  /// Continues the learner's stopped attempt at `quizID` in `session`, unless `--restart` says
  /// to start over; the answers given then are kept and the run goes on at the next question,
  /// saying so. Returns whether it did.
  static func resumeStopped(
    _ quizID: String, session: inout QuizSession, recorder: inout QuizRecorder,
    _ invocation: CommandRun
  ) throws -> Bool {
    let context = invocation.context
    guard !invocation.args.flag("restart"), try WorkspaceSetup.existing(context) != nil,
      let stopped = try stoppedAttempt(quizID, questionCount: session.items.count, context),
      session.resume(stopped.answers)
    else { return false }
    recorder.continueAttempt(at: stopped.index)
    let out = invocation.out
    let answered = Plural.count(stopped.answers.count, "answer")
    let text =
      "Continuing at question \(session.position + 1) of \(session.items.count), where you"
      + " stopped (\(answered) kept); "
      + out.styler.apply(context.command("quiz \(quizID) --restart"), .command)
      + " starts over."
    out.line(text)
    return true
  }
}
