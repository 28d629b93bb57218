#!/usr/bin/env python3
"""Moves the texts only the service uses out of the rules module's central bundles into the service's bundles.

The central bundles rules/src/main/resources/org/slatecheck/rules/messages_{vi,en}.properties keep the keys that
code in rules/src/main uses: the key is written there (outside the bundles), or it matches one of the composed-key
patterns of rules/src/test/resources/org/slatecheck/rules/text/composed-keys.txt. Every other key is moved, with its
comment lines, to the end of service/src/main/resources/i18n/pages_{vi,en}.properties, in the order the central
bundles have it. A comment block that heads both staying and moving keys is kept and copied. A key the service's
bundle already has is not added twice (a key lives in one bundle): the script stops and names it, or, with
--replace, puts the central bundle's text in its place in the service's bundle — the case of a merge where the other
branch changed a text that this one had moved.

The same rule is checked by rules' TextPlacementTest; run this script after merging a branch that appended page
texts (ui.*, election.*, audit.*…) to the central bundles:

    python3 scripts/move-page-texts.py            # move, and say what moved
    python3 scripts/move-page-texts.py --dry-run  # only say what would move (exit code 1 when something would)
    python3 scripts/move-page-texts.py --replace  # also take the central text of keys the service already has

Run it from the repository root (or give --root). It only edits the four .properties files.
"""
import argparse
import os
import re
import sys

CENTRAL = "rules/src/main/resources/org/slatecheck/rules/messages_{}.properties"
PAGES = "service/src/main/resources/i18n/pages_{}.properties"
COMPOSED = "rules/src/test/resources/org/slatecheck/rules/text/composed-keys.txt"
RULES_MAIN = "rules/src/main"
LANGUAGES = ("vi", "en")
HEADER = {
    "vi": "# SlateCheck: văn bản của các trang, bản PDF, tệp xuất và dòng lệnh (tiếng Việt), chỉ phần dịch vụ dùng.\n"
          "# Khóa phải có ở cả pages_en.properties; văn bản của bộ máy quy tắc ở\n"
          "# rules/src/main/resources/org/slatecheck/rules/messages_vi.properties (kiểm tra tự động: TextBundlesTest).\n",
    "en": "# SlateCheck: the texts of the pages, PDFs, exports and the command line (English), used by the service only.\n"
          "# Every key is also in pages_vi.properties; the rule engine's texts are in\n"
          "# rules/src/main/resources/org/slatecheck/rules/messages_en.properties (checked by TextBundlesTest).\n",
}
TOKEN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*")
KEY_LINE = re.compile(r"^([^#!\s=:][^=:\s]*)\s*[=:]")


def parse(path):
    """The file as a list of items: ('comment', lines), ('blank', lines) or ('key', key, lines)."""
    items = []
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            items.append(("blank", [line]))
            i += 1
        elif stripped.startswith(("#", "!")):
            items.append(("comment", [line]))
            i += 1
        else:
            m = KEY_LINE.match(line.lstrip())
            if not m:
                sys.exit(f"{path}:{i + 1}: not a key line: {line.rstrip()}")
            block = [line]
            while continued(block[-1]) and i + 1 < len(lines):
                i += 1
                block.append(lines[i])
            items.append(("key", m.group(1), block))
            i += 1
    return items


def continued(line):
    body = line.rstrip("\r\n")
    trailing = len(body) - len(body.rstrip("\\"))
    return trailing % 2 == 1


def sections(items):
    """Items grouped: a run of comment lines with the keys and blank lines after it, up to the next comment."""
    out = []
    current = []
    for item in items:
        if item[0] == "comment" and current and any(x[0] != "comment" for x in current):
            out.append(current)
            current = []
        current.append(item)
    if current:
        out.append(current)
    return out


def rules_tokens(root):
    tokens = set()
    central = {os.path.normpath(os.path.join(root, CENTRAL.format(lang))) for lang in LANGUAGES}
    for base, dirs, files in os.walk(os.path.join(root, RULES_MAIN)):
        dirs[:] = [d for d in dirs if d != "target"]
        for name in files:
            path = os.path.normpath(os.path.join(base, name))
            if path in central:
                continue
            try:
                with open(path, encoding="utf-8") as f:
                    tokens.update(TOKEN.findall(f.read()))
            except (UnicodeDecodeError, OSError):
                continue
    return tokens


