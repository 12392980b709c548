/// Quiz questions, sessions, scoring and review scheduling.
public enum QuizModule {}
