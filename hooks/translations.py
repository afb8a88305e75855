"""MkDocs hook: translations that say what they are. Checks the language folders once per build,
marks fallback, draft and outdated pages with a notice in the reader's language, compares each
translation's structure with its English page, and writes the translation status page.

Logic lives in guide.translations and guide.translation_status; this file wires it to MkDocs.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from guide.history import english_finder
from guide.readability_cli import load_settings
from guide.strings import load_strings
from guide.translations_cli import add_reading_levels
from guide.translation_status import LanguageStatus, as_markdown, collect
from i18n_state import configured_languages, is_outer_build
from guide.translations import Shape, check_layout, check_nav, compare_shapes, page_shape

log = get_plugin_logger(__name__)


@dataclass
class _State:
    root: Path = Path(".")
    docs: Path = Path("docs")
    default: str = "en"
    languages: dict[str, str] = field(default_factory=dict)   # code -> name, every configured language
    built: list[str] = field(default_factory=list)              # languages built now
    strings: dict[str, dict[str, str]] = field(default_factory=dict)
    status: list[LanguageStatus] = field(default_factory=list)
    english_shapes: dict[str, Shape] = field(default_factory=dict)
    checked: bool = False


_state = _State()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    if not is_outer_build(config):
        return config  # the English pages' shapes and the checks of the outer build stay
    _state = _State(root=Path(config.config_file_path).parent, docs=Path(config.docs_dir))
    _state.default, _state.languages, _state.built = configured_languages(config)
    english_file = _state.docs / _state.default / "_includes" / "strings.yml"
    english, problems = load_strings(english_file.read_text(encoding="utf-8"), _rel(english_file))
    for language in _state.built:
        path = _state.docs / language / "_includes" / "strings.yml"
        if language == _state.default:
            _state.strings[language] = english
        elif path.exists():
            _state.strings[language], found = load_strings(path.read_text(encoding="utf-8"), _rel(path), english)
            problems += found
        else:
            problems.append(f"{_rel(path)}:1: the words the site shows in this language are missing. "
                            f"Copy {_rel(english_file)} there and translate it.")
    if problems:
        raise PluginError("\n".join(str(p) for p in problems))
    return config


def _rel(path: Path) -> str:
    return os.path.relpath(path, _state.root)


def _page_files() -> dict[str, str]:
    return {p.relative_to(_state.docs).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(_state.docs.rglob("*.md")) if "_includes" not in p.parts}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _state.checked:  # once per build, not once per language
        return files
    _state.checked = True
    pages = _page_files()
    glossary_folder = config.extra.get("guide", {}).get("glossary", {}).get("folder", "glossary")
    glossary_dir = _state.root / glossary_folder
    problems = check_layout(pages, _state.languages, _state.default,
                            [p.name for p in glossary_dir.glob("*.yml")], glossary_folder)
    problems += check_nav(config.nav, _state.languages, _rel(Path(config.config_file_path)))
    from guide.glossary import load_glossary

    ids = {}
    for data_file in glossary_dir.glob("*.yml"):
        glossary, _ = load_glossary(data_file.read_text(encoding="utf-8"), data_file.name, data_file.stem)
        ids[data_file.stem] = {entry.id for entry in glossary.entries}
    finder = english_finder(_state.root, _rel(_state.docs / _state.default))
    _state.status = collect(pages, {k: v for k, v in _state.languages.items() if k in _state.built},
                            _state.default, ids, finder,
                            frozenset(config.extra.get("guide", {}).get("english_only", [])))
    _add_reading_levels(config)
    for language in _state.status:
        for page in language.pages:
            problems += [f"docs/{language.language}/{page.page}:1: {message}" for message in page.problems]
        outdated = [p.page for p in language.pages if p.state == "outdated"]
        if outdated:
            log.info(f"{language.name}: {len(outdated)} translated pages may be out of date: {', '.join(outdated)}. "
                     'Run "make translations" to see what changed.')
    if problems:
        raise PluginError("\n".join(str(p) for p in problems))
    return files


def _add_reading_levels(config: MkDocsConfig) -> None:
    """The status page shows each translation's reading level, as `make translations` does;
    the figures are cached by page text, so a warm build computes none."""
    import json

    cache_file = _state.root / ".cache" / "guide" / "translation-reading.json"
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    size = len(cache)
    settings = load_settings(Path(config.config_file_path))
    add_reading_levels(_state.status, _state.docs, settings, _state.root, cache)
    if len(cache) != size:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_text(json.dumps(cache, indent=0), encoding="utf-8")


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The 404 page speaks every language of the guide, with links to each home and help page."""
    if template_name == "404.html":
        base = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        context["guide_not_found"] = [
            {"lang": language, "title": words.get("not_found_title", ""), "text": words.get("not_found_text", ""),
             "home": base + ("" if language == _state.default else f"{language}/"),
             "help": base + ("" if language == _state.default else f"{language}/") + "get-help/",
             "home_text": words.get("not_found_home", ""), "help_text": words.get("not_found_help", "")}
            for language, words in _state.strings.items()
        ]
    return context


def _languages_of(page: Page, config: MkDocsConfig) -> tuple[str, str]:
    """(the site's language for this build, the language the page's text is in)."""
    site = config.theme["language"]
    return site, getattr(page.file, "locale", None) or site


def _norm(page: Page, language: str) -> str:
    return page.file.src_uri.removeprefix(f"{language}/")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    name = config.extra.get("guide", {}).get("translation_status_page", "translation-status.md")
    if _norm(page, _state.default) == name and page.file.src_uri.startswith(f"{_state.default}/"):
        if markdown.strip():
            raise PluginError(f"docs/{page.file.src_uri}: this page is made by the build. Keep only its front matter.")
        return f"# {page.meta.get('title', 'Translation status')}\n\n{as_markdown(_state.status)}"
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site, text = _languages_of(page, config)
    norm = _norm(page, text)
    guide = config.extra.get("guide", {})
    if norm == guide.get("glossary", {}).get("page", "glossary.md") or norm in guide.get("english_only", []):
        return html  # made from data, or not translated: nothing to compare
    if text == _state.default:
        if site == _state.default:
            _state.english_shapes[norm] = page_shape(html)
    elif norm in _state.english_shapes:
        for message in compare_shapes(_state.english_shapes[norm], page_shape(html),
                                      f"docs/{text}/{norm}", f"docs/{_state.default}/{norm}"):
            log.warning(message)
    return html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    site, text = _languages_of(page, config)
    strings = _state.strings.get(site, _state.strings.get(_state.default, {}))
    notices = []
    norm = _norm(page, text)
    english_url = get_relative_url(page.url.removeprefix(f"{site}/") if site != _state.default else page.url, page.url)
    if text != site:
        notices.append({"kind": "fallback", "text": strings.get("fallback_notice", "")})
        page.meta["guide_text_lang"] = text
    else:
        entry = next((p for s in _state.status if s.language == site for p in s.pages if p.page == norm), None)
        if entry is not None and entry.state == "outdated":
            notices.append({"kind": "outdated", "text": strings.get("outdated_notice", ""),
                            "link": english_url, "link_text": strings.get("english_link", ""),
                            "link_lang": _state.default})
        if entry is not None and entry.review == "draft":
            notices.append({"kind": "draft", "text": strings.get("draft_note", "")})
    page.meta["guide_notices"] = notices
    page.meta["guide_strings"] = strings  # for templates and handouts, in the reader's language
    return context
