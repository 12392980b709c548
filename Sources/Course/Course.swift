/// The course model: lessons, exercises and quizzes, loaded with diagnostics.
public enum CourseModule {}
