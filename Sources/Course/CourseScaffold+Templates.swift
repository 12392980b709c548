extension CourseScaffold {
  /// The text of scaffolded files. Comments say what to fill in; every file is valid as it is.
  enum Templates {
    static let course = """
      ---
      # The course id is stored in every learner's progress: choose it once, never change it.
      id: my-course
      title: My Lambda course
      ---
      One paragraph shown on the dashboard: who the course is for and what they will build.

      """

    static func chapter(id: String, title: String, order: Int) -> String {
      """
      ---
      # The id is what exercises, quizzes and links (\(id)#section) refer to; never change it.
      id: \(id)
      title: \(title)
      order: \(order)
      # exercises: first-exercise, second-exercise   (done after reading, in this order)
      # quiz: \(id)-quiz                              (the quiz that closes the chapter)
      ---
      # \(title)

      Replace this paragraph with the chapter's introduction: what the reader will be able to
      do after it. Every `## ` heading below becomes a section anchor (`\(id)#first-section`)
      that quiz explanations and exercise statements can link to.

      ## First section
      Write the first section here. Keep facts in line with the course's sources.

      """
    }

    /// Relative path to text, for an exercise folder.
    static func exercise(id: String, title: String, chapter: String?) -> [(String, String)] {
      let chapterLine =
        chapter.map { "chapter: \($0)" } ?? "# chapter: the chapter this exercise practises"
      let statement = """
        ---
        # The id must equal the folder name; learners' progress is keyed by it.
        id: \(id)
        title: \(title)
        \(chapterLine)
        languages: python, node
        # timeout: 3        (seconds, 1-900)
        # memory: 128       (MB, 128-10240)
        ---
        # \(title)

        Say what to build, which chapter section it practises, and how to try it. Replace this
        example task: return `{"message": "Hello, <name>!"}` for an event `{"name": "..."}`.

        ```
        echo '{"name": "Ada"}' | lambdalings invoke lambdalings-workspace/exercises/\(id)/lambda_function.py --event -
        ```

        """
      let spec = """
        {
          "cases": [
            {
              "name": "greets the name from the event",
              "event": { "name": "Ada" },
              "expect": { "result": { "message": "Hello, Ada!" } }
            }
          ]
        }

        """
      let hints = """
        ## Hint 1
        A first nudge: where to look (the event, the context object, a chapter section).

        ## Hint 2
        A stronger hint: the approach, in a sentence or two. For the example: read
        `event["name"]` (Python) or `event.name` (Node).

        ## Hint 3
        Nearly the answer: `return {"message": f"Hello, {event['name']}!"}` (Python) or
        ``return { message: `Hello, ${event.name}!` }`` (Node).

        """
      let starterPython = """
        # The starter learners begin from: it must run, and fail at least one case.
        def lambda_handler(event, context):
            # TODO: build the greeting from event["name"].
            return {"message": "TODO"}

        """
      let solutionPython = """
        # The reference solution: it must pass every case of spec.json.
        def lambda_handler(event, context):
            return {"message": f"Hello, {event['name']}!"}

        """
      let starterNode = """
        // The starter learners begin from: it must run, and fail at least one case.
        export const handler = async (event) => {
          // TODO: build the greeting from event.name.
          return { message: 'TODO' };
        };

        """
      let solutionNode = """
        // The reference solution: it must pass every case of spec.json.
        export const handler = async (event) => ({ message: `Hello, ${event.name}!` });

        """
      return [
        ("exercise.md", statement), ("spec.json", spec), ("hints.md", hints),
        ("starter/python/lambda_function.py", starterPython),
        ("solution/python/lambda_function.py", solutionPython),
        ("starter/node/index.mjs", starterNode), ("solution/node/index.mjs", solutionNode),
      ]
    }

    static func quiz(id: String, title: String, chapter: String?, anchor: String?) -> String {
      let chapterLine = chapter.map { "chapter: \($0)" } ?? "# chapter: the chapter it closes"
      let see =
        chapter.map { "see: \($0)" + (anchor.map { "#\($0)" } ?? "") }
        ?? "# see: chapter-id#section (where the explanation comes from)"
      return """
        ---
        id: \(id)
        title: \(title)
        \(chapterLine)
        ---
        # \(title)

        Text before the first question is an introduction. Each `## id` heading is a question
        with a stable id; see docs/authoring-quizzes.md for every question kind.

        ## \(id)-timeout-default
        tags: configuration, timeout
        exam: DVA-C02 1.2
        \(see)

        What is the default timeout of a new Lambda function?

        - [ ] 1 second
        - [x] 3 seconds
        - [ ] 15 seconds
        - [ ] 900 seconds

        > Explanation: A new function times out after 3 seconds unless you raise it (up to 900
        > seconds). Replace this question with your own.

        """
    }
  }
}
