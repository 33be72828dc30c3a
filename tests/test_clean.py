"""The clean stage: furniture removal and page splitting, on the seeds and on pages written
here to imitate other sites (other widget wording, other separators, other languages)."""

from __future__ import annotations

import json
import re
import time

import pytest

from storyline.clean import split_and_clean
from tests.conftest import GOLD, SEEDS, need


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().lower()


def _lines(part) -> set[str]:
    return {_norm(line) for line in part.text.split("\n")}


def _reasons(parts) -> dict[str, str]:
    return {r.text: r.reason for p in parts for r in p.removed}


PARA = [
    "The city council voted on Tuesday to close the old harbour bridge for repairs, a decision "
    "that officials said was long overdue after years of complaints from residents.",
    "Engineers found corrosion in several of the steel supports last spring, according to a "
    "report published by the transport department.",
    "The closure is expected to last until the end of next year, and a ferry service will run "
    "in the meantime.",
]


def _seed_cases():
    if not GOLD.exists():
        return []
    docs = json.loads(GOLD.read_text())["documents"]
    return sorted(docs.items())


# --------------------------------------------------------------------------- seeds


@pytest.mark.parametrize(
    "fname,doc", _seed_cases() or [pytest.param("", {}, marks=pytest.mark.skip)]
)
def test_seed_against_gold(fname, doc):
    text = need(SEEDS / fname).read_text()
    parts = split_and_clean(text)
    assert len(parts) == len(doc["articles"])
    body_lines = set().union(*(_lines(p) for p in parts))
    for furniture in doc["boilerplate"]:
        key = _norm(furniture)
        assert key not in body_lines
        if furniture.endswith(":"):
            assert not any(line.startswith(key) for line in body_lines)
    body = _norm("\n".join(p.text for p in parts))
    for kept in doc["body_must_contain"]:
        assert _norm(kept) in body
    for part, gold in zip(parts, doc["articles"], strict=True):
        assert part.title == gold["title"]
    # each body appears once: no paragraph is in two parts
    if len(parts) > 1:
        assert not (_lines(parts[0]) & _lines(parts[1]))
    # every removed line is a real input line at the line number it names
    raw = text.replace("\r\n", "\n").split("\n")
    for part in parts:
        for r in part.removed:
            assert raw[r.line].strip() == r.text


def test_seed_evidence_for_the_date_stage():
    parts = split_and_clean(need(SEEDS / "004_d3609986008404eb.txt").read_text())
    stamps = [[r.text for r in p.removed if r.reason == "timestamp"] for p in parts]
    assert stamps == [
        ["2024-09-28 20:00 Last Updated At:20:37"],
        ["2024-09-28 19:29 Last Updated At:20:07"],
    ]
    source = split_and_clean(need(SEEDS / "003_e1489c6481e905c9.txt").read_text())[0]
    assert any("/2024/07/25/" in r.text for r in source.removed)
    dateline = split_and_clean(need(SEEDS / "000_eccb52f1bae46f73.txt").read_text())[0]
    assert dateline.text.startswith("September 27 (EUROPA PRESS)")


# --------------------------------------------------------------------------- other sites


def test_clean_page_comes_out_unchanged():
    text = "\n\n".join(["Harbour bridge to close for a year of repairs", *PARA])
    [part] = split_and_clean(text)
    assert part.title == "Harbour bridge to close for a year of repairs"
    assert part.text == "\n".join(PARA)
    assert part.removed == []


