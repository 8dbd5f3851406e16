"""The event coder: trigger patterns over the parse -> Events with actors, code, date, place, status."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, Literal

from spacy.tokens import Doc, Span, Token

from ..kb import slug
from ..kb.base import Entry
from ..kb.places import region_state, town_country
from ..model import Actor, ActorRef, Analysis, Event, EventDate, EventMention, Location, Mention, Status
from ..model import Span as TextSpan
from ..stage import Context
from . import status as st
from .codebook import Codebook, load_codebook
from .dates import Cue, anchored, cue_words, find_cues, first_day, to_event_date
from .locations import OCCASION_PREPS, PLACE_PREPS, STATE_NAMES, VISIT_CODE, Place, PlaceReader, state_code
from .patterns import (
    _TABLE_POS,
    Pattern,
    PatternTable,
    cue_set,
    current_patterns,
    find_lemma,
    is_passive,
    logical_object,
    logical_subject,
    own_dependents,
    prep_objects,
    prep_word,
    takes_to,
    verb_forms,
    with_conjuncts,
)

# What protesters do that is coded as a riot (145) instead: property destroyed or seized, a building
# stormed (an occupation). Their force against people stays force: a first version that made it a riot
# too lowered petr2-gsr test (an aggregate figure; no record read).
_RIOT_CODES = ("1711", "1712", "192")
# Children followed when looking for the actor an argument phrase names.
_CORE_DEPS = {"compound", "amod", "nmod", "appos", "poss", "prep", "pobj", "det", "nummod", "flat", "npadvmod"}
_LEAD_VERBS = {"lead", "head"}
# Prepositions of a place an act goes to, comes from or is done on ("sent troops to Darfur", "withdrew from
# Kherson"): a town or region there stands for its state.
_AWAY_PREPS = {"from", "to", "into", "on", "against", "toward", "towards"}
_ENT_ACTOR = {"PERSON", "ORG", "GPE", "NORP"}
_PLURAL_PRONOUNS = {"they", "them"}
_SUBJ_DEPS = {"nsubj", "nsubjpass"}
# "during the visit", "amid protests": an event noun in such a phrase shares its clause's subject.
_DURING_PREPS = {"during", "amid", "amidst"}
_IN_PREPS = {"in", "across", "throughout"}
# Sectors whose generic nouns with a state's modifier stand for the state ("Russian officials").
_STATE_SECTORS = {"GOV"}
# Prepositions a passive leaves behind, which the parser may take for particles ("was fired on").
_STRANDED = {"on", "upon", "at"}
# Sectors whose people, named with a state's possessive ("its troops", "its police"), act as that state.
_OWN_FORCES = {"GOV", "MIL", "COP", "SPY"}
# A noun's own part in its clause: a possessive on it belongs to that clause.
_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative"}
# Sectors of international bodies: an official of one is coded by the body's sector.
_AGENCY = {"IGO", "NGO", "IMG"}
# Roots of acts done to a place's people in the actors' own state when no party is named for them:
# threat, protest, force posture, coercion, assault, fight, mass violence (a meeting at home is not).
_PLACED_ROOTS = {"13", "14", "15", "17", "18", "19", "20"}
# Roots of force done to foreigners in a state's territory by no one named ("three US servicemen
# were killed by a roadside bomb outside Basra", "two French soldiers were arrested in Mali"): the
# state is the doer, as the PLOVER gold codes it. Coercion, assault, fight, mass violence, told by
# a passive verb whose subject is the victims, all of another state (an event noun, "the slaying
# of two missionaries in Guyana", may name an old act; "ten men were shot dead in Irapuato" names
# no foreigners).
_UNNAMED_DOER_ROOTS = {"17", "18", "19", "20"}
# Appeals (02), demands (10), ultimatums (139) and pressure (170): what they ask for is their
# content, not an event of its own.
_ASKING_CODES = ("02", "10", "139", "170")
# Criticism and accusation (CAMEO 111, 112): what they blame someone for is no act of the one blaming.
_BLAMING_CODES = ("111", "112")
# Statuses a claim takes from one of its predicates, which the event reads from its own clause.
_CLAUSE_STATUSES = ("negated", "hypothetical", "future")
# How a claim's cue hangs on its predicate ("not", "will", "no" details, "nobody").
_CUE_DEPS = ("neg", "aux", "auxpass", "det", "nsubj", "nsubjpass", "dobj", "attr")
# Codes of violence (assault, fight, mass violence): a participle of them after a coded attack is its toll.
_VIOLENT_ROOTS = ("18", "19", "20")
# Violence that is an act of its own, not the harm an attack did: "attacked the quarters, abducting
# the registrar's sister" is an attack and an abduction (CAMEO 181 abduct or take hostage, 1821
# sexual assault).
_NOT_TOLL = ("181", "1821")
_RIOT = "145"  # CAMEO: protest violently, riot
_YIELD_ROOTS = ("03", "04", "05", "06", "07", "08")  # acts a refusal is coded for (refusal_codes)
_FORCE_ROOTS = ("17", "18", "19", "20")  # coercion and force: threatened when announced (a sanction is decided)
# How factual a mention's status is: a merged event takes its most factual mention's.
_FACT_RANK = {"reported": 0, "attributed": 1, "speculative": 2, "rhetorical": 3}


# Clauses joined to a clause, whose parties an agentless passive of a meeting may share.
_LINKED_CLAUSES = ("conj", "ccomp", "parataxis", "advcl")
# What an intended act's clause is read through for its party (role "act"); its subjects only
# below the act ("help Sri Lanka rebuild"), its possessors ("flights to Egypt's resorts") and gerunds
# ("about reaching a deal with Ethiopia") too.
_ACT_DEPS = {
    "xcomp",
    "ccomp",
    "advcl",
    "dobj",
    "dative",
    "prep",
    "pobj",
    "agent",
    "acl",
    "relcl",
    "nsubj",
    "nsubjpass",
    "poss",
    "pcomp",
}
# Prepositions of when an act happens (another occasion, or one it happens during): nothing under
# them is its party.
_TIME_PREPS = OCCASION_PREPS | {"during", "amid"}
# Prepositions of where: a party under them comes after the act's others, a place is none.
_VENUE_PREPS = {"in", "at", "on", "inside", "within", "near", "across", "throughout", "around"}


def _predicate_verb(adj: Token) -> Token:
    """The verb an adjective is said under: its head, or the object's verb for an object's conjunct.

    ("found two Russians and a Ukrainian guilty": the parser makes "guilty" a conjunct of the object.)
    """
    return adj.head.head if adj.dep_ == "conj" and adj.head.dep_ == "dobj" else adj.head


def _judged(adj: Token) -> list[Token]:
    """Who a verdict adjective is said of: "found him guilty", "was found guilty", "found X and Y guilty"."""
    verb = _predicate_verb(adj)
    if verb.lemma_.lower() not in cue_set("verdict_verbs"):
        return []  # "pleaded guilty", "is guilty of": no verdict
    if adj.dep_ == "ccomp":
        return [c for c in adj.children if c.dep_ in ("nsubj", "nsubjpass")]
    if adj.dep_ == "conj" and adj.head.dep_ == "dobj":
        return [adj.head]
    if adj.dep_ in ("oprd", "acomp", "xcomp") and adj.head.pos_ in ("VERB", "AUX"):
        deps = ("nsubjpass",) if is_passive(adj.head) else ("dobj",)
        return [c for c in adj.head.children if c.dep_ in deps]
    return []


class _Coder(PlaceReader):
    def __init__(self, doc: Doc, analysis: Analysis, ctx: Context, table: PatternTable, book: Codebook) -> None:
        self.doc = doc
        self.analysis = analysis
        self.ctx = ctx
        self.table = table
        self.book = book
        self.actor_at: dict[int, Actor] = {}
        self.kind_at: dict[int, str] = {}
        self.mention_start: dict[int, int] = {}
        for a in analysis.actors:
            for m in a.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    # The shorter mention wins a token ("Kim Jong-un" inside a descriptor).
                    if t.i not in self.actor_at or (m.end - m.start) < self.mention_start.get(t.i, 1 << 30):
                        self.actor_at[t.i] = a
                        self.kind_at[t.i] = m.kind
                        self.mention_start[t.i] = m.end - m.start
        self.tok_at_char = {t.idx: t.i for t in doc}
        # Doc.ents builds its spans on every call: the entity of each token, read once.
        self.ent_at: dict[int, Span] = {i: e for e in doc.ents for i in range(e.start, e.end)}
        self.place_at: dict[int, Place] = {}
        for p in ctx.notes.get("places", []) or []:
            span = doc.char_span(int(p["start"]), int(p["end"]), alignment_mode="expand")
            if span is None:
                continue
            place = Place(span.start_char, span.end_char, span.text, p.get("country"))
            for t in span:
                self.place_at[t.i] = place
        # "US-made Apaches": the maker's words the resolver noted are no party of the weapon's acts.
        self.maker_at = {
            t.i
            for m in ctx.notes.get("makers", []) or []
            if (span := doc.char_span(int(m["start"]), int(m["end"]), alignment_mode="expand")) is not None
            for t in span
        }
        self.consumed: set[int] = set()
        words = cue_words()
        self.foreign_prts = cue_set("foreign_particles")
        self.particles = self.foreign_prts | {q.prt for q in table.patterns if q.prt}
        self.press_sectors = cue_set("press_sectors")
        self.partitives = cue_set("partitive_nouns")
        self.home_nouns = cue_set("home_nouns")
        self.conditions = cue_set("condition_nouns")
        self.abstract_foes = cue_set("abstract_foes")
        self.aim_objects = cue_set("aim_objects")
        self.own_aim_objects = cue_set("own_aim_objects")
        self.currency_words = cue_set("currency_words")
        self.market_nouns = cue_set("market_nouns")
        self.refusal_nouns = cue_set("refusal_nouns")
        self.figurative_pobjs = cue_set("figurative_pobjs")
        self.informant_sectors = self.press_sectors | cue_set("informant_sectors")
        self.instrument_verbs = cue_set("instrument_verbs")
        self.press_roots = tuple(str(x) for x in words.get("press_roots") or ())
        self.person_years = int(words["historical_person_years"])
        self.intent_verbs = cue_set("intent_verbs")
        self.inference_verbs = cue_set("inference_verbs")
        self.place_nouns = cue_set("place_nouns")
        self.place_verbs = cue_set("place_verbs")
        self.speech_place_verbs = cue_set("speech_place_verbs")
        self.speech_place_preps = cue_set("speech_place_preps")
        self.speech_roots = tuple(str(x) for x in words.get("speech_roots") or ())
        self.admin_area_nouns = cue_set("admin_area_nouns")
        self.list_words = cue_set("list_words")
        self.weapon_nouns = cue_set("weapon_nouns")
        self.agentless_roots = cue_set("agentless_roots")
        self.material_nouns = cue_set("material_target_nouns")
        self.mishap_nouns = cue_set("mishap_nouns")
        self.figurative_verbs = cue_set("figurative_force_verbs")
        self.means_nouns = cue_set("agentless_means")
        self.harm_verbs = cue_set("harm_verbs")
        self.act_noun_verbs = cue_set("act_noun_verbs")
        self.crowd_counts = cue_set("crowd_count_nouns")
        self.crowd_sectors = cue_set("crowd_sectors")
        self.protest_crowds = cue_set("protest_crowds")
        self.preparation_verbs = cue_set("preparation_verbs")
        # The future modals by lemma ("won't", "'ll": will), and "would" of reported speech.
        self.will_modals = cue_set("future_modals") | {"would"}
        self.hypothetical_or_will = self.will_modals | cue_set("hypothetical_modals")
        self.sport_words = cue_set("sport_words")
        self.sport_teams = cue_set("sport_teams")
        self.posture_code = str(words.get("posture_code", "150"))
        self.lex = ctx.kb.lexicons
        self.armed_sectors = self.lex.armed_sectors
        self.adjunct_preps = cue_set("adjunct_event_preps")
        self.state_verbs = cue_set("adjunct_event_state_verbs")
        verbal: dict[str, Any] = words.get("verbal_attack") or {}
        self.verbal = {k: frozenset(str(x) for x in v) for k, v in verbal.items() if isinstance(v, list)}
        self.verbal_code = str(verbal.get("code", "111"))
        self.say_verbs = cue_set("say_verbs")
        self.anaphoric_nouns = cue_set("anaphoric_event_nouns")
        # Verbs that announce, threaten or refuse an act: the act, when coded, is the event.
        self.announcing = table.threat_verbs | self.intent_verbs | table.refusal_verbs
        self.plan_nouns = cue_set("plan_nouns")
        self.sent_cues: dict[int, list[Cue]] = {}
        self.text = doc.text  # Doc.text joins every token on each call: read it once
        self.sents = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]
        self.paragraph_of = self._paragraphs()
        self.mishap_paragraphs: dict[int, bool] = {}
        self.objects_at: dict[int, tuple[Token, ...]] = {}
        self.market_at: dict[int, bool] = {}
        # The first match of a clause's own verb, by token (see _clause_act).
        self.clause_acts: dict[int, tuple[list[Actor], list[Actor], str, list[Token]] | None] = {}
        self._past_states: list[Entry] | None = None
        self.from_pronoun = False  # set when a role was filled from a plural pronoun's antecedent
        self.nominal: set[int] = set()  # ids of events whose trigger is an event noun
        self.objects: dict[int, frozenset[str]] = {}  # event id -> head nouns of its object
        self.orphans: dict[int, frozenset[str]] = {}  # event-noun mentions without parties
        self.agentless_by: dict[int, set[int]] = {}  # agentless event id -> offsets of its means
        self.presupposed: set[int] = set()  # ids of events named in the subject of an inference

    def sent_of(self, t: Token) -> Span:
        """The sentence of a token (Token.sent rescans the document; this does not)."""
        return self.sents[bisect_right(self.sent_starts, t.i) - 1]

    # -- layout ---------------------------------------------------------------------------------
    def _paragraphs(self) -> dict[int, int]:
        text = self.text
        breaks = [m.end() for m in re.finditer(r"\n\s*\n" if "\n\n" in text else r"\n", text)]
        out: dict[int, int] = {}
        for s in self.sents:
            out[s.start] = bisect_right(breaks, s.start_char)
        return out

    def _mishap_paragraph(self, t: Token) -> bool:
        """The token's paragraph names an accident or a disaster (``mishap_nouns``)."""
        para = self.paragraph_of[self.sent_of(t).start]
        got = self.mishap_paragraphs.get(para)
        if got is None:
            got = any(
                _mishap(x, self.mishap_nouns)
                for s in self.sents
                if self.paragraph_of[s.start] == para
                for x in s
                if x.pos_ in ("NOUN", "PROPN")
            )
            self.mishap_paragraphs[para] = got
        return got

    def cues(self, sent: Span) -> list[Cue]:
        got = self.sent_cues.get(sent.start)
        if got is None:
            got = find_cues(sent.text, sent.start_char, self.ctx.published)
            self.sent_cues[sent.start] = got
        return got

    # -- actors ---------------------------------------------------------------------------------
    def _conjuncts(self, head: Token) -> list[Token]:
        """The head and its conjuncts, also where the parser hangs them elsewhere.

        On the mention's other tokens ("Barack Obama and Vladimir Putin") or on an appositive list
        ("The US, Russia, and Switzerland").
        """
        heads = [head]
        a = self.actor_at.get(head.i)
        if a is not None:
            heads += [t for t in head.doc[max(0, head.i - 4) : head.i + 4] if self.actor_at.get(t.i) is a]
        heads += [
            c
            for h in list(heads)
            for c in h.children
            if c.dep_ == "appos" and any(g.dep_ in ("conj", "cc") for g in c.children)
        ]
        heads += self._titled_members(heads)
        found = with_conjuncts(heads)
        tail = self._stranded_conjunct(found)
        if tail is not None:
            # "..., and the commander-in-chief of the UN troops, General X": the name, not the title.
            named = next((c for c in tail.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), tail)
            found += [x for x in with_conjuncts([named, *self._titled_members([tail])]) if x not in found]
        return found

    def _titled_members(self, heads: list[Token]) -> list[Token]:
        """A list of titled names the parser nests as appositions: each name is a party.

        "signed by the commander of the army X, commander of the volunteers Y, and ...": the
        parser hangs "commander of the volunteers Y" on X as an apposition, and Y on "volunteers".
        A title in apposition that ends in another person's name is that person, a second member
        of the list; a title without a name of its own ("X, commander of the army") is X's.
        """
        out: list[Token] = []
        for h in heads:
            own = self.actor_at.get(h.i) or self._actor_of_phrase(h)
            # The appositions of any word of the head's own mention ("the Commander of the army
            # Kim Il Sung, commander of ...": the apposition hangs on the name, not on "Commander").
            words = [h] + [x for x in h.subtree if own is not None and x is not h and self.actor_at.get(x.i) is own]
            for c in (c for w in words for c in w.children):
                if c.dep_ != "appos":
                    continue
                name = c.right_edge
                while name.is_punct and name.i > c.i:
                    name = name.doc[name.i - 1]
                who = self.actor_at.get(name.i)
                person = (who is not None and who.type == "person") or name.ent_type_ == "PERSON"
                if name.dep_ == "appos" and name.head.i >= c.i and name.head != h and person and who is not own:
                    out.append(name)
        return out

    def _stranded_conjunct(self, members: list[Token]) -> Token | None:
        """The last member of a list the parser cut off: "X, Y, and the commander of Z, W".

        After the list's last word comes ", and" (or "and") whose "and" the parser hung outside
        the list, then a noun phrase left without a governor of its own (dep, conj or appos
        elsewhere): that phrase ends the list.
        """
        if not members:
            return None
        doc = members[0].doc
        j = max(m.right_edge.i for m in members) + 1
        if j < len(doc) and doc[j].text == ",":
            j += 1
        if j + 1 >= len(doc) or doc[j].lower_ not in ("and", "or") or doc[j].dep_ != "cc" or doc[j].head in members:
            return None
        start = j + 1
        for k in doc[start : min(len(doc), start + 12)]:
            if k.left_edge.i != start or k.pos_ not in ("NOUN", "PROPN"):
                continue
            if k.dep_ in ("dep", "conj", "appos") and not (start <= k.head.i <= k.right_edge.i):
                return k
        return None

    def actors_for(self, head: Token) -> list[Actor]:
        if head.lower_ in _PLURAL_PRONOUNS and head.i not in self.actor_at:
            self.from_pronoun = True
            return self._plural_antecedent(head)
        if head.lower_ == "it" and head.dep_ in _SUBJ_DEPS and head.i not in self.actor_at:
            return self._it_antecedent(head)
        out: list[Actor] = []
        for h in self._conjuncts(head):
            a = self._actor_of_phrase(h)
            if a is not None and a not in out:
                out.append(a)
            if a is not None and (h.i not in self.actor_at or a.type == "state"):
                # "US and British activists": conjoined country modifiers of one noun are all parties.
                for b in self._modifier_states(h):
                    if b not in out:
                        out.append(b)
            elif a is not None and a.id.startswith("text:") and a.country and a.sector:
                # "Ukrainian and Russian lawmakers": the same kind of people, of each state named.
                for b in self._modifier_states(h):
                    code = state_code(b)
                    if code and code != a.country:
                        peer = self._generic(h, a.sector, code, mark=False)
                        if peer not in out:
                            out.append(peer)
            if a is not None and h.tag_ in ("NNS", "NNPS"):
                # "the leaders of Egypt and Jordan", "the ambassadors of A, B and C": each state's;
                # "his counterparts from Japan, Australia and India" when the phrase is the state's.
                preps = ("of", "from") if a.type == "state" else ("of",)
                named = [g for c in h.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children]
                for g in with_conjuncts([x for x in named if x.dep_ == "pobj"])[1:]:
                    member = self.actor_at.get(g.i)
                    if member is not None and member.type == "state" and member not in out:
                        out.append(member)
        return out

    def _it_antecedent(self, pron: Token, *, person: bool = False) -> list[Actor]:
        """'Turkey said it would not allow ...', 'Russia protested. It also accused Kiev ...'.

        A subject "it" stands for a state or body: the subject of the verb of saying whose clause it
        is in, else (opening a sentence) the subject of the sentence before, when either names one
        actor that is not a person (with ``person``, one that may be: "the minister said his country").
        """
        # "Turkey said its troops had entered Syria": a possessive's clause is its noun's.
        v = pron.head.head if pron.dep_ == "poss" and pron.head.dep_ in _ARG_DEPS else pron.head
        own = v
        while own.pos_ not in ("VERB", "AUX") and own.head.i != own.i:
            own = own.head
        while v.dep_ in ("conj", "xcomp") and v.head.i != v.i:
            v = v.head
        subjects: list[Token] = []
        if v.dep_ == "ccomp" and v.head.i != v.i:
            subjects = [c for c in v.head.children if c.dep_ in _SUBJ_DEPS and c.i < pron.i]
        elif pron.dep_ == "poss" and own is not pron.head:
            # "Brazil postponed a visit by its foreign minister": the subject of the possessive's own
            # clause (not of a clause above an infinitive: "urged Israel to withdraw its troops").
            subjects = [c for c in own.children if c.dep_ in _SUBJ_DEPS and c.i < pron.i]
        elif pron.i == pron.sent.start or (pron.i == pron.sent.start + 1 and pron.nbor(-1).dep_ == "cc"):
            k = bisect_right(self.sent_starts, pron.i) - 1
            if k >= 1:
                subjects = [self.sents[k - 1].root]
                subjects = [c for c in subjects[0].children if c.dep_ in _SUBJ_DEPS]
        for sub in subjects:
            if sub.pos_ == "PRON" or sub.left_edge.i <= pron.i <= sub.right_edge.i:
                continue  # (not the phrase the possessive is in: it would be its own owner, and looped)
            got = self.actors_for(sub)
            if len(got) == 1 and (person or got[0].type != "person"):
                return got
        return []

    def _plural_antecedent(self, pron: Token) -> list[Actor]:
        """'They received ...': the parties of the last plural subject before, in this or the last paragraph.

        A plural subject is a list of two or more actors ("The DPRK government and Kim Jong-un") or
        a plural noun that names one ("the delegates of Russia"); singular subjects are passed over.
        """
        k = bisect_right(self.sent_starts, pron.i) - 1
        para = self.paragraph_of.get(self.sents[k].start, 0)
        # The pronoun's own sentence before it first ("bombers killed 23 people when they blew
        # themselves up"), then earlier sentences.
        own = self.doc[self.sents[k].start : pron.i]
        for s in [own, *reversed(self.sents[max(0, k - 6) : k])]:
            if para - self.paragraph_of.get(s.start, 0) > 1:
                break
            for t in s:
                if t.dep_ not in _SUBJ_DEPS or t.pos_ == "PRON":
                    continue
                got = self.actors_for(t)
                if len(got) >= 2 or (got and t.tag_ in ("NNS", "NNPS")):
                    return got
        return []

    def _modifier_states(self, h: Token) -> list[Actor]:
        out: list[Actor] = []
        mods = [c for c in h.lefts if c.dep_ in ("amod", "compound", "nmod") and not self._aside(c)]
        if not any(c.dep_ == "conj" for m in mods for c in m.children):
            return out
        for m in with_conjuncts(mods):
            # The word's own state first: one mention may span "Hungarian and Romanian officials"
            # (with the words before it: "US and South Korean forces").
            a = None
            first = next((c.i for c in m.lefts if c.dep_ in ("amod", "compound")), m.i)
            hit = next(iter(self.ctx.kb.lookup(self.doc[first : m.i + 1].text, STATE_NAMES)), None)
            if hit is not None and hit[0].type == "state":
                a = self.analysis.actor(hit[0].id) or self._state_actor(hit[0].id, m)
            if a is None:
                a = self.actor_at.get(m.i)
            if a is not None and a not in out:
                out.append(a)
        return out

    def _actor_of_phrase(self, h: Token) -> Actor | None:
        if self._a_people(h):
            # "ethnic Albanians in south Serbia": a people, of the state its phrase (or, for a crowd,
            # its act) places it in, not its kin state (a phantom dyad with Albania).
            return self._generic(h, self.lex.sector_of(h) or "CVL", self._phrase_country(h))
        if h.i in self.actor_at:
            if self.kind_at.get(h.i) == "descriptor":
                # "the special representative of the Chinese government Liu Xiaoming": a person's name
                # inside the title's phrase beats the title.
                for c in h.subtree:
                    a = self.actor_at.get(c.i)
                    if a is not None and a.type == "person" and self.kind_at.get(c.i) in ("name", "alias"):
                        return a
            kept = self.actor_at[h.i]
            if kept.country is None and not kept.known and kept.type != "state":
                # "Ukrainian lawmakers" kept as text: the text gives its country; so do the possessor
                # of an office whose holder the KB does not know ("Peru's president") and the
                # phrase's place ("demonstrators in Seoul").
                kept.country = self._modifier_country(h) or self._possessor_state(h) or self._phrase_country(h)
                if kept.country is None:
                    self._affiliate(kept, h)
            return kept
        if h.i in self.place_at:
            # The host of a visit to a place: the place is not a mention of the state.
            return self._state_actor(self.place_at[h.i].country, None)
        its = next((c for c in h.children if c.dep_ == "poss" and c.lower_ == "its"), None)
        sector = self.lex.sector_of(h)
        if its is not None and sector is not None and (owners := self._it_antecedent(its)):
            # "Turkey said its troops had entered Syria": the troops are Turkey's, a state's own
            # forces and officials the state in that sector (as "Turkish troops" are).
            owner = owners[0]
            if owner.type == "state" and sector in _OWN_FORCES:
                if not any(m.start == its.idx for m in owner.mentions):
                    owner.mentions.append(
                        Mention(its.idx, h.idx + len(h), self.doc[its.i : h.i + 1].text, "pronoun", sector)
                    )
                return owner
            return self._generic(h, sector, owner.country)
        mine = next((c for c in h.children if c.dep_ == "poss" and c.lower_ in ("his", "her", "their", "our")), None)
        if mine is not None and (h.lemma_.lower() in self.home_nouns or sector in _OWN_FORCES):
            # "The Nigerian foreign minister said his country would not recognize ...": the state of
            # the one who speaks, as "its" is (above).
            owners = self._it_antecedent(mine, person=True)
            if owners and owners[0].country and (home := self._state_actor(owners[0].country, None)) is not None:
                return home
        if h.lemma_.lower() in self.market_nouns:
            return None  # "U.S. economic data", "the Russian rouble": no party
        lemma = h.lemma_.lower()
        if h.i not in self.actor_at and lemma in self.partitives and lemma not in self.crowd_counts:
            # "released half of the Palestinian prisoners": the party is the "of" phrase's.
            member = _of_member(h)
            if member is not None and member.dep_ == "pobj":
                return self._actor_of_phrase(member)
        state = self._state_in_modifiers(h)
        if state is not None and self.lex.sector_of(h) is None and self._named_body(h):
            # "Australian Airlines", "British Airways": a body whose name starts with a demonym is
            # of that state, not the state itself.
            return self._unknown(h)
        if state is not None:
            sector = self.lex.sector_of(h)
            if sector is not None and sector not in _STATE_SECTORS:
                # "Georgian demonstrators", "Syrian rebels": people of a state, not its government,
                # so a dyad between them and the state's government is not a self-pair.
                return self._generic(h, sector, state_code(state))
            return state
        if (
            h.pos_ == "PROPN"
            and h.ent_type_ in ("ORG", "PERSON")
            and not any(c.i in self.actor_at for c in h.lefts if c.dep_ in ("poss", "compound", "nmod", "amod"))
        ):
            # "The Red Cross operating in Iraq": a name is its own actor, not the place or party its
            # post-modifiers name (those read by the search below).
            got = self._unknown(h)
            if got is not None:
                return got
        for c in h.children:
            a = self.actor_at.get(c.i)
            if c.dep_ == "appos" and a is not None and (a.type == "state" or (a.known and h.pos_ == "NOUN")):
                # "Pakistan's close ally China", "its neighbour India": the state the noun is, not
                # the one it is an ally or neighbour of; "the UN refugee agency, UNHCR": the body.
                return a
        # Breadth-first through the noun phrase, nearest mention first.
        frontier = [h]
        for _depth in range(7):
            nxt: list[Token] = []
            for t in frontier:
                for c in t.children:
                    if self._aside(c):
                        # "pro-Russia rebels" are not Russia.
                        continue
                    if (
                        c.dep_ == "compound"
                        and self.kind_at.get(c.i) == "metonym"
                        and t.lemma_.lower() in self.weapon_nouns
                    ):
                        continue  # "a Baghdad bombing killed ten": the place is where, not who
                    if c.i in self.place_at and c.dep_ == "pobj" and self._place_noun_of(t):
                        # "visited the city of Caracas": the town's own name, which stands for its state.
                        return self._state_actor(self.place_at[c.i].country, None)
                    if c.i in self.actor_at and c.dep_ in _CORE_DEPS | {"acl", "agent"}:
                        # ("hundreds of ethnic Albanians": the people, as above)
                        return self._actor_of_phrase(c) if self._a_people(c) else self.actor_at[c.i]
                    if c.dep_ in ("poss", "compound", "nmod") and c.pos_ == "PROPN" and c.ent_type_ in _ENT_ACTOR:
                        # "Taiwan's Vice Foreign Minister": a name no earlier stage kept.
                        got = self._unknown(c)
                        if got is not None:
                            return got
                    if c.dep_ == "prep" and c.lower_ not in ("of", "from", "by", "in"):
                        continue
                    lead = c.dep_ == "acl" and c.lemma_.lower() in _LEAD_VERBS
                    if c.dep_ in _CORE_DEPS or lead or c.dep_ == "agent":
                        nxt.append(c)
            frontier = nxt
            if not frontier:
                break
        if (h.pos_ == "PROPN" and h.ent_type_ in _ENT_ACTOR) or (
            h.pos_ == "ADJ" and h.ent_type_ == "NORP" and h.dep_ in _ARG_DEPS
        ):
            # (a demonym the tagger left an adjective where a noun stands: "arrested a Palestinian")
            return self._unknown(h)
        sector = self.lex.sector_of(h)
        if sector is not None:
            return self._generic(h, sector, self._phrase_country(h))
        if h.pos_ == "NOUN" and h.lemma_.lower() in self.crowd_counts:
            # "Dozens of protesters", "arrested hundreds of BNP activists": the kind of actor counted.
            member = _of_member(h)
            if member is not None:
                return self._actor_of_phrase(member) if member.dep_ == "pobj" else None
            if h.tag_ == "NNS" and h.dep_ in _SUBJ_DEPS:
                # "Thousands took to the streets": a crowd of people, of the state its phrase names.
                return self._generic(h, "CVL", self._phrase_country(h))
        return None

    def _named_body(self, h: Token) -> bool:
        """Whether a proper noun ends an organisation's name that starts with its modifiers."""
        ent = self.ent_at.get(h.i)
        return h.pos_ == "PROPN" and ent is not None and ent.label_ == "ORG" and ent.root.i == h.i and ent.start < h.i

    def _a_people(self, h: Token) -> bool:
        """'Ethnic Albanians', 'ethnic Albanian guerrillas': a people named by a demonym after "ethnic"."""
        return any(
            (self.kind_at.get(w.i) == "demonym" or w.ent_type_ == "NORP")
            and w.i > 0
            and self.doc[w.i - 1].lower_ == "ethnic"
            for w in (h, *(c for c in h.lefts if c.dep_ in ("amod", "compound", "nmod")))
        )

    def _phrase_country(self, h: Token) -> str | None:
        """The state a generic actor's own phrase places it in.

        "The president of Armenia", "parties to the conflict in Iraq", "refugees fleeing the war
        in Liberia", "Shanghai police", "gunmen in Mariupol". Only the phrase's own modifiers are read
        (prepositions, participles, compounds), not clauses of their own (relative or adverbial
        clauses), and only when they name a single state. A town the KB does not know counts when the
        gazetteer puts every town of its name in one state.
        """
        found: set[str] = set()
        stack = [c for c in h.children if c.dep_ in ("prep", "acl", "compound")]
        while stack:
            t = stack.pop()
            if t.dep_ in ("relcl", "advcl", "ccomp", "parataxis", "agent") or self._aside(t):
                continue  # (nor the doer of a participle: "civilians killed by Israeli troops")
            place = self.place_at.get(t.i)
            a = self.actor_at.get(t.i)
            if place is not None and place.country:
                found.add(place.country)
            elif a is not None and a.type == "state" and (code := state_code(a)):
                found.add(code)
            elif t.ent_type_ in ("GPE", "NORP", "LOC") and a is None:
                states = self._states_named(t.text)
                if states:
                    found.add(states[0])
                else:
                    ent = self.ent_at.get(t.i)
                    if ent is not None and ent.label_ != "NORP" and (town := town_country(ent.text)):
                        found.add(town)
            stack += list(t.children)
        return found.pop() if len(found) == 1 else None

    def _affiliate(self, kept: Actor, h: Token) -> None:
        """An unknown person's body from the title around the name.

        "Arab League Secretary General X" (IGO), "X, the United Nations relief coordinator": the
        body's country, or its sector for an international one (as PETRARCH and PLOVER code such
        officials).
        """
        words = [c for c in h.lefts if c.dep_ in ("compound", "nmod", "poss", "amod") and not self._aside(c)]
        own = [t for t in h.doc[max(0, h.i - 4) : h.i + 1] if self.actor_at.get(t.i) is kept]
        words += [c for t in own for c in t.children if c.dep_ == "appos"]
        for w in words:
            for t in w.subtree:
                a = self.actor_at.get(t.i)
                if a is None and t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                    # "the Bush administration": a person or body the KB knows under that name.
                    hit = self.ctx.kb.resolve(t.text, self.ctx.published)
                    if hit is not None and hit.type in ("person", "state") and hit.country:
                        kept.country = hit.country
                        return
                if a is None or a is kept:
                    continue
                if a.country:
                    kept.country = a.country
                    return
                if a.sector in _AGENCY and kept.sector not in _AGENCY:
                    kept.sector = a.sector
                    return

    def _generic(self, h: Token, sector: str, country: str | None = None, *, mark: bool = True) -> Actor:
        """'Insurgents', 'Georgian demonstrators': a kind of actor, kept as text with its country if any.

        With ``mark`` false the word stays the mention of the actor it already stands for (the
        second state's people in "Ukrainian and Russian lawmakers").
        """
        text = h.text
        aid_part = slug(h.lemma_)
        if h.lemma_.lower() in self.ctx.kb.lexicons.group_heads:
            # "police forces" and "opposition forces" are two kinds: the words before name the kind
            # (not a state's demonym: "Palestinian security forces" are security forces).
            kind = [
                m.lemma_ for m in h.lefts if m.dep_ in ("compound", "amod", "nmod") and not self._states_named(m.text)
            ]
            aid_part = "-".join(slug(w) for w in [*kind, h.lemma_])
        aid = f"text:{country.lower()}-{aid_part}" if country else "text:" + aid_part
        actor = self.analysis.actor(aid)
        if actor is None:
            actor = Actor(id=aid, name=text, type="other", country=country, sector=sector, known=False)
            self.analysis.actors.append(actor)
        if not any(m.start == h.idx for m in actor.mentions):
            actor.mentions.append(Mention(h.idx, h.idx + len(text), text, "descriptor", sector))
        if mark:
            self.actor_at[h.i] = actor
        return actor

    def _state_in_modifiers(self, h: Token) -> Actor | None:
        """'South Korean ports': a state named by the modifiers of a noun the resolver left alone."""
        mods = [c for c in h.lefts if c.dep_ in ("amod", "compound", "nmod")]
        if not mods or h.pos_ == "PRON":
            return None
        if any(self._aside(m) for m in mods):
            # "pro-Russia rebels": only the other modifiers may name the state.
            for m in mods:
                if self._aside(m) or m.lower_ in ("pro", "-"):
                    continue
                states = self._states_named(m.text)
                if states:
                    return self._state_actor(states[0], m)
            return None
        start = min(m.left_edge.i for m in mods)
        for i in range(start, h.i):
            for j in range(h.i, i, -1):
                if self.doc[i:j].text.islower() and len(self.doc[i:j].text) <= 4:
                    continue  # "a car bomb" is not the CAR, "us troops" not the US
                states = self._states_named(self.doc[i:j].text)
                if states:
                    return self._state_actor(states[0], self.doc[i:j])
        return None

    def _aside(self, t: Token) -> bool:
        """A modifier that names no party: a stance ("pro-Russia") or a weapon's maker ("US-made")."""
        return t.i in self.maker_at or _pro(t, self.lex.stance_prefixes)

    def _modifier_country(self, h: Token) -> str | None:
        """The one state a noun's modifiers name ('Ukrainian lawmakers'), without adding an actor."""
        mods = sorted(
            (
                t
                for m in h.lefts
                if m.dep_ in ("amod", "compound", "nmod") and not self._aside(m)
                for t in m.subtree
                if not self._in_place_name(t)
            ),
            key=lambda t: t.i,
        )
        found = self._named_in(mods, 4, lambda text: set(self._states_named(text)))
        return found.pop() if len(found) == 1 else None

    def _in_place_name(self, t: Token) -> bool:
        """A word of a longer place's name that names no state ("the Indian Ocean", "the South China Sea")."""
        ent = self.ent_at.get(t.i) if t.ent_type_ == "LOC" else None
        return ent is not None and len(ent) > 1 and not self._states_named(ent.text)

    def _possessor_state(self, h: Token) -> str | None:
        """The state a noun's possessor names ("Peru's president"), without adding an actor."""
        poss = next((c for c in h.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if poss is None:
            return None
        states = self._states_named(self.doc[poss.left_edge.i : poss.i + 1].text)
        return states[0] if states else None

    def _named_in(self, words: list[Token], longest: int, read: Callable[[str], set[str]]) -> set[str]:
        """What runs of adjacent words name (``read``), each word read once, longest run first.

        "New South Wales" is AUS, not also Wales.
        """
        found: set[str] = set()
        i = 0
        while i < len(words):
            step = 1
            for n in range(min(longest, len(words) - i), 0, -1):
                run = words[i : i + n]
                if run[-1].i - run[0].i == n - 1 and (got := read(self.doc[run[0].i : run[-1].i + 1].text)):
                    found |= got
                    step = n
                    break
            i += step
        return found

    def _place_noun_of(self, prep: Token) -> bool:
        """An "of" naming a place noun's town ("the city of Fallujah", "the town of Jenin")."""
        return prep.lower_ == "of" and prep.head.lemma_.lower() in self.place_nouns

    def _state_actor(self, country: str | None, at: Token | Span | None) -> Actor | None:
        """The state actor for a party the resolver left alone, with the words that named it as a mention."""
        if not country:
            return None
        actor = self.analysis.actor(country)
        if actor is None:
            e = self.ctx.kb.get(country)
            if e is None or e.type != "state":
                return None
            actor = Actor(id=e.id, name=e.name, type="state", country=e.country or e.id, wikidata=e.wikidata)
            self.analysis.actors.append(actor)
        if at is not None:
            span = at if isinstance(at, Span) else at.doc[at.i : at.i + 1]
            if not any(m.start == span.start_char for m in actor.mentions):
                actor.mentions.append(Mention(span.start_char, span.end_char, span.text, "demonym"))
        return actor

    def _unknown(self, h: Token) -> Actor | None:
        """A named entity no earlier stage resolved: kept as text, with a country if its name says one."""
        ent = self.ent_at.get(h.i)
        if ent is None:
            return None
        text = ent.text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        hit = self.ctx.kb.resolve(text, self.ctx.published)
        if hit is not None:
            known = self.analysis.actor(hit.id)
            if known is not None:
                return known
            if hit.type == "state" and ent.root.dep_ == "poss":
                # "Egypt's foreign minister", whom the KB does not name: the state (as "the Egyptian
                # foreign minister" is), the resolver having read the words as one title.
                return self._state_actor(hit.id, ent)
        h = ent.root  # "South" in "in South Carolina": the name's head has its role
        # ("stormed the city of Fallujah": the place's own name)
        as_place = h.dep_ == "pobj" and (h.head.lower_ in PLACE_PREPS or self._place_noun_of(h.head))
        # "Russia shelled Kharkiv", "Kharkiv was shelled", "troops withdrew from Kherson": a town
        # that is itself what the act is done to, or left, is also its state's.
        as_object = h.dep_ in ("dobj", "nsubjpass") or (h.dep_ == "pobj" and h.head.lower_ in _AWAY_PREPS)
        modifier = h.dep_ == "compound" and h.head.pos_ == "NOUN"
        if hit is None and ent.label_ in ("GPE", "LOC", "FAC") and (area := self._admin_area(ent[-1])) is not None:
            # "attacked a checkpoint in Arghistan district": an area, whose state may be a party.
            place = Place(ent.start_char, ent.end_char, ent.text, area.country)
            for t in ent:
                self.place_at[t.i] = place
            return None
        if hit is None and ent.label_ in ("GPE", "LOC", "FAC"):
            # "a shootout at Tin Can Island, Lagos": a place the area after it locates, no party
            # (nor is the area, when the parser hangs the phrase on it).
            named, where = ent, self._qualified(ent.text, ent.end_char)
            if where is None:
                first, where = self._qualifying(ent.start_char)
                named = first or ent
            if where is not None and where.country:
                place = Place(named.start_char, named.end_char, named.text, where.country)
                for t in [*named, *ent]:
                    self.place_at[t.i] = place
                return None
        if hit is None and ent.label_ in ("GPE", "LOC") and modifier and town_country(text) is not None:
            # "Shanghai police": a town modifying a kind of actor says where the actor is from (its
            # phrase's country); it is no party of its own.
            return None
        # A town the parser took for a person ("visited Kharkiv"): only a large one, named as a place.
        as_town = ent.label_ == "PERSON" and (
            as_place or (h.dep_ == "dobj" and h.head.lemma_.lower() in self.place_verbs)
        )
        if hit is None and ((ent.label_ in ("GPE", "LOC") and (as_place or as_object)) or as_town):
            # A town the KB does not know but the gazetteer does, named as a place ("talks in
            # Geneva", "attacks in Mosul"): it stands for its state as a party, as capitals do.
            # Only a name all of whose towns lie in one state ("Florida" is not Cuba).
            country = town_country(text, self.ctx.kb.lexicons.person_town_population if as_town else 0)
            if country is None and not as_town:
                country = region_state(text)  # "sent peacekeepers to Darfur": a region of one state
            host = self._state_actor(country, None) if country else None
            if host is not None:
                place = Place(ent.start_char, ent.end_char, ent.text, country)
                for t in ent:
                    self.place_at[t.i] = place
                return host
        country = hit.country if hit is not None else None
        if country is None and ent.label_ == "ORG":
            country = self._name_country(ent)
        aid = "text:" + slug(text)
        actor = self.analysis.actor(aid)
        if actor is None:
            atype = {"PERSON": "person", "ORG": "organization", "GPE": "state"}.get(ent.label_, "other")
            actor = Actor(id=aid, name=text, type=atype, country=country, known=False)  # type: ignore[arg-type]
            self.analysis.actors.append(actor)
        if not any(m.start == ent.start_char for m in actor.mentions):
            actor.mentions.append(Mention(ent.start_char, ent.end_char, ent.text, "name"))
        for t in ent:
            self.actor_at[t.i] = actor
        return actor

    def _name_country(self, ent: Span) -> str | None:
        """The one state an unknown body's name places it in ("United Bus Company of Tehran", "Kabul University").

        A state's name or demonym, or a large town all of whose namesakes lie in one state.
        """
        size = self.ctx.kb.lexicons.person_town_population

        def named(text: str) -> set[str]:
            if not text[:1].isupper():
                return set()
            states = set(self._states_named(text))
            town = town_country(text, size) if not states else None
            return states or ({town} if town else set())

        found = self._named_in(list(ent), 3, named)
        return found.pop() if len(found) == 1 else None

    # -- roles ----------------------------------------------------------------------------------
    def role_tokens(self, t: Token, spec: str, objs: list[Token]) -> list[Token]:
        parts = spec.split(">")
        heads = self._role(t, parts[0], objs)
        i = 1
        while i + 1 < len(parts) and heads:
            lemma, role = parts[i], parts[i + 1]
            nxt: list[Token] = []
            for h in heads:
                x = find_lemma(h, lemma)
                if x is not None:
                    if role == "pobj":
                        nxt += [c for c in x.children if c.dep_ == "pobj"]
                    else:
                        nxt += self._role(x, role, logical_object(x) if x.pos_ == "VERB" else [])
            heads = nxt
            i += 2
        return heads

    def _role(self, t: Token, role: str, objs: list[Token]) -> list[Token]:
        if role.startswith("gov:"):
            gov = t.head
            if role.startswith("gov:pobj:"):
                # "announced the deal after talks with Britain", "accused X in a call with Chirac":
                # who acts in the clause took part in the event its time or occasion names ("flew
                # bombers over the peninsula in a show of force": and the clause's ROLE is its party).
                if (
                    t.dep_ == "pobj"
                    and gov.dep_ == "prep"
                    and gov.lower_ in self.adjunct_preps
                    and gov.head.pos_ in ("VERB", "AUX")
                    and gov.head.i != gov.i
                    and gov.head.lemma_.lower() not in self.state_verbs
                ):
                    return self._role(gov.head, role[9:], list(logical_object(gov.head)))
                return []
            if (
                role == "gov:subj"
                and t.dep_ == "pobj"
                and gov.lower_ in _DURING_PREPS
                and gov.head.pos_ in ("VERB", "AUX")
                and gov.head.i != gov.i
                and gov.head.lemma_.lower() not in self.state_verbs
            ):
                # "youths threw stones during demonstrations against X": who acts in the clause
                # takes part in the event it happens during ("the President was at home during the
                # attack" says where he was, not that he attacked).
                return self._role(gov.head, "subj", [])
            if gov is t or gov.pos_ not in ("VERB", "AUX") or t.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
                return []
            if t.dep_ in ("dobj", "nsubjpass") and not set(verb_forms(gov)) & self.table.support_verbs:
                # "police prevented the demonstration", "Serbia demanded a meeting": who acts on an
                # event is no party of it; only a verb that does the event ("held talks", "staged a
                # protest", "paid a visit") lends its subject.
                return []
            return self._role(gov, role[4:], [t])
        if role == "subj":
            adjective = t.pos_ == "ADJ" or self.table.read_as_adjective(t)
            if (
                adjective
                and t.head.i != t.i
                and (t.dep_ in ("acomp", "oprd", "ccomp") or (t.dep_ == "conj" and t.head.dep_ == "dobj"))
            ):
                # "Russia is ready to ...", "was concerned about" (not "stands accused of"): the
                # subject of the copula; "a court found him guilty": of the verb
                t = _predicate_verb(t)
            if t.pos_ not in ("VERB", "AUX"):
                return []
            subj = logical_subject(t)
            pron = subj[0] if len(subj) == 1 and subj[0].pos_ == "PRON" and subj[0].i not in self.actor_at else None
            # "The US claimed that they had attacked Iraq": a "they" with no plural antecedent
            # stands for the body that speaks before it, as "it" does (not a trailing
            # attribution: '"They discussed ...," the agency said' quotes others).
            they = pron is not None and pron.lower_ == "they"
            speaker = pron is not None and (pron.lower_ == "it" or (they and not self._plural_antecedent(pron)))
            if speaker:
                # "Israel announced it would free ...", "Syria says it is willing to withdraw":
                # the pronoun is the one who speaks of the act, the subject of the verb whose
                # complement clause holds it.
                h = t
                for _ in range(4):
                    if h.dep_ == "ccomp" and h.head.pos_ in ("VERB", "AUX"):
                        if they and pron is not None and h.head.i > pron.i:
                            break
                        return logical_subject(h.head)
                    if h.dep_ not in ("xcomp", "acomp", "conj") or h.head.i == h.i:
                        break
                    if h.dep_ == "acomp" and h.lemma_.lower() not in self.intent_verbs:
                        break  # "it is necessary to develop ties": an empty "it", no speaker
                    h = h.head
            return subj
        if role == "obj":
            return objs if t.pos_ in ("VERB", "AUX") else []
        if role == "obj:poss":
            # "sought Mali's help", "accepted Qatar's mediation": whose the thing asked or taken is; in
            # "the Egyptian proposal", "an African Union proposal", the thing itself, whose modifier names it.
            owners: list[Token] = []
            for o in objs if t.pos_ in ("VERB", "AUX") else []:
                owners += [c for c in o.children if c.dep_ == "poss"]
                if any(m.dep_ in ("compound", "amod") and m.i in self.ent_at for m in o.lefts):
                    owners.append(o)
            return owners
        if role == "dative":
            return [c for c in t.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP"]
        if role == "act":
            return self._act_parties(t)
        if role == "judged":
            return _judged(t)
        if role.startswith("xcomp:"):
            # "refused to notify the UN": a role of the act the trigger's clause complement names.
            acts = [c for c in t.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
            return [x for c in acts for x in self._role(c, role[6:], with_conjuncts(logical_object(c)))]
        if role == "ccomp:subj":
            # "demanded that the US cancel ...": the subject of the demanded clause; also of a
            # that-clause on the object ("expressed hope that Iran would return").
            clauses = [c for c in t.children if c.dep_ == "ccomp"]
            clauses += [
                c
                for o in (objs if t.pos_ in ("VERB", "AUX") else [])
                for c in o.children
                if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ]
            return [g for c in clauses for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        if role == "for:subj":
            # "called for the envoy to return": the subject of the asked infinitive clause.
            return [g for c in _for_clauses(t) for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        if role == "if:subj":
            return _condition_subjects(t)  # "would use force if Taiwan declared independence"
        if role == "poss":
            return [c for c in t.children if c.dep_ == "poss"]
        if role == "mod":
            return [c for c in t.children if c.dep_ in ("amod", "compound", "nmod") and c.i in self.actor_at]
        if role == "doermod":
            # "the Gaza attack", "a Baghdad bombing", "the West Bank raid": a place compounded onto
            # an act of force is where it happened; its state ("a US raid") or its people ("the
            # Israeli raid") are who did it.
            return [
                c
                for c in self._role(t, "mod", objs)
                if not (c.dep_ == "compound" and self.kind_at.get(c.i) == "metonym")
            ]
        if role in ("adjmod", "placemod"):
            # "the Russian visit" (the visitors) against "his China trip", "a United States
            # lecture tour" (a state's or place's name compounded onto the noun: where).
            place = [
                c
                for c in t.children
                if c.dep_ == "compound"
                and c.pos_ == "PROPN"
                and (c.i in self.place_at or (c.i in self.actor_at and self.actor_at[c.i].type == "state"))
            ]
            if role == "placemod":
                return place
            return [c for c in self._role(t, "mod", objs) if c not in place]
        if role.startswith("prep:"):
            return prep_objects(t, role[5:], objs if t.pos_ in ("VERB", "AUX") else [])
        return []

    def fill(self, t: Token, specs: tuple[str, ...], objs: list[Token], doers: Sequence[Actor] = ()) -> list[Actor]:
        for spec in specs:
            heads = self.role_tokens(t, spec, objs)
            if spec == "act":
                # The nearest party of the act other than its doers, not every party it names.
                for h in heads:
                    party = [a for a in self._parties(h, doers) if _other_party(a, doers)]
                    if party:
                        return party
                continue
            got: list[Actor] = []
            for h in heads:
                for a in self._parties(h, doers):
                    if a not in got:
                        got.append(a)
            if got and doers and not self.from_pronoun and all(a in doers for a in got):
                continue  # "recalled its ambassador from Lithuania": the doer's own, so the next role
            if got:
                return got
        return []

    def _parties(self, h: Token, doers: Sequence[Actor]) -> list[Actor]:
        """The actors a role's head names; for a target (``doers`` given), trade names its state."""
        got = self.actors_for(h)
        if not got and doers and h.lemma_.lower() in self.market_nouns:
            # "banned Georgian wine imports", "eased restrictions on Japanese seafood imports": trade
            # is no party ("U.S. economic data"), but a measure on it is aimed at the state named.
            state = self._state_in_modifiers(h)
            got = [state] if state is not None else []
        return got

    # -- matching -------------------------------------------------------------------------------
    def match(
        self, t: Token, p: Pattern, allow_empty: bool = False
    ) -> tuple[list[Actor], list[Actor], str, list[Token]] | None:
        verb = p.pos == "verb"
        prts = {c.lower_ for c in t.children if c.dep_ == "prt"}
        # The small model often reads the particle right after the verb as an adverb ("stepped
        # down" with "down" an advmod): a particle word there is the verb's particle.
        prts |= {c.lower_ for c in t.children if c.dep_ == "advmod" and c.i == t.i + 1 and c.lower_ in self.particles}
        if p.prt and p.prt not in prts:
            return None
        if not p.prt and prts & self.foreign_prts and not (verb and is_passive(t) and prts <= _STRANDED):
            return None  # (but "was fired on by warships": a passive's stranded preposition, no particle)
        if p.passive is not None and verb and is_passive(t) != p.passive:
            return None
        if (
            verb
            and p.pobj
            and not p.obj
            and not any(prep_word(c) in p.prep for c in own_dependents(t) if c.dep_ == "prep")
        ):
            return None  # "were on strike": the preposition is the verb's own (a cheap test: "be" is everywhere)
        if p.needs_xcomp and not any(
            c.dep_ == "xcomp"
            # "telling councils to find sites": the parser may hang the infinitive on the object.
            or (c.dep_ in ("dobj", "obj") and any(_to_infinitive(a) for a in c.children))
            or _to_infinitive(c)
            for c in t.children
        ):
            return None  # "told Iran to stop", not "told reporters"
        if p.ccomp_aux and not any(
            c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in p.ccomp_aux for a in c.children)
            for c in t.children
        ):
            return None
        if p.ccomp_base and not any(c.dep_ == "ccomp" and _subjunctive(c, t) for c in t.children):
            return None
        if p.uncoded_ccomp and any(c.dep_ == "ccomp" and self._clause_act(c) is not None for c in t.children):
            return None  # "told Kyiv it would send tanks": the act is coded (as its intent)
        if p.xcomp and not any(c.dep_ == "xcomp" and c.lemma_.lower() in p.xcomp for c in t.children):
            return None
        if (
            (verb or t.pos_ == "ADJ")
            and not p.obj
            and t.lemma_.lower() in self.announcing
            and any(c.dep_ == "xcomp" and self._clause_act(c) is not None for c in self._announced(t))
        ):
            # "threatened to break relations", "offered to negotiate": the act is coded (as the
            # threat, or as the intent to do it), not the verb that announces it as well.
            return None
        if verb and t.lemma_.lower() in self.table.threat_verbs and any(self._warned_clause(c) for c in t.children):
            return None  # "warned Athens that its jets would respond": the threatened act is the event
        objs = list(self._objects_of(t)) if verb else []
        if verb and not objs and p.code[:2] in self.agentless_roots:
            pobjs = [g for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            if pobjs and all(g.lemma_.lower() in self.figurative_pobjs for g in pobjs):
                return None  # "to clash with a keynote speech", "thrown into defensive mode", "seize on reports"
        if p.code.startswith(_VIOLENT_ROOTS):
            if objs and all(self._no_foe(o, t) for o in objs):
                return None  # "help fight terror", "shot basketball hoops", "will hit its target"
            if verb and any(
                _mishap(x, self.mishap_nouns) and self.lex.sector_of(x) is None for x in self._subj_heads(t)
            ):
                return None  # "the tidal wave which killed 150,000": a disaster, no party
            if any(x.lemma_.lower() in self.sport_teams for x in self._subj_heads(t)) or any(
                x.lower_ in self.sport_words
                for o in objs
                if o.lemma_.lower() == "campaign"
                for x in o.subtree
                if x.dep_ in ("compound", "amod")
            ):
                return None  # "began its Hopman Cup campaign", "the team attacked the line": a game
        if p.needs_obj and not objs:
            return None  # "the Commons closes for business": closed, not closing anything
        if self._market_move(t, p):
            return None
        if (
            p.not_mod
            and any(c.dep_ == "amod" and c.lower_ in p.not_mod for c in t.children)
            and not any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in t.children)
        ):
            return None  # "made a big deal about": an idiom
        if p.not_mishap and self._mishap_paragraph(t):
            return None  # "declared a state of emergency after the floods": relief, not coercion
        if p.not_obj and objs and all(self._obj_fits(o, p.not_obj) for o in objs):
            return None  # "released a report": not what the pattern codes
        if p.obj:
            ok = [o for o in objs if self._obj_fits(o, p.obj)]
            if not ok and (objs or not p.optional_obj):
                return None
            if p.code.startswith("03") and any(self._planned_act(o) for o in ok):
                return None  # "expressed readiness to resume talks": the act is coded, as its intent
            objs = ok + [o for o in objs if o not in ok]
        if p.subj and not any(
            self._obj_fits(x, p.subj) for x in with_conjuncts(self._subj_heads(t)) if x.pos_ != "PRON"
        ):
            return None
        if p.mod and not any(
            c.lower_ in p.mod and c.dep_ in ("npadvmod", "advmod", "compound", "amod")
            for x in [t, *objs]
            # (a noun modifier's adjective too: the parser hangs "joint" on "military" in "joint military
            # drills"; not an adjective's, "nuclear" in "a nuclear-capable missile")
            for m in x.children
            for c in [m, *(m.children if m.i < x.i and m.pos_ in ("NOUN", "PROPN") else ())]
        ):
            return None  # "test-fired a missile", "fired a test missile": only with the word
        if p.not_subj and any(
            c.lower_ in p.not_subj for x in self._subj_heads(t) for c in x.children if c.dep_ in ("compound", "amod")
        ):
            return None  # "suicide bombers killed 26": people, not the aircraft of aerial-strike
        if p.prep:
            heads = [t, *objs]
            preps = [
                c
                for h in heads
                for c in (h.subtree if h is not t else own_dependents(h))
                if c.dep_ in ("prep", "agent", "dative") and prep_word(c) in p.prep
            ]
            # "to launch his party on Wednesday": a preposition of time names no party.
            preps = [
                c for c in preps if not any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)
            ]
            # "called for the envoy to return": the parser makes "for" the mark of the asked clause.
            preps += [m for c in _for_clauses(t) for m in c.children if m.dep_ == "mark" and m.lower_ in p.prep]
            if p.pobj:
                # "put the police on high alert", "used civilians as human shields": what the
                # preposition names (the noun right after it when the parser gave it no object).
                preps = [c for c in preps if any(self._obj_fits(g, p.pobj) for g in _prep_object(c))]
            if not preps:
                return None
        self.from_pronoun = False
        source = self.fill(t, p.source, objs)
        pronoun_source = self.from_pronoun
        # Two parties of a reciprocal act are each other's party (below), not the act's.
        specs = tuple(x for x in p.target if x != "act") if p.reciprocal and len(source) >= 2 else p.target
        target = self.fill(t, specs, objs, source)
        if pronoun_source and any(a in target for a in source) and any(a not in target for a in source):
            # "They received the Russian delegation": a party that receives is not among the hosts.
            source = [a for a in source if a not in target]
        if not source and target and p.reciprocal and p.obj and verb and is_passive(t):
            # "negotiations were held with him": an agentless passive of a meeting names one side;
            # the other is the party of the clause it is joined to or follows.
            source = self._passive_partner(t, target)
        target = [a for a in target if a not in source]
        if target and p.code.startswith(self.press_roots) and all(a.sector in self.press_sectors for a in target):
            return None  # an interview ("speaking to the BBC"): what is said is the event, if any
        if p.needs_target and not target and not (p.reciprocal and len(source) >= 2):
            return None  # (two parties of a reciprocal act are each other's target, below)
        if p.foreign and target and not any(self._foreign(a, source) for a in target):
            return None  # "allowed local councils to ...": no international involvement
        if not source and not target and not allow_empty:
            return None
        code = p.code
        if p.refine:
            # The object phrase, and for a pattern keyed on its subject the subject phrase
            # ("NATO peacekeeping troops arrived": peacekeeping).
            phrase = list(objs) + (self._subj_heads(t) if p.subj else [])
            # "engaged the peacekeepers in a firefight": the means named after "in"/"with" too.
            phrase += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "with") for g in c.children]
            # "sexually abused": the manner.
            phrase += [c for c in t.children if c.dep_ == "advmod"]
            # "were killed by a roadside bomb", "a car bomb killed ...": a means that is no party.
            if t.pos_ in ("VERB", "AUX"):
                means = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
                means += [x for x in logical_subject(t) if x.pos_ == "NOUN" and x.i not in self.actor_at]
                phrase += [x for x in means if x.i not in self.actor_at and self.lex.sector_of(x) is None]
            tokens = [x for o in phrase for x in o.subtree]
            # What a pattern's own preposition names ("called for a ceasefire", "lifted the ban on
            # opposition parties"), without the clauses inside it ("called for measures to build
            # services that support us": no support asked for).
            tokens += [
                x
                for c in t.children
                if c.dep_ == "prep" and c.lower_ in p.prep and c.lower_ not in ("in", "with")
                for g in c.children
                for x in _noun_phrase(g)
            ]
            words = {x.lemma_.lower() for x in tokens} | {x.lower_ for x in tokens}
            own = {t.lemma_.lower(), t.lower_, *(verb_forms(t) if verb else ())} - p.obj
            # Failing the phrase, the trigger word refines ("massacred civilians" 202, "the
            # assassination of" 186), unless it names the object too ("granted aid" is no grant).
            code = next((r.code for group in (words, own) for r in p.refine if group & r.words), code)
        if p.reciprocal and not target and len(source) >= 2:
            target = list(source)
        elif p.reciprocal and not source and len(target) >= 2:
            source = list(target)
        return source, target, code, objs

    def _earlier_meeting_parties(self, t: Token, source: list[Actor], found: list[Event]) -> list[Actor]:
        """The other parties of "took part in the ceremony", when the ceremony is one just coded.

        A definite event noun ("the solemn event", "the meeting"; cues.yaml anaphoric_event_nouns)
        that a meeting, visit or consultation (CAMEO 04) of this or the previous sentence names
        again: who took part in it meets the parties of that event ("A delegation led by X attended
        a meeting in Pyongyang. The government and its leader took part in the event": they meet X).
        """
        heads = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for g in c.children]
        if t.pos_ in ("VERB", "AUX"):
            heads += [g for o in logical_object(t) for c in o.children if c.dep_ == "prep" for g in c.children]
            heads += logical_object(t)
        if not any(
            h.lemma_.lower() in self.anaphoric_nouns
            and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in h.children)
            for h in heads
        ):
            return []
        k = bisect_right(self.sent_starts, t.i) - 1
        first = self.sents[k - 1].start_char if k > 0 else self.sents[k].start_char
        earlier = [e for e in found if e.cameo.startswith("04") and first <= e.trigger.start < t.idx]
        if not earlier:
            return []
        out: list[Actor] = []
        for r in [*earlier[-1].source, *earlier[-1].target]:
            a = self.analysis.actor(r.actor)
            if a is not None and a not in source and a not in out:
                out.append(a)
        return out

    def _passive_partner(self, t: Token, target: list[Actor]) -> list[Actor]:
        """The other side of "talks were held with X" (no agent named).

        The parties of the clause it is coordinated with or hangs on ("X was greeted by Y, and
        talks were held with him": whichever of X and Y is not him), else the subject of the
        previous sentence ("Lavrov arrived in Beijing. Talks were held with Wang Yi": Lavrov).
        """
        if any(c.dep_ == "agent" for c in t.children):
            return []
        # "held with him at the Russian minister('s)": a person the talks were held at is the host.
        heads = [
            g
            for c in t.children
            if c.dep_ == "prep" and c.lower_ == "at"
            for g in c.children
            if g.dep_ == "pobj" and g.i in self.actor_at and self.actor_at[g.i].type == "person"
        ]
        linked = [c for c in t.children if c.dep_ in _LINKED_CLAUSES and c.pos_ in ("VERB", "AUX")]
        if t.dep_ in _LINKED_CLAUSES and t.head.pos_ in ("VERB", "AUX") and t.head.i != t.i:
            linked.insert(0, t.head)
        for v in linked if not heads else []:
            heads = with_conjuncts(logical_subject(v)) + with_conjuncts(logical_object(v))
            heads += [c for c in v.children if c.dep_ in ("nsubjpass", "csubjpass") and c not in heads]
            if heads:
                break
        k = bisect_right(self.sent_starts, t.i) - 1
        if not heads and k > 0 and not linked:
            root = self.sents[k - 1].root
            heads = with_conjuncts(logical_subject(root)) if root.pos_ in ("VERB", "AUX") else []
        out: list[Actor] = []
        for h in heads:
            for a in self.actors_for(h):
                if a not in target and a not in out:
                    out.append(a)
        return out

    def _subj_heads(self, t: Token) -> list[Token]:
        """The doer phrase a `subj` constraint reads: logical subject, else a passive's subject."""
        if t.pos_ not in ("VERB", "AUX"):
            return [c for c in t.children if c.dep_ in ("poss", "compound", "amod")]
        got = logical_subject(t)
        if not got and is_passive(t):
            got = [c for c in t.children if c.dep_ in ("nsubjpass", "csubjpass")]
        head = t.head
        if t.dep_ == "xcomp" and head.lemma_.lower() in self.instrument_verbs:
            # "Russia used drones to attack Kyiv": the instrument stands where a doer would
            # ("drones attacked Kyiv") for the patterns keyed on it; Russia stays the source.
            got = got + [c for c in head.children if c.dep_ in ("dobj", "obj")]
        return got

    def _protesters(self, t: Token) -> bool:
        """Whether the doers are protesters (cues.yaml ``protest_crowds``), whose acts on property riot."""
        heads = self._subj_heads(t) if t.pos_ in ("VERB", "AUX") else []
        # "hundreds of protesters": the counted crowd.
        heads = [m if x.lemma_.lower() in self.crowd_counts and (m := _of_member(x)) is not None else x for x in heads]
        return bool(heads) and all(x.lemma_.lower() in self.protest_crowds for x in heads)

    def _market_move(self, t: Token, p: Pattern) -> bool:
        """'Shares rallied', 'the dollar was supported by data', 'rallying at record highs': no party acts."""
        moving = self.market_at.get(t.i)
        if moving is None:
            # (once per token: every candidate pattern asks)
            heads = [x for x in self._subj_heads(t) if x.pos_ in ("NOUN", "PROPN")]
            moving = bool(heads) and all(
                x.lemma_.lower() in self.market_nouns and x.i not in self.actor_at for x in heads
            )
            self.market_at[t.i] = moving
        if moving:
            return True
        return p.code.startswith("14") and any(
            g.lemma_.lower() in self.market_nouns
            for c in t.children
            if c.dep_ == "prep"
            for g in c.children
            if g.dep_ == "pobj"
        )

    def _no_foe(self, o: Token, t: Token) -> bool:
        """An object that force verbs take in a sense that harms no one.

        cues.yaml ``abstract_foes`` and ``aim_objects``, and ``own_aim_objects`` with a possessive:
        "will hit its target", but not "missiles hit their targets".
        """
        lemma = o.lemma_.lower()
        if lemma in self.abstract_foes or lemma in self.aim_objects:
            return True
        return (
            lemma in self.own_aim_objects
            and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)
            and not any(x.lemma_.lower() in self.means_nouns for x in logical_subject(t))
        )

    def _obj_fits(self, o: Token, wanted: frozenset[str]) -> bool:
        if o.lemma_.lower() in wanted or o.lower_ in wanted:
            return True
        if o.tag_ == "NNS" and o.lower_.endswith("s") and o.lower_[:-1] in wanted:
            return True  # a plural the lemmatizer misreads ("bases" as "basis")
        if o.ent_type_ == "MONEY" or o.lower_ in self.currency_words:
            # "froze $2 billion in aid", "millions of dollars in assistance", "$7 billion of the central
            # bank's assets": what the money is in (the parser hangs that "in" on the amount or, right
            # after it, on the verb).
            after = o.right_edge.i + 1
            held = [c for c in o.children if c.dep_ == "prep" and c.lower_ in ("in", "of")]
            held += [c for c in o.head.children if c.i == after and c.dep_ == "prep" and c.lower_ == "in"]
            if any(self._obj_fits(g, wanted) for c in held for g in c.children if g.dep_ == "pobj"):
                return True
        lemma = o.lemma_.lower()
        if lemma in self.partitives or lemma in self.conditions:
            # "a string of airstrikes", "the state of emergency": the noun of the "of" phrase is the
            # object meant (of a condition, a common noun: "the state of Assam" is a place's name).
            of = [
                g
                for c in o.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj" and (lemma in self.partitives or g.pos_ == "NOUN")
            ]
            return any(self._obj_fits(g, wanted) for g in of)
        if any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in wanted for c in o.children):
            return True  # "a mediation mission", "peace talks", "an aid package"
        if "@place" in wanted and (o.i in self.place_at or o.ent_type_ == "GPE"):
            return True  # "seized Kunduz" (an untyped large town is a place of the resolver's notes)
        if "@actor" in wanted:
            if o.i in self.actor_at or o.i in self.place_at:
                return True
            if self.lex.sector_of(o) is not None and o.tag_ in ("NNS", "NNPS"):
                return True  # a kind of actor ("helped the exiled dissidents", "arrested protesters")
            # Through its modifiers only a noun that can name a party: a name, or a kind of actor
            # ("the Russian delegation", "Japanese Prime Minister Hashimoto"), never a thing
            # ("500 thousand shells" the parser hangs "the Americans" on).
            if any(c.i in self.actor_at and c.pos_ == "PROPN" for c in o.children if c.dep_ in ("compound", "appos")):
                return True  # "his grandfather Kim Il Sung"
            kind = o.pos_ != "PROPN"
            if kind and self.lex.sector_of(o) is None:
                return False
            # A kind of actor may be a party's own ("Vietnam's coast guard"); a name is not ("the
            # BBC's Breakfast with Frost" is a programme).
            deps = ("compound", "appos", "amod", "nmod", *(("poss",) if kind else ()))
            return self._state_in_modifiers(o) is not None or any(
                c.i in self.actor_at for c in o.children if c.dep_ in deps
            )
        return False

    # -- building -------------------------------------------------------------------------------
    def _objects_of(self, t: Token) -> tuple[Token, ...]:
        """A verb's logical objects with their conjuncts, found once per verb (every pattern asks)."""
        got = self.objects_at.get(t.i)
        if got is None:
            got = tuple(with_conjuncts(logical_object(t)))
            self.objects_at[t.i] = got
        return got

    def _planned_act(self, o: Token) -> bool:
        """Whether a plan noun's infinitive names a coded act ("plans to visit China", "readiness to resume talks")."""
        return o.lemma_.lower() in self.plan_nouns and any(
            c.dep_ == "acl" and takes_to(c) and self._clause_act(c) is not None for c in o.children
        )

    def _announced(self, t: Token) -> list[Token]:
        """The announcing verb's children, and through a stopping verb its own ("threatened to stop cooperating")."""
        kids = list(t.children)
        return kids + [
            g for c in kids if c.dep_ == "xcomp" and c.lemma_.lower() in self.table.cessation_verbs for g in c.children
        ]

    def _condition_parties(self, t: Token, marks: tuple[str, ...] = ("if", "unless")) -> list[Actor]:
        """The subject of an 'if'/'unless' clause on the trigger or the verb it depends on."""
        for subj in _condition_subjects(t, marks):
            got = self.actors_for(subj)
            if got:
                return got
        return []

    def _sector_ref(self, a: Actor, t: Token) -> ActorRef:
        """A party as the event names it.

        A state takes the sector its nearest mention in the trigger's sentence gives ("Russian
        soldiers": RUS with MIL, CAMEO's RUSMIL).
        """
        ref = _ref(a)
        if a.sector is None:
            sent = self.sent_of(t)
            named = [m for m in a.mentions if m.sector and sent.start_char <= m.start < sent.end_char]
            if named:
                return replace(ref, sector=min(named, key=lambda m: abs(m.start - t.idx)).sector)
        return ref

    def date_cue(self, t: Token, future: bool) -> tuple[Cue | None, Literal["sentence", "paragraph"]]:
        """The date cue of a trigger and where it was found: its sentence, or its paragraph."""
        sent = self.sent_of(t)
        w = cue_words()
        rel_words = set(w["before_words"]) | set(w["after_words"])

        def usable(c: Cue) -> bool:
            # "a month before the visit" dates something else relative to this trigger.
            last = self.text[c.start : c.end].split()[-1].lower()
            return not self._after_event(c) and not (last in rel_words and 0 <= t.idx - c.end <= 40)

        own = [c for c in self.cues(sent) if usable(c)]
        other = [c for c in own if self._in_other_clause(c, t)]
        own = [c for c in own if c not in other]
        explicit = [c for c in own if c.basis == "explicit"]
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj" and t.head.lower_ in rel_words:
            # "ten months before the signing of X, ... in September 1952": the sentence's date is
            # the other clause's; the event noun lies the measure after it. "After the signing
            # of X, ... in September 1953": the sentence does not date it.
            prep = t.head
            measure = [c for c in self.cues(sent) if c.end == prep.idx + len(prep.text) and c.basis == "relative"]
            if measure and explicit:
                shifted = anchored(
                    self.text[measure[0].start : measure[0].end], explicit[0], t.idx, t.idx + len(t.text)
                )
                if shifted is not None:
                    return shifted, "sentence"
            return None, "sentence"
        mine = [c for c in own if self._verb_of_cue(c) == t]
        if mine or explicit or own:
            # "The sanctions lifted last week had been imposed in 1996": the trigger's own date first.
            return min(mine or explicit or own, key=lambda c: abs(c.start - t.idx)), "sentence"
        if other:
            return None, "sentence"  # the sentence's date is another act's; the paragraph's is no nearer
        para = self.paragraph_of.get(sent.start)
        k = bisect_right(self.sent_starts, sent.start) - 1
        prev = [s for s in self.sents[max(0, k - 6) : k] if self.paragraph_of.get(s.start) == para]
        for s in reversed(prev):
            got = [
                c
                for c in self.cues(s)
                if c.basis == "explicit" or (c.precision in ("month", "year") and not self._after_event(c))
            ]
            if got:
                return got[-1], "paragraph"
        return None, "sentence"

    def _cue_root(self, c: Cue) -> Token | None:
        """The head token of a date cue's words."""
        span = self.doc.char_span(c.start, c.end, alignment_mode="expand")
        return span.root if span is not None else None

    def _verb_of_cue(self, c: Cue) -> Token | None:
        """The verb whose phrase a date cue modifies ("lifted" in "lifted by Washington last week")."""
        root = self._cue_root(c)
        return next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None) if root is not None else None

    def _in_other_clause(self, c: Cue, t: Token) -> bool:
        """Whether a date lies in a relative clause away from the trigger: it dates what that clause tells.

        "lifted the embargo that was placed on Vietnam in 1984". A participle's trailing date is left
        alone: the parser hangs a sentence's last adverbial on it.
        """
        root = self._cue_root(c)
        return root is not None and any(
            a.dep_ == "relcl" and not a.left_edge.i <= t.i <= a.right_edge.i for a in root.ancestors
        )

    def _after_event(self, c: Cue) -> bool:
        """'Four years after the exhibition closed': a measure counted from an event, not from publication.

        Such a cue dates nothing by itself (publication + 4 years would put a past act in the future);
        an event noun right after it is dated from an explicit date of its sentence (``anchored``).
        """
        return self.text[c.start : c.end].split()[-1].lower() == "after" and (
            self.text[c.end : c.end + 2].strip()[:1].isalnum()
        )

    def status(self, t: Token) -> tuple[Status, str | None]:
        sent = self.sent_of(t)
        claim = next((c for c in self.analysis.claims if c.start <= t.idx < c.end), None)
        statement: str | None = None
        if claim is not None:
            sentence_status: Status = claim.status
            if claim.status in _CLAUSE_STATUSES and not self._under_claim_cue(t, claim.cues):
                # The claim's negation or modality is another clause's ("captured 15 prisoners, but
                # are not receiving information"); the trigger's own clause is read below.
                sentence_status = "reported"
            statement = claim.statement
            attributed = False
            said = self.analysis.statement(claim.statement)
            if (
                sentence_status == "attributed"
                and said is not None
                and not (said.content.start <= t.idx < said.content.end)
            ):
                # The trigger frames the statement ("Egypt urged Israel ..."): the outlet reports that act.
                sentence_status, statement = "reported", None
        else:
            sentence_status = st.sentence_status(sent)
            inside = next(
                (
                    s
                    for s in self.analysis.statements
                    if s.content.start <= t.idx < s.content.end
                    and not (s.cue is not None and s.cue.start <= t.idx < s.cue.end)
                ),
                None,
            )
            statement = inside.id if inside is not None else None
            attributed = inside is not None or st.attributed_by_parse(t, sent, self.text)
        return st.combine(sentence_status, st.clause_status(t), attributed), statement

    def _act_parties(self, t: Token) -> list[Token]:
        """Parties named in the trigger's object phrase or the act its open complement names, nearest first.

        "vowed to stand by Pakistan", "offered to help Sri Lanka rebuild", "agreed to resume sharing
        intelligence with Seoul", "pledged a deposit to help Pakistan": whom an intent is towards
        when the table codes no act; "lifted its ban on flights to Georgia", "eased visa rules for
        Lithuanian drivers": whom a measure is for. A place the act goes to ("to send engineers to
        Haiti") comes after every party the act names otherwise, a place it happens in or around
        not at all; an adverbial clause only when it is a purpose ("to help defend Saudi Arabia"),
        not a condition or a time.
        """
        found: list[tuple[bool, int, int, Token]] = []
        frontier = [(c, False) for c in t.children if c.dep_ in ("xcomp", "advcl", "dobj", "dative", "prep")]
        for depth in range(5):
            nxt: list[tuple[Token, bool]] = []
            for c, venue in frontier:
                if c.dep_ == "advcl" and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    continue
                if c.dep_ == "prep" and (
                    c.lower_ in _TIME_PREPS or any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
                ):
                    continue  # "after its second reading in the House of Lords": when, not with whom
                if c.dep_ == "ccomp" and (
                    any(m.dep_ == "mark" for m in c.children) or c.head.lemma_.lower() in self.say_verbs
                ):
                    continue  # "refused to say whether Brown would stay", "... what tactics": what is not said
                venue = venue or (c.dep_ == "prep" and c.lower_ in _VENUE_PREPS)
                if c.i in self.actor_at and not self._own_people(c):
                    found.append((venue, depth, c.i, c))
                    continue
                if c.i in self.place_at:
                    if not venue:  # "around Sarajevo": where, no party
                        found.append((True, depth, c.i, c))
                    continue
                if c.pos_ == "NOUN" and c.dep_ in ("dobj", "pobj") and self._modifier_country(c):
                    found.append((venue, depth, c.i, c))  # "its ban on Norwegian salmon": Norway's
                nxt += [
                    (g, venue)
                    for g in c.children
                    if g.dep_ in _ACT_DEPS and not (c.dep_ == "relcl" and g.dep_ in ("nsubj", "nsubjpass"))
                ]
            frontier = nxt
        return [c for *_, c in sorted(found, key=lambda x: x[:3])]

    def _own_people(self, h: Token) -> bool:
        """A kind of people of no known state whose possessor is a pronoun: the doer's own ("a ban on its citizens")."""
        return self.actor_at[h.i].country is None and any(g.dep_ == "poss" and g.pos_ == "PRON" for g in h.children)

    @staticmethod
    def _foreign(a: Actor, source: list[Actor]) -> bool:
        """Whether a party is an international or non-governmental body, or of a state no doer is of."""
        if a.sector in _AGENCY:
            return True
        return a.country is not None and all(s.country is not None and s.country != a.country for s in source)

    def _warned_act(self, t: Token, source: list[Actor]) -> bool:
        """Whether the act is one its doer warns or threatens it will do ("warned that it could cut ties")."""
        h = t.head
        if t.dep_ != "ccomp" or h.lemma_.lower() not in self.table.threat_verbs or h.pos_ != "VERB":
            return False
        if not any(c.dep_ == "aux" and c.lower_ in self.hypothetical_or_will for c in t.children):
            return False
        subj = logical_subject(t)
        if subj and all(x.pos_ == "PRON" and x.lower_ in ("it", "we", "they") for x in subj):
            return True
        warners = self.fill(h, ("subj",), [])
        own = {a.country or a.id for a in warners}
        return bool(source) and all((a.country or a.id) in own for a in source)

    def _warned_clause(self, c: Token) -> bool:
        """Whether a clause under a verb of warning is an act its doer warns of (see _warned_act)."""
        if c.dep_ != "ccomp":
            return False
        got = self._clause_act(c)
        return got is not None and self._warned_act(c, got[0])

    def _clause_act(self, c: Token) -> tuple[list[Actor], list[Actor], str, list[Token]] | None:
        """The first pattern match of a complement clause's verb: the act it codes, if any.

        Decided once per clause: every candidate pattern of the verb above it asks whether its
        clause's act is coded (announced, told or warned of).
        """
        if c.i not in self.clause_acts:
            self.clause_acts[c.i] = next(
                (m for q in self.table.candidates(c) if (m := self.match(c, q)) is not None), None
            )
        return self.clause_acts[c.i]

    def _prepared(self, t: Token) -> Token | None:
        """The verb of preparing whose complement is the act, or the act's verb ("prepared to resume shelling")."""
        node = t
        for _step in range(3):
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in self.preparation_verbs:
                return node.head
            if node.dep_ not in ("xcomp", "dobj") or node.head.i == node.i:
                return None
            node = node.head
        return None

    def _will(self, t: Token) -> bool:
        """A verb with a future or conditional auxiliary ("will not withdraw", "won't", "would not meet")."""
        return any(c.dep_ == "aux" and c.lemma_.lower() in self.will_modals for c in t.children)

    def _own_word(self, source: list[Actor], statement: str | None) -> bool:
        """Whether the statement an act is told in is its doer's own."""
        said = self.analysis.statement(statement)
        return said is not None and said.speaker is not None and said.speaker.actor in {a.id for a in source}

    def _under_claim_cue(self, t: Token, cues: list[TextSpan]) -> bool:
        """Whether a cue of the claim ("not", "will", "no") is on a predicate the trigger's clause is part of.

        Not when the trigger is in a relative clause ("Hague, who stepped down, does not rule out"),
        nor in a conjoined clause with a subject of its own ("No details were released and police
        have sealed off the site"), nor beside the cue's predicate ("captured ..., but are not receiving").
        """
        for cue in cues:
            i = self.tok_at_char.get(cue.start)
            if i is None:
                continue
            pred = self.doc[i]
            while pred.dep_ in _CUE_DEPS and pred.head != pred:
                pred = pred.head
            cur = t
            while cur != pred:
                own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)
                if cur.dep_ == "relcl" or (cur.dep_ == "conj" and own_subject) or cur.head == cur:
                    break
                cur = cur.head
            if cur == pred:
                return True
        return False

    def run(self) -> None:
        before = {a.id for a in self.analysis.actors}
        self._code()
        # Actors made while trying a pattern that then coded no event ("the development of 'offensive
        # forces'", "the Russian gauge differs") are no parties of anything: not kept.
        used = {r.actor for e in self.analysis.events for r in (*e.source, *e.target)}
        self.analysis.actors = [a for a in self.analysis.actors if a.id in before or a.id in used]

    def _code(self) -> None:
        found: list[Event] = []
        seen: set[tuple[object, ...]] = set()
        # Verbs first, then nouns, then adjectives ("ready to"): one pass over the document.
        by_pos: dict[str, list[Token]] = {"verb": [], "noun": [], "adj": []}
        for t in self.doc:
            pos = _TABLE_POS.get(t.pos_)
            if pos is not None:
                by_pos[pos].append(t)
        for t in by_pos["verb"] + by_pos["noun"] + by_pos["adj"]:
            if t.i in self.consumed:
                continue
            if t.lower_ in self.currency_words and t.i + 1 < len(self.doc) and self.doc[t.i + 1].like_num:
                continue  # "gives pounds 200": a sum the parser took for a verb
            cands = self.table.candidates(t)
            if t.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "compound" and c.lower_ in self.table.media_compounds for c in t.children
            ):
                cands = ()  # "a press release", "a news conference": no act between parties
            habit = bool(cands) and st.habitual(t)
            # An agentless act is kept only when no later pattern of the token names its doer.
            fallback: tuple[Event, Pattern, list[Token], frozenset[str]] | None = None
            read = False  # a pattern fitted the token already ("negotiations were held with him": no arrest)
            for p in cands:
                got = self.match(t, p, allow_empty=p.pos == "noun" or p.code[:2] in self.agentless_roots)
                if got is None:
                    continue
                source, target, code, objs = got
                verbal = self._verbal_attack(t, code, objs, source, target)
                if verbal is not None:
                    code, target = verbal
                if code.startswith(_RIOT_CODES) and self._protesters(t):
                    code = "145"
                # (An attack told with no doer does not take the toll of one with its parties:
                # "a bomb exploded, killing two US soldiers" keeps the killing, see build.)
                if self._toll_of_attack(t, code, [e for e in found if e.source]):
                    fallback = None
                    break
                # A reciprocal act's parties filled in as each other's target name no one new
                # ("will meet in Zurich to discuss ...": the meeting's purpose).
                untargeted = not target or (p.reciprocal and set(map(id, target)) == set(map(id, source)))
                if untargeted and (
                    self._purpose_of_consultation(t, code, found) or self._purpose_host(t, (code[:3],), found)
                ):
                    # (or the same act as its purpose: "summoned the ambassador to protest the raid")
                    fallback = None
                    break
                if self._purpose_of_protest(t, code, source, target, found):
                    fallback = None
                    break
                if not target and code.startswith("04"):
                    target = self._earlier_meeting_parties(t, source, found)
                ev = self.build(t, p, source, target, code, habit)
                claim = self._claimed_violence(t, p, ev, source, target)
                if claim is not None:
                    ev = claim
                words = self._object_words(t, objs)
                if not ev.source:
                    if not read and self._agentless_act(t, p, ev, objs):
                        if self._toll_of_attack(t, ev.cameo, found):
                            break  # "a bomb exploded in Izmir, wounding several people"
                        fallback, read = (ev, p, objs, words), True
                        continue
                    read = True
                    # No event without a source: the issue codes who did what to whom, and an
                    # agentless passive ("negotiations were held") names no one to code. Its
                    # object may still be an event of its own ("the visit of X was planned").
                    # An event noun with its object ("the signing of the Armistice Agreement")
                    # may still be a later mention of a coded event, and date it (see merge).
                    # Acts of force and coercion are the exception (_agentless_act).
                    if p.pos == "noun" and words and ev.date.basis in ("explicit", "relative"):
                        self.orphans[id(ev)] = words
                        found.append(ev)
                        self.nominal.add(id(ev))
                    continue
                fallback = None
                self._keep(t, p, ev, objs, words, found, seen)
                break
            if fallback is not None:
                ev, p, objs, words = fallback
                # What it was done with or in ("clashes killed five", "killed in an attack by X"):
                # when that is itself a coded event, this is its toll (dropped below).
                doers = logical_subject(t) if t.pos_ in ("VERB", "AUX") else []
                self.agentless_by[id(ev)] = {x.idx for x in [*doers, *_prep_nouns(t)]}
                self._keep(t, p, ev, objs, words, found, seen)
        found.sort(key=lambda e: e.trigger.start)
        coded = {e.trigger.start for e in found if e.source and e.cameo.startswith(_VIOLENT_ROOTS)}
        found = [e for e in found if not (self.agentless_by.get(id(e), set()) & coded)]
        found = self.merge(found)
        for n, e in enumerate(found, 1):
            e.id = f"ev{n}"
        self.analysis.events.extend(found)

    def _verbal_attack(
        self, t: Token, code: str, objs: list[Token], source: list[Actor], target: list[Actor]
    ) -> tuple[str, list[Actor]] | None:
        """A figure of speech read as force ("a scathing attack on Labour"): the criticism code and its target.

        The violent word (the trigger, or the object of a support verb: "launched an attack") is
        speech when a manner only words have modifies it, when what it hits is an idea or a record
        ("attacked the chancellor's record"), when it is said in a speech or an interview or with a
        verb of saying, or when it hits by name a party of politics (a person or a party, by a
        politician; a party or the opposition, by anyone unarmed). Never when it hits a state or a
        place by name, nor when the doer is a state or armed. Words in cues.yaml (verbal_attack).
        """
        v = self.verbal
        if not v or not code.startswith(tuple(v.get("roots", ()))):
            return None
        words = v.get("words", frozenset())
        word = t if t.lemma_.lower() in words else next((o for o in objs if o.lemma_.lower() in words), None)
        if word is None:
            return None
        # What it hits: the verb's object, or the noun's "on"/"against" phrase.
        hit = list(objs) if word is t and t.pos_ in ("VERB", "AUX") else []
        if word is t:
            # "Blair blasts Tory spending plans": a headline's object the parser took for a clause.
            hit += [c for c in t.children if c.dep_ == "ccomp" and c.pos_ == "NOUN" and c not in hit]
        hit += [
            g
            for c in word.children
            if c.dep_ == "prep" and c.lower_ in ("on", "upon", "against")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        hit = with_conjuncts(hit)
        # A state or a place hit by name ("attacked Georgia", "an attack on the town") is force.
        if any(h.i in self.place_at for h in hit):
            return None
        if any(self.actor_at[h.i].type == "state" for h in hit if h.i in self.actor_at):
            return None
        if not source or any(a.type in ("state", "armed_group") or a.sector in self.armed_sectors for a in source):
            return None  # words have a speaker; force by no one named is force
        mods = {c.lower_ for w in (word, t) for c in w.children if c.dep_ in ("amod", "advmod")}
        ideas = [
            h for h in hit if h.lemma_.lower() in v.get("objects", frozenset()) or h.lower_ in v.get("objects", ())
        ]
        if any(a.type == "state" for a in target) and not ideas:
            return None  # "attacked Iraq's army"; not "an attack on the cost of Britain's asylum system"
        where = {
            g.lemma_.lower()
            for w in (word, t)
            for c in w.children
            if c.dep_ == "prep" and c.lower_ in ("in", "during", "at", "on")
            for g in c.children
            if g.dep_ == "pobj"
        }
        # "attacked Labour over immigration": the grounds of a reproach.
        grounds = any(
            g.pos_ in ("NOUN", "PROPN", "PRON") and g.ent_type_ not in ("DATE", "TIME", "CARDINAL")
            for c in t.children
            if c.dep_ == "prep" and c.lower_ in v.get("grounds_preps", frozenset())
            for g in c.children
            if g.dep_ == "pobj" and g.i not in self.place_at and g.i not in self.actor_at
        )
        said = (
            grounds
            or any(
                c.lemma_.lower() in self.say_verbs for c in t.children if c.dep_ in ("advcl", "conj", "xcomp", "ccomp")
            )
            or (t.head.lemma_.lower() in self.say_verbs and t.dep_ == "conj")
        )
        political = v.get("political_sectors", frozenset())
        party_sectors = v.get("party_sectors", frozenset())
        # Rivals attacked by name ("attacked Labour", "attacked Mr Brown"), not a thing of theirs
        # ("blast the Palestinian leader's heliport").
        parties = (
            bool(source)
            and bool(target)
            and bool(hit)
            and all(h.i in self.actor_at for h in hit)
            and all(
                a.type in ("person", "organization", "other") and (a.type == "person" or a.sector in political)
                for a in target
            )
            and (
                all(a.type == "person" or a.sector in political for a in source)
                or all(a.type != "person" and a.sector in party_sectors for a in target)
            )
        )
        if not (
            mods & v.get("modifiers", frozenset())
            or ideas
            or where & v.get("speech_nouns", frozenset())
            or said
            or parties
        ):
            return None
        if not target:
            # "an attack on the chancellor's record": whose record.
            target = [
                a for h in ideas for c in h.children if c.dep_ == "poss" for a in self.actors_for(c) if a not in source
            ]
        return self.verbal_code, target

    def _placed_crowds(self, actors: list[Actor], country: str, sent: Span) -> list[Actor]:
        """Generic crowds of no state ("protesters", "dozens of people") as people of ``country``."""
        out: list[Actor] = []
        for a in actors:
            if a.known or a.country is not None or a.type != "other" or a.sector not in self.crowd_sectors:
                out.append(a)
                continue
            aid = f"text:{country.lower()}-{a.id.removeprefix('text:')}"
            placed = self.analysis.actor(aid)
            if placed is None:
                placed = Actor(id=aid, name=a.name, type="other", country=country, sector=a.sector, known=False)
                self.analysis.actors.append(placed)
            for m in a.mentions:
                if sent.start_char <= m.start < sent.end_char and not any(x.start == m.start for x in placed.mentions):
                    placed.mentions.append(m)
            if placed not in out:
                out.append(placed)
        return out

    def _keep(
        self,
        t: Token,
        p: Pattern,
        ev: Event,
        objs: list[Token],
        words: frozenset[str],
        found: list[Event],
        seen: set[tuple[object, ...]],
    ) -> None:
        """Record a coded event (once per code, parties, date, status and sentence)."""
        self.objects[id(ev)] = words
        if p.consume:
            self.consumed.update(o.i for o in objs)
        if p.pos == "verb" and ev.cameo.startswith(_ASKING_CODES):
            self.consumed.update(self._asked_acts(t))
        if p.pos == "verb" and ev.cameo.startswith(_BLAMING_CODES):
            # "accused Israel of / condemned it for / ... by killing three Palestinians": what the
            # target is blamed for is the charge (CAMEO codes the accusation), not an act of the accuser.
            self.consumed.update(
                g.i
                for c in t.children
                if c.dep_ == "prep" and c.lower_ in ("of", "for", "by")
                for g in c.children
                if g.dep_ == "pcomp"
            )
        key = (
            ev.cameo,
            tuple(r.actor for r in ev.source),
            tuple(r.actor for r in ev.target),
            ev.date.value,
            ev.status,
            ev.evidence.start,
        )
        if key not in seen:
            seen.add(key)
            found.append(ev)
            if p.pos == "noun":
                self.nominal.add(id(ev))
            if self._in_inference_subject(t):
                self.presupposed.add(id(ev))

    def _agentless_act(self, t: Token, p: Pattern, ev: Event, objs: list[Token]) -> bool:
        """An act of force or coercion whose doer the text does not name is still an event.

        "Over 110 activists were arrested in five districts", "several shops have been looted",
        "a bomb exploded in Izmir province": material conflict and coercion (cues.yaml
        ``agentless_roots``) told without its doer, kept with no source when it names whom or what
        it was done to (a party, or a building, a vehicle: ``material_target_nouns``) or where it
        happened. Not a passive whose "by" phrase names a cause that is no party ("killed by
        floods"), nor an act told as a mishap's toll ("killed in a crash": ``mishap_nouns``); verbs
        also said of words (``figurative_force_verbs``: "the plan was hammered") only with a weapon
        or a place named. An event noun only as the reported act of its clause (``act_noun_verbs``:
        "an explosion rocked the market", "an attack took place"), not each later mention.
        """
        if ev.cameo[:2] not in self.agentless_roots:
            return False
        verb = t.pos_ in ("VERB", "AUX")
        if not verb and not self._reported_act_noun(t):
            return False
        if verb and t.dep_ in ("amod", "pcomp"):
            # "striking civil servants", "the wounded soldiers": who they are; "convicted of planting
            # the bombs", "plans for keeping suspects under house arrest", "the case for invading
            # Iraq": an act named as a thing (a charge, a plan, a cause), not told as done.
            return False
        sent = [x for x in self.sent_of(t) if x.pos_ in ("NOUN", "PROPN")]
        if any(_mishap(x, self.mishap_nouns) for x in sent):
            return False  # "killed in the floods", "were hurt when a tank at the plant exploded"
        means = [x for x in sent if x.lemma_.lower() in self.means_nouns and not _mishap(x, self.mishap_nouns)]
        doers = logical_subject(t) if verb else []
        if doers and not all(d.lemma_.lower() in self.means_nouns for d in doers):
            return False  # a cause that is not a party: "destroyed by fire", "explosions hit the city"
        lemma = t.lemma_.lower()
        if verb and lemma in self.harm_verbs and not means:
            return False  # "four people were injured": by an attack only when the text says so
        if verb and lemma in self.figurative_verbs and not (means or ev.location is not None):
            return False  # "the plan was hammered"
        # "shops were looted", "dozens of shops were looted": the thing, or the things counted.
        things = [
            *objs,
            *(g for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children),
        ]
        concrete = any(o.lemma_.lower() in self.material_nouns for o in things)
        if not verb:
            concrete = concrete or any(
                g.lemma_.lower() in self.material_nouns
                for c in t.children
                if c.dep_ == "prep"
                for g in c.children
                if g.dep_ == "pobj"
            )
        if ev.cameo[:2] == "15" and not (
            concrete or any(self.lex.sector_of(o) in self.armed_sectors for o in things if o.pos_ == "NOUN")
        ):
            return False  # "he will be moved to the Foreign Office": no force moved
        return bool(ev.target) or concrete or ev.location is not None or self._in_state(t)

    def _in_state(self, t: Token) -> bool:
        """The act's clause puts it in a named state ("protests erupted in Colombia")."""
        heads = [t, t.head] if t.dep_ in _SUBJ_DEPS else [t]
        return any(
            (a := self.actor_at.get(g.i)) is not None and a.type == "state"
            for h in heads
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout")
            for g in c.children
            if g.dep_ == "pobj"
        )

    def _reported_act_noun(self, t: Token) -> bool:
        """An event noun that is what its clause reports: the subject of a verb of happening or harm."""
        v = t.head
        if t.dep_ == "nsubj" and v.pos_ in ("VERB", "AUX"):
            return any(f in self.act_noun_verbs for f in verb_forms(v))
        if t.dep_ == "nsubjpass" and v.pos_ in ("VERB", "AUX"):
            # "an air strike was carried out", "an attack was launched on the convoy"
            return any(f in self.table.support_verbs for f in verb_forms(v))
        # "there was an explosion near the market"
        return t.dep_ == "attr" and v.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in v.children)

    def _asked_acts(self, t: Token) -> list[int]:
        """The act an appeal or demand asks for: "urged X to withdraw", "said that X must hand over".

        It is the content of the appeal or demand, not an event of its own (CAMEO codes the asking):
        the event nouns it names and the verbs of its complement clause.
        """
        # What it asks for by name: "demanded the withdrawal of X", "called for talks", "insisted on".
        out = [c.i for c in t.children if c.dep_ in ("dobj", "obj")]
        out += [g.i for c in t.children if c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for g in c.children]
        stack = [c for c in t.children if c.dep_ in ("xcomp", "ccomp")]
        # "was pressured by Congress to help Iran": an infinitive the parser hangs on as an adverbial
        # clause is still what is asked for.
        stack += [c for c in t.children if c.dep_ == "advcl" and takes_to(c)]
        while stack:
            v = stack.pop()
            if v.pos_ in ("VERB", "AUX", "ADJ"):
                out.append(v.i)
                # "must be ready to mediate": through the adjective to its complement.
                stack += [c for c in v.children if c.dep_ in ("conj", "xcomp", "acomp")]
        return out

    def _asked_code(self, t: Token) -> str | None:
        """The code of the act an appeal or demand asks for in its complement clause, if coded."""
        asked = _for_clauses(t)
        for c in t.children:
            if (c.dep_ in ("xcomp", "ccomp") or c in asked) and c.pos_ in ("VERB", "AUX"):
                for q in self.table.candidates(c):
                    got = self.match(c, q, allow_empty=True)
                    if got is not None:
                        return got[2]
        return None

    def _object_words(self, t: Token, objs: list[Token]) -> frozenset[str]:
        """The head nouns of what an event is about: a verb's objects, an event noun's 'of' phrase."""
        if t.pos_ in ("VERB", "AUX"):
            heads = list(objs)
        else:
            heads = [
                g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
            ]
        return frozenset(h.lemma_.lower() for h in heads if h.pos_ in ("NOUN", "PROPN"))

    # -- one event, several mentions --------------------------------------------------------------
    def merge(self, events: list[Event]) -> list[Event]:
        """Fold later mentions of an event into its first ("the visit ... the visit of the minister").

        Two events are one when their codes agree (equal, or one a prefix of the other), their
        parties agree (the same actors, a state standing for its own people, or a party left
        unnamed in one mention), their dates agree, and their statuses can describe one fact (equal,
        or one is an event noun presupposing the event in a hedged or quoted sentence).
        """
        groups: list[list[Event]] = []
        for e in events:
            if id(e) in self.orphans:
                # A mention without parties joins an event it repeats; it is never one of its own.
                for g in reversed(groups):
                    if all(self._same_event(x, e) for x in g if id(x) not in self.orphans):
                        g.append(e)
                        break
                continue
            if id(e) in self.presupposed:
                # An inference's re-mention joins the event that names its parties most exactly.
                fits = [g for g in groups if all(self._same_event(x, e) for x in g)]
                if fits:
                    max(fits, key=lambda g: _shared_actors(g[0], e)).append(e)
                    continue
            for g in reversed(groups):
                if all(self._same_event(x, e) for x in g):
                    g.append(e)
                    break
            else:
                groups.append([e])
        return [self._fold(g) for g in groups]

    def _claimed_violence(
        self, t: Token, p: Pattern, ev: Event, source: list[Actor], target: list[Actor]
    ) -> Event | None:
        """'X said that Y attacked Z': X accuses Y (CAMEO 112), and the act is not coded on X's word.

        Only for an act of violence with its doer named, in the complement clause of a claim verb
        (``claim_verbs`` of the pattern table) that comes first, whose subject is an actor other
        than a pronoun. A claimant who names itself the doer reports its own act: the act is coded.
        """
        if not ev.cameo.startswith(_VIOLENT_ROOTS) or not source or t.pos_ not in ("VERB", "AUX"):
            return None
        v = t
        while v.dep_ == "conj" and v.head.i != v.i:
            v = v.head
        if v.dep_ != "ccomp" or v.head.lemma_.lower() not in self.table.claim_verbs or v.head.i > v.i:
            return None  # not a claim, or a trailing attribution ("X attacked Y, police said")
        say = v.head
        heads = [h for h in logical_subject(say) if h.pos_ != "PRON"]
        claimant = [a for h in heads for a in self.actors_for(h)]
        if not claimant:
            return None
        if not all(self._accuser(a, source) for a in claimant) or not all(a.known or a.country for a in source):
            # "Activists say rebels recaptured a village", "a spokesman said gunmen attacked": an
            # informant, or a doer no one can name, makes no accusation; the act is coded,
            # attributed to what was said.
            return None
        refs = [_ref(a) for a in claimant]
        if any(any(_party_match(_ref(a), r, self.ctx) for r in refs) for a in source):
            if say.lemma_.lower() in self.table.responsibility_verbs and target:
                # "The US claimed that they had attacked Iraq": a claim of responsibility.
                return self.build(say, p, claimant, target, "015")
            # "Israel said it struck Hamas targets": the doer reports its own act, which is coded.
            return None
        return self.build(say, p, claimant, source, "112")

    def _accuser(self, a: Actor, doers: list[Actor]) -> bool:
        """Whether a claimant takes a side: a named party, or a described one of another state than the doers'.

        "Iraqi officials said US troops ...": an accusation; "witnesses / a news agency / Israeli
        military sources said the soldiers ...": a report.
        """
        if a.type == "media" or a.sector in self.informant_sectors:
            return False
        if not a.id.startswith(_UNNAMED):
            return True
        theirs = {d.country for d in doers}
        return a.country is not None and None not in theirs and a.country not in theirs

    def _purpose_of_consultation(self, t: Token, code: str, found: list[Event]) -> bool:
        """'telephoned Kozyrev to discuss the settlement': what a coded consultation is for, not a second one."""
        # 036: a meeting announced ("will meet in Zurich to discuss ...").
        return code.startswith("04") and self._purpose_host(t, ("04", "036"), found) is not None

    @staticmethod
    def _purpose_host(
        t: Token, roots: tuple[str, ...], found: list[Event], *, participle: bool = False
    ) -> Event | None:
        """The event already coded, under one of ``roots``, whose to-infinitive purpose clause ``t`` is.

        With ``participle``, also a participle clause on it ("rallied, calling for ...").
        """
        to_clause = t.dep_ in ("advcl", "xcomp") and takes_to(t)
        if not (to_clause or (participle and t.dep_ == "advcl" and t.tag_ == "VBG")):
            return None
        at = t.head.idx
        return next((e for e in found if e.cameo.startswith(roots) and e.trigger.start <= at < e.trigger.end), None)

    def _purpose_of_protest(
        self, t: Token, code: str, source: list[Actor], target: list[Actor], found: list[Event]
    ) -> bool:
        """'staged rallies to demand reforms by the government': what a coded protest is for, not a second act.

        CAMEO codes a demonstration or hunger strike with its aim (14x "for policy change"); the
        demand, call or protest of its purpose clause, by the same doers, names whom it is aimed at.
        """
        if not code.startswith(("02", "10", "14")) or any(c.dep_ in _SUBJ_DEPS for c in t.children):
            return False  # (a doer of its own: "rallied for the government to resign")
        # ("rallied in Paris, calling for the overthrow of ...": a participle says what for too.)
        host = self._purpose_host(t, ("14",), [e for e in found if e.source], participle=True)
        if host is None:
            return False
        aimed = [self._sector_ref(a, t) for a in target if a not in source]
        where = host.location.country if host.location else None
        if aimed and all(r.actor == where for r in host.target):
            host.target = aimed  # whom it is aimed at, rather than the state it was held in (or none)
        return True

    def _toll_of_attack(self, t: Token, code: str, found: list[Event]) -> bool:
        """'Insurgents shelled the city, killing eight people': the toll of a coded attack, not a second one.

        A participle of violence (CAMEO 18-20) that modifies the clause of an attack already coded
        tells what that attack did; the attack is the event.
        """
        if not code.startswith(_VIOLENT_ROOTS) or code.startswith(_NOT_TOLL):
            return False
        if t.tag_ != "VBG" or t.dep_ not in ("advcl", "xcomp", "conj"):
            return False
        head = t.head
        while head.dep_ == "conj" and head.head.i != head.i and head.tag_ == "VBG":
            head = head.head  # "killing one person and wounding two": the first participle's head
        if head.dep_ == "advcl" and head.tag_ == "VBG" and head.head.i != head.i:
            head = head.head
        return _coded_at(head, _VIOLENT_ROOTS, found)

    def _in_inference_subject(self, t: Token) -> bool:
        """'The way the delegation was received suggests that ...': the trigger is in an inference's subject."""
        node = t
        while node.head.i != node.i:
            if node.dep_ in ("nsubj", "csubj") and node.head.lemma_.lower() in self.inference_verbs:
                return True
            node = node.head
        return False

    def _same_event(self, a: Event, b: Event) -> bool:
        if a.habitual != b.habitual:
            return False  # a custom and one act of it are two things
        if _apart(a.location, b.location):
            return False  # strikes on Gaza City and on Ramallah are two acts
        if not (a.cameo.startswith(b.cameo) or b.cameo.startswith(a.cameo) or _turned_violent(a, b)):
            return False
        later = b if a.trigger.start < b.trigger.start else a
        if id(later) in self.presupposed and later.source and later.status in ("reported", "speculative"):
            # The outlet's inference re-mentions an act it reported: one event, whose mention
            # names some of its parties ("the delegation was received in Pyongyang"). The
            # inference may be hedged ("suggests that"); what its subject names is not.
            first = a if later is b else b
            if (
                first.status == "reported"
                and bool(first.source)
                and _covers(first.source, later.source, self.ctx)
                and (not later.target or _covers(first.target, later.target, self.ctx))
                and _dates_agree(first.date, later.date)
            ):
                return True
        nominal = id(a) in self.nominal or id(b) in self.nominal
        if not nominal:
            # Two clauses that each report an act ("attended a meeting", "met with Kim") are two
            # events unless they repeat it word for word: same code, same actors.
            same = [r.actor for r in a.source] == [r.actor for r in b.source] and [r.actor for r in a.target] == [
                r.actor for r in b.target
            ]
            if not (same and a.cameo == b.cameo and a.status == b.status):
                return False
        if a.status != b.status and ({a.status, b.status} & {"negated", "future", "hypothetical"}):
            return False
        if not (_parties_agree(a.source, b.source, self.ctx) and _parties_agree(a.target, b.target, self.ctx)):
            return False
        orphan = self.orphans.get(id(a)) or self.orphans.get(id(b))
        if orphan is not None:
            # "the signing of the Armistice Agreement" repeats "a ceasefire agreement, which was
            # signed by ...": the same thing signed.
            other = self.objects.get(id(b) if id(a) in self.orphans else id(a), frozenset())
            if not (orphan & other):
                return False
        elif not a.source or not b.source:
            return False
        return _dates_agree(a.date, b.date)

    def _fold(self, group: list[Event]) -> Event:
        if len(group) == 1:
            e = group[0]
            e.mentions = [EventMention(e.trigger, e.evidence, e.status)]
            return e
        coded = [e for e in group if id(e) not in self.orphans] or group
        head = min(coded, key=lambda e: (_FACT_RANK.get(e.status, 9), e.trigger.start))
        for e in group:
            if len(e.source) > len(head.source) and _covers(e.source, head.source, self.ctx):
                head.source = e.source
            if not head.target and e.target:
                head.target = e.target
            if _date_rank(e.date) < _date_rank(head.date):
                d = e.date
                scope = "mention" if d.scope is not None and e is not head else d.scope
                head.date = replace(d, scope=scope)
            if head.location is None and e.location is not None:
                head.location = e.location
            if len(e.cameo) > len(head.cameo) or (e.cameo == _RIOT and _turned_violent(e, head)):
                head.cameo, head.plover, head.quad_class, head.goldstein = e.cameo, e.plover, e.quad_class, e.goldstein
            if e.confidence is not None and (head.confidence is None or e.confidence > head.confidence):
                head.confidence = e.confidence
        head.mentions = [EventMention(e.trigger, e.evidence, e.status) for e in group]
        return head

    def _evidence(self, sent: Span, t: Token) -> TextSpan:
        """The sentence, clipped to the trigger's paragraph (the parser may run across a break)."""
        text = self.text
        start, end = sent.start_char, sent.end_char
        brk = text.rfind("\n", start, t.idx)
        if brk != -1:
            start = brk + 1
        nxt = text.find("\n", t.idx, end)
        if nxt != -1:
            end = nxt
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return TextSpan(start, end, text[start:end])

    def _as_of(
        self, value: str, source: list[Actor], target: list[Actor], location: Location | None
    ) -> tuple[list[Actor], list[Actor], Location | None]:
        """States as they were on a historical event's date: Moscow in 1953 is the Soviet Union's."""
        on = first_day(value)
        if on is None:
            return source, target, location

        def then(country: str | None) -> str | None:
            e = self.ctx.kb.get(country) if country else None
            if e is None or e.type != "state" or e.start is not None or e.end is not None:
                return None  # a state with dates of its own is already a state of its time
            for h in self._historical_states():
                if h.capital and h.capital == e.capital and h.start and h.end and h.start <= on < h.end:
                    return h.id
            return None

        def swap(actors: list[Actor]) -> list[Actor]:
            out: list[Actor] = []
            for a in actors:
                hid = then(a.id) if a.type == "state" else None
                b = self._state_actor(hid, None) if hid else a
                b = b or a
                if b not in out:
                    out.append(b)
            return out

        if location is not None and (hid := then(location.country)) is not None:
            location = Location(location.name, hid, location.lat, location.lon, location.geonameid)
        return swap(source), swap(target), location

    def _historical_states(self) -> list[Entry]:
        """The KB's states with an end date (the Soviet Union, Yugoslavia, ...), read once per document."""
        if self._past_states is None:
            self._past_states = [e for e in self.ctx.kb.entries.values() if e.type == "state" and e.end is not None]
        return self._past_states

    def _of_the_past(self, actors: list[Actor]) -> bool:
        """True when an actor is a state that had ceased to exist, or all are long-retired people."""
        on = self.ctx.published
        if on is None or not actors:
            return False
        people = 0
        for a in actors:
            e = self.ctx.kb.get(a.id)
            if e is None:
                return False
            if e.end is not None and e.end < on:
                return True
            if e.type == "person":
                ends = [r.end for r in e.roles]
                if not ends or any(x is None or (on - x).days < 365 * self.person_years for x in ends):
                    return False
                people += 1
        return people > 0 and people == len([a for a in actors if a.type == "person"]) and people == len(actors)

    def build(
        self, t: Token, p: Pattern, source: list[Actor], target: list[Actor], code: str, habit: bool = False
    ) -> Event:
        status, statement = self.status(t)
        threat = t.dep_ == "xcomp" and t.head.lemma_.lower() in self.table.threat_verbs
        if t.dep_ == "acl" and takes_to(t) and t.head.lemma_.lower() in cue_set("threat_nouns"):
            threat = True  # "Iran's threat to close the Strait of Hormuz", as "Iran threatened to close it"
        if code.startswith(_VIOLENT_ROOTS) and t.dep_ == "xcomp" and t.head.lemma_.lower() in self.intent_verbs:
            # "wants to attack Iraq", "vowed to fight the rebels": the announced violence is a threat
            # of force (CAMEO 138), as PETRARCH-2's transformation "a (_ b ATTACK) WANT = a b 138" codes it.
            threat = True
        warned = status != "negated" and self._warned_act(t, source)
        if warned:
            # "Moscow warned that it could restrict US media", "warned it would block Sweden's bid
            # unless ...": the warner's own act, announced, is the threat of it; the warning was made.
            threat = True
            status, statement = self.status(t.head)
        if code in ("020", "100") and t.pos_ in ("VERB", "AUX"):
            # "urged Iran to release the hostages", "demanded that Israel withdraw": an appeal or
            # demand with no more specific code of its own is coded by the act it asks for.
            asked = self._asked_code(t)
            if asked is not None:
                code = _mapped(self.table.appeal_codes if code == "020" else self.table.demand_codes, asked, code)
        if code == "186" and t.dep_ == "xcomp" and t.head.lemma_.lower() in self.table.attempt_verbs:
            code = "185"  # "tried to assassinate": the attempt
        prepared = self._prepared(t) if code.startswith(_VIOLENT_ROOTS) else None
        if prepared is not None:
            # "The army prepared to resume shelling": what was done is the show of force (CAMEO
            # 150), not the attack, nor a threat of it (an announced readiness, "is prepared to", is).
            code, threat = self.posture_code, False
            status, statement = self.status(prepared)
        if (
            t.dep_ == "xcomp"
            and t.head.lemma_.lower() in self.table.cessation_verbs
            and code[:2] in self.table.cessation_codes
            and not any(c.dep_ in ("dobj", "obj") for c in t.head.children)
            and not any(c.dep_ == "nsubj" for c in t.children)
        ):
            # "stopped cooperating with the IAEA": relations reduced, with the stopping verb's status
            # (and threatened when that verb is: "threatened to stop cooperating"); not one stopping
            # others ("to stop them attending matches").
            code = _mapped(self.table.cessation_codes, code, "160")
            if status != "hypothetical":
                status, statement = self.status(t.head)
            threat = t.head.dep_ == "xcomp" and t.head.head.lemma_.lower() in self.table.threat_verbs
        refused = (t.dep_ == "xcomp" and t.head.lemma_.lower() in self.table.refusal_verbs) or (
            t.dep_ == "acl" and takes_to(t) and t.head.lemma_.lower() in self.refusal_nouns
        )
        if refused and code[:2] not in ("12", "13"):
            # "refused to allow UN planes to land", "Iran's refusal to meet the inspectors": the
            # refusal is the event (a rejection), with the status of the refusing word, not the
            # negated act.
            code = _mapped(self.table.refusal_codes, code, "120")
            status, statement = self.status(t.head)
        # A promised act made conditional on another party ("will withdraw its force from Chad
        # unless the president arranges a ceasefire") is a threat (CAMEO 13); an unconditional
        # one is coded as the act, or as the intent to cooperate below, as peers' gold codes it.
        promised = status == "future" and code[:2] != "13"
        if status == "negated" and code[:2] in _YIELD_ROOTS and self._will(t) and self._own_word(source, statement):
            # "The US said it would not meet the hostage-takers' demands": a refusal in the doer's
            # own words, coded as the rejection (CAMEO 12) as "refused to" is; the refusal was made.
            code = _mapped(self.table.refusal_codes, code, "120")
            status = "reported"
        pledged = t.dep_ == "xcomp" and t.head.pos_ in ("VERB", "AUX")
        if promised and code[:2] in _FORCE_ROOTS and not pledged and self._own_word(source, statement):
            # "NATO confirmed it would tighten the blockade of Serbia": coercion or force its doer
            # announces is a threat (CAMEO 13; the codebook has no intent code for them). The
            # outlet's own forecast ("NATO will tighten ...") stays the future act, and so does a
            # pledge made to a third party ("Qatar has pledged to expel ...", as PETRARCH-2 codes it).
            threat = True
        if threat or (promised and self._condition_parties(t, ("unless",))):
            code = _mapped(self.table.threat_codes, code, "130")
            if threat and status in ("future", "hypothetical"):
                status = "reported"  # the threat was made
        elif status == "future" and code[:2] in self.table.intent_codes:
            intent = _mapped(self.table.intent_details, code, self.table.intent_codes[code[:2]])
            detailed = intent + code[2:3]
            keep = f"keep:{code[:2]}" in self.table.intent_codes and len(code) >= 3 and code[2] != "0"
            code = detailed if keep and detailed in self.book.codes else intent
        if code[:2] == "13" and not target:
            # "threatened to stop talks if the United States goes ahead": who must comply is the target.
            target = [a for a in self._condition_parties(t) if a not in source]
        if warned and not target:
            # "Ankara warned Nicosia that its warships would act": the one warned.
            target = [a for a in self.fill(t.head, ("obj", "dative"), logical_object(t.head)) if a not in source]
        c = self.book.get(code)
        cue, scope = self.date_cue(t, status == "future")
        when = to_event_date(cue, self.ctx.published, scope)
        if cue is None and self._of_the_past(source + target):
            # No date in the text, but its actors belong to the past: never the publication date.
            when = EventDate(None, "unknown", True, "unknown")
        if habit and when.basis != "explicit":
            # A habit or custom ("a tradition for leaders to come", "routinely beat") is no act of
            # the day: it keeps a period the text writes out ("in the 1990s"), else no date.
            when = EventDate(None, "unknown", when.historical, "unknown")
        end = t.idx + len(t.text)
        prt = next((x for x in t.children if x.dep_ == "prt" and x.i == t.i + 1), None)
        if prt is not None:
            end = prt.idx + len(prt.text)
        sent = self.sent_of(t)
        target_heads = self.role_tokens(t, p.target[0], []) if p.target else []
        for spec in p.target:
            target_heads = self.role_tokens(t, spec, with_conjuncts(logical_object(t)) if t.pos_ == "VERB" else [])
            if target_heads:
                break
        location = self.location(t, target_heads, code)
        # Where the speaker was ("Speaking from Berlin, ...") says nothing of whom the act is aimed at.
        spoken = location is not None and location == self._speaker_place(t)
        if location is not None and location.country and code[:2] in self.agentless_roots and not spoken:
            # "Thousands of protesters rallied in Minsk": a crowd that protests or fights, placed by no
            # phrase of its own, is of the place of its act (whom an act is done to is left as the
            # text names it; "people coming to Britain" are not British).
            source = self._placed_crowds(source, location.country, sent)
        elif (
            code[:2] in self.agentless_roots
            and len(target) == 1
            and target[0].type == "state"
            and target_heads
            and all(h.dep_ == "pobj" and h.head.lower_ in _IN_PREPS for h in target_heads)
        ):
            # "students demonstrated in Serbia": the state the act is in is its target, and the
            # crowd's state as for a town.
            source = self._placed_crowds(source, state_code(target[0]) or target[0].id, sent)
        if not source and code[:3] == "043" and location is not None and location.country:
            # "the delegation was received in Pyongyang": who hosts a visit at a place is its state.
            host = self._state_actor(location.country, None)
            if host is not None and host not in target:
                source = [host]
        content_place = False
        if source and not target and location is None:
            location = self._clause_place(t)
            # "expressed concern about the shelling of homes in Idlib": the place a statement is
            # about may name its target (below), but is not where it was made.
            content_place = location is not None and code.startswith(self.speech_roots)
        if (
            not source
            and target
            and code[:2] in _UNNAMED_DOER_ROOTS
            and t.pos_ in ("VERB", "AUX")
            and target_heads
            and all(a.country for a in target)
            and (
                (is_passive(t) and all(h.dep_ == "nsubjpass" and h.head.i == t.i for h in target_heads))
                # "a roadside bomb killed two US soldiers": a weapon, not a party, does it.
                or (
                    not is_passive(t)
                    and all(h.dep_ == "dobj" and h.head.i == t.i for h in target_heads)
                    and any(s.lemma_.lower() in self.weapon_nouns for s in self._subj_heads(t))
                )
            )
        ):
            where = location or self._clause_place(t)
            if where is not None and where.country and where.country not in {a.country for a in target}:
                # Force done to foreigners in a state's territory, by no one named: the state.
                host = self._state_actor(where.country, None)
                if host is not None:
                    source, location = [host], where
        if (
            source
            and not target
            and location is not None
            and location.country
            and not spoken
            and (code[:2] in _PLACED_ROOTS or location.country not in {a.country for a in source})
        ):
            # "bombers blew themselves up in Tel Aviv": an act done in a state's territory, with no
            # party named for it, is done to that state (as PETRARCH and PLOVER code it). In the
            # actors' own state too ("activists staged rallies in Gaza", "the president imposed a
            # curfew in Algiers"): a domestic act, never a state's act upon itself.
            host = self._state_actor(location.country, None)
            if host is not None and host not in source:
                target = [host]
        if (
            code == VISIT_CODE
            and len({a.country for a in source if a.country}) >= 2
            and target
            and all(a.type == "state" and a.id not in {b.country for b in source} for a in target)
        ):
            # "US and Russian negotiators return to Geneva for talks": parties of two states
            # going to a third state's ground meet at a third location (CAMEO 044), not a visit.
            code = "044"
            c = self.book.get(code)
        if content_place:
            location = None
        if location is None:
            # Where, for the record only (the parties are settled): a place in the act's own clause
            # ("demonstrated on Tuesday in Serbia", "an attack on a supply depot in Basra").
            location = self._clause_place(t, shallow=True) or self._source_place(t, source)
        if when.historical and when.value:
            source, target, location = self._as_of(when.value, source, target, location)
        known = all(a.known for a in source + target)
        return Event(
            id="",
            cameo=code,
            plover=self.book.to_plover(code).to_dict(),
            quad_class=c.quad_class,
            goldstein=c.goldstein,
            source=[self._sector_ref(a, t) for a in source],
            target=[self._sector_ref(a, t) for a in target],
            date=when,
            status=status,
            trigger=TextSpan(t.idx, end, self.text[t.idx : end]),
            evidence=self._evidence(sent, t),
            location=location,
            statement=statement,
            confidence=round((0.9 if source and target else 0.6) * (1.0 if known else 0.8), 2),
            habitual=habit,
        )


