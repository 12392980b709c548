import Testing

@testable import Terminal

@Suite struct TerminalSettingsTests {
  let tty = ["TERM": "xterm-256color", "LANG": "en_US.UTF-8"]

  func detect(_ mode: ColorMode, _ env: [String: String], tty: Bool, size: Int? = nil)
    -> TerminalSettings
  {
    TerminalSettings.detect(colorFlag: mode, environment: env, isTTY: tty, terminalWidth: { size })
  }

  @Test func colourOnlyOnATerminalByDefault() {
    #expect(detect(.auto, tty, tty: true).useColor)
    #expect(!detect(.auto, tty, tty: false).useColor)
  }

  @Test func flagOverridesEnvironment() {
    #expect(detect(.always, ["NO_COLOR": "1"], tty: false).useColor)
    #expect(!detect(.never, ["CLICOLOR_FORCE": "1"], tty: true).useColor)
  }

  @Test func environmentVariables() {
    #expect(!detect(.auto, tty.merging(["NO_COLOR": "1"]) { $1 }, tty: true).useColor)
    #expect(detect(.auto, tty.merging(["NO_COLOR": ""]) { $1 }, tty: true).useColor)
    #expect(detect(.auto, ["CLICOLOR_FORCE": "1"], tty: false).useColor)
    #expect(!detect(.auto, ["CLICOLOR_FORCE": "0"], tty: false).useColor)
    #expect(!detect(.auto, ["TERM": "dumb"], tty: true).useColor)
    #expect(!detect(.auto, ["NO_COLOR": "x", "CLICOLOR_FORCE": "1"], tty: true).useColor)
  }

  @Test func widthFromTerminalThenColumnsThen80() {
    #expect(detect(.auto, ["COLUMNS": "120"], tty: true, size: 99).width == 99)
    #expect(detect(.auto, ["COLUMNS": "120"], tty: true, size: nil).width == 120)
    #expect(detect(.auto, ["COLUMNS": "120"], tty: false, size: 99).width == 120)
    #expect(detect(.auto, ["COLUMNS": "abc"], tty: false).width == 80)
    #expect(detect(.auto, ["COLUMNS": "0"], tty: false).width == 80)
    #expect(detect(.auto, [:], tty: false).width == 80)
  }

  @Test func unicodeNeedsUTF8LocaleAndAUsefulTerminal() {
    #expect(detect(.auto, tty, tty: true).supportsUnicode)
    #expect(detect(.auto, ["LC_ALL": "C.utf8", "LANG": "C"], tty: true).supportsUnicode)
    #expect(!detect(.auto, ["LC_ALL": "C", "LANG": "en_US.UTF-8"], tty: true).supportsUnicode)
    #expect(!detect(.auto, ["TERM": "dumb", "LANG": "en_US.UTF-8"], tty: true).supportsUnicode)
    #expect(!detect(.auto, [:], tty: true).supportsUnicode)
  }

  @Test func hyperlinksNeedColourAndAKnownTerminal() {
    #expect(
      detect(.auto, tty.merging(["TERM_PROGRAM": "iTerm.app"]) { $1 }, tty: true)
        .supportsHyperlinks)
    #expect(!detect(.auto, tty, tty: true).supportsHyperlinks)
    #expect(!detect(.never, ["FORCE_HYPERLINK": "1"], tty: true).supportsHyperlinks)
    #expect(detect(.always, ["FORCE_HYPERLINK": "1"], tty: false).supportsHyperlinks)
    #expect(
      !detect(
        .auto, tty.merging(["VTE_VERSION": "6003", "FORCE_HYPERLINK": "0"]) { $1 },
        tty: true
      ).supportsHyperlinks)
    #expect(
      detect(.auto, tty.merging(["VTE_VERSION": "6003"]) { $1 }, tty: true)
        .supportsHyperlinks)
  }

  @Test func explicitInitializerClampsValues() {
    let settings = TerminalSettings(useColor: false, width: 0, supportsHyperlinks: true)
    #expect(settings.width == 1)
    #expect(!settings.supportsHyperlinks)
    #expect(ColorMode(flag: "ALWAYS") == .always)
    #expect(ColorMode(flag: "sometimes") == nil)
  }
}
