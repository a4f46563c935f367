"""attribution_conflict: a statement or a quote credited to someone other than the other sources say.

Two readings, both from ``speech.py``:

- **Quotes.** The same quotation (lined up word by word as in the quote check) credited by name to
  different speakers: a quote given to Trump in one source and to Bessent in the others.
- **Statements.** In a group of aligned passages (the sources report the same thing), the agent
  of the reporting verb ("X said", "said X", "according to X"): one source says the foreign
  ministry said it, the others the commerce ministry.

The speakers are those of ``speech.py`` read more fully (``fuller_reading``: a name in apposition
after a description, "said the chief executive of Meltera Lines, Irini Vostaki"; "according to the
Ministry of Health" in full), and a quote's counterparts include shorter quotes of part of it
(``SubQuoteIndex``). A description before an apposed name may hold an attributive -ing word
("Its acting director, Ana Ruiz, said"), and so may a title right before a name ("presiding judge
Luong Van Thuc said"); a quotation that runs on into its sentence is credited by the rest of that
sentence whatever its verb ('"…," defended the councillor Arnau Vilardaga.', '"…," he assured.': a
translation keeps its language's verb of saying), in the compound past too ('"…," has declared the
minister', the order of a Romance or Slavic original); so does a verb of saying or thinking WordNet
knows as one, handing its clause on with "that" ("The assessor Ana Ruiz has assured them that") or
its quotation after a short object ('Ana Ruiz called the port "…"', as a colon does: see
``_clause_subjects``). A double surname keeps its joiner ("Bernat
Teixidor i Pujals"), so the first surname alone names the same person. A title English
abbreviates with a full stop before a name ("Prof. Ana Ruiz", "Capt. Ana Ruiz":
``speech.TITLE_ABBREVIATIONS``) ends neither a speaker phrase nor a sentence, so the speaker of
"said Prof. Ana Ruiz" is read, and a "she" after "Museum director Prof. Ana Ruiz said" is the
director, not the museum.

Speakers are compared with ``SamePerson`` (``speech.compatible`` and a given-name test): a pronoun
or an unnamed speaker ("the spokesman", "officials") contradicts no one; a title and the person the
story itself links it to ("Treasury Secretary" and "Scott Bessent") are the same speaker; a near
spelling of a name is the same name (a misspelling is the names check's business, not a different
speaker) unless the given names differ ("Kojo Dankwa" is not "Kwabena Dankwa-Ofori"), and so are two
romanisations of a name word ("Yanis" and "Jānis", "Çirigotis" and "Tsirigotis":
``names.one_name_romanised``) and a whole name a translation renders word by word by its own
spelling system where no source prints both ("Cabdikariim Yuusuf Dool", "Abdikarim Yusuf Dool":
``SamePerson.rendered``); one personal
name under different titles is one speaker ("EU competition chief Noelia Marin-Bolos",
"Commissioner Marín-Bolós"), and two personal names that share no word are two people even where
a sentence runs them together ("Worku thanked coach Dereje Ambaw"), unless the story prints them
as one name ("Alemu" and "Worku" of "Alemu Worku"). A "he"/"she" is read as the name its
sentence or the one before opens with in apposition ("The driver of the bus, Ana Ruiz, 38, was
rescued. '…,' she said") or, past a body's name and a lower-case title, the person they introduce
("Harbour Board chairman Ana Ruiz visited the quay": ``speech._person_at_start``), and is left
unresolved when resolved to a name the story gives the other gender's honorific ("Mr Thinh"). A
pronoun's quote credited to a person the source never names is flagged on the name the pronoun
stands for where another source credits that name's own statement to the quote's speaker (a
rewrite swapped the name in the lead-in: ``_antecedent_credited``), else on the pronoun. A
source is flagged when at least two other sources agree on a speaker incompatible with its own and
they outnumber those that agree with it, or when its speaker is a near name printed with the role
the story gives another person whom an aligned source credits (``SamePerson.role_swap``). Where
too few sources quote it for that, the sources that report the quote's claim in their own words
and name one of its speakers are witnesses too
(``_paraphrase_witnesses``: a rewrite hands the wire's quote to a colleague, and the third source
wrote "the deputy governor asked volunteers not to touch the animals"); where only one other
source quotes it, that source's credit is upheld when this source itself credits the same person
with words in the passage right before the quote (``_after_their_speaker``: "CEO Ana Ruiz spoke
of the damage. '…,' Novak added." is a quote given to a colleague). A group's loosely aligned
members (``Group.loose``, the alignment's gap and anchor passes) are weaker witnesses
(``LooseWitness``): a loose pair's speakers are compared only where the two statements share their
claim, a person, a title and a body are not set against each other there (a summary credits the
institution for its official), and a speaker sharing a word of the other's phrase outside its name
is the same side. A relative clause does not hide its subject ("Ana Ruiz, who took charge in 2025,
said"), nor does a name in apposition after a bare title led by lower-case words (a translation's
"the Minister of Roads, mister Ana Ruiz,"); a description running on into the others' speaker's
name ("said the head of Brennvik Ferjer Åse Øverland") is that speaker. A person printed under
another portfolio of the same office than at least two aligned sources give them ("Environment
Minister X" for "Energy Minister X") is flagged too (``PortfolioSwap``), and so is the person at
least two agreeing sources print as another body's member ("Orvik Port spokesman Ana Ruiz" where
they print "Saltholm Ferries spokesman Ana Ruiz": ``AttributionCheck._other_affiliation``).

What a source's own text says about who speaks settles more: a "he"/"she" right after a passage
wholly inside a quotation refers to the person the sentence before the quotation opens with
(``_subjects_past_quotation``); a one-word "speaker" naming a happening ("Hail destroyed
vineyards: '…'") is none (``_happening_unnamed``); a one-off rendering of the consensus speaker's
name under the same role is that speaker, a name variant (``SamePerson.one_rendering``); a quote
worded anew (a translation) is a counterpart when it shares the claim's content words
(``_reworded_counterparts``); where the other sources credit different people, or the only
other source quoting it credits one, the person the sentence right before the quote is about
decides (``_split_credit``; one source against one, that sentence must lead into the quote in its
paragraph), and so does a lead-in about the body of the others' speaker ("The fire brigade
worked all night. '…,' said <another official>": ``_lead_in_role``); a quote left without a
speaker after a colon or a "that" is its clause's subject's ("X put it simply: '…'", "X was
blunt: '…'": ``_clause_subjects``); and a person printed with
the role the story gives the person another source credits is flagged one against one
(``_printed_with_their_role``). Bodies are set against each other where no personal name settles it: an
unnamed description of a body ("The agency said", "the ministry") is a witness for the body its own
paragraph last named (``_described_body``: "Salvexa director Ana Ruiz spoke. The agency said"; never
judged itself, and counted only beside a source that names that body); a one-word name the story
never prints after a given name ("Region Orvesta" with "region" a lower-case word of the story) is a
body in a loose pair, not a person (``SamePerson.known_surname``); and a loose member's claim is
read from all its source's members of the group (a credit may stand in a sentence of its own: "The
region confirmed the figures."). A possessive-led speaker with no name ("Their office said") where the
others name the speaker is flagged as an unclear attribution, with low severity, unless the
possessive refers to a name just before it in its paragraph ("The union was fined. Its president
said").

A statement or an action the alignment did not group with its counterparts, or whose agent no
reporting verb names, is matched across sources by what its clause says (``ClaimAgents``: the
content words outside the agent's name, figures and rarer words among them), and its agent, read by
sentence structure (a reporting verb's speaker, or the name the clause opens with before a verb:
"Judge Ana Ruiz opened an inquiry"), is set against theirs as in a group; a person and a body are
not (a release credits the council for what its member announced).

Where only one other source quotes it and nothing on the page settles the credit, a quote
credited to two plainly different people (``_clearly_two_people``), and a statement credited to
two plainly different people or two plainly different bodies (``_two_bodies``), is a ``Contest``
(appended to ``ctx.contests``) for ``run_checks`` to decide from what the two sources show
elsewhere (``checks.contests``).

In: ``CheckContext``. Out: ``Flag``s of kind ``attribution_conflict``.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterator, Sequence

import jellyfish
from cydifflib import SequenceMatcher

from srccompare.checks.base import CheckContext, Contest, make_flag, span_of
from srccompare.checks.quotes import MIN_QUOTE_WORDS, AlignedPanels, StoryIndex, align_fragments, source_rank
from srccompare.checks.speech import (
    AUXILIARIES,
    QUOTE_CLOSERS,
    apposition_before,
    CONJUNCTIONS,
    FUNCTION_WORDS,
    HONORIFICS,
    REPORTING_VERBS,
    TITLE_ABBREVIATIONS,
    Aliases,
    Attribution,
    Quote,
    Speaker,
    Speech,
    _description_ok,
    _is_boundary,
    _name_run_at,
    _name_speaker,
    _np_before,
    _person_at_start,
    _speaker_from_tokens,
    _subject_at_start,
    _verb_form,
    compatible,
    extended_name,
    fuller_speaker,
    ing_titled_speaker,
    inverted_frame_speaker,
    name_run,
    quote_words,
    speaker_for_quote,
    speaker_tokens,
    speech_of,
    saying_verb,
    stem,
    that_clause_speaker,
    words_match,
)
from srccompare.checks.lexicon import in_regions, is_ordinary_word, names_a_happening, noun_categories, quoted_regions, zipf
from srccompare.checks.names import name_key, one_name_romanised
from srccompare.models import Flag, Group, Kind, Passage, Severity

MAX_COUNTERPART_SOURCES = 40
MAX_EVIDENCE = 6

MIN_SHARED_WORDS = 5
"""Two quotes are the same quotation for attribution purposes when they share this many words in
line and most of the shorter one: stricter than the quote check, since here the words must agree
for the speakers to be compared at all."""
SHARE = 0.6
"""... "most" being this share of the shorter quote's words, ..."""
ALIGNED_SHARE = 0.5
"""... or this share for a quote standing in a passage aligned with this one's: the two sources
report the same moment, and a translation that words half the quote anew ("is more important
than" / "comes before") is still that quotation."""


def _clusters(speakers: Sequence[Speaker], same: "SamePerson") -> list[list[Speaker]]:
    """Speakers grouped by compatibility with each group's first member (one speaker per source)."""
    out: list[list[Speaker]] = []
    for s in speakers:
        for c in out:
            if same(c[0], s):
                c.append(s)
                break
        else:
            out.append([s])
    return out


def _best_named(cluster: Sequence[Speaker]) -> Speaker:
    """The fullest rendering of a cluster's speaker ("Treasury Secretary Scott Bessent" over "Bessent")."""
    return sorted(cluster, key=lambda s: (-len(s.core), s.source, s.start))[0]


