import CLI
import Foundation

LambdalingsCLI.exit(
  LambdalingsCLI.run(
    arguments: Array(CommandLine.arguments.dropFirst()),
    environment: ProcessInfo.processInfo.environment))
