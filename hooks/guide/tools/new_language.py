"""`python -m guide new-language xx` (`make new-language LANG=xx`): start a language with no Python change.

Creates docs/xx/ (the urgent box, the site's words with the notices already translated where the
language table has them, the glossary page's front matter), glossary/xx.yml with every term to
translate, and the language's entry in mkdocs.yml: its name, site name and menu section names to
translate. The language is built at once: each page shows in English with a notice in the language.
"""
from __future__ import annotations

import re

import argparse
import json

from ..languages import Language, unknown_language_note
from ..mkdocs_yml import load_mkdocs_yml
from ..translations import english_hash
from . import OK, ToolError, load, say

_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")  # pt, fil, pt-BR, zh-Hant


def add_language_entry(config_text: str, code: str, language: Language, site_name: str, sections: list[str]) -> str:
    """Insert the language into the i18n plugin's `languages:` list of mkdocs.yml, keeping comments."""
    lines = config_text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s+languages:\s*$", line)), None)
    if start is None:
        raise ToolError("mkdocs.yml has no list of languages (plugins: i18n: languages:). "
                        "Add the i18n plugin with English first; see mkdocs-static-i18n's documentation.")
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
    name = json.dumps(language.name, ensure_ascii=False) if language.known else f"{code}   # write the language's own name here"
    entry = (f"{indent}- locale: {code}\n{indent}  name: {name}\n"
             f"{indent}  build: true   # false hides the language from the published site\n"
             f"{indent}  site_name: {json.dumps(site_name, ensure_ascii=False)}   # translate\n")
    if sections:
        entry += f"{indent}  nav_translations:   # translate the text after each colon\n"
        quoted = [json.dumps(section, ensure_ascii=False) for section in sections]  # "No" or "On: the day" stay text
        entry += "".join(f"{indent}    {text}: {text}\n" for text in quoted)
    return "".join(lines[:end]) + entry + "".join(lines[end:])


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", nargs="?", default="", help="two small letters, like pt")


def section_names(nav: object) -> list[str]:
    """The menu's section names (entries that hold other entries): each language translates them."""
    found: list[str] = []
    for item in nav if isinstance(nav, list) else []:
        if isinstance(item, dict):
            for name, value in item.items():
                if isinstance(value, list):
                    found += [name, *section_names(value)]
    return found


def starter_strings(english: str, language: Language) -> str:
    """The English strings file with the notices already in the language, where the table has them."""
    lines = []
    for line in english.splitlines(keepends=True):
        key = line.split(":", 1)[0]
        if key in language.starter_strings:
            line = f"{key}: {json.dumps(language.starter_strings[key], ensure_ascii=False)}\n"
        lines.append(line)
    return "".join(lines)


def run(args: argparse.Namespace) -> int:
    code = args.code
    if not _CODE.match(code):
        raise ToolError(f'"{code}" is not a language code. Use two small letters, like: make new-language LANG=pt '
                        "(or three, or a region after a dash: fil, pt-BR).")
    project = load(args.config)
    docs, default, settings = project.docs, project.default, project.settings
    if code in project.inputs.names or (docs / code).exists():
        raise ToolError(f'The language "{code}" is already set up (see mkdocs.yml and docs/{code}/).')
    language = project.language(code)
    config_file = project.inputs.config_file
    site_name = load_mkdocs_yml(config_file).get("site_name", "")
    new_config = add_language_entry(config_file.read_text(encoding="utf-8"), code, language, site_name,
                                    section_names(project.inputs.nav))  # first: it may refuse, before any file is made
    made = []
    for path in (settings.strings, settings.urgent_box):
        (docs / code / path).parent.mkdir(parents=True, exist_ok=True)
    english_strings = (docs / default / settings.strings).read_text(encoding="utf-8")
    (docs / code / settings.strings).write_text(starter_strings(english_strings, language), encoding="utf-8")
    (docs / code / settings.urgent_box).write_text((docs / default / settings.urgent_box).read_text("utf-8"), "utf-8")
    made += [f"docs/{code}/{settings.strings}", f"docs/{code}/{settings.urgent_box}"]
    text = project.pages[f"{default}/{settings.glossary.page}"]
    text = text.replace("\n---", f"\ntranslation_of: {english_hash(text)}\ntranslation_status: draft\n---", 1)
    (docs / code / settings.glossary.page).write_text(text, encoding="utf-8")
    made.append(f"docs/{code}/{settings.glossary.page}")
    folder = project.root / settings.glossary.folder
    english_glossary = (folder / f"{default}.yml").read_text(encoding="utf-8")
    (folder / f"{code}.yml").write_text(
        f"# Glossary in {code}: translate each term, its aliases and its definition. Keep the ids.\n" + english_glossary,
        encoding="utf-8")
    made.append(project.glossary_file(code))
    config_file.write_text(new_config, encoding="utf-8")
    made.append("mkdocs.yml (the language, its site name and menu section names to translate)")
    say("Made:\n  " + "\n  ".join(made))
    if not language.known:
        say(unknown_language_note(code))
    say("The language is switched on: every page shows in English, with a notice, until it is translated.",
        f"Next: translate those files, then pages from docs/{default}/ into docs/{code}/ (see TRANSLATING.md).")
    return OK