class AttributionCheck:
    kinds = (Kind.ATTRIBUTION_CONFLICT,)

    def run(self, ctx: CheckContext) -> Iterator[Flag]:
        speech = fuller_reading(ctx, speech_of(ctx))
        same = SamePerson(ctx, speech.aliases)
        speech = _map_speakers(speech, lambda sid: lambda spk: _happening_unnamed(spk, same))
        done: set[tuple[str, int, int]] = set()
        for flag in self._quote_conflicts(ctx, speech, same):
            if (flag.source, flag.start, flag.end) not in done:
                done.add((flag.source, flag.start, flag.end))
                yield flag
        for flag in self._statement_conflicts(ctx, speech, same):
            if (flag.source, flag.start, flag.end) not in done:
                done.add((flag.source, flag.start, flag.end))
                yield flag
        groups = {g.id: g for g in ctx.alignment.groups}
        for spk, agree, named, gid in ClaimAgents(ctx, speech, same).conflicts():
            if any(s == spk.source and st < spk.end and spk.start < e for s, st, e in done):
                continue
            flag = self._verdict(ctx, spk, agree, named, same, group=groups.get(gid) if gid else None,
                                 severity=Severity.MEDIUM, what="statement")
            if flag is not None:
                done.add((flag.source, flag.start, flag.end))
                yield flag
        for swaps in (PortfolioSwap(ctx, same), BodySwap(ctx, same)):
            for flag in swaps.flags():
                if not any(s == flag.source and st < flag.end and flag.start < e for s, st, e in done):
                    done.add((flag.source, flag.start, flag.end))
                    yield flag

    # -- quotes ---------------------------------------------------------------------------------

    def _quote_conflicts(self, ctx: CheckContext, speech: Speech, same: "SamePerson") -> Iterator[Flag]:
        index = StoryIndex(speech, named_only=False)
        sub_index = SubQuoteIndex(speech)
        panels = AlignedPanels(ctx, speech)
        sentences = StorySentences(ctx)
        order = PassageOrder(ctx)
        proper = _ProperWords(ctx)
        for sid in sorted(speech.quotes):
            for q in speech.quotes[sid]:
                spk = q.speaker
                # Only an explicit name is judged: a resolved pronoun may be resolved wrongly. A
                # description ("the adviser") is judged by the role the source gives it.
                if q.nested or spk is None or (spk.pronoun and _named(q) is None):
                    continue
                if not spk.proper and not spk.pronoun and (spk.vague or not spk.core):
                    continue
                words = q.words()
                if sum(len(f) for f in words) < MIN_QUOTE_WORDS:
                    continue
                full, shorter = self._same_quote_elsewhere(index, sub_index, panels, q, words)
                if len(full) < MIN_WITNESSES:
                    # Too few word-for-word counterparts to outvote a credit: quotes worded anew
                    # count too (where there are enough, they would only add to a settled count).
                    full = full + _reworded_counterparts(
                        panels, q, full, index.first_sources(q, MAX_COUNTERPART_SOURCES + 1))
                if spk.pronoun:
                    flag = self._unnamed_speaker(ctx, spk, [o for o in (_named(c) for c in full) if o is not None],
                                                 same, group=_group_of(ctx, q.passages), speech=speech)
                    if flag is not None:
                        yield flag
                    continue
                if not spk.proper:
                    flag = self._role_credit(ctx, spk, [o for o in (_named(c) for c in full) if o is not None],
                                             same, group=_group_of(ctx, q.passages))
                    if flag is not None:
                        yield flag
                    continue
                agree, named = [], []
                vouched = [o for o in (_named(c) for c in full) if o is not None]
                # A shorter quote only backs a speaker a full counterpart names too: a long quote
                # may hold someone else's words (a quote within it, two quotes run together).
                vouched += [o for o in (_named(c) for c in shorter)
                            if o is not None and any(same(o, f) for f in vouched)]
                for o in vouched:
                    (agree if same(spk, o) else named).append(o)
                flag = self._verdict(ctx, spk, agree, named, same, group=_group_of(ctx, q.passages),
                                     severity=Severity.HIGH, what="quote")
                if flag is None:
                    flag = self._role_swap(ctx, spk, agree, same, group=_group_of(ctx, q.passages), what="quote")
                if flag is None and named and not agree:
                    # Too few sources quote it to outvote the credit: those that report the same
                    # words in their own (an aligned passage crediting a named speaker) are witnesses too.
                    group = _group_of(ctx, q.passages)
                    said = _paraphrase_witnesses(sentences, q, spk, named, same)
                    if said is not None:
                        flag = self._verdict(ctx, spk, said[0], said[1], same, group=group,
                                             severity=Severity.MEDIUM, what="quote")
                    if flag is None and (said is None or not said[0]):
                        # One other source, or several that credit different people (none agrees
                        # with this one): the person this source itself credits just before the
                        # quote settles it, when that is one of theirs and only one.
                        found = [f for f in (self._after_their_speaker(ctx, speech, q, spk, c[0], same, order,
                                                                       group=group)
                                             for c in _clusters(named, same)) if f is not None]
                        if len(found) == 1:
                            flag = found[0]
                    if flag is None and (said is None or not said[0]):
                        flag = self._split_credit(ctx, q, spk, named, same, proper, group=group)
                    if flag is None and (said is None or not said[0]):
                        flag = self._lead_in_role(ctx, q, spk, named, same, group=group)
                    if flag is None:
                        flag = self._printed_with_their_role(ctx, spk, named, same, group=group)
                    if flag is None and (said is None or not said[0]) and len(named) == 1 \
                            and _clearly_two_people(spk, named[0]):
                        # One source against one, nothing on the page settling it: a contest for
                        # ``run_checks`` to decide from what the two sources show elsewhere.
                        half = self._verdict(ctx, spk, agree, named, same, group=group,
                                             severity=Severity.MEDIUM, what="quote", least=1)
                        if half is not None:
                            ctx.contests.append(Contest(half, named[0].source))
                if flag is not None:
                    yield flag

    def _after_their_speaker(self, ctx: CheckContext, speech: Speech, q: Quote, spk: Speaker, theirs: Speaker,
                             same: "SamePerson", order: "PassageOrder", *, group: Group | None) -> Flag | None:
        """One source against one: the only other source quoting ``q`` credits ``theirs``, and
        ``q``'s own source credits that person with words (by name or through a pronoun) in the
        passage right before the quote, and does not name its own speaker there: the quote follows their words and goes to a colleague ('CEO Ana Ruiz
        spoke of the damage. "…," Novak added.'), the slip a rewrite makes. Two readings agree
        against one: the other source's credit and this source's own context. Both speakers
        must be personal names the story tells apart (``SamePerson.two_names``). Medium severity,
        lower confidence than a majority's."""
        own, name = same._name_of(spk), same._name_of(theirs)
        if not own or not name or not same.two_names(spk, theirs):
            return None
        before = order.before(spk.source, q.start)
        if before is None:
            return None
        text, prev = before
        if any(words_match(own[-1], name_key(w)) for w in _NAME_WORD_RE.findall(text) if w[:1].isupper()):
            return None
        # Whom the source credits with words there, by name or through a pronoun ('"…," he said').
        credited = [a.speaker.named for pid in (prev, q.passages[0] if q.passages else prev)
                    for a in speech.attributions_in_passage(pid)
                    if a.speaker.named is not None and a.speaker.start < q.start]
        if not any(words_match(name[-1], name_key(w)) for c in credited
                   for w in _NAME_WORD_RE.findall(c.text) if w[:1].isupper()):
            return None
        message = (f'quote credited to "{spk.text}" where the other source quoting it credits "{theirs.text}", '
                   f"whom this source quotes just before it")
        return make_flag(ctx, kind=Kind.ATTRIBUTION_CONFLICT, source=spk.source, start=spk.start, end=spk.end,
                         expected=theirs.text, severity=Severity.MEDIUM, confidence=0.55, group=group,
                         message=message, evidence=[span_of(ctx, theirs.source, theirs.start, theirs.end)])

    MIN_ROLE_WORDS = 2
    """How many of the role words a source prints with its speaker must be the story's for the
    person the others credit (``_printed_with_their_role``)."""

    def _printed_with_their_role(self, ctx: CheckContext, spk: Speaker, named: list[Speaker],
                                 same: "SamePerson", *, group: Group | None) -> Flag | None:
        """A quote credited to a person of the story printed with another person's role: the role
        words this source prints with its speaker ("Ana Ruiz, Spain's secretary general of
        fisheries") are, in the other sources, the role of the person another source credits
        (MIN_ROLE_WORDS of them), while the other sources give the speaker's own name a role and
        none of these words. The reader is told the office that spoke, and the name is a colleague's: the
        slip a rewrite makes. One other source suffices: the story's roles are the other
        witnesses. Both must be full personal names the story tells apart; medium severity."""
        own = same._name_of(spk)
        if len(own) < 2 or not same._personal(own):
            return None
        text = ctx.sources[spk.source].text
        here = role_words(text, spk.start, spk.end, _NAME_WORD_RE.findall(spk.text), same._titles())
        if len(here) < self.MIN_ROLE_WORDS:
            return None
        roles = same._story_roles()
        mine = roles.of(own, but=spk.source)
        if not mine or _share(here, mine):
            return None  # the story must give the speaker a role of their own, and another one
        found = []
        for cluster in _clusters(named, same):
            theirs = _best_named(cluster)
            name = same._name_of(theirs)
            if len(name) < 2 or not all(same.two_names(spk, o) for o in cluster):
                continue
            role = roles.of(name, but=spk.source)
            if sum(1 for w in here if any(words_match(w, r) for r in role)) >= self.MIN_ROLE_WORDS:
                found.append((cluster, theirs))
        if len(found) != 1:
            return None
        cluster, theirs = found[0]
        return _one_credit(ctx, spk, cluster, theirs, group, 0.55,
                           f'quote credited to "{spk.text}" with the role the story gives "{theirs.text}", '
                           f"whom {len(cluster)} other source(s) credit with it")

    def _split_credit(self, ctx: CheckContext, q: Quote, spk: Speaker, named: list[Speaker], same: "SamePerson",
                      proper: "_ProperWords", *, group: Group | None) -> Flag | None:
        """Sources that credit a quote to different people (at least two of them, each other than
        ``spk``): whichever is right, this source's credit is outvoted by nothing, but its own text
        is a witness. Where the sentence right before the quote is about one of the others'
        speakers (its subject, or the person a "he"/"she" opening it refers to: "Commissioner Ana
        Ruiz visited the market. On Tuesday she announced a fund. '…,' Novak said.") and not about
        its own, the quote goes on that person's words and the credit is a slip. Medium severity, a
        lower confidence than a majority's.

        Where the other sources all credit one person (one source against one, typically), that
        sentence must lead into the quote in its own paragraph ("Union leader Ana Ruiz led the
        vote. '…,' Novak said."): the other source's credit and the writer's own lead-in are two
        witnesses against the slip of a name."""
        clusters = _clusters(named, same)
        own = same._name_of(spk)
        if not clusters or not own:
            return None
        subj = _subject_before(ctx, q, proper)
        name = same._name_of(subj) if subj is not None else ()
        if not name or any(_name_word_match(w, x) for w in own for x in name):
            return None
        if len(clusters) < 2 and "\n" in ctx.sources[q.source].text[subj.end:q.start]:
            # One other source: its credit and this source's own sentence agree only where that
            # sentence leads into the quote, in its paragraph.
            return None
        fits = [c for c in clusters if any(words_match(name[-1], n[-1]) or same(subj, o)
                                           for o, n in ((o, same._name_of(o)) for o in c) if n)]
        if len(fits) != 1 or not all(same.two_names(spk, o) for o in fits[0]):
            return None
        theirs = _best_named(fits[0])
        others = ("the other sources quoting it disagree and one credits" if len(clusters) > 1
                  else "the other source(s) quoting it credit")
        return _one_credit(ctx, spk, fits[0], theirs, group, 0.5,
                           f'quote credited to "{spk.text}" where {others} '
                           f'"{theirs.text}", whom this source writes about right before the quote', lead=subj)

    def _lead_in_role(self, ctx: CheckContext, q: Quote, spk: Speaker, named: list[Speaker], same: "SamePerson", *,
                      group: Group | None) -> Flag | None:
        """The other sources credit a quote to one person, or to people the story tells apart,
        none of them ``spk``, and the sentence leading into the quote in its own paragraph is about
        that person's body, not ``spk``'s: it prints a word of the role the story gives one of
        the others' speakers ("the Lakeside fire brigade commander") and none of the role it
        gives ``spk``, nor ``spk``'s name ("The fire brigade worked all night. '…,' said the
        mayor Ana Ruiz."). The writer introduced the body's words and the credit slipped to
        another person of the story. Both must be full personal names the story tells apart and
        gives roles that share no word; medium severity, a lower confidence than a majority's."""
        own = same._name_of(spk)
        if len(own) < 2 or not same._personal(own):
            return None
        lead = _lead_in_sentence(ctx.sources[q.source].text, q.start)
        if lead is None:
            return None
        words = _content_stems(lead)
        if any(_name_word_match(w, name_key(x)) for w in own for x in _NAME_WORD_RE.findall(lead)):
            return None
        roles = same._story_roles()
        text = ctx.sources[spk.source].text
        # The role includes what this source prints after the speaker in its sentence ("said Ana
        # Ruiz, who runs the port authority"): a relative clause is no appositive role_words reads.
        cut = _SENTENCE_CUT_RE.search(text, spk.end)
        tail = text[spk.end:cut.start() if cut else len(text)]
        mine = roles.of(own, but="") | _content_stems(tail, skip=REPORTING_VERBS)
        if not mine or _share(words, mine):
            return None
        found = []
        for cluster in _clusters(named, same):
            theirs = _best_named(cluster)
            name = same._name_of(theirs)
            given = roles.given_names(name[-1]) if len(name) == 1 else frozenset()
            if len(given) == 1:
                name = (next(iter(given)),) + name  # a surname the story prints with one given name
            if len(name) < 2 or not all(same.two_names(spk, o) for o in cluster):
                continue
            role = frozenset(w for w in roles.of(name, but="") if not any(words_match(w, m) for m in mine))
            if role and _share(words, role):
                found.append((cluster, theirs))
        if len(found) != 1:
            return None
        cluster, theirs = found[0]
        return _one_credit(ctx, spk, cluster, theirs, group, 0.5,
                           f'quote credited to "{spk.text}" where the other source(s) quoting it credit "{theirs.text}", '
                           f"whose body the sentence leading into the quote is about")

    def _same_quote_elsewhere(self, index: StoryIndex, sub_index: "SubQuoteIndex", panels: AlignedPanels,
                              q: Quote, words: list) -> tuple[list[Quote], list[Quote]]:
        """For each other source, its quote that is plainly the same quotation as ``q``, if any:
        (those quoting it whole or largely, those quoting a shorter part of it).

        Looks at MAX_COUNTERPART_SOURCES sources, first in rank order (``quotes.source_rank``, a
        hash of the source id) among those with a quote in a passage aligned with the quote's or
        a quote the index finds story-wide, then among those with a shorter quote of part of it
        (``SubQuoteIndex``). Each part is read only as far as its first sources in that order
        (``AlignedPanels.first_sources``, ``StoryIndex.first_sources``, ``SubQuoteIndex.first``),
        so a quote thousands of sources repeat costs no more than one forty repeat; a quote with
        at most that many other sources is compared with every one of them."""
        # The first MAX_COUNTERPART_SOURCES of the union lie among the first ones (plus q's own
        # source) of each part.
        limit = MAX_COUNTERPART_SOURCES + 1
        aligned = {sid: [c for c in cs if not c.nested] for sid, cs in panels.first_sources(q, limit).items()}
        story = index.first_sources(q, limit)
        others = set(aligned).union(story)
        others.discard(q.source)
        chosen = sorted(others, key=source_rank)[:MAX_COUNTERPART_SOURCES]
        in_aligned = {(sid, c.start) for sid, cs in aligned.items() for c in cs}
        full = self._best_per_source(q, words, {sid: aligned.get(sid, []) + story.get(sid, []) for sid in chosen},
                                     in_aligned)
        room = MAX_COUNTERPART_SOURCES - len(chosen)
        if room <= 0:
            return full, []
        shorter = sub_index.first(q, skip=set(chosen) | {q.source}, limit=room)
        return full, self._best_per_source(q, words, shorter)

    @staticmethod
    def _best_per_source(q: Quote, words: list, cands: dict[str, list[Quote]],
                         aligned: frozenset[tuple[str, int]] | set[tuple[str, int]] = frozenset()) -> list[Quote]:
        """Per source (in sorted order), its candidate sharing most words in line with ``q``, when
        it plainly is the same quotation (MIN_SHARED_WORDS, SHARE of the shorter fragment;
        ALIGNED_SHARE for a candidate whose (source, start) is in ``aligned``)."""
        out: list[Quote] = []
        qnorms = q.norms()
        for sid in sorted(cands):
            best: tuple[int, Quote] | None = None
            for c in {(c.start, c.end): c for c in cands[sid]}.values():
                share = ALIGNED_SHARE if (sid, c.start) in aligned else SHARE
                matched = _shared_in_line(words, qnorms, c, share)
                if matched and (best is None or matched > best[0]):
                    best = (matched, c)
            if best is not None:
                out.append(best[1])
        return out

    # -- statements -----------------------------------------------------------------------------

    def _statement_conflicts(self, ctx: CheckContext, speech: Speech, same: "SamePerson") -> Iterator[Flag]:
        speaking = speaking_names(speech)
        for group in sorted(ctx.alignment.groups, key=lambda g: g.id):
            by_source: dict[str, list[Speaker]] = defaultdict(list)
            where: dict[tuple[str, int], Passage] = {}  # (source, speaker start) -> its passage
            for p in group.passages:
                for a in speech.attributions_in_passage(p.id):
                    by_source[p.source].append(a.speaker)
                    where[(p.source, a.speaker.start)] = p
            if len(by_source) < 2:
                continue
            # Two sources crediting the statement are one against one: no vote, only a contest.
            pair = len(by_source) == 2
            loose = LooseWitness(ctx, speech, same, group) if group.loose else None
            # "The agency said" stands for the body its own paragraph last named ("Salvexa director
            # Ana Ruiz said ... The agency said"): a witness for that body, never itself judged.
            described = {(sid, x.start): b for sid in by_source for x in by_source[sid]
                         if (b := _described_body(ctx.sources[sid].text, x, same, speaking)) is not None}
            # Each source is compared with the first MAX_COUNTERPART_SOURCES others in rank order
            # (all of them in a group of up to that many others): ranked once per group, so a
            # group holding a passage of nearly every source costs no more per speaker than one
            # of forty.
            ranked = sorted(by_source, key=source_rank)[:MAX_COUNTERPART_SOURCES + 1]
            for sid in sorted(by_source):
                for spk in by_source[sid]:
                    if spk.pronoun:
                        continue
                    if not spk.proper and not spk.vague:
                        continue
                    others = [s for s in ranked if s != sid][:MAX_COUNTERPART_SOURCES]
                    agree: list[Speaker] = []
                    named: list[Speaker] = []
                    by_description: list[Speaker] = []
                    for o in sorted(others):
                        witnesses = [(x, x.named if x.named is not None and x.named.proper
                                      else self._description_witness(described.get((o, x.start)), spk))
                                     for x in by_source[o]]
                        witnesses = [(x, w) for x, w in witnesses if w is not None]
                        by_description += [w for x, w in witnesses if w is not x.named]
                        theirs = [w for _x, w in witnesses]
                        if loose is not None:
                            # A loosely aligned member is a paraphrase: its speaker speaks to the
                            # same claim only where the two statements share its words.
                            mine = where[(sid, spk.start)]
                            kept = []
                            for x, w in witnesses:
                                verdict = loose.verdict(mine, spk, where[(o, x.start)], w)
                                if verdict is LooseWitness.AGREES:
                                    kept = [spk]
                                    break
                                if verdict is LooseWitness.COUNTS:
                                    kept.append(w)
                            theirs = kept
                        if not theirs:
                            continue
                        fits = [x for x in theirs if same(spk, x)] if spk.proper else []
                        if fits:
                            agree.append(fits[0])
                        elif spk.proper:
                            named.append(theirs[0])
                        else:
                            named.append(theirs[0])
                    if by_description:
                        # A description read as a body counts only beside a source that names
                        # that body itself: its reading is a guess the others must bear out.
                        named = [w for w in named if all(w is not d for d in by_description)
                                 or any(same(w, v) for v in named if all(v is not d for d in by_description))]
                    flag = None
                    if pair:
                        pass  # one against one: only the contest below
                    elif spk.vague:
                        flag = self._vague(ctx, spk, named, others_vague=[
                            o for o in others if any(x.vague for x in by_source[o])], group=group,
                            same=same)
                    else:
                        flag = self._verdict(ctx, spk, agree, named, same, group=group,
                                             severity=Severity.MEDIUM, what="statement")
                        if flag is None:
                            flag = self._role_swap(ctx, spk, agree, same, group=group, what="statement")
                        if flag is None:
                            flag = self._other_affiliation(ctx, spk, agree, same, group=group)
                    if flag is not None:
                        yield flag
                    elif not spk.vague and not agree and len(named) == 1 \
                            and (_clearly_two_people(spk, named[0]) and same.plainly_a_person(spk)
                                 and same.plainly_a_person(named[0]) or _two_bodies(spk, named[0], same)) \
                            and not _rival_in_sentence(ctx.sources[sid].text, spk, named[0]):
                        # One other source credits the statement, to a plainly different person,
                        # and none agrees with this one: as for a quote, a contest for
                        # ``run_checks`` to decide from what the two sources show elsewhere. Both
                        # must be persons, or both bodies (``_two_bodies``): a summary credits a
                        # body for its official's words, but one institution's statement credited
                        # to another is a slip of one of the two. This source's sentence must not
                        # print the other's name or role.
                        half = self._verdict(ctx, spk, agree, named, same, group=group,
                                             severity=Severity.MEDIUM, what="statement", least=1)
                        if half is not None and not any(
                                (c.flag.source, c.flag.start, c.flag.end, c.rival)
                                == (half.source, half.start, half.end, named[0].source) for c in ctx.contests):
                            # (a quote's credit is a statement too: its contest stands once)
                            ctx.contests.append(Contest(half, named[0].source))

    @staticmethod
    def _description_witness(found: "tuple[Speaker, str] | None", spk: Speaker) -> Speaker | None:
        """The body a description stands for (``_described_body``: the body and the description's
        noun) as a witness against ``spk``, unless ``spk`` holds that noun ("the agency" against
        "the National Health Agency" may be that agency)."""
        if found is None:
            return None
        body, noun = found
        if any(stem(w) == noun for w in spk.core):
            return None
        return body

    # -- verdicts -------------------------------------------------------------------------------

    def _verdict(self, ctx: CheckContext, spk: Speaker, agree: list[Speaker], named: list[Speaker],
                 same: "SamePerson", *, group: Group | None, severity: Severity, what: str,
                 least: int = 2) -> Flag | None:
        if not named:
            return None
        top = max(_clusters(named, same), key=lambda c: (len(c), -min(s.start for s in c)))
        n = len(top)
        if n < least or n <= len(agree) + least - 1:
            return None
        text = ctx.sources[spk.source].text
        apposed = _apposed_name(text, spk.end, same._titles())
        if apposed and any(same_name(apposed, same._name_of(o)) for o in top):
            return None  # "The Mines Minister, Paul Mwinga, told": the name in apposition is theirs
        if _stopped_short(text, spk, [same._name_of(o) for o in top], fragment=True):
            return None
        persons = [o for o in top if same._name_of(o)] or top  # a bare title in the cluster says no more
        if all(same.affiliated(spk, o) or same.affiliated(o, spk) for o in persons):
            return None  # a body and the person the story prints as its head or member
        ref = _best_named(top)
        confidence = min(0.95, 0.5 + 0.12 * n) * (n / (n + len(agree)))
        message = (f'{what} credited to "{spk.text}" where {n} other sources credit it to "{ref.text}"')
        own = same._name_of(spk)
        if own and any(len(name) >= 2 and any(_name_word_match(own[-1], g) for g in name[:-1])
                       and _addressed_by(own, name)
                       for name in (same._name_of(o) for o in top)):
            # Called by the given name the others print before the surname ("Ibu Wulan" for Wulan
            # Larasati Prasetyani): in many naming customs that is how the same person is named.
            # Unless the story gives that name to someone else too, it is that person.
            if same.people_called(own[-1]) <= 1:
                return None
            severity = Severity.LOW
            message += ", whose given name it may be"
        evidence = [span_of(ctx, s.source, s.start, s.end) for s in sorted(top, key=lambda s: (s.source, s.start))]
        return make_flag(ctx, kind=Kind.ATTRIBUTION_CONFLICT, source=spk.source, start=spk.start, end=spk.end,
                         expected=ref.text, severity=severity, confidence=confidence, group=group,
                         message=message, evidence=evidence[:MAX_EVIDENCE])

    def _unnamed_speaker(self, ctx: CheckContext, spk: Speaker, named: list[Speaker], same: "SamePerson", *,
                         group: Group | None, speech: Speech) -> Flag | None:
        """A quote credited by a pronoun ("he said") in a source that never prints the name at
        least two other sources agree on, none of them crediting the person the pronoun reads as:
        whoever the pronoun stands for, this source cannot be giving the quote to its speaker (a
        paragraph naming the speaker was cut, two paragraphs merged). Where the source does print
        the others' speaker, the pronoun may well be theirs (pronouns are resolved by position,
        which can err), so nothing is said."""
        resolved = spk.named
        if resolved is None or len(named) < 2:
            return None
        top = max(_clusters(named, same), key=lambda c: (len(c), -min(s.start for s in c)))
        n = len(top)
        if n < 2 or any(same(resolved, o) for o in named):
            return None
        # The others' speaker must be a person the story names in full (a given name and a
        # surname): a title alone ("the Under-Secretary-General") may be the pronoun's person.
        names = [same._name_of(o) for o in top]
        if not any(len(name) >= 2 and not is_ordinary_word(name[-1]) for name in names):
            return None
        printed = same.printed(spk.source)
        for name in names:
            if not name or any(words_match(name[-1], w) for w in printed):
                return None
        ref = _best_named(top)
        evidence = [span_of(ctx, s.source, s.start, s.end) for s in sorted(top, key=lambda s: (s.source, s.start))]
        where = _antecedent_credited(ctx, speech, resolved, top, same)
        if where is not None:
            # The name the pronoun stands for is itself the slip: its own statement too the
            # others credit to the quote's speaker. The flag goes on the name.
            message = (f'quote and statement credited to "{resolved.text}" where {n} other sources credit the '
                       f'quote, and another source the statement, to "{ref.text}"')
            return make_flag(ctx, kind=Kind.ATTRIBUTION_CONFLICT, source=spk.source, start=resolved.start,
                             end=resolved.end, expected=ref.text, severity=Severity.MEDIUM,
                             confidence=min(0.9, 0.5 + 0.1 * n), group=where, message=message,
                             evidence=evidence[:MAX_EVIDENCE])
        message = (f'quote credited to "{spk.text}" (read as "{resolved.text}") where {n} other sources credit it '
                   f'to "{ref.text}", whom this source does not name')
        return make_flag(ctx, kind=Kind.ATTRIBUTION_CONFLICT, source=spk.source, start=spk.start, end=spk.end,
                         expected=ref.text, severity=Severity.MEDIUM, confidence=min(0.9, 0.5 + 0.1 * n),
                         group=group, message=message, evidence=evidence[:MAX_EVIDENCE])

    def _role_credit(self, ctx: CheckContext, spk: Speaker, named: list[Speaker], same: "SamePerson", *,
                     group: Group | None) -> Flag | None:
        """A quote credited by a description ("said the adviser") that the source itself gives as
        another person's role, where at least two other sources agree on a named speaker whom no
        source describes so: a reader of this source takes the quote for that other person's (a
        dropped subject in a translation, two paragraphs merged). A description the story also
        uses for the named speaker, or one no person of this source bears, contradicts no one."""
        if len(named) < 2:
            return None
        top = max(_clusters(named, same), key=lambda c: (len(c), -min(s.start for s in c)))
        n = len(top)
        if n < 2 or n < len(named) - n + 2:
            return None
        here = frozenset(stem(w) for w in spk.core if w not in FUNCTION_WORDS)
        if not here:
            return None
        # The description's head noun, its last word before an "of" phrase ("the train driver",
        # "the head of the agency"): the role it names, whatever words qualify it.
        head_words = [w for w in _NAME_WORD_RE.findall(_OF_TAIL_RE.sub("", spk.text)) if w.lower() not in FUNCTION_WORDS]
        if not head_words:
            return None
        head = stem(_plain(head_words[-1]))
        roles = same._story_roles()
        theirs = {name for name in (same._name_of(o) for o in top) if len(name) >= 2}
        if not theirs or any(_share(here, roles.of(name, but="")) for name in theirs):
            return None
        if _name_after_body(ctx.sources[spk.source].text, spk.end, theirs):
            return None  # "said the head of Lietuva Grid Ana Ruiz": the description runs on into their name
        if _apposed_name(ctx.sources[spk.source].text, spk.end, same._titles()):
            return None  # "said the president of Fesa, Ana Ruiz,": the description's own person, read short
        for name in roles.names_in(spk.source):
            if any(same_name(name, t) for t in theirs):
                continue
            if any(words_match(head, r) for r in roles.roles_in(name, spk.source)):
                ref = _best_named(top)
                message = (f'quote credited to "{spk.text}", the role this source gives '
                           f'{" ".join(w.capitalize() for w in name)}, where {n} other sources credit it to "{ref.text}"')
                evidence = [span_of(ctx, s.source, s.start, s.end) for s in sorted(top, key=lambda s: (s.source, s.start))]
                return make_flag(ctx, kind=Kind.ATTRIBUTION_CONFLICT, source=spk.source, start=spk.start,
                                 end=spk.end, expected=ref.text, severity=Severity.MEDIUM,
                                 confidence=min(0.9, 0.5 + 0.1 * n), group=group, message=message,
                                 evidence=evidence[:MAX_EVIDENCE])
        return None

    def _role_swap(self, ctx: CheckContext, spk: Speaker, agree: list[Speaker], same: "SamePerson", *,
                   group: Group | None, what: str) -> Flag | None:
        """A speaker whose near-named counterpart elsewhere is another person by the story's own
        account of who does what (``SamePerson.role_swap``): "Director Lee Min-jun of the
        commission" where the story's commission director is Lee Min-jae and its Lee Min-jun is the
        company's chief executive. One counterpart suffices: the story's roles are the other
        witnesses."""
        seen: set[str] = set()
        for o in agree:  # in the sources' sorted order
            if o.text in seen:
                continue  # the same wording of a name: its roles are the story's, whoever prints it
            seen.add(o.text)
            if same.role_swap(spk, o):
                message = (f'{what} credited to "{spk.text}" where another source credits it to "{o.text}"; '
                           f"the story gives them different roles")
                return make_flag(ctx, kind=Kind.ATTRIBUTION_CONFLICT, source=spk.source, start=spk.start,
                                 end=spk.end, expected=o.text, severity=Severity.MEDIUM, confidence=0.6,
                                 group=group, message=message, evidence=[span_of(ctx, o.source, o.start, o.end)])
        return None

    def _other_affiliation(self, ctx: CheckContext, spk: Speaker, agree: list[Speaker], same: "SamePerson", *,
                           group: Group | None) -> Flag | None:
        """The person the others credit, printed as another body's member: "Orvik Port spokesman
        Ana Ruiz" where at least MIN_PORTFOLIO_SOURCES other sources credit "Saltholm Ferries
        spokesman Ana Ruiz". The affiliation is the capitalised words before the person's name
        other than titles the story prints in lower case (``_affiliation``). Flagged when the
        others print one same affiliation sharing no word with this one, and none prints this
        one with the person: the statement is credited to someone speaking for another body."""
        mine = _affiliation(spk, same)
        if not mine or not same.plainly_a_person(spk):
            return None
        theirs: list[tuple[Speaker, frozenset[str]]] = []
        for o in agree:
            aff = _affiliation(o, same)
            if _share(mine, aff):
                return None  # another source prints this affiliation too
            if aff and o.source not in {t.source for t, _ in theirs}:
                theirs.append((o, aff))
        if len(theirs) < MIN_PORTFOLIO_SOURCES:
            return None
        first = theirs[0][1]
        if not all(_share(first, aff) for _, aff in theirs[1:]):
            return None  # the others do not agree on one body
        ref = theirs[0][0]
        n = len(theirs)
        message = (f'statement credited to "{spk.text}" where {n} other sources credit the same person '
                   f'as "{ref.text}"')
        return make_flag(ctx, kind=Kind.ATTRIBUTION_CONFLICT, source=spk.source, start=spk.start, end=spk.end,
                         expected=ref.text, severity=Severity.MEDIUM, confidence=min(0.85, 0.45 + 0.1 * n),
                         group=group, message=message,
                         evidence=[span_of(ctx, o.source, o.start, o.end) for o, _ in theirs][:MAX_EVIDENCE])

    def _vague(self, ctx: CheckContext, spk: Speaker, named: list[Speaker], *, others_vague: list[str],
               group: Group, same: "SamePerson") -> Flag | None:
        """"Their office said" where at least two other sources agree on whom to credit, unless
        the possessive plainly refers to a name just before it that the others' speaker is
        described by ("The Rowing Union of Benin was fined. Its president said": see
        ``_antecedent_fits``), or another source prints the same words with the others' speaker
        ("Its lawyer says" where another source prints "Its lawyer, Teresa Barradas,": the story
        itself tells the reader who that is, ``_printed_with``)."""
        if not named or others_vague:
            return None
        top = max(_clusters(named, same), key=lambda c: (len(c), -min(s.start for s in c)))
        n = len(top)
        text = ctx.sources[spk.source].text
        if n < 2 or _antecedent_fits(text, spk, top, same.aliases):
            return None
        if any(_printed_with(ctx, o, spk.text) for o in top):
            return None  # "Its lawyer says" where another source prints "Its lawyer, Teresa Barradas,"
        if any(_rival_in_sentence(text, spk, o) for o in top):
            return None  # "according to its log, said Ana Ruiz": the sentence credits their speaker too
        ref = _best_named(top)
        message = f'unclear attribution "{spk.text}" where {n} other sources credit "{ref.text}"'
        evidence = [span_of(ctx, s.source, s.start, s.end) for s in sorted(top, key=lambda s: (s.source, s.start))]
        return make_flag(ctx, kind=Kind.ATTRIBUTION_CONFLICT, source=spk.source, start=spk.start, end=spk.end,
                         expected=ref.text, severity=Severity.LOW, confidence=min(0.8, 0.45 + 0.08 * n),
                         group=group, message=message, evidence=evidence[:MAX_EVIDENCE])


def _antecedent_credited(ctx: CheckContext, speech: Speech, resolved: Speaker, top: Sequence[Speaker],
                         same: "SamePerson") -> Group | None:
    """The aligned group of the statement the person a pronoun stands for makes, where another
    source credits that statement to the person the others credit the pronoun's quote to: "Area
    manager Ana Ruiz said 60 people used the centre. '…,' she said." where the others credit both
    the figure and the quote to Carl Hebden. A rewrite that swaps the name in a lead-in carries
    the swap to every pronoun after it, and the slip is printed in the name. None when
    ``resolved`` credits no statement there, or no other source credits it to one of ``top``, or
    one credits it to ``resolved`` too (the name is then right and the quote is the one out of
    place)."""
    own = next((a for a in speech.attributions.get(resolved.source, [])
                if a.speaker.start < resolved.end and resolved.start < a.speaker.end and not a.speaker.pronoun), None)
    if own is None:
        return None
    group = ctx.group_of.get(own.passage)
    if group is None:
        return None
    theirs = mine = 0
    for p in group.passages:
        if p.source == resolved.source:
            continue
        for a in speech.attributions_in_passage(p.id):
            other = a.speaker.named
            if other is None or not other.proper:
                continue
            if same(other, resolved):
                mine += 1
            elif any(same(other, o) for o in top):
                theirs += 1
    return group if theirs and not mine else None


