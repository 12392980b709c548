/// Terminal detection, ANSI styling and the Markdown-to-terminal renderer.
public enum TerminalModule {}
