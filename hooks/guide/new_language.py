"""`make new-language LANG=xx`: start a language with no Python change.

Creates docs/xx/ (the urgent box, the site's words, the glossary page's front matter),
glossary/xx.yml with every term to translate, and the language's entry in mkdocs.yml with
`build: false`, so nothing is published until the translators switch it on.
"""
from __future__ import annotations

import re
from pathlib import Path

from .readability_cli import ROOT, load_settings
from .translations import english_hash
from .translations_cli import languages

_CODE = re.compile(r"^[a-z]{2}$")


def add_language_entry(config_text: str, code: str) -> str:
    """Insert the language into the i18n plugin's `languages:` list of mkdocs.yml, keeping comments."""
    lines = config_text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(r"^\s+languages:\s*$", line))
    indent = None
    end = start + 1
    for i in range(start + 1, len(lines)):
        match = re.match(r"^(\s*)- locale:", lines[i])
        if match:
            indent = match.group(1)
            end = i + 1
        elif indent is not None and (lines[i].startswith(indent + "  ") or not lines[i].strip()):
            end = i + 1 if lines[i].strip() else end
        elif indent is not None:
            break
    indent = indent if indent is not None else " " * 8
    entry = (f"{indent}- locale: {code}\n{indent}  name: {code}   # write the language's own name here\n"
             f"{indent}  build: false   # true when the translation is ready to publish\n")
    return "".join(lines[:end]) + entry + "".join(lines[end:])


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Start a new language.")
    parser.add_argument("code", nargs="?", default="", help="two small letters, like pt")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    args = parser.parse_args(argv)
    code = args.code
    if not _CODE.match(code):
        print(f'"{code}" is not a language code. Use two small letters, like: make new-language LANG=pt')
        return 2
    config_file = args.config.resolve()
    root = config_file.parent
    config = load_settings(config_file)
    docs = root / config.get("docs_dir", "docs")
    default, names, _ = languages(config)
    if code in names or (docs / code).exists():
        print(f'The language "{code}" is already set up (see mkdocs.yml and docs/{code}/).')
        return 2
    folder = root / config.get("extra", {}).get("guide", {}).get("glossary", {}).get("folder", "glossary")
    made = []
    (docs / code / "_includes").mkdir(parents=True)
    for name in ("urgent.md", "strings.yml"):
        source = docs / default / "_includes" / name
        (docs / code / "_includes" / name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        made.append(f"docs/{code}/_includes/{name}")
    glossary_page = docs / default / "glossary.md"
    text = glossary_page.read_text(encoding="utf-8")
    text = text.replace("\n---", f"\ntranslation_of: {english_hash(text)}\ntranslation_status: draft\n---", 1)
    (docs / code / "glossary.md").write_text(text, encoding="utf-8")
    made.append(f"docs/{code}/glossary.md")
    english_glossary = (folder / f"{default}.yml").read_text(encoding="utf-8")
    (folder / f"{code}.yml").write_text(
        f"# Glossary in {code}: translate each term, its aliases and its definition. Keep the ids.\n" + english_glossary,
        encoding="utf-8")
    made.append(f"{folder.name}/{code}.yml")
    config_file.write_text(add_language_entry(config_file.read_text(encoding="utf-8"), code), encoding="utf-8")
    made.append("mkdocs.yml (the language, with build: false)")
    print("Made:\n  " + "\n  ".join(made))
    print(f"Next: translate those files, then pages from docs/{default}/ into docs/{code}/ (see TRANSLATING.md).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