def _printed_with(ctx: CheckContext, spk: Speaker, phrase: str) -> bool:
    """Whether ``spk``'s source prints ``phrase`` (a possessive description: "Its lawyer") right
    before the name, as its title or in apposition ("his lawyer Sandrine Koval", "Its lawyer,
    Teresa Barradas,"), letter case aside."""
    want = " ".join(phrase.lower().split())
    if " ".join(spk.text.lower().split()).startswith(want + " "):
        return True
    text = ctx.sources[spk.source].text
    before = " ".join(text[max(0, spk.start - len(phrase) - 4):spk.start].lower().split()).rstrip(", ")
    return before.endswith(want) and (len(before) == len(want) or not before[-len(want) - 1].isalnum())


MIN_PORTFOLIO_SOURCES = 2
"""How many other sources must print the same person with the same other title word (see
``PortfolioSwap``)."""

# A sentence's bounds around a position: a full stop that closes an initial ("D. Batsuuri") ends none.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)\s|\n")


class PortfolioSwap:
    """A person printed under the same kind of office with another portfolio than the others give
    them: "Environment Minister Vytas Kalvaitis" where two other sources, at the same place of
    the story (an aligned group), print "Energy Minister Vytas Kalvaitis". A translation or a
    rewrite credits the statement to another office holder than the one the story names.

    The title is the capitalised words printed before the person's given name and surname in one
    run (``_CAP_PAIR_RE``), dictionary words only ("Environment Minister"; not "ESA's" nor
    "KVR"). A source is flagged at that run when
    - the run ends with the same word as the others' runs (the head of an English title, the
      office: "Minister"), one the story also prints in lower case, so both name the same kind of
      office ("Chief Trade Negotiator" and "Trade Representative" are two descriptions, not two
      portfolios);
    - its title holds a word no other source prints with that person anywhere (its portfolio);
    - at least MIN_PORTFOLIO_SOURCES other sources in the group print the person with one same
      title word this source never prints with them, nor anywhere in the sentence of the run (a
      full title split by a comma, "Economy, Trade and Industry Minister", keeps its words there).
    Medium severity: the person is the same, the office is not.

    In: the context and ``SamePerson`` (its story's lower-case words and personal-name test).
    Out: ``Flag``s of kind ``attribution_conflict``."""

    def __init__(self, ctx: CheckContext, same: "SamePerson") -> None:
        self._ctx = ctx
        self._same = same

    def _mentions(self) -> list[tuple[str, int, int, tuple[str, ...], frozenset[str]]]:
        """(source, start, end, name key, title stems) of every full personal name printed with a title."""
        titles = self._same._titles()
        out = []
        for sid in sorted(self._ctx.sources):
            src = self._ctx.sources[sid]
            for cs, ce in src.content:
                for m in _CAP_PAIR_RE.finditer(src.text, cs, ce):
                    words = _NAME_WORD_RE.findall(m.group())
                    name = name_of_words(words, titles)
                    if len(name) < 2 or not self._same._personal(name):
                        continue
                    key = tuple(name[-2:])
                    # The words before the given name and surname, as printed.
                    lead = []
                    for w in words:
                        if name_key(w) == key[0]:
                            break
                        lead.append(w)
                    kept = [stem(_plain(w)) for w in lead
                            if _plain(w) not in FUNCTION_WORDS and is_ordinary_word(_plain(w))]
                    if kept and lead and stem(_plain(lead[-1])) == kept[-1]:
                        # (the title's words, its head: the last word before the name)
                        out.append((sid, m.start(), m.end(), key, (frozenset(kept), kept[-1])))
        return out

    def flags(self) -> Iterator[Flag]:
        mentions = self._mentions()
        if not mentions:
            return
        titles = {stem(w) for w in self._same._titles()}
        story: dict[tuple[str, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for sid, _s, _e, key, (title, _head) in mentions:
            story[key][sid] |= title
        # How many sources print each title word with each name: "no other source" is then read
        # from a handful of distinct words, not from every source.
        printers: dict[tuple[str, ...], dict[str, int]] = {}
        for key, per in story.items():
            counts: dict[str, int] = defaultdict(int)
            for ws in per.values():
                for w in ws:
                    counts[w] += 1
            printers[key] = counts
        by_source: dict[str, list[tuple[int, int, tuple[str, ...], tuple[frozenset[str], str]]]] = defaultdict(list)
        for sid, s, e, key, title in mentions:
            by_source[sid].append((s, e, key, title))
        seen: set[tuple[str, int]] = set()
        for group in sorted(self._ctx.alignment.groups, key=lambda g: g.id):
            here: dict[tuple[str, ...], dict[str, list]] = defaultdict(lambda: defaultdict(list))
            for p in group.passages:
                for s, e, key, title in by_source.get(p.source, ()):
                    if p.start <= s < p.end:
                        here[key][p.source].append((s, e, title))
            for key in sorted(here):
                per = here[key]
                if len(per) <= MIN_PORTFOLIO_SOURCES:
                    continue
                # Each source is compared with the first MAX_COUNTERPART_SOURCES others in rank
                # order, ranked once per name and group (as for statements).
                ranked = sorted(per, key=source_rank)[:MAX_COUNTERPART_SOURCES + 1]
                for sid in sorted(per):
                    others = [o for o in ranked if o != sid][:MAX_COUNTERPART_SOURCES]
                    for s, e, (title, head) in per[sid]:
                        flag = self._judge(group, key, sid, s, e, title, head, others, per, story, printers, titles)
                        if flag is not None and (sid, s) not in seen:
                            seen.add((sid, s))
                            yield flag

    def _judge(self, group: Group, key: tuple[str, ...], sid: str, s: int, e: int, title: frozenset[str],
               head: str, others: Sequence[str], per: dict[str, list], story: dict, printers: dict,
               titles: set[str]) -> Flag | None:
        """The flag for ``sid``'s run at ``s``-``e`` (title words ``title``, head ``head``) against
        the ``others``' runs of the same name in the group, or None (see the class note)."""
        if head not in titles:
            return None
        mine_story = story[key][sid]
        elsewhere = [w for w, n in printers[key].items() if n - (w in mine_story) > 0]
        if all(any(words_match(w, x) for x in elsewhere) for w in title):
            return None  # no word of its own
        text = self._ctx.sources[sid].text
        sentence = {stem(_plain(w)) for w in _NAME_WORD_RE.findall(_sentence_at(text, s, e))}
        mine = mine_story | sentence
        theirs: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        for o in others:
            for os_, oe, (otitle, ohead) in per[o]:
                if not words_match(head, ohead):
                    continue  # another kind of office ("Negotiator", "Representative")
                for w in otitle:
                    if not any(words_match(w, x) for x in mine) and all(o != t[0] for t in theirs[w]):
                        theirs[w].append((o, os_, oe))
        agreed = sorted((ws for ws in theirs.items() if len(ws[1]) >= MIN_PORTFOLIO_SOURCES),
                        key=lambda ws: (-len(ws[1]), ws[0]))
        if not agreed:
            return None
        n = len(agreed[0][1])
        ref = agreed[0][1][0]
        expected = self._ctx.sources[ref[0]].text[ref[1]:ref[2]]
        message = (f'"{text[s:e]}": {n} other sources print this person at the same place with '
                   f'another title ("{expected}")')
        return make_flag(self._ctx, kind=Kind.ATTRIBUTION_CONFLICT, source=sid, start=s, end=e,
                         expected=expected, severity=Severity.MEDIUM, confidence=min(0.85, 0.45 + 0.1 * n),
                         group=group, message=message,
                         evidence=[span_of(self._ctx, o, os_, oe) for o, os_, oe in sorted(agreed[0][1])][:MAX_EVIDENCE])


MIN_SLOT_WORDS = 3
SLOT_REACH = 6
"""How many words a sentence must share, as printed and in order, within SLOT_REACH words of the
place where it names a body and another source names another (see ``BodySwap``), and at least one
right on each side."""


class BodySwap:
    """A body named at the place of a sentence where the others name another: "a $4 million grant
    from the Kelvar Trust" where two other sources, in aligned passages, print "a $4 million grant
    from the Osterna Foundation". The words around the name are the same, as printed and in order
    (at least MIN_SLOT_WORDS of them, some on each side: word-level alignment of the two
    passages), and only the name differs: the sentence credits the grant, the payment or the
    decision to another institution.

    A name is a run of capitalised words the story prints inside sentences (``_ProperWords``), or
    an initialism, read as a body (``_a_body``: its head is a word as common as "bank", "fund",
    "ministry", or it is an initialism); places and persons are left to the other readings. A
    source is flagged at its body when
    - at least MIN_PORTFOLIO_SOURCES other sources print, at the aligned place of an aligned
      passage, one same body (``SamePerson``) that this source's passage never prints;
    - no other source of the group prints this source's body, and none of the others' bodies is
      a spelling of it (``words_match``: a misspelling is the names check's business).
    Medium severity. In: the context and ``SamePerson``. Out: ``Flag``s of kind
    ``attribution_conflict``."""

    def __init__(self, ctx: CheckContext, same: "SamePerson") -> None:
        self._ctx = ctx
        self._same = same
        self._proper = _ProperWords(ctx)

    def _words(self, p: Passage) -> list[tuple[str, int, int]]:
        text = self._ctx.sources[p.source].text
        return [(m.group().lower(), m.start(), m.end()) for m in _SLOT_WORD_RE.finditer(text, p.start, p.end)]

    def _bodies(self, p: Passage) -> list[Speaker]:
        src = self._ctx.sources[p.source]
        proper = self._proper()
        toks = list(speaker_tokens(src.text, p.start, p.end))
        out: list[Speaker] = []
        i = 0
        while i < len(toks):
            end = name_run(toks, i)
            if end == i:
                i += 1
                continue
            while end + 1 < len(toks) and toks[end][0] == "and" and is_ordinary_word(_plain(toks[end - 1][0]))\
                    and is_ordinary_word(_plain(toks[end + 1][0])) and toks[end + 1][0][:1].isupper():
                end = name_run(toks, end + 1)  # "the Research and Innovation Agency" is one name
            run = list(toks[i:end])
            while run and run[0][0].lower() in FUNCTION_WORDS:
                run = run[1:]
            i = end
            printed = [w for w, _, _ in run if w.lower() not in FUNCTION_WORDS]
            if not printed or not all(_plain(w) in proper or _INITIALISM_RE.fullmatch(w) for w in printed):
                continue
            if any(t[0][:1].isdigit() for t in toks[max(0, i - len(run) - 2):i + 1] if t not in run):
                continue  # an amount's unit ("NZD 3,000,000", "4 million KVT"), not a body
            spk = _speaker_from_tokens(src.id, src.text, run, run[0][1])
            if spk is not None and spk.proper and _a_body(spk) \
                    and (len(printed) >= 2 or _INITIALISM_RE.fullmatch(printed[0])):
                # (one dictionary word is as often a place or a people: "Holland", "Japanese")
                out.append(_without_full_stop(spk))
        return out

    def flags(self) -> Iterator[Flag]:
        for group in sorted(self._ctx.alignment.groups, key=lambda g: g.id):
            sources = {p.source for p in group.passages}
            if len(sources) <= MIN_PORTFOLIO_SOURCES:
                continue
            bodies = {p.id: self._bodies(p) for p in group.passages}
            if not any(bodies.values()):
                continue
            words = {p.id: self._words(p) for p in group.passages}
            for p in group.passages:
                for body in bodies[p.id]:
                    flag = self._judge(group, p, body, bodies, words)
                    if flag is not None:
                        yield flag

    def _judge(self, group: Group, p: Passage, body: Speaker, bodies: dict[str, list[Speaker]],
               words: dict[str, list[tuple[str, int, int]]]) -> Flag | None:
        same = self._same
        mine = words[p.id]
        keys = [w for w, _, _ in mine]
        inside = [k for k, (_, s, e) in enumerate(mine) if body.start <= s and e <= body.end]
        if not inside:
            return None
        theirs: list[Speaker] = []
        for q in group.passages:
            if q.source == p.source:
                continue
            if any(same(body, b) or _spelt_alike(body, b) for b in bodies[q.id]):
                return None  # another source prints this body here too
            other = words[q.id]
            sm = SequenceMatcher(None, keys, [w for w, _, _ in other], autojunk=False)
            blocks = sm.get_matching_blocks()
            matched = {a.a + k for a in blocks for k in range(a.size)}
            found = None
            for a, b in zip(blocks, blocks[1:]):
                # the gap between two matching blocks holds this body's words
                lo, hi = a.a + a.size, b.a
                if not (a.size and b.size) or not any(lo <= k < hi for k in inside):
                    continue
                near = len(matched & set(range(lo - SLOT_REACH, lo))) + len(matched & set(range(hi, hi + SLOT_REACH)))
                if near < MIN_SLOT_WORDS:
                    continue
                qlo, qhi = a.b + a.size, b.b
                span = (other[qlo][1], other[qhi - 1][2]) if qhi > qlo else None
                if span is None:
                    continue
                cands = [c for c in bodies[q.id] if c.start < span[1] and span[0] < c.end]
                if len(cands) == 1:
                    found = cands[0]
                break
            if found is not None and q.source not in {t.source for t in theirs}:
                theirs.append(found)
        if len(theirs) < MIN_PORTFOLIO_SOURCES:
            return None
        top = max(_clusters(theirs, same), key=lambda c: (len(c), -min(s.start for s in c)))
        if len(top) < MIN_PORTFOLIO_SOURCES or any(_spelt_alike(body, t) for t in top):
            return None
        text = self._ctx.sources[p.source].text
        printed = {name_key(w) for w in _NAME_WORD_RE.findall(text[p.start:p.end])}
        ref = _best_named(top)
        if all(name_key(w) in printed for w in _NAME_WORD_RE.findall(ref.text) if w[:1].isupper()):
            return None  # this passage names their body too
        n = len(top)
        message = (f'"{body.text}" where {n} other sources, at the same place of the sentence, '
                   f'name "{ref.text}"')
        return make_flag(self._ctx, kind=Kind.ATTRIBUTION_CONFLICT, source=p.source, start=body.start,
                         end=body.end, expected=ref.text, severity=Severity.MEDIUM,
                         confidence=min(0.85, 0.45 + 0.1 * n), group=group, message=message,
                         evidence=[span_of(self._ctx, t.source, t.start, t.end)
                                   for t in sorted(top, key=lambda t: (t.source, t.start))][:MAX_EVIDENCE])


_SLOT_WORD_RE = re.compile(r"[^\W_][\w’'\-]*|[$€£¥]")


def _spelt_alike(a: Speaker, b: Speaker) -> bool:
    """Whether two bodies' names may be one name printed two ways: word for word near spellings
    ("Kelvar Trust", "Kelvaar Trust"), a word in both ("the Kelvar Trust", "Kelvar Fund"), or an
    initialism of the other's words ("KVT", "Kelvar Valley Trust"; "US", "USA")."""
    wa = [name_key(w) for w in _NAME_WORD_RE.findall(a.text) if w[:1].isupper()]
    wb = [name_key(w) for w in _NAME_WORD_RE.findall(b.text) if w[:1].isupper()]
    if len(wa) == len(wb) and all(words_match(x, y) for x, y in zip(wa, wb)):
        return True
    # A word of one name in the other, rare ("Kelvar") or common: as likely one name rendered two
    # ways ("Tax Administration", "Revenue Administration"; "Ministry of Trade", "Ministry of
    # Commerce") as two bodies.
    if any(words_match(x, y) for x in wa for y in wb):
        return True
    return _initials_of(a.text, b.text) or _initials_of(b.text, a.text)


def _initials_of(short: str, long: str) -> bool:
    """Whether an initialism of ``short`` spells the initials of consecutive capitalised words of
    ``long`` ("NOAA" of "the US National Oceanic and Atmospheric Administration")."""
    initials = "".join(w[0] for w in _NAME_WORD_RE.findall(long) if w[:1].isupper()).upper()
    return len(initials) >= 2 and any(_INITIALISM_RE.fullmatch(w) and (w in initials or initials in w)
                                      for w in _NAME_WORD_RE.findall(short))


def _two_bodies(a: Speaker, b: Speaker, same: "SamePerson") -> bool:
    """Whether two speakers are plainly two institutions, as a contest of one source against one
    needs: both are bodies by their names (``_a_body``), neither a personal name, and their names
    share no word nor initialism (``_spelt_alike``: "the Kelvar Trust" and "Kelvar Fund" may be one
    body printed two ways; "the Harbour Council" and "the Ministry of Fisheries" are two), and
    neither is named by its initials: an initialism may abbreviate the name in the story's own
    language ("KVDM" for what a translation calls "the Coastal Directorate"), so it does not say
    the two are different bodies."""
    if not (a.proper and b.proper and _a_body(a) and _a_body(b)):
        return False
    if _by_initials(a) or _by_initials(b):
        return False
    if same.plainly_a_person(a) or same.plainly_a_person(b):
        return False
    # (a sentence's capitalised "The" is no word of the name)
    return not _spelt_alike(_without_article(a), _without_article(b))


def _without_article(spk: Speaker) -> Speaker:
    """``spk`` without a leading "The"/"the"."""
    m = _ARTICLE_RE.match(spk.text)
    return replace(spk, text=spk.text[m.end():], start=spk.start + m.end()) if m else spk


_ARTICLE_RE = re.compile(r"(?i)the\s+")


def _by_initials(spk: Speaker) -> bool:
    """Whether a body is named by an initialism: the last capitalised word of its head ("KVDM",
    "the agency KVDM"; not "KV Health", whose head is "Health")."""
    head = _OF_HEAD_RE.split(spk.text, 1)[0]
    caps = [w for w in _NAME_WORD_RE.findall(head) if w[:1].isupper()]
    return bool(caps) and bool(_INITIALISM_RE.fullmatch(caps[-1]))


def _rival_in_sentence(text: str, spk: Speaker, rival: Speaker) -> bool:
    """Whether the sentence holding ``spk`` prints one of ``rival``'s capitalised words that is
    no dictionary word (a name or a coined title, three letters or more), or a near spelling of
    it: "Caaltuu Birraa" against "Chaltu Birra", "The Under-Secretary-General ... Thomas
    Lindvall" against "UN Under-Secretary-General" are one person read two ways."""
    return _prints_name(_sentence_at(text, spk.start, spk.end), rival)


def _sentence_at(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]`` (``_SENTENCE_END_RE``)."""
    head = _SENTENCE_END_RE.split(text[max(0, start - 300):start])[-1]
    tail = _SENTENCE_END_RE.split(text[end:end + 300])[0]
    return head + text[start:end] + tail


def _stems_met(a: frozenset[str], b: frozenset[str]) -> int:
    """How many stems of ``a`` are in ``b``, or begin or are begun by one, at least four letters long
    (the light stemmer leaves "cooperation" "cooper" and "cooperating" "cooperat")."""
    return sum(1 for x in a if x in b or (len(x) >= 4 and any(
        len(y) >= 4 and (y.startswith(x) or x.startswith(y)) for y in b)))


BODY_HEAD_ZIPF = 4.0
"""See ``LooseWitness._sort``: "authority", "company", "ministry", "council" are at least this
frequent; surnames that are also words ("Baker", "Mason" in a word list) mostly are not."""


class LooseWitness:
    """How a speaker in a group's loosely aligned member (``Group.loose``: the alignment's second
    passes pair passages that report the same thing in other words) bears on another member's.

    A paraphrase is a weaker witness than a counterpart: another person may say something similar
    in the same place of the story, and a reporter's summary may credit the institution for its
    official's words ("Bahrain pledged" for the minister's pledge) or the official for the
    institution's. So across a pair with a loose member (either side):

    - the two statements must share their claim: MIN_PARAPHRASE_SHARED content-word stems outside
      the speaker phrases and reporting verbs, PARAPHRASE_SHARE of the shorter statement's, of which
      MIN_PARAPHRASE_TELLING rarer than TELLING_ZIPF in either statement (as for
      ``_paraphrase_witnesses``: a stem is as telling as its rarest form), each
      statement read from all its source's members of the group; otherwise the other speaker is
      no witness (``IGNORED``);
    - a speaker sharing a word of the other's phrase outside its personal name and titles ("Bahrain",
      "Bahrain Minister of State Fahd al-Qudaimi"; "Tamborin", "Tamborin Mobile spokesperson
      Mila Quintos") is the same side (``AGREES``);
    - a personal name, a title and a body set against each other contradict nothing (``IGNORED``);
      a one-word name the story never prints after a given name is a body, not a person;
    - otherwise the other speaker counts as a counterpart's would (``COUNTS``).

    In: the context, the story's speech, ``SamePerson`` and the group. Memoised per passage."""

    COUNTS, AGREES, IGNORED = "counts", "agrees", "ignored"

    def __init__(self, ctx: CheckContext, speech: Speech, same: "SamePerson", group: Group) -> None:
        self._speech = speech
        self._same = same
        self._loose = frozenset(group.loose)
        self._claims: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        # A source's members of the group, in text order: together they are its report of the
        # group's event ("Fourteen cases ... the outbreak at the school." + "The region confirmed
        # the figures."), so a short member's claim is read from all of them.
        members: dict[str, list[Passage]] = defaultdict(list)
        for p in group.passages:
            members[p.source].append(p)
        self._members = {sid: sorted(ps, key=lambda p: p.start) for sid, ps in members.items()}

    def verdict(self, p: Passage, spk: Speaker, q: Passage, other: Speaker) -> str:
        if p.id not in self._loose and q.id not in self._loose:
            return self.COUNTS
        if not self._shares_claim(p, q):
            return self.IGNORED
        if self._same_side(spk, other) or self._same_side(other, spk):
            return self.AGREES
        if self._sort(spk) != self._sort(other):
            return self.IGNORED
        return self.COUNTS

    def _sort(self, spk: Speaker) -> str:
        """"person" (a personal name), "title" (only words the story prints in lower case, such
        as "the Managing Director") or "body" (a name that is no person's)."""
        if self._same.plainly_a_person(spk):
            return "person"
        titles = self._same._titles()
        words = [w for w in self._same._untitled(spk).core if w not in FUNCTION_WORDS]
        return "title" if words and all(w in titles for w in words) else "body"

    def _same_side(self, a: Speaker, b: Speaker) -> bool:
        """Whether a capitalised word of ``a`` is one of ``b``'s outside its personal name, other
        than a title the story prints in lower case ("Minister")."""
        titles = self._same._titles()
        mine = {name_key(w) for w in _NAME_WORD_RE.findall(a.text) if w[:1].isupper()}
        name = set(self._same._name_of(b))
        theirs = {name_key(w) for w in _NAME_WORD_RE.findall(b.text)
                  if w[:1].isupper() and w.lower() not in titles and w.lower() not in FUNCTION_WORDS}
        return bool(mine & (theirs - name))

    def _claim(self, p: Passage) -> tuple[frozenset[str], frozenset[str]]:
        """(content stems, telling stems) of the words outside the speaker phrases of ``p`` and
        of its source's other members of the group (see ``__init__``)."""
        found = self._claims.get(p.id)
        if found is None:
            words = []
            for m in self._members.get(p.source, [p]):
                spans = [(a.speaker.start, a.speaker.end) for a in self._speech.attributions_in_passage(m.id)]
                words += [w for w in quote_words(m.text, m.start)
                          if w.content and w.norm not in REPORTING_VERBS
                          and not any(s <= w.start < e for s, e in spans)]
            found = self._claims[p.id] = (frozenset(w.stem for w in words),
                                          frozenset(w.stem for w in words if zipf(w.norm) < TELLING_ZIPF))
        return found

    def _shares_claim(self, p: Passage, q: Passage) -> bool:
        (a, ta), (b, tb) = self._claim(p), self._claim(q)
        if len(a) > len(b):
            (a, ta), (b, tb) = (b, tb), (a, ta)
        need = max(MIN_PARAPHRASE_SHARED, PARAPHRASE_SHARE * len(a))
        # A stem is as telling as its rarest form: "closely" is rare where "close" is common, and
        # a statement that keeps "a close eye" on what the other watches "closely" shares it.
        return _stems_met(a, b) >= need and max(_stems_met(ta, b), _stems_met(tb, a)) >= MIN_PARAPHRASE_TELLING