def composed_patterns(root):
    patterns = []
    with open(os.path.join(root, COMPOSED), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                patterns.append(re.compile(line.split()[0]))
    return patterns


def used_by_rules(key, tokens, patterns):
    return key in tokens or any(p.fullmatch(key) for p in patterns)


def render(items):
    text = "".join(line for item in items for line in item[-1])
    return re.sub(r"\n{3,}", "\n\n", text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=".", help="the repository root (default: the current folder)")
    parser.add_argument("--dry-run", action="store_true", help="only list the keys that would move")
    parser.add_argument("--replace", action="store_true",
                        help="a key the service's bundle already has takes the central bundle's text, in its place "
                             "in the service's bundle (after a merge that changed a moved text on the other side)")
    args = parser.parse_args()
    root = args.root
    tokens = rules_tokens(root)
    patterns = composed_patterns(root)

    central = {lang: parse(os.path.join(root, CENTRAL.format(lang))) for lang in LANGUAGES}
    moving = set()
    for lang in LANGUAGES:
        moving.update(i[1] for i in central[lang] if i[0] == "key" and not used_by_rules(i[1], tokens, patterns))
    if not moving:
        print("nothing to move: every key of the central bundles is used in rules/src/main")
        return 0
    present = {}
    for lang in LANGUAGES:
        path = os.path.join(root, PAGES.format(lang))
        present[lang] = parse(path) if os.path.exists(path) else []
        twice = sorted(moving & {i[1] for i in present[lang] if i[0] == "key"})
        if twice and not args.replace:
            sys.exit(f"{PAGES.format(lang)} already has {', '.join(twice)}: run again with --replace to keep the "
                     f"central bundle's text (in the service's bundle), or remove one of the two texts by hand")
    if args.dry_run:
        report(moving, "would move")
        return 1

    for lang in LANGUAGES:
        stay, go = [], []
        texts = {i[1]: i for i in central[lang] if i[0] == "key" and i[1] in moving}
        replaced = {i[1] for i in present[lang] if i[0] == "key" and i[1] in texts}
        kept = [texts[i[1]] if i[0] == "key" and i[1] in replaced else i for i in present[lang]]
        heading = last_comments(kept)  # a section continued by a later run is not headed twice
        for n, section in enumerate(sections(central[lang])):
            keys = [i for i in section if i[0] == "key"]
            moved = [i for i in keys if i[1] in moving and i[1] not in replaced]
            if not keys or len([i for i in keys if i[1] in moving]) < len(keys):
                stay.extend(i for i in section if not (i[0] == "key" and i[1] in moving))
            if moved:
                comments = [i for i in section if i[0] == "comment"]
                if n > 0 and not (not go and comments == heading):
                    # (the first comments are the central bundle's own header, not a section's)
                    go.extend(comments)
                go.extend(moved)
                go.append(("blank", ["\n"]))
        with open(os.path.join(root, CENTRAL.format(lang)), "w", encoding="utf-8") as f:
            f.write(render(stay))
        path = os.path.join(root, PAGES.format(lang))
        existing = ""
        if os.path.exists(path):
            existing = "".join(line for item in kept for line in item[-1])
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            existing = HEADER[lang]
        if existing and not existing.endswith("\n"):
            existing += "\n"
        with open(path, "w", encoding="utf-8") as f:
            f.write(render([("blank", [existing, "\n"])] + go).rstrip("\n") + "\n")
    report(moving, "moved")
    return 0


def last_comments(items):
    """The last run of comment lines of items, as items."""
    run, last = [], []
    for item in items:
        if item[0] == "comment":
            run.append(item)
        elif run:
            last, run = run, []
    return run or last


def report(moving, verb):
    print(f"{len(moving)} keys {verb} to {PAGES.format('*')}:")
    for key in sorted(moving):
        print("  " + key)


if __name__ == "__main__":
    sys.exit(main())
