"""The project as data: settings, languages, glossaries, site words, urgent boxes and page sources,
loaded and checked once per run. The build (through the site model) and the tools both start here.

Nothing here knows MkDocs: `SiteInputs` is what either side read from mkdocs.yml.
"""
from __future__ import annotations

import difflib
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import markdown as python_markdown
import pathspec

from .bidi import reordering_characters
from .front_matter import Rules, check_front_matter, page_parts
from .glossary import Glossary, glossary_page, load_glossary
from .languages import Language, language_for, unknown_language_note
from .pictures import Pictures, insert_pictures, place_pictures
from .printables import MARKER as PRINT_MARKER
from .problems import Problem
from .reading_level import Assessment, assess_page, glossary_words
from .settings import Settings, SettingsError, guide_section, parse_settings
from .strings import load_strings
from .syllables import EnglishSyllables
from .term_marks import Matcher, build_matcher
from .translations import check_layout, check_nav


class ProjectError(ValueError):
    """Broken data a writer must fix; str() lists every problem, one `file:line: message` per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class SiteInputs:
    """What the project needs from mkdocs.yml, read by MkDocs (the build) or by PyYAML (the tools)."""

    config_file: Path
    docs_dir: Path
    default: str
    names: Mapping[str, str]              # every configured language: code -> name
    built: tuple[str, ...]                # the languages built now
    guide: object                          # the raw `extra: guide:` mapping
    nav: object = None
    exclude_docs: str = ""                 # gitignore-style lines: files under docs/ that are not pages
    markdown_extensions: tuple = ()        # for rendering a page outside the build
    mdx_configs: Mapping = field(default_factory=dict)
    site_url: str = ""


@dataclass
class Project:
    inputs: SiteInputs
    settings: Settings
    languages: dict[str, Language]        # every configured language's record
    glossaries: dict[str, Glossary]       # by language, from glossary/<lang>.yml
    strings: dict[str, dict[str, str]]    # the site's words, by built language (English fills gaps)
    urgent: dict[str, str]                # the urgent box's Markdown, by built language
    pages: dict[str, str]                 # "es/crs.md" -> the file's text
    notes: list[str] = field(default_factory=list)       # info lines for the build log
    warnings: list[str] = field(default_factory=list)    # content findings: fail the strict build
    problems: list[str] = field(default_factory=list)    # broken data (only with keep_going)
    _body_lines: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def root(self) -> Path:
        return self.inputs.config_file.parent

    @property
    def docs(self) -> Path:
        return self.inputs.docs_dir

    @property
    def default(self) -> str:
        return self.inputs.default

    def relative(self, path: Path) -> str:
        return os.path.relpath(path, self.root)

    def language(self, code: str) -> Language:
        return self.languages.get(code) or language_for(code, self.settings.languages)

    def split(self, src_uri: str) -> tuple[str, str]:
        """("es", "crs.md") for "es/crs.md"."""
        language, _, name = src_uri.partition("/")
        return language, name

    @cached_property
    def matchers(self) -> dict[str, Matcher | None]:
        return {code: build_matcher({e.id: e.forms for e in glossary.entries}, self.language(code).prefixes)
                for code, glossary in self.glossaries.items()}

    @cached_property
    def explained_words(self) -> dict[str, frozenset[str]]:
        return {code: glossary_words([form for e in g.entries for form in e.forms]) for code, g in self.glossaries.items()}

    @cached_property
    def pictures(self) -> Pictures:
        fonts = self.settings.handouts.fonts  # what the handouts print the pictures with
        return Pictures(self.root / self.settings.pictures, (fonts.regular, fonts.bold))

    def place_pictures(self, markdown: str, language: str, path: str,
                       first_line: int = 1) -> tuple[str, list[str], list[Problem]]:
        """The page's `[picture: name]` lines drawn in the words of `language` (guide.pictures.place_pictures)."""
        return place_pictures(markdown, self._drawer(language), path, first_line)

    def draw_pictures(self, markdown: str, language: str, path: str, first_line: int = 1) -> tuple[str, list[Problem]]:
        """The page's Markdown with its `[picture: name]` lines drawn, in the words of `language`."""
        return insert_pictures(markdown, self._drawer(language), path, first_line)

    def _drawer(self, language: str) -> Callable[[str], str]:
        words = self.strings.get(language) or self.strings[self.default]
        words_file = f"{self.docs.name}/{language}/{self.settings.strings}"
        own = self.language(language)
        return lambda name: self.pictures.figure(name, words, words_file, own.direction, own.punctuation)

    def body_line(self, src_uri: str) -> int:
        """The line of the page's file where its Markdown starts, after the front matter (MkDocs hands
        the hooks the Markdown without it, so their line numbers start there)."""
        if src_uri not in self._body_lines:  # two hooks ask for each page: parse its front matter once
            source = self.pages.get(src_uri, "")
            self._body_lines[src_uri] = source.count("\n") - page_parts(source)[1].count("\n") + 1
        return self._body_lines[src_uri]

    def glossary_file(self, language: str) -> str:
        return f"{self.settings.glossary.folder}/{language}.yml"

    @cached_property
    def english(self) -> EnglishSyllables:
        """English syllable counts for this run, starting from the counts earlier runs saved (no
        dictionary load when warm); the build and the status report share them."""
        try:
            return EnglishSyllables(json.loads(self.syllable_cache.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return EnglishSyllables()

    def save_syllables(self) -> None:
        if self.english.changed:
            self.syllable_cache.parent.mkdir(parents=True, exist_ok=True)
            self.syllable_cache.write_text(json.dumps(dict(self.english.cache), sort_keys=True), encoding="utf-8")
            self.english.changed = False

    @property
    def syllable_cache(self) -> Path:
        return self.root / self.settings.reading_level.cache / "syllables-en.json"

    def assess_source(self, src_uri: str) -> Assessment:
        """A page's reading level from its Markdown file, by the same rules as the build."""
        language, name = self.split(src_uri)
        meta, body = page_parts(self.pages[src_uri])
        if name == self.settings.glossary.page and language in self.glossaries:  # its text comes from the data
            own = self.language(language)
            body = glossary_page(self.glossaries[language], str(meta.get("title", "")), own.glossary_order, own.punctuation)
        body, _ = self.draw_pictures(body, language, src_uri)  # the build reports a bad picture
        body = PRINT_MARKER.sub("", body)  # links to printables: not reading text
        html = python_markdown.markdown(body, extensions=list(self.inputs.markdown_extensions),
                                        extension_configs=dict(self.inputs.mdx_configs))
        return assess_page(html, f"{self.docs.name}/{src_uri}", name, self.language(language),
                           self.settings.reading_level, meta, self.english, self.explained_words.get(language, frozenset()))


def load_project(inputs: SiteInputs, keep_going: bool = False) -> Project:
    """Load and check everything once; raise ProjectError listing every problem (with `keep_going`,
    a tool that reports problems itself gets them in `Project.problems`; broken settings still raise)."""
    try:
        settings = parse_settings(inputs.guide)
    except SettingsError as error:
        raise ProjectError(error.problems) from None
    root, docs = inputs.config_file.parent, inputs.docs_dir
    problems: list[str] = []
    # As MkDocs does: exclude_docs from mkdocs.yml, and files and folders whose names start with a dot.
    excluded = pathspec.GitIgnoreSpec.from_lines([".*", *inputs.exclude_docs.splitlines()])
    pages = {path: (docs / path).read_text(encoding="utf-8")
             for path in sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
             if not excluded.match_file(path)}
    for path in sorted([*docs.rglob("*.md"), *docs.rglob("*.yml"), *(root / settings.glossary.folder).glob("*.yml")]):
        problems += [str(p) for p in reordering_characters(path.read_text(encoding="utf-8"), os.path.relpath(path, root))]
    languages = {code: language_for(code, settings.languages) for code in inputs.names}
    notes = [unknown_language_note(code) for code, record in languages.items() if not record.known and code in inputs.built]

    glossaries: dict[str, Glossary] = {}
    folder = root / settings.glossary.folder
    for data_file in sorted(folder.glob("*.yml")):
        glossary, found = load_glossary(data_file.read_text(encoding="utf-8"), os.path.relpath(data_file, root), data_file.stem)
        problems += [str(p) for p in found]
        glossaries[data_file.stem] = glossary

    strings, urgent = {}, {}
    english_file = docs / inputs.default / settings.strings
    english_strings: dict[str, str] = {}
    if english_file.exists():
        english_strings, found = load_strings(english_file.read_text(encoding="utf-8"), os.path.relpath(english_file, root))
        problems += [str(p) for p in found]
    else:
        problems.append(f"{os.path.relpath(english_file, root)}:1: the words the site shows around the pages are "
                        f"missing. Restore this file from the project's history (git checkout -- {os.path.relpath(english_file, root)}).")
    for code in inputs.built:
        path = docs / code / settings.strings
        if code == inputs.default:
            strings[code] = english_strings
        elif path.exists():
            strings[code], found = load_strings(path.read_text(encoding="utf-8"), os.path.relpath(path, root), english_strings)
            problems += [str(p) for p in found]
        else:
            problems.append(f"{os.path.relpath(path, root)}:1: the words the site shows in this language are missing. "
                            f"Copy {os.path.relpath(english_file, root)} there and translate it.")
        box = docs / code / settings.urgent_box
        if box.exists():
            urgent[code] = box.read_text(encoding="utf-8")
        else:
            problems.append(f"{os.path.relpath(box, root)}:1: the urgent box for the language '{code}' is missing. "
                            f"Copy {docs.name}/{inputs.default}/{settings.urgent_box} there and translate it.")
    for code in settings.reading_level.limits:
        if language_for(code, settings.languages).reading_level == "report":
            problems.append(f"mkdocs.yml:1: `extra.guide.reading_level.limits.{code}`: the reading level of '{code}' is "
                            f"reported, not checked, so these limits would do nothing. Remove them, or set "
                            f"`extra.guide.languages.{code}.reading_level: gate` to check them.")
    if f"{inputs.default}/{settings.glossary.page}" not in pages:
        problems.append(f"{docs.name}/{inputs.default}/{settings.glossary.page}:1: the glossary page is missing. Add it with front "
                        "matter only (title, description, reviewed, sources): its text is made from the glossary data.")

    problems += [str(p) for p in check_layout(pages, inputs.names, inputs.default,
                                              [p.name for p in folder.glob("*.yml")], settings.glossary.folder)]
    problems += [str(p) for p in check_nav(inputs.nav, inputs.names, os.path.relpath(inputs.config_file, root))]
    problems += named_pages_problems(settings, {name for src in pages for lang, _, name in [src.partition("/")]
                                                if lang == inputs.default}, english_strings, f"{docs.name}/{inputs.default}")
    rules = Rules(settings.required_front_matter, frozenset(settings.sources), settings.description_max_length)
    warnings = []
    for src_uri, text in pages.items():
        findings = check_front_matter(text, f"{docs.name}/{src_uri}", rules)
        problems += [str(p) for p in findings.errors]
        warnings += [str(p) for p in findings.warnings]
    if problems and not keep_going:
        raise ProjectError(problems)
    return Project(inputs, settings, languages, glossaries, strings, urgent, pages, notes, warnings, problems)


def named_pages_problems(settings: Settings, known: set[str], english_strings: Mapping[str, str], folder: str) -> list[str]:
    """Settings that name pages or words: a misspelt one would quietly do nothing."""
    printables = settings.handouts.printables
    named = [("urgent_box_pages", settings.urgent_box_pages), ("handouts.booklet_end", settings.handouts.booklet_end),
             ("offline.pages", settings.offline.pages),
             *((f"handouts.printables.stages.{key}", pages) for key, pages in printables.stages.items())]
    problems = [f"mkdocs.yml:1: `extra.guide.{setting}`: there is no page {name} in {folder}/"
                + (f"; did you mean {close[0]}?" if (close := difflib.get_close_matches(name, sorted(known), n=1)) else ".")
                for setting, names in named for name in names if name not in known]
    problems += [f"mkdocs.yml:1: `extra.guide.handouts.printables.stages.{key}`: the question sheet shows this name's "
                 f"words as a title, but {folder}/_includes/strings.yml has no `{key}`. Add `{key}: <the title>` there."
                 for key in printables.stages if english_strings and key not in english_strings]
    return problems


def inputs_from_yaml(config: Mapping, config_file: Path) -> SiteInputs:
    """SiteInputs from mkdocs.yml as PyYAML reads it (guide.mkdocs_yml), for the tools."""
    config_file = Path(config_file).resolve()
    plugin = next((p["i18n"] for p in config.get("plugins", []) if isinstance(p, dict) and "i18n" in p), None)
    theme = config.get("theme", {})
    site_language = theme.get("language", "en") if isinstance(theme, dict) else "en"
    entries = (plugin or {}).get("languages") or [{"locale": site_language, "name": site_language, "default": True}]
    default = next((e["locale"] for e in entries if e.get("default")), entries[0]["locale"])
    names = {e["locale"]: e.get("name", e["locale"]) for e in entries}
    built = tuple(e["locale"] for e in entries if e.get("build", True))
    extensions, configs = [], {}
    for item in config.get("markdown_extensions", []):
        if isinstance(item, Mapping):
            (name, options), = item.items()
            extensions.append(name)
            configs[name] = options or {}
        else:
            extensions.append(item)
    return SiteInputs(config_file, config_file.parent / config.get("docs_dir", "docs"), default, names, built,
                      guide_section(config.get("extra")), config.get("nav"), str(config.get("exclude_docs") or ""),
                      tuple(extensions), configs, str(config.get("site_url") or ""))