# A name as printed in running text, with "of (the)" inside it ("The Rowing Union of Benin").
_NAME_PHRASE_RE = re.compile(r"[A-Z][\w’'\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'\-]*)*")
_ANTECEDENT_CHARS = 300  # how far back in its paragraph a possessive's antecedent is looked for


def _antecedent_fits(text: str, spk: Speaker, top: Sequence[Speaker], aliases: Aliases) -> bool:
    """Whether a possessive-led speaker ("Its president") is clear from its own paragraph: a name
    printed shortly before it in the same paragraph ("The Rowing Union of Benin was fined.") and
    the speaker's own words ("president") together describe the speaker the other sources name
    ("Benin Rowing Union president Koffi Hounkpe", or a description the story gives him).

    In: the source text, the vague speaker and the other sources' agreeing named speakers. A
    possessive with nothing to refer to in its paragraph ("Their office said" opening it) stays
    unclear."""
    para = text.rfind("\n", 0, spk.start) + 1
    lead = text[max(para, spk.start - _ANTECEDENT_CHARS):spk.start]
    cands: list[str] = []
    for m in _NAME_PHRASE_RE.finditer(lead):
        for w in m.group().split():
            lw = _plain(w)
            if len(lw) > 2 and lw not in FUNCTION_WORDS and lw not in spk.core and lw not in cands:
                cands.append(lw)
    role = list(spk.core)
    for w in cands:
        want = role + [w]
        if any(_covered_words(want, o.core) or aliases.linked(tuple(want), o.core) for o in top):
            return True
    return False


PERSON_TITLE_SHARE = 0.5
"""A title word before a one-word name makes it a person's ("President Tinubu", "Mayor Lind") when
at least this share of its WordNet noun use is the "person" category; "region", "county" are places."""

BODY_NOUN_SHARE = 0.5
"""A description's noun names a body ("agency", "ministry", "council", "firm") when at least
this share of its WordNet noun use is the "group" category; "minister", "spokesman" are persons."""
_DEFINITE_RE = re.compile(r"[Tt]he\s")
_POSSESSIVE_WORD_RE = re.compile(r"['’]s?$")


def speaking_names(speech: Speech) -> frozenset[tuple[str, ...]]:
    """The names the story credits with words anywhere (its proper speakers), as tuples of their
    folded words outside function words: ("anvisa",), ("national", "agency", "waters")."""
    return frozenset(key for atts in speech.attributions.values() for a in atts if a.speaker.proper
                     if (key := _name_words_key(_NAME_WORD_RE.findall(a.speaker.text))))


def _name_words_key(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(name_key(w) for w in words if _plain(w) not in FUNCTION_WORDS)


def _described_body(text: str, spk: Speaker, same: "SamePerson",
                    speaking: frozenset[tuple[str, ...]]) -> tuple[Speaker, str] | None:
    """The body an unnamed description of one stands for ("The agency said"), read from its own
    paragraph: the last name printed before it within ``_ANTECEDENT_CHARS`` that the story credits
    with words somewhere (``speaking``: a body that speaks, not a day, a place or a people), is no
    person's, and either holds the description's noun ("the National Agency of ...") or is one
    word WordNet does not know ("Salvexa", "KVR"); names that hold another body noun ("the
    Ministry of Health" is no agency) are passed over. A definite article and at most three
    words ("the agency", "the state regulator"). Names inside quotation marks are passed over.

    Out: (a speaker phrase with the description's span and the body's words, the description's
    noun stemmed), or None. Only ever a witness: the reading is a guess (see the caller)."""
    if spk.proper or spk.pronoun or spk.vague or not spk.core or len(spk.core) > 3 \
            or not _DEFINITE_RE.match(spk.text):
        return None
    noun = _plain(spk.core[-1])
    if noun_categories(noun).get("group", 0.0) < BODY_NOUN_SHARE:
        return None
    para = text.rfind("\n", 0, spk.start) + 1
    start = max(para, spk.start - _ANTECEDENT_CHARS)
    titles = same._titles()
    quoted = quoted_regions(text[para:spk.start])
    for m in reversed(list(_NAME_PHRASE_RE.finditer(text, start, spk.start))):
        if in_regions(quoted, m.start() - para):
            continue  # a name inside a quotation is the quoted speaker's, not the narrative's
        words = m.group().split()
        while words and _plain(words[0]) in FUNCTION_WORDS:
            words = words[1:]
        if not words or _POSSESSIVE_WORD_RE.search(words[-1]):
            continue  # a sentence's opening word alone, or a possessive ("Brazil's regulator")
        if _name_words_key(words) not in speaking:
            continue  # a day, a place, a people: no speaker
        name = name_of_words(words, titles)
        if name and same._personal(name) and (len(name) >= 2 or same.known_surname(name[-1])):
            continue  # a person
        plain = [_plain(w) for w in words]
        if any(stem(w) == stem(noun) for w in plain):
            found = True
        elif any(noun_categories(w).get("group", 0.0) >= BODY_NOUN_SHARE for w in plain):
            continue  # another body ("the Ministry", "the Council")
        else:
            found = len(plain) == 1 and not noun_categories(plain[0])
        if not found:
            continue
        body = " ".join(words)
        return replace(spk, text=body, core=tuple(plain), proper=True), stem(noun)
    return None


def _covered_words(words: Sequence[str], pool: Sequence[str]) -> bool:
    return all(any(words_match(w, p) for p in pool) for w in words)


# Per pair of wordings (both quotes' norms) and share: the most words in line of any two of their
# fragments that plainly make one quotation, else 0. A story told by many sources repeats the same
# wordings, so the same pairs meet again and again; bounded, cleared when full.
_SHARED: dict[tuple, int] = {}
_SHARED_LIMIT = 200_000


def _shared_in_line(words: list, qnorms: tuple, c: Quote, share: float) -> int:
    """The most words in line of a fragment of the quote (``words``, ``qnorms``) and one of
    ``c``'s, among pairs that plainly are one quotation (MIN_SHARED_WORDS, ``share`` of the
    shorter fragment); 0 when none is."""
    cnorms = c.norms()
    key = (qnorms, cnorms, share)
    hit = _SHARED.get(key)
    if hit is None:
        hit = 0
        for qw, qn in zip(words, qnorms):
            for cw, cn in zip(c.words(), cnorms):
                if min(len(qw), len(cw)) < MIN_SHARED_WORDS:
                    continue  # fewer words than the minimum in line: no match whatever the line-up
                m = align_fragments(qw, cw, norms=(qn, cn))
                if m is None or m.matched < MIN_SHARED_WORDS or m.matched < share * min(len(qw), len(cw)):
                    continue
                hit = max(hit, m.matched)
        if len(_SHARED) >= _SHARED_LIMIT:
            _SHARED.clear()
        _SHARED[key] = hit
    return hit


# -- shorter quotes of the same quotation --------------------------------------------------------


class SubQuoteIndex:
    """Named speakers' quotes that repeat a part of a longer quote: "this is an observational
    study" in one source, the whole sentence in another. The quote check's ``StoryIndex`` finds
    quotes that share half of a quote's words; a sub-quote shares most of its *own* words with the
    longer one instead, and still says who the speaker was.

    Built once per run over distinct wordings (a quote's set of content stems), like
    ``StoryIndex``; searches are memoised per wording. In: the speech analysis. ``by_source(q)``:
    the shorter quotes of other wordings holding most of their content words in ``q``, by source.
    """

    MAX_POSTINGS = 2000  # a word in more wordings than this says nothing about which ones match
    MIN_CONTENT = 2

    def __init__(self, speech: Speech) -> None:
        ids: dict[frozenset[str], int] = {}
        self._wordings: list[frozenset[str]] = []
        self._quotes: list[list[Quote]] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for sid in sorted(speech.quotes):
            for q in speech.quotes[sid]:
                if q.nested or q.speaker is None or q.speaker.named is None or not q.speaker.named.proper:
                    continue
                key = _stems(q)
                if len(key) < self.MIN_CONTENT:
                    continue
                wid = ids.get(key)
                if wid is None:
                    wid = ids[key] = len(self._wordings)
                    self._wordings.append(key)
                    self._quotes.append([])
                    for w in key:
                        postings[w].append(wid)
                self._quotes[wid].append(q)
        self._postings = {w: ids_ for w, ids_ in postings.items() if len(ids_) <= self.MAX_POSTINGS}
        self._memo: dict[frozenset[str], dict[str, list[Quote]]] = {}
        self._ranked: dict[frozenset[str], list[str]] = {}

    def by_source(self, q: Quote) -> dict[str, list[Quote]]:
        words = _stems(q)
        found = self._memo.get(words)
        if found is None:
            counts: dict[int, int] = defaultdict(int)
            for w in words:
                for wid in self._postings.get(w, ()):
                    counts[wid] += 1
            found = {}
            for wid in sorted(counts):
                size = len(self._wordings[wid])
                if size < len(words) and counts[wid] >= max(self.MIN_CONTENT, 0.8 * size):
                    for c in self._quotes[wid]:
                        found.setdefault(c.source, []).append(c)
            self._memo[words] = found
        return found

    def first(self, q: Quote, *, skip: set[str], limit: int) -> dict[str, list[Quote]]:
        """``by_source(q)`` cut to its first ``limit`` sources in rank order (``quotes.source_rank``)
        that are not in ``skip``; every one of them below ``limit``. The rank order of a wording's
        sources is sorted once per wording."""
        found = self.by_source(q)
        words = _stems(q)
        ranked = self._ranked.get(words)
        if ranked is None:
            ranked = self._ranked[words] = sorted(found, key=source_rank)
        out: dict[str, list[Quote]] = {}
        for sid in ranked:
            if len(out) == limit:
                break
            if sid not in skip:
                out[sid] = found[sid]
        return out


def _stems(q: Quote) -> frozenset[str]:
    return frozenset(w.stem for frag in q.words() for w in frag if w.content)


# -- same person or not ------------------------------------------------------------------------

# Two or more capitalised words in a row: where a given name stands before a surname. A double
# surname's joiner (``SURNAME_JOINERS``) may stand between two of them ("Bernat Teixidor i Pujals").
_CAP_PAIR_RE = re.compile(r"[A-Z][\w’'\-]*(?:[ ]+(?:[iye][ ]+)?[A-Z][\w’'\-]*)+")
# The space after a possessive ("Quayside's Wendy"): where one name ends and the next begins.
_POSSESSIVE_END_RE = re.compile(r"(?<=['’]s)[ ]+")


class SamePerson:
    """Whether two speakers can be the same agent (``speech.compatible``), except two people with
    similar names.

    ``compatible`` takes a near spelling of a name for the same name ("Becent", "Bessent"): a
    misspelling is the names check's business. But a near surname with a different given name is
    another person: "Kojo Dankwa" is not "Kwabena Dankwa-Ofori", and neither is he "Mr
    Dankwa-Ofori" when the story calls that man Kwabena. Given names are read from the speakers
    themselves and, for a surname alone, from the names the sources print in full (a capitalised
    word right before the surname that is not an ordinary dictionary word: "Minister" and "Chief"
    are titles, not given names). Where either side's given name is unknown, the names are
    compatible as before.

    Conversely, two speakers that end with one personal name are one person whatever their titles
    ("EU competition chief Noelia Marin-Bolos", "Commissioner Marín-Bolós"; see ``same_name``).

    In: the context and the story's ``Aliases``. Called with two speakers; memoised per run.
    """

    def __init__(self, ctx: CheckContext, aliases: Aliases) -> None:
        self.aliases = aliases
        given: dict[str, set[str]] = defaultdict(set)
        together: dict[str, set[str]] = defaultdict(set)  # folded name words printed in one run
        for sid in sorted(ctx.sources):
            src = ctx.sources[sid]
            for cs, ce in src.content:
                for m in _CAP_PAIR_RE.finditer(src.text, cs, ce):
                    # A possessive ends a name: "Quayside's Wendy Tsang" is Wendy Tsang of
                    # Quayside, "Benin's Koffi Hounkpe" Koffi Hounkpe of Benin.
                    for run in _POSSESSIVE_END_RE.split(m.group()):
                        keys = {name_key(w) for w in _NAME_WORD_RE.findall(run)}
                        for k in keys:
                            together[k].update(keys)
                        words = [_plain(w) for w in run.split()]
                        for first, last in zip(words, words[1:]):
                            if _may_be_given_name(first):
                                given[last].add(first)
        self._given = {w: frozenset(g) for w, g in given.items()}
        self._together = {w: frozenset(g) for w, g in together.items()}
        self._ctx = ctx
        self._lower: frozenset[str] | None = None
        self._names: dict[str, tuple[str, ...]] = {}
        self._roles: StoryRoles | None = None  # built the first time a name comparison needs it
        self._printed: dict[str, frozenset[str]] = {}
        self._affiliations: dict[tuple[str, frozenset[str]], bool] = {}
        self._where: dict[str, list[tuple[str, int, int]]] | None = None
        self._memo: dict[tuple[tuple[str, ...], str, tuple[str, ...], str], bool] = {}
        self._after_given: frozenset[str] | None = None

    def __call__(self, a: Speaker | None, b: Speaker | None) -> bool:
        a = a.named if a is not None else None
        b = b.named if b is not None else None
        if a is None or b is None or not a.proper or not b.proper:
            return True  # an unknown, pronoun or unnamed speaker contradicts no one
        key = (a.core, a.text, b.core, b.text)
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = self.rendered(a, b) or (
                (compatible(a, b, self.aliases) or self._same_name(a, b)
                 or compatible(self._untitled(a), self._untitled(b), self.aliases)
                 or self.one_rendering(a, b) or self.one_rendering(b, a))
                and not self.different_people(a, b) and not self.two_names(a, b))
        return hit

    def rendered(self, a: Speaker, b: Speaker) -> bool:
        """Whether ``a`` and ``b`` print one full name rendered word by word by two spelling
        systems (``_rendered_whole``: "Cabdikariim Yuusuf Dool" in a Somali translation,
        "Abdikarim Yusuf Dool" in English) and no source prints both renderings: a writer who
        prints both names knows two people ("Justice Naheed Khattak", "Barrister Naveed Khattak"),
        while a translation renders the one person it names by its own scheme throughout. Then
        their given names differing in spelling ("Cabdikariim", "Abdikarim") is no second
        person (``different_people``). A word of another full name the story prints is no
        rendering ("Ma Sandar Thein" where the skipper is Ko Aung Thein mixes two people)."""
        na, nb = self._name_of(a), self._name_of(b)
        if not _rendered_whole(na, nb) or not self._personal(na) or not self._personal(nb):
            return False
        roles = self._story_roles()
        if any(roles.in_other_names(w, but=(na, nb)) for x, y in zip(na, nb) if x != y for w in (x, y)):
            return False
        return not (roles.sources_of(na) & roles.sources_of(nb))

    MIN_SHARED_ROLE = 2
    """How many role words (``role_words``) a one-off rendering of a name must share with the roles
    the story gives the name it differs from by one word (see ``one_rendering``)."""

    def one_rendering(self, a: Speaker, b: Speaker) -> bool:
        """Whether ``a`` names ``b``'s person with one word of the name rendered otherwise ("Deputy
        Director Daw Thida Htay of Customs" where the story's customs deputy director is Daw Thida
        Htwe): the two full names differ in exactly one word, ``a``'s full name is printed by its
        own source only while ``b``'s is printed by another, the word ``a`` has otherwise is in no
        other full name of the story (a surname swapped for a colleague's is another person's),
        and the role ``a``'s source prints with it shares MIN_SHARED_ROLE words with the roles the
        story gives ``b``'s name. A
        misspelt or misheard name of the right speaker is the names check's business, not another
        speaker; a second person of that name would be printed elsewhere or have a role of their
        own."""
        na, nb = self._name_of(a), self._name_of(b)
        if len(na) < 2 or len(na) != len(nb) or not self._personal(na) or not self._personal(nb):
            return False
        differ = [i for i, (x, y) in enumerate(zip(na, nb)) if not _name_word_match(x, y)]
        if len(differ) != 1:
            return False
        roles = self._story_roles()
        if roles.in_other_names(na[differ[0]], but=(na[-2:], nb[-2:])):
            return False  # another person's name word ("Ana Ruiz Vidal" for Ana Ruiz Soto, Vidal a colleague)
        where_a = roles.sources_of(na)
        where_b = roles.sources_of(nb)
        if where_a - {a.source} or not where_b - {a.source}:
            return False
        text = self._ctx.sources[a.source].text
        here = role_words(text, a.start, a.end, _NAME_WORD_RE.findall(a.text), self._titles()) \
            | roles.roles_in(na, a.source)
        theirs = roles.of(nb, but="")
        return sum(1 for w in here if any(words_match(w, r) for r in theirs)) >= self.MIN_SHARED_ROLE

    def _untitled(self, spk: Speaker) -> Speaker:
        """``spk`` without the initials of an honorific ("H.E. Deputy Governor": His Excellency)
        when it names no person: such initials are a form of address, and left in they make the
        title no description the story gives anyone. A name's initials ("J.R. Danforth") stay."""
        if self._name_of(spk):
            return spk
        core = tuple(w for w in spk.core if not _INITIALS_RE.fullmatch(w))
        return replace(spk, core=core) if core and len(core) < len(spk.core) else spk

    def two_names(self, a: Speaker, b: Speaker) -> bool:
        """Whether ``a`` and ``b`` end with two personal names that share no word ("Alemu Worku",
        "coach Dereje Ambaw"): two people, whatever story description ``Aliases`` finds holding
        both. Such a description can run one person's name into another's role ("Worku thanked
        coach Dereje Ambaw"); a title or body ("Treasury Secretary", "the Ministry of Health") and
        a name can be one agent, two personal names cannot. A name is personal when its last word
        is no ordinary dictionary word ("Secretary", "Commission" are not surnames). Two parts of
        one name the story prints in full ("Alemu" and "Worku" of "Alemu Worku") are one
        person, and so are two romanisations of one word (``_rendered_alike``: "Çirigotis",
        "Pavlos Tsirigotis")."""
        na, nb = self._name_of(a), self._name_of(b)
        if not na or not nb or is_ordinary_word(na[-1]) or is_ordinary_word(nb[-1]):
            return False
        if any(y in self._together.get(x, ()) for x in na for y in nb):
            return False
        return not any(_rendered_alike(x, y) for x in na for y in nb)

    def _same_name(self, a: Speaker, b: Speaker) -> bool:
        """One personal name under different titles ("EU competition chief Noelia Marin-Bolos",
        "Commissioner Marín-Bolós"): a title is how a source describes someone, not who they are
        (a wrong title is the terms check's business). A surname alone does not say which of two
        people the story names with it ("Commissioner Vollan-Haug" where the story has Sigrid and
        Lars Vollan-Haug)."""
        na, nb = self._name_of(a), self._name_of(b)
        if not same_name(na, nb):
            return False
        for name in (na, nb):
            if len(name) == 1:
                given = sorted(self._story_roles().given_names(name[0]))
                if any(not _name_word_match(x, y) for i, x in enumerate(given) for y in given[i + 1:]):
                    return False
        return True

    def known_surname(self, word: str) -> bool:
        """Whether the story prints ``word`` (folded, ``name_key``) somewhere right after a
        capitalised word it never prints in lower case (a given name, "Ana Lind"), an honorific
        ("Mr Lind") or a title naming a person ("President Lind": mostly WordNet's noun.person):
        a one-word name the story never prints so ("Salvexa"; "Region Orvesta" once its title word,
        a place noun, is dropped) names a body or a place, not a person."""
        if self._after_given is None:
            titles = self._titles()
            found: set[str] = set()
            for sid in sorted(self._ctx.sources):
                src = self._ctx.sources[sid]
                for cs, ce in src.content:
                    for m in _CAP_PAIR_RE.finditer(src.text, cs, ce):
                        words = m.group().split()
                        for first, last in zip(words, words[1:]):
                            plain = _plain(first)
                            if not plain.isalpha() or plain in FUNCTION_WORDS:
                                continue
                            if plain in HONORIFICS or plain not in titles \
                                    or noun_categories(plain).get("person", 0.0) >= PERSON_TITLE_SHARE:
                                found.add(name_key(last))
            self._after_given = frozenset(found)
        return word in self._after_given

    def people_called(self, given: str) -> int:
        """How many surnames the story prints right after the given name ``given``."""
        return sum(1 for names in self._given.values() if any(_name_word_match(given, g) for g in names))

    def affiliated(self, body: Speaker, person: Speaker) -> bool:
        """Whether ``body`` is no personal name and the story prints ``person``'s surname with all
        of ``body``'s words close by in one sentence ("Zbigniew Kowalczyk, head of the Polish Heat
        Pump Association", "the association's chief Zbigniew Kowalczyk"): the body and the person who
        speaks for it are one voice, not two speakers."""
        name = self._name_of(person)
        own = self._name_of(body)
        if not name or is_ordinary_word(name[-1]) or (own and self._personal(own)):
            return False  # a person (a surname no dictionary word) and a body (no personal name)
        body = self._untitled(body)
        words = frozenset(stem(w) for w in body.core if w not in FUNCTION_WORDS and len(w) > 1) - {stem(name[-1])}
        if not words:
            return False
        key = (name[-1], words)
        hit = self._affiliations.get(key)
        if hit is None:
            hit = self._affiliations[key] = self._printed_together(name[-1], words)
        return hit

    def _personal(self, name: Sequence[str]) -> bool:
        """Whether a name (``person_name``) is a person's: its last word is no dictionary word,
        or it is one the story never prints in lower case and a given name stands before it
        ("Bilal Tanvir Imam", "Ana Baker": surnames that are also words; "the Commerce
        Ministry" is a body)."""
        if not is_ordinary_word(name[-1]):
            return True
        return len(name) >= 2 and name[-1] not in self._titles() and _may_be_given_name(name[-2])

    def _printed_together(self, surname: str, words: frozenset[str]) -> bool:
        for sid, start, end in self._where_printed().get(surname, ()):
            text = self._ctx.sources[sid].text
            before = _SENTENCE_CUT_RE.split(text[max(0, start - _AFFILIATION_CHARS):start])[-1]
            after = _SENTENCE_CUT_RE.split(text[end:end + _AFFILIATION_CHARS])[0]
            for window in (before, after):
                near = {stem(_plain(w)) for w in _NAME_WORD_RE.findall(window)}
                if words <= near:
                    return True
        return False

    def _where_printed(self) -> dict[str, list[tuple[str, int, int]]]:
        """Every capitalised word of the story by its folded form (``name_key``): (source, start,
        end), sources in sorted order. Read once, when first needed."""
        if self._where is None:
            where: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
            for sid in sorted(self._ctx.sources):
                for m in _NAME_WORD_RE.finditer(self._ctx.sources[sid].text):
                    if m.group()[:1].isupper():
                        where[name_key(m.group())].append((sid, m.start(), m.end()))
            self._where = where
        return self._where

    def printed(self, source: str) -> frozenset[str]:
        """The capitalised words ``source`` prints, folded as names are (``name_key``)."""
        found = self._printed.get(source)
        if found is None:
            text = self._ctx.sources[source].text
            found = self._printed[source] = frozenset(
                name_key(w) for w in _NAME_WORD_RE.findall(text) if w[:1].isupper())
        return found

    def _story_roles(self) -> "StoryRoles":
        if self._roles is None:
            self._roles = StoryRoles(self._ctx, self._titles())
        return self._roles

    def plainly_a_person(self, spk: Speaker) -> bool:
        """Whether ``spk`` names a person beyond doubt: a personal name (``_personal``) of a given
        name and a surname, or a surname the story prints after a given name, whose last word is
        rarer than the nouns that head institutions' names. A name ending with a word as common
        ("the Velmora Port Authority") is read as a body, even where a given name may stand
        before it: where only a paraphrase or one other source is a witness, that is too weak to
        tell them apart."""
        name = self._name_of(spk)
        return bool(name) and self._personal(name) and zipf(name[-1]) < BODY_HEAD_ZIPF \
            and (len(name) >= 2 or self.known_surname(name[-1]))

    def _name_of(self, spk: Speaker) -> tuple[str, ...]:
        hit = self._names.get(spk.text)
        if hit is None:
            hit = self._names[spk.text] = person_name(spk, self._titles())
        return hit

    def role_swap(self, a: Speaker, b: Speaker) -> bool:
        """Whether ``a`` and ``b``, near spellings of one full name that ``__call__`` takes for one
        person, are two people the story tells apart by role, ``a`` printed with ``b``'s role.

        Roles are the words the story prints with each full name (titles before it, an appositive
        or "of ..." after it: ``StoryRoles``), from sources other than ``a``'s. True when both
        names have roles there, their roles share no word, and ``a``'s own words as printed
        ("Director", "of the commission") match ``b``'s roles and none of its name's own. A
        misspelling of one person has no roles of its own (no other source prints it), so it is
        never a swap."""
        na, nb = self._name_of(a), self._name_of(b)
        if len(na) < 2 or len(nb) < 2 or na[-2:] == nb[-2:] or na[-1] in nb[:-1] or nb[-1] in na[:-1]:
            return False  # one name read short ("Secretary Renato" of Renato Dumaguing) is no other person
        if na[-1] == nb[-1] and set(na[:-1]) & set(nb[:-1]):
            return False  # "Efrén Ulises Buitrago", "Efrén Buitrago": one name, a middle name left out
        text = self._ctx.sources[a.source].text
        here = role_words(text, a.start, a.end, _NAME_WORD_RE.findall(a.text), self._titles())
        if not here:
            return False
        roles = self._story_roles()
        if not (roles.sources_of(na) & roles.sources_of(nb)) - {a.source}:
            return False  # no other source prints both: each prints its own rendering of one person
        own, theirs = roles.of(na, but=a.source), roles.of(nb, but=a.source)
        return bool(own) and bool(theirs) and _share(here, theirs) and not _share(here, own) \
            and not _share(own, theirs)

    def _titles(self) -> frozenset[str]:
        """Capitalised words the story also prints in lower case (read once, when first needed):
        common nouns and titles ("Commissioner", "Director"), not given names."""
        if self._lower is None:
            found: set[str] = set()
            for sid in sorted(self._ctx.sources):
                src = self._ctx.sources[sid]
                for cs, ce in src.content:
                    found.update(_LOWER_WORD_RE.findall(src.text, cs, ce))
            self._lower = frozenset(found)
        return self._lower

    def different_people(self, a: Speaker, b: Speaker) -> bool:
        """Whether a word of ``a`` and a word of ``b`` are near spellings of one surname whose given
        names clearly differ (no given name of one is a near spelling or another romanisation of
        one of the other: "Yanis" and "Jānis" are one, ``_rendered_alike``)."""
        for i, wa in enumerate(a.core):
            for j, wb in enumerate(b.core):
                if wa == wb or not words_match(wa, wb) or stem(wa) == stem(wb) or name_key(wa) == name_key(wb):
                    continue  # one word ("Lương", "Luong": a rendering without its accents is no other name)
                if (not self._own_given(a, i) and _part_of(wa, wb)) or (not self._own_given(b, j) and _part_of(wb, wa)):
                    continue  # a surname alone may be a double surname cut short ("Olowe", "Olowe-Cole")
                ga, gb = self._given_of(a, i), self._given_of(b, j)
                if ga and gb and not any(words_match(x, y) or _rendered_alike(name_key(x), name_key(y))
                                         for x in ga for y in gb):
                    return True
        return False

    @staticmethod
    def _own_given(spk: Speaker, i: int) -> bool:
        return i > 0 and _may_be_given_name(spk.core[i - 1])

    def _given_of(self, spk: Speaker, i: int) -> frozenset[str]:
        if self._own_given(spk, i):
            return frozenset({spk.core[i - 1]})
        return self._given.get(spk.core[i], frozenset())


# A capitalised word as printed in a speaker phrase: "Marín-Bolós", "J.R.", "O'Neill".
_NAME_WORD_RE = re.compile(r"[^\W\d_][\w’'\-.]*")
# A speaker word of initials only, as ``Speaker.core`` keeps it ("h.e", "j.r").
_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]\.?")
_ACRONYM_RE = re.compile(r"[A-Z]{2,}")
# "of <words>" closing a speaker phrase: the body or place a person belongs to ("Mayor Ana Silva of
# Lima", "Director Lee of the commission"), not part of the person's name.
_OF_TAIL_RE = re.compile(r"\s+of\s+(?:the\s+)?[^,;:]*$")
# Lower-case words as printed in running text (the story's common nouns, titles among them).
_LOWER_WORD_RE = re.compile(r"(?<![\w’'\-])[a-z][a-z’'\-]*")


