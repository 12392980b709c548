#!/usr/bin/env python3
"""List every number in the chapters and quiz keys, and whether facts.md has it.

A review aid, not a gate: it always exits 0 once it has printed its report (2 when an input
is missing). Run it from the repository root:

    python3 docs/tools/number-audit.py                      # facts from ../shared/facts.md
    python3 docs/tools/number-audit.py --facts PATH --course DIR
    python3 docs/tools/number-audit.py --missing-only       # only what facts.md lacks

What it reads:
- chapters: lessons/*.md (course.md excluded), prose and tables; fenced code blocks, inline
  code, URLs and ISO dates are skipped (commands and sample events are not facts);
- quiz keys: for every question of lessons/quizzes/*.md, the correct choices, the `[[...]]`
  answer and the explanation.

A number "appears in facts.md" when facts.md has the same quantity: sizes and durations are
compared in base units (900 s = 15 min, 10,240 MB = 10 GB), other numbers as they are. A
number facts.md has only with another unit, or without one, is reported as "number only".
"""

import argparse
import os
import re
import sys

UNITS = {
    # size, in bytes (binary, as Lambda's documentation uses them)
    "B": ("size", 1), "KB": ("size", 1024), "MB": ("size", 1024**2), "GB": ("size", 1024**3),
    "TB": ("size", 1024**4),
    # time, in milliseconds
    "ms": ("time", 1), "s": ("time", 1000), "sec": ("time", 1000), "second": ("time", 1000),
    "seconds": ("time", 1000), "min": ("time", 60_000), "minute": ("time", 60_000),
    "minutes": ("time", 60_000), "h": ("time", 3_600_000), "hour": ("time", 3_600_000),
    "hours": ("time", 3_600_000), "day": ("time", 86_400_000), "days": ("time", 86_400_000),
    "%": ("percent", 1),
}
UNIT_PATTERN = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
NUMBER = re.compile(
    r"(?<![\w.,/])(?<![A-Za-z]-)"  # not inside a word, a version or an id such as DVA-C02
    r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"  # 10,240 or 0.5
    r"(?:\s?(" + UNIT_PATTERN + r"))?(?![\w])"
)
SKIP = [
    re.compile(r"`[^`]*`"),                      # inline code
    re.compile(r"https?://\S+"),                 # URLs
    re.compile(r"\b\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?\b"),  # ISO dates and timestamps
    re.compile(r"\b[A-Z]{3}-C0\d \d\.\d\b"),       # exam task tags
]


def quantities(text):
    """(shown text, number, unit or None) for every number in a line of prose."""
    for pattern in SKIP:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    for match in NUMBER.finditer(text):
        number = float(match.group(1).replace(",", ""))
        yield match.group(0).strip(), number, match.group(2)


def key(number, unit):
    """A comparable key: (dimension, value in base units), or ("plain", number)."""
    if unit and unit in UNITS:
        dimension, factor = UNITS[unit]
        return (dimension, round(number * factor, 6))
    return ("plain", round(number, 6))


def prose_lines(path):
    """(line number, text) of a Markdown file outside front matter and fenced code."""
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    fence = None
    start = 0
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() == "---":
                start = index + 1
                break
    for number, line in enumerate(lines[start:], start=start + 1):
        stripped = line.strip()
        marker = re.match(r"(`{3,}|~{3,})", stripped)
        if marker:
            if fence is None:
                fence = marker.group(1)[0]
            elif stripped.startswith(fence * 3):
                fence = None
            continue
        if fence is None:
            yield number, line


def quiz_key_lines(path):
    """(line number, text) of the answer keys and explanations of a quiz bank."""
    in_explanation = False
    for number, line in prose_lines(path):
        stripped = line.strip()
        if stripped.startswith("## "):
            in_explanation = False
            continue
        if stripped.lower().startswith("> explanation:") or stripped.lower() == "### explanation":
            in_explanation = True
        if in_explanation and (stripped.startswith(">") or not stripped.startswith("- [")):
            if stripped.startswith("tags:") or stripped.startswith("exam:"):
                continue
            yield number, line
        elif stripped.startswith("- [x]") or stripped.startswith("[["):
            yield number, line


def facts_index(path):
    keys, plain = set(), set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            for _, number, unit in quantities(line):
                keys.add(key(number, unit))
                plain.add(round(number, 6))
    return keys, plain


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--course", default=root, help="course folder (default: this repository)")
    parser.add_argument(
        "--facts",
        default=os.environ.get("LAMBDALINGS_FACTS", os.path.join(root, "..", "shared", "facts.md")),
        help="facts.md to compare with (default: $LAMBDALINGS_FACTS or ../shared/facts.md)",
    )
    parser.add_argument(
        "--missing-only", action="store_true", help="print only numbers facts.md lacks"
    )
    options = parser.parse_args()
    if not os.path.isfile(options.facts):
        print(f"error: no facts file at {options.facts}; pass --facts PATH", file=sys.stderr)
        return 2
    lessons = os.path.join(options.course, "lessons")
    if not os.path.isdir(lessons):
        print(f"error: no lessons/ folder in {options.course}; pass --course DIR", file=sys.stderr)
        return 2
    keys, plain = facts_index(options.facts)
    files = [
        (os.path.join(lessons, name), prose_lines)
        for name in sorted(os.listdir(lessons))
        if name.endswith(".md") and name != "course.md"
    ]
    quizzes = os.path.join(lessons, "quizzes")
    if os.path.isdir(quizzes):
        files += [
            (os.path.join(quizzes, name), quiz_key_lines)
            for name in sorted(os.listdir(quizzes))
            if name.endswith(".md")
        ]
    totals = {"in facts.md": 0, "number only": 0, "not in facts.md": 0}
    for path, reader in files:
        relative = os.path.relpath(path, options.course)
        for line_number, text in reader(path):
            for shown, number, unit in quantities(text):
                if key(number, unit) in keys:
                    verdict = "in facts.md"
                elif round(number, 6) in plain:
                    verdict = "number only"
                else:
                    verdict = "not in facts.md"
                totals[verdict] += 1
                if options.missing_only and verdict == "in facts.md":
                    continue
                mark = {"in facts.md": "✓", "number only": "~", "not in facts.md": "✗"}[verdict]
                print(f"{mark} {relative}:{line_number}: {shown}  ({verdict})")
    summary = ", ".join(f"{count} {label}" for label, count in totals.items())
    print(f"\n{sum(totals.values())} numbers: {summary}. Review the ✗ and ~ lines by hand.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