# Ids of actors described, not named ("unnamed:activists", "text:witness").
_UNNAMED = ("unnamed:", "text:")


def _of_member(h: Token) -> Token | None:
    """The head of a noun's "of" phrase ("half of the prisoners", "hundreds of protesters")."""
    return next((g for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), None)


def _prep_nouns(t: Token) -> list[Token]:
    """The nouns a trigger's own prepositions name ("killed in an attack", "wounded by gunfire")."""
    return [g for c in t.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]


def _other_party(a: Actor, doers: Sequence[Actor]) -> bool:
    """A known party, or one of a state, that is none of the doers nor of their states."""
    return a not in doers and bool(a.country or a.known) and a.country not in {d.country for d in doers if d.country}


def _condition_subjects(t: Token, marks: tuple[str, ...] = ("if", "unless")) -> list[Token]:
    """Subjects of the 'if'/'unless' clauses on the trigger or the verb it depends on, nearest first."""
    heads = [t, t.head] if t.head != t else [t]
    return [
        subj
        for h in heads
        for c in h.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for subj in c.children
        if subj.dep_ in _SUBJ_DEPS
    ]


def _mishap(x: Token, nouns: frozenset[str]) -> bool:
    """A noun of an accident or a disaster, or one compounded with such a word ("a road accident").

    Also a two-word name of one ("a tidal wave").
    """
    lemma = x.lemma_.lower()
    return lemma in nouns or any(
        (c.dep_ == "compound" and c.lemma_.lower() in nouns)
        or (c.dep_ in ("compound", "amod") and f"{c.lower_} {lemma}" in nouns)
        for c in x.children
    )


