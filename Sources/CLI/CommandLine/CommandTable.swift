/// Every registered command, in the order `lambdalings help` lists them.
/// Only commands that really work are registered.
enum CommandTable {
  static let all: [CommandSpec] = [
    .dashboard,
    .initialize,
    .list,
    .read,
    .next,
    .check,
    .watch,
    .hint,
    .edit,
    .solution,
    .reset,
    .progress,
    .verify,
    .quiz,
    .review,
    .invoke,
    .serve,
    .events,
    .render,
    .validate,
    .completions,
    .new,
    .help,
  ]
}