def _affiliation(spk: Speaker, same: "SamePerson") -> frozenset[str]:
    """The capitalised words a speaker phrase prints before its personal name, folded, other than
    titles the story prints in lower case, honorifics and words of grammar: the body or place the
    person is printed with ("Orvik Port" of "Orvik Port spokesman Ana Ruiz"). Empty when the
    phrase names no person."""
    name = same._name_of(spk)
    if len(name) < 2:
        return frozenset()
    words = _NAME_WORD_RE.findall(spk.text)
    keys = [name_key(w) for w in words]
    want = [name_key(w) for w in name]
    at = next((i for i in range(len(keys)) if keys[i:i + len(want)] == want), None)
    if at is None:
        return frozenset()
    titles = same._titles()
    return frozenset(name_key(w) for w in words[:at] if w[:1].isupper() and _plain(w) not in titles
                     and _plain(w) not in FUNCTION_WORDS and _plain(w).rstrip(".") not in HONORIFICS)


def person_name(spk: Speaker, titles: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The personal name a speaker phrase ends with, in lower case with initials split ("J.R.
    Danforth" -> ("j", "r", "danforth")); () when it does not end with one.

    The name is the run of capitalised words at the end of the phrase (an "of ..." after it left
    out), after the last lower-case word, possessive ("Meltrex's") or acronym ("CEO"). Words in
    ``titles`` (the story prints them in lower case: "commissioner", "director") are titles and
    left out; a name whose last word is one ("the Ministry of Health", "the Commission") is no
    personal name. Words are folded as the names check folds them (``names.name_key``: accents,
    "þ" -> "th", hyphens dropped)."""
    name = name_of_words(_NAME_WORD_RE.findall(_OF_TAIL_RE.sub("", spk.text)), titles)
    if not name and _OF_TAIL_RE.search(spk.text):
        # "Chairman of the Board Professor Tariq Qadeer": a title alone before the "of", and the
        # name closing the phrase after the body (the commas a translation drops). A body's
        # own name ("the Ministry of Health") ends with a dictionary word and stays no name.
        whole = name_of_words(_NAME_WORD_RE.findall(spk.text), titles)
        if len(whole) >= 2 and not is_ordinary_word(whole[-1]):
            return whole
    return name


# Lower-case particles inside a surname ("Romero de la Cueva", "van der Spoel", "bin Salman"):
# part of the personal name, not the word before it that ends the name's run. A closed class of
# naming grammar in the languages whose names the news prints.
NAME_PARTICLES = frozenset({"de", "la", "las", "los", "del", "della", "der", "den", "van", "von", "da", "di", "du",
                            "dos", "das", "do", "le", "ter", "ten", "bin", "ibn", "al", "el"})


# The conjunction that joins the two surnames of a Catalan, Spanish or Portuguese double surname
# ("Bernat Teixidor i Pujals", "José Ortega y Gasset", "Rita Cardim e Sousa"): inside the name, like a
# particle, but only printed in lower case between two capitalised words ("I" is the pronoun).
SURNAME_JOINERS = frozenset({"i", "y", "e"})


def _particle_inside(words: Sequence[str], i: int, run: Sequence[str]) -> bool:
    """Whether ``words[i]`` is a name particle between two capitalised words of one name (other
    particles may stand between: "de la"), or a double surname's joiner (``SURNAME_JOINERS``)
    right between two."""
    if run and words[i] in SURNAME_JOINERS:
        return i > 0 and _capitalised_word(words[i - 1]) and not _ACRONYM_RE.fullmatch(words[i - 1])
    if not run or words[i].lower() not in NAME_PARTICLES:
        return False
    j = i - 1
    while j >= 0 and words[j].lower() in NAME_PARTICLES:
        j -= 1
    return j >= 0 and words[j][:1].isupper() and not _ACRONYM_RE.fullmatch(words[j])


def _particle_hyphened(word: str) -> bool:
    """A surname hyphened to a lower-case particle ("al-Qudaimi", "el-Sayed", "bin-Salman"): a name."""
    head, _, tail = word.partition("-")
    return head.lower() in NAME_PARTICLES and tail[:1].isupper()


def name_of_words(words: Sequence[str], titles: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """``person_name`` of a phrase already split into words; name particles inside it
    (``NAME_PARTICLES``) are left out of the name's words but do not end it."""
    run: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        plain = w.replace("’", "'")
        if _particle_inside(words, i, run):
            continue
        if not (w[:1].isupper() or _particle_hyphened(w)) or plain.endswith("'s") or _ACRONYM_RE.fullmatch(w) \
                or w.lower().rstrip(".") in HONORIFICS:
            break
        run.insert(0, w)
    out: list[str] = []
    for w in run:
        parts = [x for x in w.lower().replace("’", "'").split(".") if x]
        if len(parts) > 1 and all(len(x) == 1 for x in parts):
            out.extend(parts)  # initials: "J.R." -> "j", "r"
        elif len(parts) > 1 and all(len(x) <= 3 for x in parts[:-1]) and len(parts[-1]) > 3:
            # An initial glued to the name ("Ov.Saruul", "J.Tamirkhan"): the same name as "Ov. Saruul".
            out.extend(parts[:-1])
            out.append(name_key(parts[-1]))
        elif w.lower().rstrip(".") not in titles:
            out.append(name_key(w))  # "Þórhallsdóttir" -> "thorhallsdottir": a rendering, not another name
    if not out or len(out[-1]) < 2 or run[-1].lower() in titles:
        return ()
    return tuple(out)


# What a source prints around a name: lower-case title words before it ("chief executive"), an
# appositive after it (", a director at the commission,", ", Spain's secretary general of
# fisheries,": the possessive names the body, the words after it the role), an "of ..." after it.
_LEAD_CUT_RE = re.compile(r"[.,;:!?\"“”()\n]")
_APPOSITION_RE = re.compile(r",\s+(?:(?:the|a|an)\s+|[A-Z][\w’'\-]*['’]s\s+)([^,.;:()\"“”]{3,80}?)[,.;]")
_OF_AFTER_RE = re.compile(r"\s+of\s+(?:the\s+)?([\w’'\-]+)")
_LEAD_WORDS = 3
# A description opening the sentence with the name in apposition after it: "The driver, Ana Ruiz,
# said", "Its treasurer, Ana Ruiz,", "The Secretary General of Fisheries, Ana Ruiz,".
_DESCRIPTION_BEFORE_RE = re.compile(r"(?:^|[.!?]\s+|\n)((?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Aa]n?)"
                                    r"(?:\s+[^\W\d_][\w’'\-]*){1,6}),\s+$")


def role_words(text: str, start: int, end: int, words: Sequence[str],
               titles: frozenset[str]) -> frozenset[str]:
    """The words describing the person named at ``text[start:end]`` (its ``words`` as printed):
    the phrase's words outside the name ("Director", "CEO", "Sorae"), up to three lower-case
    words right before it, an appositive and an "of ..." right after it; stemmed, function words
    and reporting verbs left out."""
    name = set(name_of_words(words, titles))
    out: set[str] = set()
    for w in words:
        if name_key(w) not in name:
            out.add(w.lower())
    lead = _LEAD_CUT_RE.split(text[max(0, start - 60):start])[-1].split()
    for i, w in enumerate(reversed(lead[-_LEAD_WORDS - 1:])):
        lw = w.lower()
        if lw == "of" and i == 0:
            continue  # "the spokesman of ZTK Jerzy Wolny": the title before the body it is of
        if not w.islower() or lw in FUNCTION_WORDS or lw in REPORTING_VERBS or i > _LEAD_WORDS - 1:
            break
        out.add(lw)
    before = _DESCRIPTION_BEFORE_RE.search(text[max(0, start - 60):start])
    if before and (before.start(1) > 0 or start <= 60):  # a window's own start is no sentence's
        out.update(w.lower() for w in before.group(1).split()[1:])
    tail = text[end:end + 90]
    m = _APPOSITION_RE.match(tail) or _OF_AFTER_RE.match(tail)
    if m:
        out.update(w.lower() for w in _NAME_WORD_RE.findall(m.group(1)))
    return frozenset(stem(_plain(w)) for w in out
                     if _plain(w) not in FUNCTION_WORDS and _plain(w) not in REPORTING_VERBS and len(w) > 1)


def _share(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(words_match(x, y) for x in a for y in b)


class StoryRoles:
    """The words each source prints with each full name (``role_words``), by the name's last two
    words folded ("kim", "jihyun"), and the given names printed before each surname. Built once per
    run, when first needed. ``of(name, but=source)``: the role words over the other sources;
    ``given_names(surname)``: the given names (or first initials) the story prints it with."""

    def __init__(self, ctx: CheckContext, titles: frozenset[str]) -> None:
        self._ctx = ctx
        self._titles = titles
        # Where each full name is printed; its role words are read only for the names asked about.
        self._mentions: dict[tuple[str, ...], list[tuple[str, int, int, tuple[str, ...]]]] = defaultdict(list)
        self._given: dict[str, set[str]] = defaultdict(set)
        names: dict[tuple[str, ...], tuple[str, ...]] = {}  # a story prints the same runs over and over
        for sid in sorted(ctx.sources):
            src = ctx.sources[sid]
            for cs, ce in src.content:
                for m in _CAP_PAIR_RE.finditer(src.text, cs, ce):
                    words = tuple(_NAME_WORD_RE.findall(m.group()))
                    name = names.get(words)
                    if name is None:
                        name = names[words] = name_of_words(words, titles)
                    if len(name) >= 2:
                        self._given[name[-1]].add(name[-2])
                        self._mentions[name[-2:]].append((sid, m.start(), m.end(), words))
        self._roles: dict[tuple[str, ...], dict[str, set[str]]] = {}

    def given_names(self, surname: str) -> frozenset[str]:
        return frozenset(self._given.get(surname, ()))

    def of(self, name: Sequence[str], *, but: str) -> frozenset[str]:
        key = tuple(name[-2:])
        found = self._roles.get(key)
        if found is None:
            found = self._roles[key] = defaultdict(set)
            for sid, start, end, words in self._mentions.get(key, ()):
                found[sid].update(role_words(self._ctx.sources[sid].text, start, end, words, self._titles))
        return frozenset(w for sid, ws in found.items() if sid != but for w in ws)

    def in_other_names(self, word: str, *, but: Sequence[Sequence[str]]) -> bool:
        """Whether ``word`` is one of the last two words of a full name the story prints, other
        than the names ``but`` (by their last two words)."""
        skip = {tuple(n[-2:]) for n in but}
        return any(key not in skip and any(_name_word_match(word, w) for w in key) for key in self._mentions)

    def sources_of(self, name: Sequence[str]) -> frozenset[str]:
        """The sources that print the full name ``name`` (by its last two words)."""
        return frozenset(m[0] for m in self._mentions.get(tuple(name[-2:]), ()))

    def names_in(self, source: str) -> list[tuple[str, ...]]:
        """The full names (last two words folded) that ``source`` prints, in a stable order."""
        return sorted(key for key, mentions in self._mentions.items() if any(m[0] == source for m in mentions))

    def roles_in(self, name: Sequence[str], source: str) -> frozenset[str]:
        """The role words ``source`` itself prints with ``name`` (see ``of``)."""
        self.of(name, but=source)  # fills the per-source roles
        return frozenset(self._roles[tuple(name[-2:])].get(source, ()))


# How far from a name the body it heads or belongs to is looked for, within the sentence.
_AFFILIATION_CHARS = 90
# A full stop ends a sentence unless it closes an initial ("R. Kamakshi Venkatesan"): cut there, the
# person's name loses the body printed before it.
# A full stop after an initial or a title abbreviated before a name ("K. Ruiz", "Dr. Ruiz",
# "Prof. Ruiz") ends no sentence.
_NO_SENTENCE_END = r"(?<!\b[A-Z]\.)" + "".join(
    rf"(?<!\b{t.capitalize()}\.)" for t in sorted(TITLE_ABBREVIATIONS | {"mr", "mrs", "ms", "mx", "dr"}))
_SENTENCE_CUT_RE = re.compile(r"(?<=[.!?;])" + _NO_SENTENCE_END + r"\s|\n")


# A name in apposition right after a speaker phrase: ", Paul Mwinga," / ", Ana Castro de la Vega,".
_APPOSED_NAME_RE = re.compile(r",\s+((?:[A-Z][\w’'\-.]*\s+(?:(?:de|la|del|van|von|der|da|di|du|al|el|bin)\s+)*){0,4}"
                              r"[A-Z][\w’'\-]*)\s*,")


# The rest of a body's name that a speaker phrase stopped short of, before a name in apposition
# ("The chief of the Service" + " for Digital Registers" + ", Zoran Pevec,"): name words
# and the small words inside names, ending with a capitalised word right before the comma.
_TITLE_TAIL_RE = re.compile(r"(?:\s+(?:of|for|the|and|on|at|[A-Z][\w’'\-&]*)){1,8}(?<=[A-Za-z])(?=,)")


def _apposed_name(text: str, end: int, titles: frozenset[str]) -> tuple[str, ...]:
    """The personal name (``name_of_words``) in apposition right after ``text[:end]``, or after
    the rest of a body's name the phrase stopped short of (``_TITLE_TAIL_RE``); () when there is
    none."""
    m = _APPOSED_NAME_RE.match(text, end)
    if m is None:
        tail = _TITLE_TAIL_RE.match(text, end)
        if tail is not None and tail.group().split()[-1][:1].isupper():
            m = _APPOSED_NAME_RE.match(text, tail.end())
    return name_of_words(_NAME_WORD_RE.findall(m.group(1)), titles) if m else ()


def _addressed_by(own: Sequence[str], name: Sequence[str]) -> bool:
    """Whether ``own`` (a personal name ending with a word that ``name`` prints before its last)
    can be ``name``'s bearer called by that word: at most one of its other words is none of
    ``name``'s, a form of address ("Ibu Wulan" for Wulan Larasati Prasetyani, "Pak Wiryo"). Two
    words of its own make another person's full name: "Daw Thida Lwin" is not "U Lwin Myo Thant"
    in a naming custom where a word recurs across unrelated names."""
    return sum(1 for w in own[:-1] if not any(_name_word_match(w, x) for x in name)) <= 1


def _name_word_match(a: str, b: str) -> bool:
    """Two words of personal names agree: near spellings, or an initial and a name it begins."""
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return words_match(a, b)


def _rendered_alike(a: str, b: str) -> bool:
    """Two words of personal names agree (``_name_word_match``) or are two romanisations of one
    name (``names.one_name_romanised``: "Yanis" / "Jānis", "Çirigotis" / "Tsirigotis"): translations
    from other scripts and alphabets each render a name by their own scheme, and a person so
    rendered is still the one person, not another speaker."""
    return _name_word_match(a, b) or (len(a) > 1 and len(b) > 1 and one_name_romanised(a, b))


def same_name(na: Sequence[str], nb: Sequence[str]) -> bool:
    """Whether two personal names (``person_name``) are one person's: the last words (surnames)
    agree, and where both print given names or initials, one of each side agrees ("Noelia
    Marin-Bolos", "N. Marín-Bolós"; not "Lars Vollan", "Sigrid Vollan"); words agree also as two
    romanisations of one name (``_rendered_alike``)."""
    if not na or not nb or not _rendered_alike(na[-1], nb[-1]):
        return False
    ga, gb = na[:-1], nb[:-1]
    return not ga or not gb or any(_rendered_alike(x, y) for x in ga for y in gb)


def _rendered_whole(na: Sequence[str], nb: Sequence[str]) -> bool:
    """Whether two personal names of the same two or more words are one name rendered word by
    word by two spelling systems ("Hodan Cali Faarax" in Somali orthography, "Hodan Ali Farah"
    in English; "Aissatou Ndiaye", "Aysatu Njaay" in Wolof): every word sounds like its
    counterpart by the Match Rating Approach, a phonetic comparison made for personal names, and
    at least one pair agrees more closely (``_rendered_alike``). One word sounding alike is
    common among two people's names; a whole name in order, one word of it spelt alike or
    romanised alike (a word only begun alike, "Asante" / "Asante-Boateng", is not), is rarely
    two people's; ``SamePerson.rendered`` asks for more."""
    if len(na) != len(nb) or len(na) < 2:
        return False
    differ = [(x, y) for x, y in zip(na, nb) if x != y]
    if len(differ) < 2:
        # One word otherwise ("Ma Sandar Wai", "Ma Sandar Win") is a rendering only as a
        # romanisation; a word merely sounding alike may be another person's in a naming custom
        # where words recur across names (``SamePerson.one_rendering`` asks for the role then).
        return all(len(x) > 1 and len(y) > 1 and one_name_romanised(x, y) for x, y in differ)
    close = False
    for x, y in zip(na, nb):
        if x == y or (len(x) > 1 and len(y) > 1 and one_name_romanised(x, y)):
            close = True
        elif not _name_word_match(x, y) and (len(x) < 2 or len(y) < 2 or not jellyfish.match_rating_comparison(x, y)):
            return False
    return close


def _part_of(short: str, long: str) -> bool:
    """Whether ``short`` is a proper part of ``long`` ("adeyemi" of "adeyemi-cole")."""
    return len(short) < len(long) and (short in long.split("-") or long.startswith(short))


def _plain(word: str) -> str:
    w = word.lower().replace("’", "'").rstrip(".")
    return w[:-2] if w.endswith("'s") else w


def _may_be_given_name(word: str) -> bool:
    """A word that may be a given name: not a title or an ordinary word ("minister", "chief",
    "environment"), not an honorific or a function word. Given names that are also ordinary words
    ("Grace", "Martin") are missed, which only leaves two names compatible."""
    return word.isalpha() and len(word) > 1 and word not in HONORIFICS and word not in FUNCTION_WORDS \
        and not is_ordinary_word(word)


# -- a fuller reading of the speakers ---------------------------------------------------------


def fuller_reading(ctx: CheckContext, speech: Speech) -> Speech:
    """``speech`` with the speakers ``attributions_in`` leaves out or cuts short read in full.

    In: the context and its shared speech analysis. Out: a new ``Speech`` (the shared one is left
    as it is) where, per source:

    - a reporting verb without a speaker, or with only an unnamed one ("said the chief
      executive of Meltera Lines, Irini Vostaki"), gets the name ``speech.fuller_speaker`` reads;
    - a named speaker followed by "of <Name>" takes it in ("the Ministry of Health");
    - a "he"/"she" resolved to words inside a quotation, or to a name farther back than a name
      read here, is resolved to the last name credited before it in its paragraph;
    - the quotes take their speakers again from these attributions (same rules as ``analyse``).

    Sources where nothing changes keep their attributions and quotes as they are."""
    by_source: dict[str, list[Passage]] = defaultdict(list)
    for p in ctx.alignment.passages:
        by_source[p.source].append(p)
    quotes = dict(speech.quotes)
    atts = dict(speech.attributions)
    genders = _name_genders(ctx)
    proper = _ProperWords(ctx)
    speakers = speaking_names(speech)
    for sid in sorted(by_source):
        src = ctx.sources[sid]
        outer = sorted((q.start, q.end) for q in speech.quotes.get(sid, []) if not q.nested)
        existing = {a.speaker.verb_start: a for a in speech.attributions.get(sid, [])}
        new_atts: list[Attribution] = []
        changed: set[int] = set()  # verbs whose speaker is new or has other words
        trimmed = False  # a speaker lost a full stop
        subjects: dict[int, Speaker] = {}  # pronoun verbs -> the apposed subject they refer to
        fresh: set[int] = set()  # pronoun verbs read here for the first time, still unresolved
        prev_p: Passage | None = None
        last_p: Passage | None = None  # the passage right before, quoted or not
        for p in sorted(by_source[sid], key=lambda p: p.start):
            subjects.update(_apposed_subjects(src.text, p, prev_p, speech.attributions_in_passage(p.id)))
            for ts, subj in _subjects_past_quotation(src, p, last_p, prev_p, outer,
                                                     speech.attributions_in_passage(p.id), proper).items():
                subjects.setdefault(ts, subj)
            last_p = p
            prev_read = prev_p  # the sentence before this passage's, for a pronoun read below
            # A sentence wholly inside a quotation that runs on is the speaker's, not the
            # narrative: the sentence a pronoun after the quotation refers back to is the one
            # before the quotation opened ('The mayor, X, spoke. "A. B," he said').
            if not _all_quoted(src.text, p, outer):
                prev_p = p
            # Verbs to read again: those ``fuller_speaker`` reads (after a comma or a quotation
            # mark, "according to") and those with an unnamed speaker or a name before "of".
            again = {m.start(1) for m in _LED_VERB_RE.finditer(src.text, p.start, p.end)}
            for a in speech.attributions_in_passage(p.id):
                spk = a.speaker
                if not spk.pronoun and (not spk.proper or _OF_NAME_RE.match(src.text, spk.end)
                                        or _LOWER_LED_APPOSITION_RE.match(src.text, spk.end)
                                        or _NAME_APPOSED_RE.fullmatch(src.text, spk.end, spk.verb_start)):
                    again.add(spk.verb_start)
            toks: list | None = None  # the passage's speaker tokens, read only when needed
            for ts in sorted(again):
                if _inside(outer, ts):
                    continue
                if toks is None:
                    toks = speaker_tokens(src.text, p.start, p.end)
                    starts = [t[1] for t in toks]
                vi = bisect.bisect_left(starts, ts)
                if vi >= len(toks) or starts[vi] != ts or (vi > 0 and toks[vi - 1][0].lower() in _BE_WORDS):
                    continue
                old = existing.get(ts)
                spk = old.speaker if old is not None else None
                if spk is not None and spk.proper:
                    spk = _name_after_description(sid, src.text, toks, vi, spk) or spk
                    spk = extended_name(spk, src.text, toks)
                    spk = _lower_led_apposition(sid, src.text, toks, spk) or spk
                elif spk is None or not spk.pronoun:
                    more = fuller_speaker(sid, src.text, toks, vi) or _apposed_before(sid, src.text, toks, vi) \
                        or _relative_subject(sid, src.text, toks, vi) \
                        or (_lower_led_apposition(sid, src.text, toks, spk) if spk is not None else None) \
                        or _description_into_name(sid, src.text, toks, vi, speakers)
                    if more is not None and more.proper:
                        spk = more
                if spk is None or (old is not None and spk.core == old.speaker.core):
                    continue  # the rest keep their speaker (below)
                changed.add(ts)
                spk = _without_full_stop(spk)
                verb = old.verb if old is not None else " ".join(toks[vi][0].lower().split())
                if verb == "according":
                    verb = "according to"
                new_atts.append(Attribution(p.id, spk, verb))
            # Speakers ``attributions_in`` does not read at all: a title led by an -ing word
            # before the verb, and a verb it does not list after a quotation (see ``_unread``).
            for a in _unread(src, p, prev_read, speech.quotes.get(sid, []), outer, existing, proper):
                if a.speaker.verb_start not in changed:
                    changed.add(a.speaker.verb_start)
                    if a.speaker.pronoun:
                        fresh.add(a.speaker.verb_start)
                    new_atts.append(a)
        # Every other attribution stays, without the full stop a short name may have kept.
        for a in speech.attributions.get(sid, []):
            if a.speaker.verb_start not in changed:
                spk = _without_full_stop(a.speaker)
                trimmed = trimmed or spk is not a.speaker
                new_atts.append(a if spk is a.speaker else Attribution(a.passage, spk, a.verb))
        # A quote left without a speaker may have lost it to an initial's full stop ("…,"
        # Meltrex's J.R. Danforth said.): read such sources' quotes again (``_requote``).
        unspoken = any(q.speaker is None and not q.nested for q in speech.quotes.get(sid, [])) \
            and _ABBREV_DOT_RE.search(src.text) is not None
        if not changed and not trimmed and not unspoken and not subjects \
                and not any(_resolved_in_quote(a.speaker, outer) or _gender_checked(a, genders) is not a
                            for a in new_atts):
            continue
        new_atts = _reresolve(src.text, new_atts, changed, outer, fresh)
        new_atts = [Attribution(a.passage, replace(a.speaker, resolved=subjects[a.speaker.verb_start]), a.verb)
                    if a.speaker.verb_start in subjects else a for a in new_atts]
        new_atts = [_gender_checked(a, genders) for a in new_atts]
        atts[sid] = new_atts
        quotes[sid] = _requote(src.text, speech.quotes.get(sid, []), new_atts, outer)
    read = _represented_unnamed(_opening_read_in_full(Speech(quotes=quotes, attributions=atts, aliases=speech.aliases)))
    return _clause_subjects(ctx, read, proper)


# A clause that hands the floor to a quotation right after it: a colon, or "that" closing a verb
# of saying ('X said that "…"'), the quotation's opening mark after it.
_HANDING_CLAUSE_RE = re.compile(r"(?::|\bthat,?)\s*[\"“„«‘]?\s*$")


def _clause_subject(src, s: int, e: int, proper: "_ProperWords") -> Speaker | None:
    """The person a clause at ``src.text[s:e]`` (one that hands the floor to a quotation) is
    about: ``_sentence_subject``, else the noun phrase before the first word after its last
    capitalised word ("Chief engineer Ana Ruiz" of "Chief engineer Ana Ruiz put it simply"; a verb
    that keeps its base form in the past reads as no verb form). None when no personal name."""
    subj = _sentence_subject(src, s, e, proper)
    if subj is not None:
        return subj
    text = src.text
    toks = speaker_tokens(text, s, e)
    last = max((k for k, (w, _, _) in enumerate(toks) if w[:1].isupper()), default=None)
    if last is None:
        return None
    vi = next((k for k in range(last + 1, len(toks)) if toks[k][0][:1].islower()), None)
    if vi is None or any(toks[k][0] not in (",",) for k in range(last + 1, vi)):
        return None
    spk = _np_before(src.id, text, toks, vi)
    if spk is None and vi >= 2 and toks[vi - 1][0] == ",":
        # A name in apposition closed by a comma right before the verb ("The judge who led the
        # trial, Ana Ruiz, said that"): the run of capitalised words after the comma before it.
        k = last
        while k > 0 and toks[k - 1][0][:1].isupper():
            k -= 1
        if k > 0 and toks[k - 1][0] == "," and name_run(toks, k) == last + 1:
            spk = _name_speaker(src.id, text, toks[k:last + 1], toks[vi][1])
    return spk if spk is not None and spk.proper and not spk.pronoun and _personal_word(person_name(spk)) else None


# A quotation's opening mark at the end of the text before it.
_OPENING_MARK_RE = re.compile(r"\s*[\"“„«]\s*$")
MAX_OBJECT_WORDS = 5
"""How many words may stand between a verb of saying and the quotation it introduces
('called the port "…"', 'described the deficit as "…"')."""


def _saying_clause(text: str, s: int, e: int) -> bool:
    """Whether the clause ``text[s:e]`` (its sentence up to a quotation's opening mark) ends in a
    verb of saying or thinking (``speech.saying_verb``, judged by WordNet) and at most
    MAX_OBJECT_WORDS words after it, a comma at most closing them: "Ana Ruiz called the port",
    "Ana Ruiz described the deficit as", "Ana Ruiz pointed out,"; no auxiliary after the verb
    (then the quotation is inside a clause of its own: "said residents had") and no verb of the
    reporting-verb list (read already by ``attributions_in``). Its subject hands the quotation
    the floor as a colon does: English reads 'X called the result "…"' as X's words, and a
    translation keeps its own language's verb ("named the result", "evaluated")."""
    toks = speaker_tokens(text, s, e)
    for k in range(len(toks) - 1, -1, -1):
        w = toks[k][0]
        lw = w.lower()
        if (_is_boundary(w) and not (w == "," and k == len(toks) - 1)) or lw in AUXILIARIES or lw in REPORTING_VERBS:
            # A clause of its own before the quotation ("said Iranians had"), or a listed verb,
            # which ``attributions_in`` has read already.
            return False
        if k > 0 and saying_verb(w):
            return True
        if len(toks) - 1 - k >= MAX_OBJECT_WORDS + 1:
            return False
    return False


def _clause_subjects(ctx: CheckContext, speech: Speech, proper: "_ProperWords") -> Speech:
    """``speech`` with each quotation left without a speaker credited to the person its own
    sentence opens with, where the clause before it hands it the floor (a colon, "that", or a
    verb of saying and a short object: ``_saying_clause``, 'Ana Ruiz called the port "…"'):
    'Chief engineer Ana Ruiz put it simply: "…"', 'Ana Ruiz was blunt: "…"', 'The judge who led
    the trial, Ana Ruiz, said that "…"'. Whatever the verb (one that keeps its base form in the
    past, a copula with an adjective, a clause inside the subject), the one who speaks is the
    clause's subject (``_clause_subject``: a personal name, read past a description in
    apposition). The clause must name no one else after it: "Ana Ruiz, like Tomas Berg, was
    blunt: '…'" is left alone."""
    def per_source(sid: str):
        src = ctx.sources[sid]
        text = src.text

        def fix_quote(q: Quote) -> Quote:
            if q.speaker is not None or q.nested:
                return q
            para = text.rfind("\n", 0, q.start) + 1
            head = text[para:q.start]
            m = _HANDING_CLAUSE_RE.search(head)
            if m is None:
                m = _OPENING_MARK_RE.search(head)
                if m is None:
                    return q
                pieces = list(_SENTENCE_CUT_RE.finditer(head, 0, m.start()))
                s = para + (pieces[-1].end() if pieces else 0)
                e = para + m.start()
                if not _saying_clause(text, s, e):
                    return q
            else:
                pieces = list(_SENTENCE_CUT_RE.finditer(head, 0, m.start()))
                s = para + (pieces[-1].end() if pieces else 0)
                e = para + m.start()
            if _QUOTE_MARK_RE.search(text, s, e):
                return q
            subj = _clause_subject(src, s, e, proper)
            if subj is None:
                return q
            rest = text[subj.end:e]
            if any(w[:1].isupper() for w in _NAME_WORD_RE.findall(rest)):
                return q  # another name in the clause may be whose words these are
            return _with_speaker(q, subj)
        return fix_quote
    quotes = {}
    for sid, qs in speech.quotes.items():
        fix = per_source(sid)
        quotes[sid] = [fix(q) for q in qs]
    return Speech(quotes=quotes, attributions=speech.attributions, aliases=speech.aliases)


# A name in apposition after a title, led by lower-case words: ", mister Zurab Kvantalianim," (a
# translation spells the honorific out), ", former judge Ana Ruiz,". Two to four capitalised words.
_LOWER_LED_APPOSITION_RE = re.compile(
    r",\s+((?:[a-z][a-z’'\-]*\s+){1,3})((?:[^\W\d_][\w’'\-.]*\s+){1,3}[^\W\d_][\w’'\-]*)\s*,")
# The same apposition closing its sentence, after an unnamed description whose "of" phrase is in
# lower case: "said the head of the department, colonel Ana Ruiz." (a translation keeps its
# language's order and prints the rank in lower case).
_LOWER_LED_CLOSING_RE = re.compile(
    r"(?:\s+of\s+(?:the\s+)?(?:[a-z][a-z’'\-]*\s+){0,3}[a-z][a-z’'\-]*)?"
    r",\s+((?:[a-z][a-z’'\-]*\s+){1,3})((?:[^\W\d_][\w’'\-.]*\s+){1,3}[^\W\d_][\w’'\-]*?)\.?[ \t]*(?:[.;]|$)",
    re.MULTILINE)


def _lower_led_apposition(source: str, text: str, toks: Sequence, spk: Speaker) -> Speaker | None:
    """The personal name in apposition right after a speaker that is only a title or an office
    ("the Minister of Infrastructure, mister Zurab Kvantalianim, to journalists": every capitalised
    word of it a dictionary word), led by lower-case words that are neither function words nor
    verbs of saying; None when there is none. The name's words must all be capitalised and its
    last one no dictionary word (a person's surname, not "the Ministry of Roads, and Transport
    Agency,")."""
    m = _LOWER_LED_APPOSITION_RE.match(text, spk.end)
    if m is None and not spk.proper:
        m = _LOWER_LED_CLOSING_RE.match(text, spk.end)
    if m is None:
        return None
    lead = m.group(1).split()
    if any(w in FUNCTION_WORDS or w in REPORTING_VERBS or w in CONJUNCTIONS for w in lead):
        return None
    words = m.group(2).split()
    if not all(w[:1].isupper() for w in words) or is_ordinary_word(_plain(words[-1])):
        return None
    if any(w[:1].isupper() and not is_ordinary_word(_plain(w)) for w in _NAME_WORD_RE.findall(spk.text)):
        return None  # the speaker already holds a name
    inside = [t for t in toks if m.start(2) <= t[1] and t[2] <= m.end(2)]
    if not inside:
        return None
    return _name_speaker(source, text, inside, spk.verb_start)


# What may stand between a speaker phrase and its verb when a name is apposed to it: a comma, a
# run of capitalised words (name particles and "of" between them), a comma ("the head of the
# Harbour Board, Ana Ruiz, said"). A cheap test before the tokens are read.
_NAME_APPOSED_RE = re.compile(r"\s*,\s+[^\W\d_][\w’'\-.]*(?:\s+[\w’'\-.]+){0,5}\s*,\s*")


def _name_after_description(source: str, text: str, toks: Sequence, vi: int, spk: Speaker) -> Speaker | None:
    """``<description>, <Name>, said`` where the speaker read is the description because it ends
    in a body's name ("The head of the Harbour Board, Ana Ruiz, said"): the name in apposition,
    else None. English puts a person's name beside the words that describe them, and of the two
    the name says who spoke; the description may be worded otherwise in every source. The
    description must hold a lower-case word that is no function word (a common noun such as
    "head"), so a body's own name ("Harbour Board, Ana Ruiz, said") is never read as one. In: the
    passage's speaker tokens, the verb's index and the speaker read there."""
    bounds = apposition_before(toks, vi)
    if bounds is None:
        return None
    d, k = bounds
    desc = toks[d + 1:k]
    if not desc or spk.start < desc[0][1] or spk.end > desc[-1][2] or not _description_ok(desc):
        return None
    if not any(t[0][:1].islower() and t[0].isalpha() and t[0] not in FUNCTION_WORDS for t in desc):
        return None
    return _name_speaker(source, text, toks[k + 1:vi - 1], toks[vi][1])


# A translation's inverted credit whose description runs straight into the name, with no comma
# (the source language's word order): "said the spokesman of the Harbour Board Ana Ruiz.", "said for
# Radio Norte the member of the Council Ana Ruiz.". Groups: the body's capitalised words, the name.
_DESCRIPTION_INTO_NAME_RE = re.compile(
    r"\s+(?:(?:for|to)\s+(?:[A-Z][\w’'\-]*\s+){1,3})?the\s+(?:[a-z][a-z\-]*\s+){1,3}of\s+(?:the\s+)?"
    r"((?:[A-Z][\w’'\-.]*\s+){1,4}?)([A-Z][\w’'\-]+\s+[A-Z][\w’'\-]+)\s*(?=[.,;]|$)",
    re.MULTILINE)


def _description_into_name(source: str, text: str, toks: Sequence, vi: int,
                           speakers: frozenset[tuple[str, ...]]) -> Speaker | None:
    """The person an inverted credit names after its description without a comma ("said the
    spokesman of the Harbour Board Ana Ruiz."), or None.

    Which capitalised words are the body's and which the person's is not written on the page; the
    last two are taken as a given name and a surname when the first may be a given name and the
    story credits that person with words elsewhere (a speaker with the same surname and a
    compatible given name), so that a body's own name ("of the Bank Nordica Vellmar") is never read
    as a person."""
    m = _DESCRIPTION_INTO_NAME_RE.match(text, toks[vi][2])
    if m is None:
        return None
    given, surname = m.group(2).split()
    if not _may_be_given_name(_plain(given)):
        return None
    key = (name_key(given), name_key(surname))
    if not any(len(k) >= 2 and same_name(k[-2:], key) for k in speakers):
        return None
    inside = [t for t in toks if m.start(2) <= t[1] and t[2] <= m.end(2)]
    return _name_speaker(source, text, inside, toks[vi][1]) if inside else None


# A possessive closing a word of a name ("Van Dessel's", "Ruiz’s"), in a speaker phrase.
_POSSESSIVE_WORD_RE = re.compile(r"\b[^\W\d_][\w\-]*['’]s\b")


def represented(spk: Speaker) -> bool:
    """Whether a named speaker phrase names someone's representative rather than a person or
    body of its own: a possessive followed only by lower-case words ("Van Dessel's defence",
    "Mayor Ruiz's spokeswoman", "the bank's chief executive"). The one who speaks is the lawyer,
    the spokeswoman, the chief executive, unnamed here: a voice of its own, not the person the
    possessive names. A name after the role ("the minister's spokesman Tom Lee") or a
    capitalised head ("China's Commerce Ministry", "Quayside's Wendy Tsang") is a speaker of
    its own."""
    if not spk.proper or spk.pronoun:
        return False
    last = None
    for last in _POSSESSIVE_WORD_RE.finditer(spk.text):
        pass
    if last is None:
        return False
    rest = _NAME_WORD_RE.findall(spk.text[last.end():])
    return bool(rest) and all(not _capitalised_word(w) for w in rest)


def _capitalised_word(word: str) -> bool:
    return word[:1].isupper() or ("-" in word and word.rsplit("-", 1)[1][:1].isupper())


def _unnamed_role(spk: Speaker | None) -> Speaker | None:
    """``spk`` read as an unnamed speaker when it is a representative (``represented``), its
    resolved speaker too; otherwise ``spk`` itself."""
    if spk is None:
        return None
    if spk.pronoun:
        res = _unnamed_role(spk.resolved)
        return spk if res is spk.resolved else replace(spk, resolved=res)
    return replace(spk, proper=False, vague=False) if represented(spk) else spk


def _happening_unnamed(spk: Speaker | None, same: "SamePerson") -> Speaker | None:
    """``spk`` read as unnamed when it is one capitalised word that names a happening, not anyone
    who speaks (``lexicon.names_a_happening``: "Hail destroyed vineyards: '…'", a headline whose
    colon hands the floor to a quote): a word the story also prints in lower case and never after a
    given name (a surname such as Frost is printed after one). Its resolved speaker too; otherwise
    ``spk`` itself."""
    if spk is None:
        return None
    if spk.pronoun:
        res = _happening_unnamed(spk.resolved, same)
        return spk if res is spk.resolved else replace(spk, resolved=res)
    if not spk.proper or len(spk.core) != 1:
        return spk
    word = spk.core[0]
    if word not in same._titles() or word in same._given or not is_ordinary_word(word) \
            or not names_a_happening(word):
        return spk
    return replace(spk, proper=False, vague=False)


def _represented_unnamed(speech: Speech) -> Speech:
    """``speech`` with every representative's speaker phrase (``represented``) read as unnamed,
    in the attributions, the pronouns resolved to them and the quotes credited to them: such a
    speaker contradicts no one and vouches for no one, like "the spokesman". Unchanged when no
    speaker is one."""
    return _map_speakers(speech, lambda sid: _unnamed_role)


def _opening_read_in_full(speech: Speech) -> Speech:
    """``speech`` with each "he"/"she" resolved to a sentence's opening name that the sentence's
    own reporting verb reads further ("RTB Valmora" of "RTB Valmora chairman Professor X said
    ..."; "..., he told reporters" after it) resolved to that verb's speaker instead: the name a
    sentence opens with stops at the first lower-case word, the verb's subject does not, and
    the pronoun stands for the whole subject. Only a speaker starting where the opening name
    starts and ending after it is taken."""
    def per_source(sid: str):
        longest: dict[int, Speaker] = {}
        for a in speech.attributions.get(sid, []):
            spk = a.speaker
            cur = longest.get(spk.start)
            if spk.proper and not spk.pronoun and (cur is None or spk.end > cur.end):
                longest[spk.start] = spk
        if not longest:
            return None

        def fix(spk: Speaker | None) -> Speaker | None:
            if spk is None or not spk.pronoun or spk.resolved is None or spk.core[0] not in ("he", "she"):
                return spk
            full = longest.get(spk.resolved.start)
            if full is None or full.end <= spk.resolved.end or full.start >= spk.start:
                return spk
            return replace(spk, resolved=full)
        return fix
    return _map_speakers(speech, per_source)


def _map_speakers(speech: Speech, per_source) -> Speech:
    """``speech`` with ``per_source(sid)`` (a function from a speaker to its new reading, or None
    to keep the source as it is) applied to every attribution's and quote's speaker; the same
    object when nothing changes."""
    atts: dict[str, list[Attribution]] = dict(speech.attributions)
    quotes: dict[str, list[Quote]] = dict(speech.quotes)
    changed = False
    for sid in sorted(set(speech.attributions) | set(speech.quotes)):
        fix = per_source(sid)
        if fix is None:
            continue
        row = []
        for a in speech.attributions.get(sid, []):
            new = fix(a.speaker)
            row.append(a if new is a.speaker else Attribution(a.passage, new, a.verb))
        if any(x is not a for x, a in zip(row, speech.attributions.get(sid, []))):
            atts[sid] = row
            changed = True
        qrow = []
        for q in speech.quotes.get(sid, []):
            new = fix(q.speaker)
            qrow.append(q if new is q.speaker else _with_speaker(q, new))
        if any(x is not q for x, q in zip(qrow, speech.quotes.get(sid, []))):
            quotes[sid] = qrow
            changed = True
    if not changed:
        return speech
    return Speech(quotes=quotes, attributions=atts, aliases=speech.aliases)


# An -ing word that describes rather than opens a clause: right after a determiner, a possessive
# determiner or a possessive ("its acting director", "the outgoing minister", "the bank's acting
# head").
_ATTRIBUTIVE_LEAD = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "my", "your"})


def _apposed_before(source: str, text: str, toks: Sequence, vi: int) -> Speaker | None:
    """``<description>, <Name>, said`` where the description holds an attributive -ing word that
    ``speech.fuller_speaker`` takes for a clause ("Its acting general director, Do Thi Kim
    Thuy, said"): the name, else None. In: the passage's speaker tokens and the verb's index."""
    bounds = apposition_before(toks, vi)
    if bounds is None:
        return None
    d, k = bounds
    desc = list(toks[d + 1:k])
    kept = [t for i, t in enumerate(desc)
            if not (t[0].islower() and t[0].endswith("ing") and 0 < i < len(desc) - 1
                    and (desc[i - 1][0].lower() in _ATTRIBUTIVE_LEAD
                         or desc[i - 1][0].replace("’", "'").lower().endswith("'s")))]
    if len(kept) == len(desc) or not _description_ok(kept):
        return None
    return _name_speaker(source, text, toks[k + 1:vi - 1], toks[vi][1])


_RELATIVE_WORDS = frozenset({"who", "whose"})
_MAX_RELATIVE_TOKENS = 16


def _relative_subject(source: str, text: str, toks: Sequence, vi: int) -> Speaker | None:
    """``<Name>, who <clause>, said``: the name a relative clause describes is the verb's subject
    ("Managing director Ana Ruiz, who took charge in 2025, said the plant would reopen"); the
    clause holds no comma and at most _MAX_RELATIVE_TOKENS tokens. In: the passage's speaker tokens
    and the verb's index. Out: the name (its capitalised run only), or None."""
    if vi < 4 or toks[vi - 1][0] != ",":
        return None
    k = vi - 2
    while k >= 0 and toks[k][0].lower() not in _RELATIVE_WORDS and not _is_boundary(toks[k][0]) \
            and vi - 1 - k <= _MAX_RELATIVE_TOKENS:
        k -= 1
    if k < 2 or toks[k][0].lower() not in _RELATIVE_WORDS or toks[k - 1][0] != ",":
        return None
    end = k - 1
    start = end
    while start > 0 and not _is_boundary(toks[start - 1][0]) \
            and (toks[start - 1][0][:1].isupper() or toks[start - 1][0].lower() in NAME_PARTICLES):
        start -= 1
    if start == end or name_run(toks, start) != end:
        return None
    return _name_speaker(source, text, toks[start:end], toks[vi][1])


# An -ing word, one to three lower-case words and a capitalised word: where a title led by an -ing
# word may stand before a name ("presiding judge Luong Van Thuc said"); a cheap test before reading
# the passage's tokens.
_ING_TITLE_RE = re.compile(r"\b[A-Za-z][a-z]+ing\s+(?:[a-z][\w\-]*\s+){1,3}[A-Z]")


class _ProperWords:
    """The words the story capitalises inside sentences (names), in lower case, as ``analyse``
    reads them to tell a name from a sentence's first word; read once, when first asked."""

    def __init__(self, ctx: CheckContext) -> None:
        self._ctx = ctx
        self._words: frozenset[str] | None = None

    def __call__(self) -> frozenset[str]:
        if self._words is None:
            found: set[str] = set()
            for sid in sorted(self._ctx.sources):
                text = self._ctx.sources[sid].text
                for m in _MID_SENTENCE_CAP_RE.finditer(text):
                    found.add(_plain(m.group(1)))
            self._words = frozenset(found)
        return self._words


# A capitalised word after a lower-case word, a comma or a capitalised word: inside a sentence.
_MID_SENTENCE_CAP_RE = re.compile(r"(?<=[\w,;’'])[ \t]+([A-Z][\w’'\-]*)")
# A verb as printed (no full stop after it).
_VERB_WORD_RE = re.compile(r"[^\W\d_]+")
# A perfect auxiliary, and a subject pronoun after it, right before a verb ('"…," has said Ana
# Ruiz', '"…," has he said'): ``attributions_in`` reads a listed verb after a quotation only
# where nothing stands between them (see ``speech._perfect_inversion``).
_AFTER_PERFECT_RE = re.compile(r"\b(?:has|have|had)(?:\s+(?:he|she|they))?\s+$", re.IGNORECASE)


def _unread(src, p: Passage, prev: Passage | None, quotes: Sequence[Quote], outer: Sequence[tuple[int, int]],
            existing: dict[int, Attribution], proper: _ProperWords) -> list[Attribution]:
    """Attributions in passage ``p`` that ``attributions_in`` does not read at all (``existing``:
    the source's attributions by verb start): a reporting verb whose subject is a title led by an
    -ing word (``speech.ing_titled_speaker``: "presiding judge Luong Van Thuc said"), a verb of
    saying or thinking the list lacks handing its clause on with "that"
    (``speech.that_clause_speaker``: "The assessor Ana Ruiz has assured them that"), and the verb
    and subject of the rest of a sentence a quotation of ``quotes`` ran into without a speaker
    (``speech.inverted_frame_speaker``: '"…," defended the councillor Arnau Vilardaga.', '"…," he
    assured.', '"…," has declared the minister'), the verb being one the reporting-verb list lacks
    or one a perfect auxiliary stands before. A "he"/"she" read so is resolved as ``analyse``
    resolves one (``_resolved_here``)."""
    source, text = src.id, src.text
    out: list[Attribution] = []
    if _ING_TITLE_RE.search(text, p.start, p.end):
        toks = speaker_tokens(text, p.start, p.end)
        for vi, (w, ts, _) in enumerate(toks):
            if w.lower() in REPORTING_VERBS and ts not in existing and not _inside(outer, ts):
                spk = ing_titled_speaker(source, text, toks, vi)
                if spk is not None:
                    out.append(Attribution(p.id, spk, w.lower()))
    if _THAT_RE.search(text, p.start, p.end):
        toks = speaker_tokens(text, p.start, p.end)
        for k, (w, ts, _) in enumerate(toks):
            if w.lower() != "that" or _inside(outer, ts):
                continue
            spk = that_clause_speaker(source, text, toks, k)
            if spk is None or spk.verb_start in existing:
                continue
            verb = _VERB_WORD_RE.match(text, spk.verb_start)
            out.append(Attribution(p.id, _resolved_here(src, p, prev, spk, proper), verb.group().lower()))
    for q in quotes:
        if q.nested or q.speaker is not None or not p.start <= q.end < p.end:
            continue
        spk = inverted_frame_speaker(source, text, q.text, q.end)
        if spk is None or spk.verb_start in existing or spk.verb_start >= p.end:
            continue
        verb = _VERB_WORD_RE.match(text, spk.verb_start)
        if verb is None or (verb.group().lower() in REPORTING_VERBS
                            and not _AFTER_PERFECT_RE.search(text, max(0, spk.verb_start - 12), spk.verb_start)):
            continue  # a listed verb ``attributions_in`` reads, unless an auxiliary stands before it
        out.append(Attribution(p.id, _resolved_here(src, p, prev, spk, proper), verb.group().lower()))
    return out


def _resolved_here(src, p: Passage, prev: Passage | None, spk: Speaker, proper: _ProperWords) -> Speaker:
    """``spk`` with a "he"/"she" resolved as ``analyse`` resolves one: to the name passage ``p``
    opens with, before it, else the name the passage before (``prev``) opens with."""
    if not (spk.pronoun and spk.core[0] in ("he", "she")):
        return spk
    text = src.text
    here = _person_at_start(src, speaker_tokens(text, p.start, p.end), proper())
    if here is None or here.end >= spk.start:
        here = _person_at_start(src, speaker_tokens(text, prev.start, prev.end), proper()) \
            if prev is not None else None
    return replace(spk, resolved=here) if here is not None and here.proper else spk


_THAT_RE = re.compile(r"\bthat\b", re.IGNORECASE)


_EDGE_CHARS = " \t\n\"“”‘’'«».,;:!?…"


def _all_quoted(text: str, p: Passage, outer: Sequence[tuple[int, int]]) -> bool:
    """Whether passage ``p`` holds nothing but words of one quotation (``outer``: the source's
    quotations, sorted): its words from first to last lie inside one of them."""
    s, e = p.start, p.end
    while s < e and text[s] in _EDGE_CHARS:
        s += 1
    while e > s and text[e - 1] in _EDGE_CHARS:
        e -= 1
    if s >= e:
        return False
    i = bisect.bisect_right(outer, (s, len(text))) - 1
    return i >= 0 and outer[i][0] <= s and e <= outer[i][1]


def _apposition_opening(text: str, p: Passage) -> Speaker | None:
    """The name in apposition a passage opens with, after a short description ("The driver of
    the bus, Ana Ruiz, 38, was pulled out"): the sentence's subject. None otherwise."""
    toks = speaker_tokens(text, p.start, p.end)
    k = next((i for i, t in enumerate(toks[:11]) if _is_boundary(t[0])), -1)
    if k < 1 or toks[k][0] != "," or not _description_ok(toks[:k]) or not toks[0][0][:1].isupper():
        return None
    end = name_run(toks, k + 1)
    if end <= k + 1 or end >= len(toks) or toks[end][0] != ",":
        return None
    spk = _name_speaker(p.source, text, toks[k + 1:end], toks[end][1])
    return spk if spk is not None and person_name(spk) else None


def _apposed_subjects(text: str, p: Passage, prev: Passage | None,
                      atts: Sequence[Attribution]) -> dict[int, Speaker]:
    """For each "he"/"she" attribution of passage ``p`` whose sentence, or the one before,
    opens with a description and a person's name in apposition, that name (by verb start):
    the pronoun refers to the subject, not to a speaker named further back. In: the source's
    text, the passage, the one before it and ``p``'s attributions."""
    pron = [a for a in atts if a.speaker.pronoun and a.speaker.core[0] in ("he", "she")]
    if not pron:
        return {}
    here = _apposition_opening(text, p)
    before = _apposition_opening(text, prev) if prev is not None and here is None else None
    out: dict[int, Speaker] = {}
    for a in pron:
        subj = here if here is not None and here.end < a.speaker.start else before
        cur = a.speaker.resolved
        if subj is not None and (cur is None or not same_name(person_name(cur), person_name(subj))):
            out[a.speaker.verb_start] = subj
    return out


def _subjects_past_quotation(src, p: Passage, last: Passage | None, prev: Passage | None,
                             outer: Sequence[tuple[int, int]], atts: Sequence[Attribution],
                             proper: "_ProperWords") -> dict[int, Speaker]:
    """For each "he"/"she" attribution of passage ``p`` right after a passage wholly inside a
    quotation (``last``), the person that the last narrative sentence before the quotation
    (``prev``, in the same paragraph) opens with, by verb start: 'Ana Ruiz, whose farm lies by
    the river, lost her crop. "We lost everything. It is gone," she said.' ``analyse`` reads "the
    sentence before" the pronoun's, which is then the quotation's own, and falls back to the last
    speaker named within three passages: a colleague quoted in the paragraph before. Not where
    ``p`` itself opens with a name before the pronoun. In: the source, the passages, the source's
    quotations (``outer``), ``p``'s attributions and the story's proper words."""
    pron = [a for a in atts if a.speaker.pronoun and a.speaker.core[0] in ("he", "she")]
    if not pron or last is None or prev is None or last is prev or prev.end > last.start:
        return {}
    text = src.text
    if not _all_quoted(text, last, outer) or "\n" in text[prev.start:p.start]:
        return {}
    here = _person_at_start(src, speaker_tokens(text, p.start, p.end), proper())
    subj = _sentence_subject(src, prev.start, prev.end, proper)
    if subj is None:
        return {}
    out: dict[int, Speaker] = {}
    for a in pron:
        if here is not None and here.end < a.speaker.start:
            continue
        cur = a.speaker.resolved
        if cur is None or not same_name(person_name(cur), person_name(subj)):
            out[a.speaker.verb_start] = subj
    return out


# Honorifics that say whether a name is a man's or a woman's ("Mr Thinh", "Ms. Thuy").
_MALE_HONORIFICS = frozenset({"mr", "sir"})
_FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "madam", "dame"})
_HONORIFIC_NAME_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Madam|Dame)\.?\s+((?:[^\W\d_][\w’'\-]*\s+){0,3}[^\W\d_][\w’'\-]*)")


def _name_genders(ctx: CheckContext) -> dict[str, str]:
    """Name words (folded as ``person_name`` folds them) the story prints after a gendered
    honorific, with "he" or "she"; words printed after both are left out. In: the context."""
    seen: dict[str, set[str]] = defaultdict(set)
    for sid in sorted(ctx.sources):
        src = ctx.sources[sid]
        for cs, ce in src.content:
            for m in _HONORIFIC_NAME_RE.finditer(src.text, cs, ce):
                pron = "he" if m.group(1).lower() in _MALE_HONORIFICS else "she"
                for w in m.group(2).split():
                    if not w[:1].isupper():
                        break
                    seen[name_key(w)].add(pron)
    return {w: next(iter(p)) for w, p in seen.items() if len(p) == 1}


def _gender_checked(a: Attribution, genders: dict[str, str]) -> Attribution:
    """``a`` with its "he"/"she" left unresolved when it was resolved to a name the story gives
    the other pronoun's honorific ("she" resolved to the "Mr Thinh" of the paragraph before): the
    pronoun is someone else, whom the story does not name there."""
    spk = a.speaker
    if not spk.pronoun or spk.resolved is None or spk.core[0] not in ("he", "she"):
        return a
    name = person_name(spk.resolved)
    said = {genders[w] for w in name if w in genders}
    if not said or spk.core[0] in said:
        return a
    return Attribution(a.passage, replace(spk, resolved=None), a.verb)


def _without_full_stop(spk: Speaker) -> Speaker:
    """The speaker without the sentence's full stop that the tokenizer keeps after a short
    capitalised word ("said Jorge Paz." reads "Jorge Paz."); an abbreviation ("U.S.") keeps it."""
    last = spk.text.rsplit(None, 1)[-1]
    if spk.proper and last.endswith(".") and "." not in last[:-1] and last[:-1].lower() not in HONORIFICS:
        return replace(spk, end=spk.end - 1, text=spk.text[:-1])
    return spk


_BE_WORDS = frozenset({"is", "was", "were", "are", "be", "been", "being"})
# A reporting verb right after a comma or a quotation mark (or a passage's start), or "according
# to": where ``fuller_speaker`` may find a speaker ``attributions_in`` did not.
_LED_VERB_RE = re.compile(r"(?:^|[," + re.escape(QUOTE_CLOSERS) + r"])\s*\b(" + "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
                          + r"|according(?=\s+to\b))\b", re.IGNORECASE | re.MULTILINE)
_OF_NAME_RE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


# The full stop of an initial or an honorific before a name ("J.R. Danforth", "Dr. Ruiz").
_ABBREV_DOT_RE = re.compile(r"\b([A-Z]|(?:" + "|".join(sorted((h.capitalize() for h in HONORIFICS), key=len,
                                                                  reverse=True)) + r"))\.(?=\s?[A-Z])")


def _inside(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _resolved_in_quote(spk: Speaker, outer: Sequence[tuple[int, int]]) -> bool:
    return spk.pronoun and spk.resolved is not None and _inside(outer, spk.resolved.start)


def _reresolve(text: str, atts: list[Attribution], changed: set[int],
               outer: Sequence[tuple[int, int]], fresh: set[int] = frozenset()) -> list[Attribution]:
    """Pronoun speakers resolved again where the fuller reading matters (see ``fuller_reading``):
    to the last named speaker credited before the pronoun in the same paragraph. ``fresh``: verbs
    of pronouns read only by the fuller reading, resolved the same way."""
    out: list[Attribution] = []
    last: Speaker | None = None  # the last named speaker of the paragraph so far
    para = -1
    for a in sorted(atts, key=lambda a: a.speaker.verb_start):
        spk = a.speaker
        here = text.rfind("\n", 0, spk.start) + 1
        if here != para:
            para, last = here, None
        if spk.pronoun and spk.core[0] in ("he", "she"):
            cur = spk.resolved
            newer = last is not None and (last.verb_start in changed or spk.verb_start in fresh) and \
                (cur is None or cur.start < last.start)
            if _resolved_in_quote(spk, outer) or newer:
                spk = replace(spk, resolved=last)
        elif spk.proper:
            last = spk
        out.append(a if spk is a.speaker else Attribution(a.passage, spk, a.verb))
    return out


def _requote(text: str, qs: Sequence[Quote], atts: Sequence[Attribution],
             outer: Sequence[tuple[int, int]]) -> list[Quote]:
    """The source's quotes with their speakers taken again from ``atts`` (as ``analyse`` does:
    the attribution after or before the quote, else the previous quote's in the paragraph; an
    initial's or honorific's full stop between them does not end the sentence)."""
    att_sorted = sorted(atts, key=lambda a: a.speaker.verb_start)
    verb_starts = [a.speaker.verb_start for a in att_sorted]
    # The full stops of initials and honorifics do not end a sentence between a quote and its
    # speaker; same length, so offsets hold.
    masked = _ABBREV_DOT_RE.sub(lambda m: m.group(1) + "\u00b7", text)
    out: list[Quote] = []
    prev: tuple[int, Speaker] | None = None
    for q in sorted(qs, key=lambda q: (q.start, q.end)):
        para = text.rfind("\n", 0, q.start) + 1
        spk = speaker_for_quote(masked, q.start, q.end, att_sorted, verb_starts, outer)
        if spk is None and prev is not None and prev[0] == para and not q.nested:
            spk = prev[1]
        if spk is not None and not q.nested:
            prev = (para, spk)
        out.append(q if spk == q.speaker else _with_speaker(q, spk))
    return out


def _with_speaker(q: Quote, spk: Speaker | None) -> Quote:
    """``q`` credited to ``spk``, keeping the words and norms ``q`` has already read (they do not
    depend on the speaker, and reading them again for every quote of a large story is costly)."""
    out = replace(q, speaker=spk)
    for key in ("_words", "_norms"):
        if key in q.__dict__:
            object.__setattr__(out, key, q.__dict__[key])
    return out


def _named(q: Quote) -> Speaker | None:
    """The named speaker a quote is credited to (through a resolved pronoun too), if any."""
    o = q.speaker.named if q.speaker is not None else None
    return o if o is not None and o.proper else None


def _clearly_two_people(a: Speaker, b: Speaker) -> bool:
    """Whether two speakers are plainly two persons, as a contest of one source against one needs
    (a vote is no longer there to outweigh a rendering the name checks do not know): both print a
    personal name (a capitalised word of three letters or more that is no dictionary word or
    honorific: not "Director ji"), and they share at most one near word ("Ana Ruiz Vidal" and
    "Ana Ruis Vidal" are one person romanised otherwise; "Ana Ruiz" and "Eva Ruiz" may be two)."""
    def capitalised(spk: Speaker) -> list[str]:
        return [w for w in _NAME_WORD_RE.findall(spk.text)
                if w[:1].isupper() and len(w) >= 3 and _plain(w) not in HONORIFICS]
    wa, wb = capitalised(a), capitalised(b)
    if not any(not is_ordinary_word(_plain(w)) for w in wa) or not any(not is_ordinary_word(_plain(w)) for w in wb):
        return False
    ka, kb = [name_key(w) for w in wa], [name_key(w) for w in wb]
    return sum(any(words_match(x, y) for y in kb) for x in ka) <= 1


MIN_PARAPHRASE_SHARED = 3
PARAPHRASE_SHARE = 1 / 3
MIN_PARAPHRASE_TELLING = 2
TELLING_ZIPF = 5.0
"""A sentence of another source reports a quote in its own words when it shares this many of the
quote's content-word stems and this share of them, of which this many are telling words (rarer than
this Zipf frequency): a translation or a summary keeps the nouns and verbs that carry the claim
("not to touch the carcasses without gloves") while it changes the rest, and sharing only
ubiquitous words ("first", "taken", "already") is chance."""

_QUOTE_MARK_RE = re.compile("[\"“”„«»]")
_FOLLOWING_NAME_RE = re.compile(r"\.?[ \t]+((?:[^\W\d_][\w’'\-]*[ \t]+){0,3}[^\W\d_][\w’'\-]*)")


class StorySentences:
    """Each source's sentences read once, for finding who a source credits with words it reports
    rather than quotes. In: the context. Per source: (content-word stems, folded capitalised words)
    of every sentence without quotation marks."""

    def __init__(self, ctx: CheckContext) -> None:
        self._ctx = ctx
        self._by_source: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}

    def of(self, source: str) -> list[tuple[frozenset[str], frozenset[str]]]:
        found = self._by_source.get(source)
        if found is None:
            found = []
            for sentence in _SENTENCE_CUT_RE.split(self._ctx.sources[source].text):
                if _QUOTE_MARK_RE.search(sentence):
                    # A sentence with a quotation of its own is the quote comparison's: where that
                    # did not find it the same quotation, it is other words, not a report of these.
                    continue
                stems = frozenset(w.stem for w in quote_words(sentence) if w.content)
                if len(stems) >= MIN_PARAPHRASE_SHARED:
                    found.append((stems, frozenset(name_key(w) for w in _NAME_WORD_RE.findall(sentence)
                                                   if w[:1].isupper())))
            self._by_source[source] = found
        return found


def _stopped_short(text: str, spk: Speaker, names: Sequence[Sequence[str]], *, fragment: bool = False) -> bool:
    """Whether the words right after ``spk`` (past a full stop) print the surname of one of
    ``names``: the speaker read stopped short of the name it titles ("said Ing. Ana Ruiz", the
    abbreviation's full stop taken for a sentence's end). With ``fragment``, only when the rest of
    that line says nothing of its own (no verb of saying): '"…," Rautio added. Berglind said …'
    is two sentences, '"…," said Ing. Ana Ruiz, director of the division.' one."""
    follows = _FOLLOWING_NAME_RE.match(text, spk.end)
    if not follows or not any(words_match(n[-1], name_key(w)) for n in names if n
                              for w in follows.group(1).split() if w[:1].isupper()):
        return False
    if fragment:
        line_end = text.find("\n", follows.start(1))
        rest = text[follows.start(1):line_end if line_end >= 0 else len(text)]
        return not any(w.lower() in REPORTING_VERBS for w in _VERB_WORD_RE.findall(rest)) \
            and not _QUOTE_MARK_RE.search(rest)
    return True


# "of" and a capitalised run right after a description: the body it heads, and perhaps a name
# printed right after the body without a comma, as a translation keeps its language's order.
_OF_RUN_RE = re.compile(r"\s+of\s+(?:the\s+)?((?:[^\W\d_][\w’'\-.]*\s+){0,7}[^\W\d_][\w’'\-.]*)")


def _name_after_body(text: str, end: int, names: Sequence[Sequence[str]]) -> bool:
    """Whether ``text[end:]`` is "of" and a capitalised run ending with the surname of one of
    ``names`` ("the head" + " of Lietuva Grid Ana Ruiz"): the description's own speaker is that
    person, read short at the body's name."""
    m = _OF_RUN_RE.match(text, end)
    if not m:
        return False
    run = []
    for w in m.group(1).split():
        if not w[:1].isupper():
            break
        run.append(w)
    return bool(run) and any(n and words_match(n[-1], name_key(run[-1])) for n in names)


def _paraphrase_witnesses(sentences: StorySentences, q: Quote, spk: Speaker, named: Sequence[Speaker],
                          same: "SamePerson") -> tuple[list[Speaker], list[Speaker]] | None:
    """The quote's witnesses widened by the sources that report its words without quoting them:
    ``named`` (the speakers the other sources quoting it credit, none agreeing with ``spk``) plus,
    per other source (the first MAX_COUNTERPART_SOURCES in rank order), a sentence of it that
    shares the quote's claim (MIN_PARAPHRASE_SHARED, PARAPHRASE_SHARE) and prints the surname of
    one of the credited speakers ('The deputy governor Ana Ruiz asked volunteers not to touch the
    animals' beside '"Volunteers must not touch the animals," X said'). A sentence printing the
    surname of ``spk`` agrees with it instead, and one printing both is no witness. Out: (agree,
    named) for ``_verdict``, or None when no sentence adds a witness to ``named``."""
    own = same._name_of(spk)
    theirs = [(o, same._name_of(o)) for o in named]
    theirs = [(o, n) for o, n in theirs if n]
    if not own or not theirs:
        return None
    if any(_name_word_match(a, b) for a in own for _, n in theirs for b in n):
        # A shared given name or surname ("Hrant Petrosian", "Hrant Petrosyan") may be one person
        # in two romanisations: a paraphrase is too weak a witness to call them two.
        return None
    if _stopped_short(sentences._ctx.sources[spk.source].text, spk, [n for _, n in theirs]):
        return None
    stems = _stems(q)
    telling = frozenset(w.stem for frag in q.words() for w in frag if w.content and zipf(w.norm) < TELLING_ZIPF)
    need = max(MIN_PARAPHRASE_SHARED, PARAPHRASE_SHARE * len(stems))
    counted = {o.source for o in named} | {spk.source}
    agree: list[Speaker] = []
    more: list[Speaker] = []
    for sid in sorted((s for s in sentences._ctx.sources if s not in counted), key=source_rank)[:MAX_COUNTERPART_SOURCES]:
        for sent_stems, caps in sentences.of(sid):
            if len(stems & sent_stems) < need or len(telling & sent_stems) < MIN_PARAPHRASE_TELLING:
                continue
            mine = any(words_match(own[-1], w) for w in caps)
            fits = [o for o, n in theirs if any(words_match(n[-1], w) for w in caps)]
            if mine and not fits:
                agree.append(spk)
                break
            if fits and not mine:
                more.append(fits[0])  # the credited speaker it names (its span is the quoting source's)
                break
    if not more:
        return None
    return agree, list(named) + more


MIN_WITNESSES = 2
"""How many other sources must credit one speaker to outvote a source's credit (``_verdict``)."""
MIN_REWORDED_SHARE = 0.6
"""A quote of another source in a passage aligned with a quote's, that the word-for-word comparison
did not take for the same quotation, is that quotation in other words when it shares this share of
the shorter one's content-word stems (and MIN_PARAPHRASE_SHARED of them, MIN_PARAPHRASE_TELLING
rarer than TELLING_ZIPF): see ``_reworded_counterparts``."""


MIN_REWORDED_SHARE_ANYWHERE = 0.75
MIN_REWORDED_SHARED_ANYWHERE = 4
"""... and a quote elsewhere in the story (``quotes.StoryIndex``: half of the words shared) when it
shares this share of the shorter one's content stems, this many at least: outside the aligned
passages another person may say something similar, so the claim must be nearly the same."""


def _reworded_counterparts(panels: AlignedPanels, q: Quote, full: Sequence[Quote],
                           story: dict[str, list[Quote]]) -> list[Quote]:
    """Quotes of the sources without a counterpart of ``q`` in ``full`` that stand in a passage
    aligned with ``q``'s and make the same claim in other words: a machine translation words a
    quote anew ("The baby elephant has a fracture of the leg" for "The calf has a fractured leg"),
    keeping its nouns, verbs, figures and names, which the word-for-word line-up misses. Each
    shares MIN_REWORDED_SHARE of the shorter quote's content stems, MIN_PARAPHRASE_SHARED at least,
    among them MIN_PARAPHRASE_TELLING of ``q``'s telling words, and is credited to a named
    speaker; a quote elsewhere in the story (``story``: the StoryIndex's candidates) must share
    more (MIN_REWORDED_SHARE_ANYWHERE). One per source (the one sharing most), among the first
    MAX_COUNTERPART_SOURCES in rank order."""
    have = {c.source for c in full} | {q.source}
    stems = _stems(q)
    telling = _telling(q)
    aligned = panels.first_sources(q, MAX_COUNTERPART_SOURCES + 1)
    cands_of: dict[str, list[tuple[Quote, bool]]] = defaultdict(list)
    for sid, cs in aligned.items():
        cands_of[sid].extend((c, True) for c in cs)
    for sid, cs in story.items():
        cands_of[sid].extend((c, False) for c in cs)
    out: list[Quote] = []
    for sid in sorted(cands_of, key=source_rank)[:MAX_COUNTERPART_SOURCES + 1]:
        if sid in have:
            continue
        best: tuple[int, Quote] | None = None
        for c, near in cands_of[sid]:
            if c.nested or _named(c) is None:
                continue
            theirs = _stems(c)
            shared = _stems_met(stems, theirs)
            if near:
                need = max(MIN_PARAPHRASE_SHARED, MIN_REWORDED_SHARE * min(len(stems), len(theirs)))
            else:
                need = max(MIN_REWORDED_SHARED_ANYWHERE, MIN_REWORDED_SHARE_ANYWHERE * min(len(stems), len(theirs)))
            if shared < need or _stems_met(telling, theirs) < MIN_PARAPHRASE_TELLING:
                continue
            if best is None or shared > best[0]:
                best = (shared, c)
        if best is not None:
            out.append(best[1])
    return out


def _telling(q: Quote) -> frozenset[str]:
    """The stems of ``q``'s content words rarer than TELLING_ZIPF."""
    return frozenset(w.stem for frag in q.words() for w in frag if w.content and zipf(w.norm) < TELLING_ZIPF)


# "He"/"she" opening a sentence, after at most a short fronted phrase ("On Tuesday she announced").
_PRONOUN_OPENING_RE = re.compile(r"^\s*(?:(?:[A-Z][\w’'\-]*|[a-z]+)\s+){0,3}?(?:[Hh]e|[Ss]he)\s+[a-z]")


def _subject_before(ctx: CheckContext, q: Quote, proper: "_ProperWords") -> Speaker | None:
    """The named person the last narrative sentence before quote ``q`` is about, in its own
    source: the name it opens with (a description and a name in apposition included), or, for a
    sentence opening with "he"/"she", the name the sentence before it opens with. Sentences of the
    quote's passage before the quote and of the passage before it are read; None when the
    sentence is no one's or is itself quoted."""
    src = ctx.sources[q.source]
    text = src.text
    order = ctx.passages_in_order
    i = order.index_from(q.source, q.start)
    if i < 0:
        return None
    ps = order.of(q.source)
    spans = [(ps[k].start, ps[k].end) for k in (i - 2, i - 1) if k >= 0] + [(ps[i].start, max(ps[i].start, q.start - 1))]
    pieces: list[tuple[int, int]] = []
    for s, e in spans:
        pos = s
        for m in _SENTENCE_CUT_RE.finditer(text, s, e):
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, e))
    pieces = [(s, e) for s, e in pieces if any(ch.isalpha() for ch in text[s:e])]
    if not pieces or _QUOTE_MARK_RE.search(text, pieces[-1][0], pieces[-1][1]):
        return None
    for k in (len(pieces) - 1, len(pieces) - 2):
        if k < 0:
            return None
        s, e = pieces[k]
        if _PRONOUN_OPENING_RE.match(text[s:e]):
            continue  # the sentence before says whom the pronoun stands for
        return _sentence_subject(src, s, e, proper)
    return None