def _pro(t: Token, prefixes: frozenset[str]) -> bool:
    """True for the country of a stance modifier: 'pro-Russia', 'pro-Western', 'anti-American', 'non-US'.

    ``prefixes``: the KB's stance prefixes (agents.yaml), which the resolver reads too.
    """
    if "-" in t.lower_ and t.lower_.split("-", 1)[0] in prefixes:
        return True
    doc = t.doc
    i = t.left_edge.i
    return (i >= 1 and doc[i - 1].lower_.removesuffix("-") in prefixes) or (
        i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in prefixes
    )


def _party_match(a: ActorRef, b: ActorRef, ctx: Context) -> bool:
    """One party under two names: the same actor, or a state and one of its own people or bodies."""
    if a.actor == b.actor:
        return True
    for x, y in ((a, b), (b, a)):
        e = ctx.kb.get(x.actor)
        if e is not None and e.type == "state" and y.country == x.actor:
            return True
    return False


def _coded_at(t: Token, roots: tuple[str, ...], found: list[Event]) -> bool:
    """Whether an event already found, with a code under one of ``roots``, has ``t`` in its trigger."""
    return any(e.cameo.startswith(roots) and e.trigger.start <= t.idx < e.trigger.end for e in found)


def _turned_violent(a: Event, b: Event) -> bool:
    """A protest and a riot told in one sentence ("threw stones during demonstrations"): one protest, violent."""
    codes = {a.cameo[:3], b.cameo[:3]}
    return (
        _RIOT in codes
        and len(codes) == 2
        and all(c.startswith("14") for c in codes)
        and a.evidence.start == b.evidence.start
    )