def test_wordpress_comment_block_and_share_bar_are_removed():
    text = "\n".join(
        [
            "Home",
            "News",
            "Harbour bridge to close for a year of repairs",
            "By Maria Lopez",
            "March 3, 2023 at 9:15 am",
            "4 min read",
            *PARA,
            "Share on Facebook",
            "Share on X",
            "Email",
            "Print",
            "Leave a Reply Cancel reply",
            "Your email address will not be published. Required fields are marked *",
            "Comment",
            "Name *",
            "Post Comment",
            "3 Responses",
            "Load more comments",
        ]
    )
    [part] = split_and_clean(text)
    assert part.title == "Harbour bridge to close for a year of repairs"
    assert part.text == "\n".join(PARA)
    reasons = _reasons([part])
    assert reasons["March 3, 2023 at 9:15 am"] == "timestamp"
    assert reasons["4 min read"] == "reading-time"
    assert reasons["Share on Facebook"] == "share-widget"
    assert reasons["Post Comment"] == "comment-widget"


def test_read_more_link_list_at_the_end_is_not_an_article():
    text = "\n".join(
        [
            "Harbour bridge to close for a year of repairs",
            *PARA,
            "Read more",
            "Ferry operators prepare for busy summer",
            "Council approves new budget after long debate",
            "Residents protest parking charges near the station",
        ]
    )
    parts = split_and_clean(text)
    assert len(parts) == 1
    assert parts[0].text == "\n".join(PARA)
    assert {r.reason for r in parts[0].removed} == {"related-links"}


def test_related_list_with_teasers_does_not_become_an_article():
    text = "\n".join(
        [
            "Harbour bridge to close for a year of repairs",
            *PARA,
            "You may also like",
            "Ferry operators prepare for busy summer",
            "Operators expect twice as many passengers as last year.",
            "Council approves new budget after long debate",
            "The budget passed by a narrow margin on Monday night.",
        ]
    )
    parts = split_and_clean(text)
    assert len(parts) == 1
    assert parts[0].text == "\n".join(PARA)


def test_two_articles_with_another_separator():
    second = [
        "Ticket prices at the city museum will rise by two euros from April, the board said.",
        "The museum had frozen prices for six years while visitor numbers doubled.",
    ]
    text = "\n".join(
        [
            "Harbour bridge to close for a year of repairs",
            "Published 12 May 2023",
            *PARA,
            "Up next:",
            "Museum raises ticket prices for the first time in six years",
            *second,
            "Tags: culture, museums",
        ]
    )
    parts = split_and_clean(text)
    assert [p.title for p in parts] == [
        "Harbour bridge to close for a year of repairs",
        "Museum raises ticket prices for the first time in six years",
    ]
    assert parts[0].text == "\n".join(PARA)
    assert parts[1].text == "\n".join(second)
    assert _reasons(parts)["Tags: culture, museums"] == "tags"


def test_second_title_with_its_own_timestamp_splits_without_a_marker():
    second = [
        "Heavy rain flooded several streets in the old town overnight, the fire service said.",
        "No one was hurt, but dozens of cellars had to be pumped out.",
    ]
    text = "\n".join(
        [
            "Harbour bridge to close for a year of repairs",
            "2023-05-12 08:00",
            *PARA,
            "Storm floods old town streets",
            "2023-05-12 07:41 Updated: 07:55",
            *second,
        ]
    )
    parts = split_and_clean(text)
    assert [p.title for p in parts][1] == "Storm floods old town streets"
    assert parts[1].text == "\n".join(second)
    assert [r.reason for r in parts[1].removed] == ["timestamp"]


def test_link_box_in_the_middle_does_not_cut_the_article():
    text = "\n".join(
        [
            "Harbour bridge to close for a year of repairs",
            PARA[0],
            PARA[1],
            "MUST READ",
            "Ferry operators prepare for busy summer [PICTURES]",
            "Council approves new budget after long debate [VIDEO]",
            "See more: Residents protest parking charges",
            PARA[2],
            "The mayor said residents would be consulted on the detour routes before work begins.",
        ]
    )
    [part] = split_and_clean(text)
    assert part.text.split("\n") == [*PARA, text.split("\n")[-1]]
    assert len(part.removed) == 4


def test_body_repeats_of_short_lines_and_bare_numbers_stay():
    lines = [PARA[0], "Team Alpha", "78,000", PARA[1], "Team Alpha", PARA[2]]
    [part] = split_and_clean("\n".join(["Harbour bridge to close for a year of repairs", *lines]))
    assert part.text.split("\n") == lines