def _lead_in_sentence(text: str, start: int) -> str | None:
    """The narrative sentence right before a quotation opening at ``start`` in its paragraph, or
    None when the quotation opens its paragraph or that sentence holds quotation marks."""
    para = text.rfind("\n", 0, start) + 1
    head = text[para:start].rstrip().rstrip("\"“„«‘'").rstrip()
    pieces = [piece for piece in _SENTENCE_CUT_RE.split(head) if any(ch.isalpha() for ch in piece)]
    if not pieces or _QUOTE_MARK_RE.search(pieces[-1]):
        return None
    return pieces[-1]


def _sentence_subject(src, s: int, e: int, proper: "_ProperWords") -> Speaker | None:
    """The person the sentence at ``src.text[s:e]`` opens with: a name after a description in
    apposition ("The driver of the bus, Ana Ruiz, ..."), the name it opens with, or the noun
    phrase before its first verb ("Union chairman Ana Ruiz rejected ...": the opening name run
    stops at the lower-case title). None when that is no personal name."""
    text = src.text
    p = Passage(id="", source=src.id, index=0, start=s, end=e, text=text[s:e])
    toks = speaker_tokens(text, s, e)
    subj = _apposition_opening(text, p) or _person_at_start(src, toks, proper())
    if subj is None or not _personal_word(person_name(subj)):
        # The subject before the sentence's first verb, read as for a clause a colon closes.
        vi = next((k for k, (w, _, _) in enumerate(toks) if k > 0 and _verb_form(w)), None)
        subj = _np_before(src.id, text, toks, vi) if vi is not None else None
    return subj if subj is not None and subj.proper and _personal_word(person_name(subj)) else None