def _apart(a: Location | None, b: Location | None) -> bool:
    """Two different towns the gazetteer places (a region and a town in it may be one place)."""
    return a is not None and b is not None and a.lat is not None and b.lat is not None and a.geonameid != b.geonameid


def _shared_actors(a: Event, b: Event) -> int:
    """How many of b's parties a names as the same actors, on the same side."""
    return len({r.actor for r in a.source} & {r.actor for r in b.source}) + len(
        {r.actor for r in a.target} & {r.actor for r in b.target}
    )


def _covers(big: list[ActorRef], small: list[ActorRef], ctx: Context) -> bool:
    return all(any(_party_match(s, b, ctx) for b in big) for s in small)


def _parties_agree(a: list[ActorRef], b: list[ActorRef], ctx: Context) -> bool:
    """Party lists of one event: equal up to _party_match both ways, or one left unnamed."""
    if not a or not b:
        return True
    return _covers(a, b, ctx) and _covers(b, a, ctx)


def _dates_agree(a: EventDate, b: EventDate) -> bool:
    """Dates that can be one day: one within the other, or one only the publication date of news."""
    if a.value and b.value and (a.value.startswith(b.value) or b.value.startswith(a.value)):
        return True
    vague = ("publication", "unknown")
    if a.basis in vague or b.basis in vague:
        return a.historical == b.historical
    return False


