/// The JSON progress store.
public enum ProgressModule {}
