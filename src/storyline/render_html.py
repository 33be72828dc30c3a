"""The briefing as one self-contained HTML page (Jinja2, every value escaped)."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from storyline.views import brief_facts, counted, left_out_note, story_views


def render_html(document: dict[str, Any]) -> str:
    environment = Environment(
        loader=PackageLoader("storyline", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["counted"] = counted
    environment.globals.update(brief_facts=brief_facts, left_out_note=left_out_note)
    template = environment.get_template("briefing.html")
    return template.render(generator=document["generator"], stories=story_views(document))