def _date_rank(d: EventDate) -> tuple[int, int]:
    """Lower is better: a date the text gives beats the publication date; finer beats coarser."""
    basis = {"explicit": 0, "relative": 1, "publication": 2, "unknown": 3}[d.basis]
    precision = {"day": 0, "month": 1, "year": 2, "decade": 3, "unknown": 4}[d.precision]
    return (basis, precision)


def _subjunctive(v: Token, head: Token) -> bool:
    """A clause verb in its base form, no auxiliary, with its subject ("that Pakistan hand over").

    A plural's present ("insist voters face higher taxes") is a statement unless the verb it hangs
    on is past ("insisted that the rebels withdraw"). The small model tags some such verbs as nouns
    ("hand" in "that Pakistan hand over").
    """
    return (
        (v.tag_ in ("VB", "NN") or (v.tag_ == "VBP" and head.tag_ == "VBD"))
        and v.lemma_.lower() not in ("be", "have")
        and not any(c.dep_ in ("aux", "auxpass") for c in v.children)
        and any(c.dep_ == "nsubj" for c in v.children)
    )


def _to_infinitive(v: Token) -> bool:
    """A verb clause introduced by "to" ("to find more sites")."""
    return v.pos_ in ("VERB", "AUX") and v.dep_ in ("xcomp", "acl", "advcl", "ccomp") and takes_to(v)