def test_hard_wrapped_paragraphs_are_not_titles():
    text = "\n".join(
        [
            "The city council voted on Tuesday to close the old",
            "harbour bridge for repairs, a decision that officials said",
            "was long overdue.",
            "Engineers found corrosion in several of the steel supports last spring.",
        ]
    )
    [part] = split_and_clean(text)
    assert part.title is None
    assert part.text == text


def test_captions_credits_and_source_lines():
    caption = "Workers inspect the bridge supports on Monday. (JANE DOE / REUTERS)"
    credit = "Photo: John Smith/Getty Images"
    source = "Source: https://example.org/news/2023/05/12/bridge-closure/"
    text = "\n".join([PARA[0], caption, PARA[1], credit, PARA[2], source])
    [part] = split_and_clean(text)
    assert part.text == "\n".join(PARA)
    reasons = _reasons([part])
    assert reasons[caption] == "photo-credit"
    assert reasons[credit] == "photo-credit"
    assert reasons[source] == "source-credit"  # the URL stays in the removed text


def test_dateline_is_body_not_title():
    text = "\n".join(["BAGHDAD, Jan. 5 (Xinhua) --", *PARA])
    [part] = split_and_clean(text)
    assert part.title is None
    assert part.text.startswith("BAGHDAD, Jan. 5 (Xinhua) --\n")


def test_metadata_title_picks_the_line_and_fills_in_when_absent():
    text = "\n".join(["Local news", "Harbour bridge to close for a year of repairs", *PARA])
    [part] = split_and_clean(text, title="Harbour bridge to close for a year of repairs | City")
    assert part.title == "Harbour bridge to close for a year of repairs"
    [bare] = split_and_clean("\n".join(PARA), title="Bridge closure")
    assert bare.title == "Bridge closure"
    assert bare.text == "\n".join(PARA)


def test_advertising_cookie_and_newsletter_lines():
    junk = [
        "ADVERTISEMENT",
        "Sign up for our daily newsletter",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Back to top",
    ]
    text = "\n".join([PARA[0], junk[0], PARA[1], junk[1], PARA[2], junk[2], junk[3]])
    [part] = split_and_clean(text)
    assert part.text == "\n".join(PARA)
    assert len(part.removed) == 4


def test_audio_players_and_breadcrumbs_are_never_titles():
    head = "Harbour bridge to close for a year of repairs"
    for widgets in (
        ["Home › Business › Transport", "Listen to this story", head, "Play audio"],
        ["City Hall | Infrastructure", head, "Listen (4 min)", "Audio version available"],
        ["Politics / Local Government", "Listen 6 min", head],
    ):
        [part] = split_and_clean("\n".join([*widgets, *PARA]))
        assert part.title == head
        assert part.text == "\n".join(PARA)
        reasons = {r.text: r.reason for r in part.removed}
        assert {reasons[w] for w in widgets if w != head} <= {"audio-widget", "breadcrumb"}
    # a headline with a separator or listening words is not a widget
    for title in ("Listen to the survivors of the flood", "Storm hits the coast | Live updates"):
        [part] = split_and_clean("\n".join([title, *PARA]))
        assert part.title == title


def test_outlet_promotions_go_and_news_about_subscribers_stays():
    promos = [
        "Want the morning briefing? Have it delivered to your inbox at 6am.",
        "Join the Gazette today for unlimited access to every story.",
        "Already a subscriber? Log in to keep reading.",
        "Commenting has been disabled on this story.",
        "Comments are switched off.",
        "Most read in Business",
        "© 2024 The Bayside Gazette. All rights reserved.",
    ]
    news = [
        "The minister declined to comment on the subscribers' complaints.",
        "Households that subscribe to the warning service will get a text message.",
        "Public comments are closed until the hearing in May, officials said.",
        "\u201cJoin us on the picket line,\u201d the union told its members.",
    ]
    text = "\n".join([PARA[0], promos[0], news[0], PARA[1], promos[1], news[1], news[2], PARA[2]])
    [part] = split_and_clean("\n".join([text, news[3], *promos[2:]]))
    lines = part.text.split("\n")
    assert all(line in lines for line in news)
    assert not any(promo in lines for promo in promos)
    reasons = {r.text: r.reason for r in part.removed}
    assert reasons[promos[1]] == "subscription" and reasons[promos[3]] == "comment-widget"
    assert reasons[promos[-1]] == "copyright"