def _personal_word(name: Sequence[str]) -> bool:
    """Whether a name (``person_name``) ends with a word no dictionary lists (a surname)."""
    return bool(name) and not is_ordinary_word(name[-1])


class PassageOrder:
    """Each source's passages in text order (``CheckContext.passages_in_order``), for the text right
    before a place."""

    def __init__(self, ctx: CheckContext) -> None:
        self._order = ctx.passages_in_order

    def before(self, source: str, pos: int) -> tuple[str, str] | None:
        """The text of the passage before the one holding ``pos`` and of that one up to ``pos``,
        and the id of the passage before."""
        i = self._order.index_from(source, pos)
        if i < 1:
            return None
        ps = self._order.of(source)
        return ps[i - 1].text + " " + ps[i].text[:max(0, pos - ps[i].start)], ps[i - 1].id


def _group_of(ctx: CheckContext, passage_ids: Sequence[str]) -> Group | None:
    for pid in passage_ids:
        g = ctx.group_of.get(pid)
        if g is not None:
            return g
    return None


def _content_stems(text: str, *, skip: frozenset[str] = frozenset()) -> frozenset[str]:
    """The stems of ``text``'s words of two letters or more, function words and the lower-case
    words of ``skip`` left out."""
    return frozenset(stem(_plain(w.lower())) for w in _NAME_WORD_RE.findall(text)
                     if _plain(w.lower()) not in FUNCTION_WORDS and len(w) > 1 and w.lower() not in skip)