def _noun_phrase(head: Token) -> list[Token]:
    """The head and its dependents, without the clauses below it (no verb is entered)."""
    out = [head]
    stack = [head]
    while stack:
        for c in stack.pop().children:
            if c.pos_ not in ("VERB", "AUX"):
                out.append(c)
                stack.append(c)
    return out


def _prep_object(prep: Token) -> list[Token]:
    """A preposition's object; the first noun within three words after it when it has none."""
    got = [g for g in prep.children if g.dep_ == "pobj"]
    if got:
        return got
    after = prep.doc[prep.i + 1 : prep.i + 4]
    return (
        [next(x for x in after if x.pos_ in ("NOUN", "PROPN"))]
        if any(x.pos_ in ("NOUN", "PROPN") for x in after)
        else []
    )


def _mapped(codes: dict[str, str], code: str, default: str) -> str:
    """The code a side table (threats, refusals, intents) gives an act: its longest listed prefix."""
    return codes.get(code[:4]) or codes.get(code[:3]) or codes.get(code[:2]) or default


def _ref(a: Actor) -> ActorRef:
    return ActorRef(a.id, a.name, a.country, a.sector)


def code_events(doc: Doc, analysis: Analysis, ctx: Context, published: date | None = None) -> None:
    """Add the events of a parsed document to the analysis."""
    del published
    _Coder(doc, analysis, ctx, current_patterns(), load_codebook()).run()


def _for_clauses(t: Token) -> list[Token]:
    """Infinitive clauses with a "for" subject on a verb ("called for the envoy to return")."""
    return [
        c
        for c in t.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children) and takes_to(c)
    ]