def test_subheadings_and_short_sentences_stay():
    text = "\n".join([PARA[0], "What happens next", PARA[1], "He declined to comment.", PARA[2]])
    [part] = split_and_clean(text)
    assert "What happens next" in part.text.split("\n")
    assert "He declined to comment." in part.text.split("\n")


def test_other_languages_are_kept():
    french = [
        "Le conseil municipal a voté mardi la fermeture du vieux pont du port pour travaux.",
        "Les ingénieurs ont découvert de la corrosion sur plusieurs piliers au printemps.",
    ]
    chinese = [
        "市议会周二投票决定关闭旧港口大桥进行维修。",
        "工程师去年春天在几根钢支柱上发现了腐蚀。",
    ]
    [fr] = split_and_clean("\n".join(["Le vieux pont du port fermé pour un an", *french]))
    assert fr.title == "Le vieux pont du port fermé pour un an"
    assert fr.text == "\n".join(french)
    [zh] = split_and_clean("\n".join(["旧港口大桥将关闭一年", *chinese, "分享"]))
    assert zh.title == "旧港口大桥将关闭一年"
    assert zh.text.startswith(chinese[0])
    assert chinese[1] in zh.text


# --------------------------------------------------------------------------- bad inputs


def test_empty_and_furniture_only_inputs():
    assert split_and_clean("") == []
    assert split_and_clean(" \n\n\t") == []
    assert split_and_clean("Share this\nFacebook\nTweet\n0 Comments\nSubscribe\nMenu") == []


def test_windows_line_endings_and_non_breaking_spaces():
    text = "\r\n".join(["Harbour\u00a0bridge to close for a year of repairs", *PARA, "Tweet"])
    [part] = split_and_clean(text)
    assert part.title == "Harbour bridge to close for a year of repairs"
    assert part.text == "\n".join(PARA)
    assert part.removed[0].line == 4


def test_single_line_text_without_newlines():
    text = " ".join(PARA * 30)
    [part] = split_and_clean(text)
    assert part.text == text
    assert part.title is None


def test_large_input_finishes():
    """A 9 MB page and a 20 MB line come through whole. The ceiling is no speed target (that
    is bench/'s job): it only catches a quadratic pass, which would take hours here."""
    page = "\n".join(["Harbour bridge to close", *PARA, "Share", "Related", "A headline here"])
    big = "\n".join([page] * 20_000)  # about 9 MB, 160k lines
    start = time.perf_counter()
    parts = split_and_clean(big)
    assert parts  # the repeats collapse as repeated lines, one body stays
    long_line = "word " * 4_000_000  # 20 MB with no newline at all
    assert split_and_clean(long_line)[0].text == long_line.strip()
    assert time.perf_counter() - start < 120


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("By Aurelio Santoro, Transport correspondent", "byline"),
        ("By Jane Okoro, staff writer", "byline"),
        ("By Ana Ruiz - Political Editor", "byline"),
        ("Northgate Times staff", "byline"),
        ("Reuters staff", "byline"),
        ("By Jane Okoro", "byline"),
        ("The staff", None),  # a fragment, not an author
        ("By the end of the year, staff will have moved.", None),
    ],
)
def test_bylines_with_a_role_or_an_outlets_staff(line: str, reason: str | None) -> None:
    from storyline.furniture import furniture_reason

    assert furniture_reason(line) == reason