def _one_credit(ctx: CheckContext, spk: Speaker, cluster: Sequence[Speaker], theirs: Speaker, group: Group | None,
                confidence: float, message: str, *, lead: Speaker | None = None) -> Flag:
    """A medium attribution flag on ``spk`` where the other sources' ``cluster`` of speakers (one
    person, printed as ``theirs``) is credited with the quote; their mentions are the evidence,
    after ``lead``, this source's own mention of that person before the quote, when it is one."""
    evidence = [span_of(ctx, lead.source, lead.start, lead.end)] if lead is not None else []
    evidence += [span_of(ctx, o.source, o.start, o.end) for o in sorted(cluster, key=lambda o: (o.source, o.start))]
    return make_flag(ctx, kind=Kind.ATTRIBUTION_CONFLICT, source=spk.source, start=spk.start, end=spk.end,
                     expected=theirs.text, severity=Severity.MEDIUM, confidence=confidence, group=group,
                     message=message, evidence=evidence[:MAX_EVIDENCE])


MIN_CLAIM_SHARED = 4
CLAIM_SHARE = 0.4
MIN_CLAIM_TELLING = 2
"""Two sentences anywhere in the story report the same claim (``ClaimAgents``) when, outside
their agents' names and the verbs of saying, they share this many content-word stems and this
share of the shorter one's, this many of them telling (rarer than TELLING_ZIPF: figures, names,
uncommon nouns and verbs): "Ana Ruiz told analysts the company would hire 12,000 graduates" and
"Novak said the company plans to hire 12,000 freshers this fiscal year"."""
MIN_GROUP_CLAIM_SHARED = 2
GROUP_CLAIM_SHARE = 0.5
"""... and two clauses of aligned passages (the sources report the same moment) when they share
this many and this share, one of them telling: "Judge Ana Ruiz opened an inquiry" and "Inspector
Novak has opened a formal inquiry"."""

# Where a sentence holds two clauses with their own subjects: ", and", ", while", ", but", ";".
_CLAUSE_CUT_RE = re.compile(r",\s+(?:and|while|but|whereas)\s+|;\s+")


@dataclass(frozen=True)
class Claim:
    """One clause of a source (``start``/``end``) with the agent its structure names: the speaker
    of its reporting verb (``reported``), or the name it opens with right before a verb ("Judge
    Ana Ruiz opened an inquiry"). ``stems`` are its content-word stems outside the agent's words
    and the verbs of saying; ``telling`` those rarer than TELLING_ZIPF; ``group`` the id of the
    aligned group of its passage, if any."""

    agent: Speaker
    start: int
    end: int
    stems: frozenset[str]
    telling: frozenset[str]
    group: str | None
    reported: bool


class ClaimAgents:
    """The same statement or action credited to different agents, found by what the sentences
    say rather than by the alignment's groups or a shared quotation: a clause of one source and
    the clause of each other source sharing most of its content words (MIN_CLAIM_SHARED,
    CLAIM_SHARE, MIN_CLAIM_TELLING anywhere in the story; the looser MIN_GROUP_CLAIM_SHARED,
    GROUP_CLAIM_SHARE for clauses of one aligned group), their agents read by sentence structure
    (``Claim``) and set against each other as in a group (``AttributionCheck._verdict``: at
    least two other sources agree on an agent incompatible with this one's and outnumber those
    agreeing with it). A report a group already holds witnesses for is the group's to judge
    (``_statement_conflicts``); a clause printing the others' agent in its sentence ("Ana Ruiz,
    citing Novak, said") is not judged, and a witness clause printing this one's agent is none;
    a person and a body are not set against each other (a release credits the council for what
    its member announced).
    In: the context, the speech reading, ``SamePerson``. Out: (speaker, agree, named, group) for
    the verdict."""

    def __init__(self, ctx: CheckContext, speech: Speech, same: "SamePerson") -> None:
        self._ctx, self._speech, self._same = ctx, speech, same
        self._proper = _ProperWords(ctx)
        self._claims: dict[str, list[Claim]] = {}
        self._by_telling: dict[str, dict[str, list[int]]] = {}
        self._groups = {g.id: g for g in ctx.alignment.groups}

    def of(self, sid: str) -> list[Claim]:
        found = self._claims.get(sid)
        if found is None:
            found = self._claims[sid] = self._read(sid)
        return found

    def telling_index(self, sid: str) -> dict[str, list[int]]:
        """For each telling stem, the positions in ``of(sid)`` of the claims holding it. Both
        thresholds of ``_matches`` ask for a shared telling stem, so only these can match: the
        comparison is per shared rare word, not every clause against every clause (at 1,000
        sources that was 16 million comparisons)."""
        found = self._by_telling.get(sid)
        if found is None:
            found = {}
            for i, claim in enumerate(self.of(sid)):
                for t in claim.telling:
                    found.setdefault(t, []).append(i)
            self._by_telling[sid] = found
        return found

    def _read(self, sid: str) -> list[Claim]:
        ctx = self._ctx
        src = ctx.sources[sid]
        text = src.text
        order = ctx.passages_in_order
        speakers = sorted((a.speaker for p in order.of(sid) for a in self._speech.attributions_in_passage(p.id)),
                          key=lambda s: s.start)
        starts = [s.start for s in speakers]
        out: list[Claim] = []
        for p in order.of(sid):
            group = ctx.group_of.get(p.id)
            pos = p.start
            pieces = []
            for m in _SENTENCE_CUT_RE.finditer(text, p.start, p.end):
                pieces.append((pos, m.start()))
                pos = m.end()
            pieces.append((pos, p.end))
            for s, e in pieces:
                if _QUOTE_MARK_RE.search(text, s, e):
                    continue  # a quotation's credit is the quote comparison's
                cuts = [s] + [x for m in _CLAUSE_CUT_RE.finditer(text, s, e) for x in (m.start(), m.end())] + [e]
                for cs, ce in zip(cuts[::2], cuts[1::2]):
                    claim = self._claim(src, cs, ce, speakers, starts, group.id if group is not None else None)
                    if claim is not None:
                        out.append(claim)
        return out

    def _claim(self, src, cs: int, ce: int, speakers: Sequence[Speaker], starts: Sequence[int],
               group: str | None) -> Claim | None:
        text = src.text
        i = bisect.bisect_left(starts, cs)
        inside = speakers[i:bisect.bisect_left(starts, ce)]
        agent, reported = (inside[0], True) if inside else (None, False)
        if agent is None:
            toks = speaker_tokens(text, cs, ce)
            agent = _passive_agent(src, toks, self._proper())
        if agent is None:
            agent = _subject_at_start(src, toks, self._proper())
            if agent is None:
                return None
            after = next((w for w, a, _ in toks if a >= agent.end), "")
            if not (_verb_form(after) or after.lower() in AUXILIARIES):
                return None  # the opening name is no subject of a verb here
        skip = frozenset(w.lower() for w in _NAME_WORD_RE.findall(agent.text)) | REPORTING_VERBS
        words = [w for w in quote_words(text[cs:ce]) if w.content and w.norm not in skip]
        stems = frozenset(w.stem for w in words)
        telling = frozenset(w.stem for w in words if zipf(w.norm) < TELLING_ZIPF)
        return Claim(agent, cs, ce, stems, telling, group, reported)

    def _matches(self, c: Claim, o: Claim) -> int:
        """How many stems ``c`` and ``o`` share when they report the same claim (the thresholds
        of aligned passages or of the story at large), else 0."""
        shared = len(c.stems & o.stems)
        telling = len(c.telling & o.telling)
        shorter = min(len(c.stems), len(o.stems))
        if c.group is not None and c.group == o.group:
            ok = shared >= max(MIN_GROUP_CLAIM_SHARED, GROUP_CLAIM_SHARE * shorter) and telling >= 1
        else:
            ok = shared >= max(MIN_CLAIM_SHARED, CLAIM_SHARE * shorter) and telling >= MIN_CLAIM_TELLING
        return shared if ok else 0

    def _judged_by_group(self, c: Claim, sid: str) -> bool:
        """Whether the aligned group of a reported claim holds another source's named speaker."""
        if not c.reported or c.group is None:
            return False
        group = self._groups.get(c.group)
        return group is not None and any(
            a.speaker.named is not None and a.speaker.named.proper
            for p in group.passages if p.source != sid for a in self._speech.attributions_in_passage(p.id))

    def conflicts(self) -> Iterator[tuple[Speaker, list[Speaker], list[Speaker], str | None]]:
        ctx, same = self._ctx, self._same
        ranked = sorted(ctx.sources, key=source_rank)
        for sid in sorted(ctx.sources):
            text = ctx.sources[sid].text
            others = [o for o in ranked if o != sid][:MAX_COUNTERPART_SOURCES]
            for c in self.of(sid):
                spk = c.agent
                if spk.pronoun or spk.vague or not spk.proper or len(c.telling) < 1:
                    continue
                if self._judged_by_group(c, sid):
                    continue
                agree: list[Speaker] = []
                named: list[Speaker] = []
                for o in sorted(others):
                    best, score = None, 0
                    theirs, index = self.of(o), self.telling_index(o)
                    for i in sorted({i for t in c.telling for i in index.get(t, ())}):
                        m = self._matches(c, theirs[i])
                        if m > score:
                            best, score = theirs[i], m
                    if best is None:
                        continue
                    w = best.agent.named
                    if w is None or not w.proper:
                        continue
                    if same(spk, w):
                        agree.append(w)
                        continue
                    if _rival_in_sentence(text, spk, w) or _prints_name(ctx.sources[o].text[best.start:best.end], spk):
                        continue
                    if _a_body(spk) != _a_body(w):
                        continue  # a body and a person: the body may speak through its official
                    named.append(w)
                if named:
                    yield spk, agree, named, c.group


_PASSIVE_PARTICLES = frozenset("for up out off in on over".split())


def _passive_agent(src, toks: Sequence, proper_words: frozenset[str]) -> Speaker | None:
    """The agent a passive clause names in its by-phrase: a form of *be*, a past participle (an
    adverb before it, a particle after it, at most), "by" and a name ("The study was funded by the
    Kelvar Trust", "the boats were paid for by Osterna"). In English that name does what the
    clause says, whatever its subject, so two sources reporting the same thing in the passive and
    the active ("Osterna paid for the boats") credit it alike. A date after "by" ("completed by
    March") is a deadline, not an agent. In: the clause's speaker tokens. Out: the agent or None."""
    for i in range(2, len(toks) - 1):
        if toks[i][0].lower() != "by":
            continue
        j = i - 1
        if toks[j][0].lower() in _PASSIVE_PARTICLES:
            j -= 1
        if j < 1 or not _verb_form(toks[j][0]):
            continue
        k = j - 1
        if k > 0 and toks[k][0].lower().endswith("ly"):
            k -= 1
        if toks[k][0].lower() not in _BE_WORDS:
            continue
        n = i + 1
        if toks[n][0].lower() == "the":
            n += 1
        end = name_run(toks, n)  # "by the Ministry of Tourism" in full
        if end == n or not _name_run_at(toks, n, proper_words):
            continue
        agent = _speaker_from_tokens(src.id, src.text, toks[n:end], toks[n][1])
        return _without_full_stop(agent) if agent is not None else None
    return None


def _a_body(spk: Speaker) -> bool:
    """Whether ``spk``'s last capitalised word is as common as the nouns that head institutions'
    names (BODY_HEAD_ZIPF: "the Velmora Port Authority", "the Harbour Council"), not a surname,
    or is an initialism ("KVR", "the OSTA"): capitals are how English prints an organisation's
    initials; a person's name in capitals prints the given name so too ("ANA RUIZ"). The head of
    "X of Y" is X: "the Ministry of Fisheries" is a body, "Ana Ruiz of the Port Authority" a person."""
    head = _OF_HEAD_RE.split(spk.text, 1)[0]
    caps = [w for w in _NAME_WORD_RE.findall(head) if w[:1].isupper()]
    if not caps:
        return False
    if _INITIALISM_RE.fullmatch(caps[-1]) and not (len(caps) > 1 and caps[-2].isupper() and len(caps[-2]) > 2):
        return True
    return zipf(_plain(caps[-1].lower())) >= BODY_HEAD_ZIPF


_INITIALISM_RE = re.compile(r"[A-Z]{2,6}")
_OF_HEAD_RE = re.compile(r"\s+of\s+")


def _prints_name(clause: str, spk: Speaker) -> bool:
    """Whether ``clause`` prints one of ``spk``'s capitalised words that is no dictionary word (a
    name or a coined title, three letters or more, honorifics aside), or a near spelling of it."""
    theirs = [name_key(w) for w in _NAME_WORD_RE.findall(spk.text)
              if w[:1].isupper() and len(w) >= 3 and _plain(w) not in HONORIFICS and not is_ordinary_word(_plain(w))]
    here = [name_key(w) for w in _NAME_WORD_RE.findall(clause)]
    return any(words_match(t, h) for t in theirs for h in here)
