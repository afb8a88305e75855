"""Which notices a page gets, in the reader's language: shown in English, a draft, or outdated."""
from __future__ import annotations

from collections.abc import Mapping

from .page_record import Notice
from .translation_status import PageStatus


def notices_for(fallback: bool, status: PageStatus | None, strings: Mapping[str, str],
                english_url: str, default: str) -> list[Notice]:
    """The notices for one page; `status` is the translation's entry on the status report, if any."""
    if fallback:
        return [Notice("fallback", strings.get("fallback_notice", ""))]
    notices = []
    if status is not None and status.state == "outdated":
        notices.append(Notice("outdated", strings.get("outdated_notice", ""), english_url,
                              strings.get("english_link", ""), default))
    if status is not None and status.review == "draft":
        notices.append(Notice("draft", strings.get("draft_note", "")))
    return notices
