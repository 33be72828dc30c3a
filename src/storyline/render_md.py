"""The briefing as Markdown: one section per story, citations as [n] into its source list."""

from __future__ import annotations

from typing import Any

from storyline.views import brief_facts, counted, left_out_note, story_views


def _cites(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _marked(parts: tuple[str, str, str]) -> str:
    """A timeline text with the words its date was read from in bold."""
    before, date_words, after = parts
    middle = f"**{_cell(date_words)}**" if date_words.strip() else _cell(date_words)
    return _cell(before) + middle + _cell(after)


def render_markdown(document: dict[str, Any]) -> str:
    lines = [f"# storyline briefing ({document['generator']})", ""]
    for story in story_views(document):
        span = " to ".join(d for d in dict.fromkeys([story["first_date"], story["last_date"]]) if d)
        lines += [
            f"## {story['title']}",
            "",
            f"{counted(len(story['sources']), 'article')}, "
            f"{counted(story['independent_sources'], 'independent source')}"
            f"{', ' + span if span else ''}. Story `{story['id']}`.",
            "",
        ]
        if story["behind"]:
            lines += [f"> {_cell(story['behind'])}", ""]
        if story["summary"]:
            lines += ["### Summary", ""]
            lines += [f"- {s['text']} {_cites(s['cites'])}" for s in story["summary"]] + [""]
        if story["timeline"]:
            lines += ["### Timeline", "", "| when | what | kind | sources |", "|---|---|---|---|"]
            lines += [
                f"| {e['when']} | {_marked(e['parts'])} | "
                f"{'scheduled' if e['scheduled'] else 'past'} | {_cites(e['cites'])} |"
                for e in story["timeline"]
            ]
            lines.append("")
        listed, left_out = brief_facts(story["facts"])
        if listed:
            lines += [
                "### Facts",
                "",
                "| subject | attribute | value | status | sources |",
                "|---|---|---|---|---|",
            ]
            for fact in listed:
                value = fact["shown"]
                status = fact["status"]
                if fact.get("updated"):
                    value = " → ".join(
                        f"{v['shown']} ({v['reported']}) {_cites(v['cites'])}"
                        for v in fact["values"]
                    )
                    status += ", updated"
                elif status == "conflicting":
                    value = " vs ".join(
                        f"{v['shown']} {_cites(v['cites'])}" for v in fact["values"]
                    )
                if fact.get("forecast"):
                    status += ", forecast"
                lines.append(
                    f"| {_cell(fact['subject'])} | {_cell(fact['attribute'])} | "
                    f"{_cell(value)} | {status} | {_cites(fact['cites'])} |"
                )
            lines.append("")
            if left_out:
                lines += [left_out_note(left_out), ""]
        if story["differences"]:
            lines += ["### Where the sources differ", ""]
            for difference in story["differences"]:
                sides = "; ".join(f"{s['says']} {_cites(s['cites'])}" for s in difference["sides"])
                lines.append(f"- **{difference['what']}**: {sides}")
            lines.append("")
        if story["entities"]:
            lines += ["### Entities", ""]
            for entity in story["entities"][:25]:
                aka = f" (also: {', '.join(entity['others'])})" if entity["others"] else ""
                count = counted(entity["count"], "article")
                lines.append(f"- {entity['name']}, {entity['type']}{aka}, {count}")
            lines.append("")
        lines += ["### Sources", ""]
        for s in story["sources"]:
            about = [s["outlet"], s["published"] or "date unknown", s["evidence"]]
            if s["duplicate_of"]:
                about.append(f"copy of [{s['duplicate_of']}]")
            lines.append(
                f"{s['n']}. {s['title']} ({', '.join(a for a in about if a)}), "
                f"`{s['source']}` part {s['part']}"
            )
        lines.append("")
    return "\n".join(lines)
