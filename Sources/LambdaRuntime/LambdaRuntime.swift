/// The local Lambda runtime: Runtime API server, execution environments, events.
public enum LambdaRuntimeModule {}
