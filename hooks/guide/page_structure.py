"""Structure rules a worried reader relies on: "Key points" first, a heading at least every N words,
and a numbered "What you can do" / "When to call" part on the pages that need one."""
from __future__ import annotations

from dataclasses import dataclass

from .reading_text import Outline, read_page


@dataclass(frozen=True)
class StructureRules:
    key_points_ids: tuple[str, ...] = ("key-points",)
    max_words_between_headings: int = 250
    action_ids: tuple[str, ...] = ("what-you-can-do", "when-to-call")
    needs_key_points: bool = True
    needs_action: bool = False


def check_structure(page: str | Outline, rules: StructureRules) -> list[str]:
    """Return one plain message per broken rule (empty when the page is fine).

    `page` is the page's HTML, or the outline `read_page` already made of it.
    """
    outline = read_page(page).outline if isinstance(page, str) else page
    problems: list[str] = []
    subheadings = [(level, anchor) for level, anchor in outline.headings if level > 1]
    if rules.needs_key_points and (not subheadings or subheadings[0][1] not in rules.key_points_ids):
        problems.append(f'the page does not start with a "Key points" part (a heading with the id '
                        f'#{rules.key_points_ids[0]} before any other heading)')
    longest = max(outline.runs)
    if longest > rules.max_words_between_headings:
        where = outline.runs.index(longest)
        after = f"after #{outline.headings[where - 1][1]}" if where else "before the first heading"
        problems.append(f"{longest} words {after} without a heading; the most is {rules.max_words_between_headings}")
    if rules.needs_action:
        found = [i for i, (_, anchor) in enumerate(outline.headings) if anchor in rules.action_ids]
        if not found:
            problems.append(f"the page needs a part with the id {' or '.join('#' + a for a in rules.action_ids)}")
        elif not any(i in outline.numbered_after for i in found):
            problems.append(f"the #{outline.headings[found[0]][1]} part needs a numbered list")
    return problems
