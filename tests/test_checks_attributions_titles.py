"""attribution_conflict: a person printed under another portfolio of the same office
(``attributions.PortfolioSwap``), and a description that runs on into the others' speaker's
name ("said the head of <body> <name>", ``attributions._name_after_body``).

Invented stories (a bridge closure at Oskarvik, a ferry fire off Norvik) unlike any development
case."""

from __future__ import annotations

from srccompare.checks import attributions
from srccompare.checks.attributions import AttributionCheck, _name_after_body
from srccompare.models import Kind
from tests.discrepancy_story import build, flag_texts


def run(ctx):
    return flag_texts(AttributionCheck(), ctx, Kind.ATTRIBUTION_CONFLICT)


OPENING = "The Oskarvik bridge was closed to lorries on Monday after inspectors found cracked bearings."
CLOSING = "The minister will visit the bridge on Friday, her office added."


def bridge(**titles: str) -> dict[str, list[str]]:
    """Sources a-d; ``titles`` replaces a source's title for the minister (default "Transport Minister")."""
    out = {}
    for sid in "abcd":
        title = titles.get(sid, "Transport Minister")
        out[sid] = [OPENING,
                    f"{title} Helga Brannstrom ordered a full survey of the bridge's bearings by March.",
                    CLOSING]
    return out


def test_a_person_under_another_portfolio_of_the_same_office_is_flagged():
    flags = list(AttributionCheck().run(build(bridge(d="Culture Minister"))))
    assert [(f.source, f.text) for f in flags] == [("d", "Culture Minister Helga Brannstrom")]
    assert flags[0].expected == "Transport Minister Helga Brannstrom"
    assert len(flags[0].evidence) == 3


def test_the_same_portfolio_worded_alike_is_no_conflict():
    assert run(build(bridge())) == []


def test_one_other_source_is_not_enough_to_outvote_a_title():
    story = bridge(d="Culture Minister")
    del story["a"], story["b"]
    story["b"] = [OPENING, "Helga Brannstrom ordered a full survey of the bridge's bearings by March.", CLOSING]
    assert run(build(story)) == []


def test_a_full_title_split_by_a_comma_keeps_the_others_portfolio_in_its_sentence():
    # The run before the name is only "Culture Minister", but the sentence prints "Transport".
    assert run(build(bridge(d="Transport, Culture and Sport Minister"))) == []


def test_another_kind_of_office_is_left_to_the_statement_reading():
    # "Mayor" and "Transport Minister" share no title word: two offices, not two portfolios of one.
    assert run(build(bridge(d="Mayor"))) == []


def test_two_offices_sharing_a_portfolio_word_are_two_descriptions_not_a_swap():
    # "Chief Transport Negotiator" and "Transport Minister" end with different offices: a rewrite
    # describing her work, not another minister.
    story = bridge(d="Chief Transport Negotiator")
    story["a"][2] = "The transport minister and the negotiator will visit the bridge on Friday."
    assert run(build(story)) == []


def test_a_source_printing_the_others_portfolio_elsewhere_is_not_flagged():
    story = bridge(d="Culture Minister")
    story["d"][2] = "Transport Minister Helga Brannstrom will visit the bridge on Friday, her office added."
    assert run(build(story)) == []


# -- a description running on into a name -----------------------------------------------------

def test_a_description_running_on_into_a_name_is_that_person():
    text = "said the head of Norvik Ferjer Ase Overland at a briefing"
    end = len("said the head")
    assert _name_after_body(text, end, [("ase", "overland")])
    assert not _name_after_body(text, end, [("ole", "brekke")])
    assert not _name_after_body("said the head of the ferry company", end, [("ase", "overland")])


def test_a_quote_credited_to_the_head_of_a_body_followed_by_the_others_speaker_is_no_conflict():
    quote = '"The fire started in the engine room and the crew put it out within an hour,"'
    story = {
        sid: ["A ferry caught fire off Norvik on Sunday with 212 passengers on board.",
              f"{quote} said Åse Øverland, chief executive of Norvik Ferjer.",
              "Åse Øverland heads Norvik Ferjer, which runs four ferries on the coast."]
        for sid in "abc"
    }
    story["d"] = ["A ferry caught fire off Norvik on Sunday with 212 passengers on board.",
                  f"{quote} said the head of Norvik Ferjer Åse Øverland at a briefing.",
                  "Captain Ole Brekke, the head of the crew, was praised by passengers."]
    assert run(build(story)) == []


# -- a name in apposition after a title, led by lower-case words ------------------------------

SURVEY = '"The barrier held back most of the water, but not all of it,"'


def levee(c_frame: str, d_frame: str) -> dict[str, list[str]]:
    opening = "The river broke through a levee near Dalsby on Saturday night."
    return {
        "a": [opening, f"{SURVEY} said Petra Lindqvist, head of the county flood service."],
        "b": [opening, f"{SURVEY} Petra Lindqvist, head of the county flood service, told reporters."],
        "c": [opening, f"{SURVEY} {c_frame}"],
        "d": [opening, f"{SURVEY} {d_frame}"],
    }


def test_a_name_after_a_title_led_by_a_spelt_out_honorific_is_the_speaker():
    # The translation's "the Minister of Rivers, madam Petra Lindqvist," is Lindqvist: with her
    # read, three sources outvote the rewrite that hands the quote to a colleague.
    story = levee("- declared the Minister of Rivers, madam Petra Lindqvistin, to journalists in Dalsby.",
                  "said Jonas Ekdahl, head of the county flood service.")
    assert run(build(story)) == [("d", "Jonas Ekdahl")]


def test_without_the_apposed_name_the_title_alone_stands_against_the_others():
    # The same frame without the name: the title is read as the speaker, and set against the others.
    story = levee("- declared the Minister of Rivers to journalists in Dalsby.",
                  "said Jonas Ekdahl, head of the county flood service.")
    assert ("c", "the Minister") in [(sid, text[:12]) for sid, text in run(build(story))]


def test_a_conjunction_before_a_capitalised_run_is_no_apposition():
    from srccompare.checks.attributions import _LOWER_LED_APPOSITION_RE, _lower_led_apposition
    from srccompare.checks.speech import Speaker, speaker_tokens
    text = "declared the Minister of Rivers, and Petra Lindqvist, to journalists."
    s = text.index("the Minister")
    e = s + len("the Minister of Rivers")
    spk = Speaker(source="x", start=s, end=e, text=text[s:e], core=("minister", "rivers"), proper=True,
                  pronoun=False, vague=False, verb_start=0)
    assert _LOWER_LED_APPOSITION_RE.match(text, e)
    assert _lower_led_apposition("x", text, speaker_tokens(text, 0, len(text)), spk) is None
    named = text.replace("and", "madam")
    got = _lower_led_apposition("x", named, speaker_tokens(named, 0, len(named)), spk)
    assert got is not None and got.text == "Petra Lindqvist"
