"""The speaker registry: one entry per speaker across articles, built as articles arrive.

Within an article ``sayso_speakers`` already resolves "he", "Haidai" and "the
governor" to the name the article gives ("Serhiy Haidai"). Across articles the
same person comes under other forms ("Serhii Haidai", "Gov. Haidai") and
different people share name parts, so the registry joins name forms only with
evidence:

- full names join when :func:`sayso.corpus.names.compatible` allows it (same folded
  surname, suffix and first given name, agreeing middle names and gender);
- a bare surname ("Trump", "Mr. Trump") joins the one full-name speaker with that
  surname in the same article; failing that, the corpus's *dominant* full name
  with it: the one named in at least ``DOMINANCE`` times the articles of any
  rival of compatible gender (a rival too rare to compete, such as a one-off
  namesake, does not block it; "Mr."/"Mrs." rule out the other gender) and in at
  least ``SUPPORT`` articles. A bare first name ("Hillary") is tried the
  same way when no surname matches;
- a bare name with no such evidence stays a speaker of its own until
  :meth:`SpeakerRegistry.settle` finds a dominant full name for it.

Speaker ids are derived from the identity key of the name that founded the
speaker ("person:donald|trump|"), so re-ingesting the same mentions in the same
order gives the same ids. Curation (merge, split, alias) is kept as a
:class:`sayso.corpus.curation.Curation` the store can save and replay after a rebuild;
merged ids redirect to the kept one, so old ids keep working.

Lookups go through indexes by folded surname, first name and alias, so adding a
mention costs the number of namesakes, never the number of speakers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace

from sayso.corpus.curation import Curation, CurationOp
from sayso.corpus.entries import Alias, Speaker, SpeakerMention
from sayso.corpus.names import PersonName, alias_key, compatible, parse_name
from sayso.errors import Errors, SaysoError

# A bare surname goes to the compatible full name named in the most articles only when it
# is named in this many times the articles of the next one, and, outside its own article,
# in at least SUPPORT articles (one "Ted Terry" says little about every "Terry"). Articles,
# not mentions: one article quoting Bobby Scott eighteen times is still one source, and in
# PolNeAR made him every "Scott" (Keith Lamont Scott's too; see bench/audits/merges.md).
DOMINANCE = 4
SUPPORT = 5
NAMED_TYPES = ("person", "organisation", "group", "unknown")


def _speaker_id(key: str) -> str:
    return "s" + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


class _FullNames:
    """Full-name person speakers filed by (folded surname, suffix) and by first given name,
    each with the distinct full names seen under that key (a new name must fit them all,
    so "J. J. Goldberg" cannot bridge "Jonah Goldberg" and "Jeffrey Goldberg")."""

    def __init__(self) -> None:
        self.by_surname: dict[tuple[str, str | None], dict[str, list[PersonName]]] = {}
        self.by_first: dict[str, dict[str, list[PersonName]]] = {}
        self._filed: dict[str, list[PersonName]] = {}

    def file(self, speaker_id: str, name: PersonName) -> None:
        for entries in (self.by_surname.setdefault((name.surname, name.suffix), {}),
                        self.by_first.setdefault(name.first, {})):
            names = entries.setdefault(speaker_id, [])
            if all(n.given != name.given for n in names):
                names.append(name)
        if name not in self._filed.setdefault(speaker_id, []):
            self._filed[speaker_id].append(name)

    def unfile(self, speaker_id: str) -> list[PersonName]:
        """Take a speaker out; the names it was filed under."""
        names = self._filed.pop(speaker_id, [])
        for name in names:
            self.by_surname[(name.surname, name.suffix)].pop(speaker_id, None)
            self.by_first[name.first].pop(speaker_id, None)
        return names


class SpeakerRegistry:
    """Speakers of a corpus; see the module docstring for when name forms join.

    To rebuild (after a re-ingest): add every article's mentions in a fixed order,
    :meth:`settle`, then :meth:`apply` the stored curation. New articles can be
    added afterwards: merges, splits and aliases keep holding for them.
    """

    def __init__(self) -> None:
        self.curation = Curation()
        self._speakers: dict[str, Speaker] = {}
        self._redirect: dict[str, str] = {}
        self._full_names = _FullNames()
        self._by_alias: dict[str, set[str]] = {}
        self._bare: set[str] = set()
        self._pins: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._speakers)

    def __iter__(self) -> Iterator[Speaker]:
        return iter(list(self._speakers.values()))

    def get(self, speaker_id: str) -> Speaker:
        """The speaker now holding ``speaker_id`` (merged ids redirect)."""
        return self._speakers[self.resolve(speaker_id)]

    def resolve(self, speaker_id: str) -> str:
        """The id ``speaker_id`` now stands for, after merges."""
        while speaker_id in self._redirect:
            speaker_id = self._redirect[speaker_id]
        return speaker_id

    def top(self, n: int = 10) -> list[Speaker]:
        """The ``n`` most mentioned speakers (ties by id, so the order is stable)."""
        return sorted(self._speakers.values(), key=lambda s: (-s.mentions, s.id))[:n]

    def find(self, name: str) -> list[Speaker]:
        """Speakers with the id ``name``, or with ``name`` as an alias or curated name."""
        if self.resolve(name) in self._speakers:
            return [self.get(name)]
        return [self._speakers[i] for i in sorted(self._by_alias.get(alias_key(name), ()))]

    # Adding mentions.

    def add(self, mention: SpeakerMention) -> str | None:
        """The id of the speaker ``mention`` is, after counting it; ``None`` for no name."""
        return self.add_article([mention])[0]

    def add_article(self, mentions: Iterable[SpeakerMention]) -> list[str | None]:
        """Add one article's mentions; full names first, so a bare surname can use them.

        A full name the tagger typed otherwise is a person's when the same article also gives
        its surname as a person's ("Pinarayi Vijayan" and "Mr Vijayan"): the article says who.
        """
        mentions = list(mentions)
        bare = {p.surname for m in mentions if m.speaker_type == "person" and (p := parse_name(m.name)) and not p.is_full}
        mentions = [replace(m, speaker_type="person") if _surname_given(m, bare) else m for m in mentions]
        parsed = [parse_name(m.name) if m.speaker_type == "person" else None for m in mentions]
        ids: list[str | None] = [None] * len(mentions)
        article: set[str] = set()
        for i in sorted(range(len(mentions)), key=lambda i: not ((p := parsed[i]) and p.is_full)):
            ids[i] = self._add(mentions[i], parsed[i], article)
        return ids

    def _add(self, mention: SpeakerMention, name: PersonName | None, article: set[str]) -> str | None:
        if mention.speaker_type not in NAMED_TYPES or not alias_key(mention.name or ""):
            return None
        pinned = self._pins.get(alias_key(mention.name))
        if pinned is not None:
            speaker = self.get(pinned)
        elif name is None:
            key = alias_key(mention.name)
            speaker = self._person_named(key) or self._new(f"name:{key.removeprefix('the ') or key}", mention.speaker_type)
        elif name.is_full:
            speaker = self._full(name)
            article.add(speaker.id)
        else:
            speaker = self._evidence(name, article) or self._bare_speaker(name)
        alias = speaker.aliases.get(mention.name)
        if alias is None:
            alias = speaker.aliases[mention.name] = Alias(mention.name, full=bool(name and name.is_full))
            self._by_alias.setdefault(alias_key(mention.name), set()).add(speaker.id)
        alias.add(mention)
        # Gender evidence is the name's own honorific ("Mrs. Clinton" joined to the only Clinton
        # of its article). Not the source's pronoun or honorific, nor role words: in PolNeAR an
        # article's "she" or "Mrs. Clinton" is at times resolved to its "Bill Clinton", and a
        # role can describe someone else ("woman, Hillary Clinton, ...").
        if name is not None and name.gender:
            speaker.genders[name.gender] += 1
        return speaker.id

    def _new(self, key: str, kind: str) -> Speaker:
        """The speaker founded under identity ``key``, made when new (a merged one redirects)."""
        speaker_id = self.resolve(_speaker_id(key))
        if speaker_id not in self._speakers:
            self._speakers[speaker_id] = Speaker(speaker_id, kind)
        return self._speakers[speaker_id]

    def _full(self, name: PersonName) -> Speaker:
        bucket = self._full_names.by_surname.get((name.surname, name.suffix), {})
        found = self._candidates(name, bucket)
        if found:
            speaker = min(found, key=lambda s: (-s.full_mentions, s.id))
        else:
            key, n = f"person:{name.key}", 1
            while _speaker_id(key) in bucket:  # an incompatible namesake ("George H. W. Bush") has it
                n += 1
                key = f"person:{name.key}|{n}"
            speaker = self._new(key, "person")
        self._full_names.file(speaker.id, name)
        return speaker

    def _candidates(self, name: PersonName, entries: dict[str, list[PersonName]]) -> list[Speaker]:
        """The speakers among ``entries`` that ``name`` may be, gender included."""
        return [
            self._speakers[i] for i, filed in entries.items()
            if all(compatible(f, name) for f in filed) and _gender_agrees(self._speakers[i], name)
        ]

    def _evidence(self, name: PersonName, article: set[str]) -> Speaker | None:
        """The full-name speaker a bare name stands for, by surname, else read as a first
        name ("Hillary"): the only one in its article, else the corpus's dominant one."""
        found = self._candidates(name, self._full_names.by_surname.get((name.surname, name.suffix), {}))
        if not found and len(name.display.split()) == 1 and not name.suffix:
            found = [
                self._speakers[i] for i, filed in self._full_names.by_first.get(name.first, {}).items()
                if not any(f.suffix for f in filed) and _gender_agrees(self._speakers[i], name)
            ]
        here = [s for s in found if s.id in article]
        if here:
            return here[0] if len(here) == 1 else _dominant(here)
        best = _dominant(found)
        return best if best is not None and best.full_articles >= SUPPORT else None

    def _bare_speaker(self, name: PersonName) -> Speaker:
        """The speaker of a bare name without evidence, waiting for :meth:`settle`."""
        speaker = self._new(f"bare:{name.surname}|{name.suffix or ''}|{name.gender or ''}", "person")
        if not speaker.curated:
            self._bare.add(speaker.id)
        return speaker

    def _person_named(self, key: str) -> Speaker | None:
        """The one person known under the full name ``key``: the tagger calls a person an
        organisation now and then ("Ted Cruz", "Ivanka Trump"), and a full name says who."""
        found = [
            self._speakers[i] for i in self._by_alias.get(key, ())
            if self._speakers[i].type == "person"
            and any(a.full and alias_key(a.name) == key for a in self._speakers[i].aliases.values())
        ]
        return found[0] if len(found) == 1 else None

    def settle(self) -> int:
        """Join bare-name speakers to a full name that has since become dominant, and speakers
        typed otherwise to the one person of their full name or of their surname; how many joined."""
        joined = 0
        for speaker in sorted(self, key=lambda s: s.id):
            keys = {alias_key(a) for a in speaker.aliases}
            person = None
            if speaker.type != "person" and len(keys) == 1 and not speaker.curated:
                person = self._person_named(keys.pop()) or self._surname_of(speaker)
            if person is not None:
                self._absorb(person, speaker)
                joined += 1
        for bare_id in sorted(self._bare):
            bare = self._speakers[bare_id]
            name = parse_name(max(bare.aliases.values(), key=lambda a: (a.count, a.name)).name)
            target = self._evidence(name, set()) if name is not None else None
            if target is not None and not (target.gender and bare.gender and target.gender != bare.gender):
                self._absorb(target, bare)
                joined += 1
        return joined

    def _surname_of(self, speaker: Speaker) -> Speaker | None:
        """The person whose surname a one-word name typed otherwise is, when the corpus has one
        dominant full name with it (the rule a bare surname of a person follows): the small NER
        model calls a lone surname an organisation now and then ("Kasich said"), a full name
        elsewhere says who it is. Only a word written as a name ("Kasich", not "FBI" or "us")."""
        word = max(speaker.aliases.values(), key=lambda a: (a.count, a.name)).name
        if " " in word or not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
            return None
        name = parse_name(word)
        return self._evidence(name, set()) if name is not None and not name.is_full else None

    def _absorb(self, keep: Speaker, other: Speaker) -> None:
        """Move all of ``other`` into ``keep``; ``other``'s id redirects from now on."""
        for name in self._full_names.unfile(other.id):
            self._full_names.file(keep.id, name)
        self._bare.discard(other.id)
        for form, alias in other.aliases.items():
            keep.aliases.setdefault(form, Alias(form, alias.full)).absorb(alias)
            self._by_alias[alias_key(form)].discard(other.id)
            self._by_alias[alias_key(form)].add(keep.id)
        if other.label:
            self._by_alias[alias_key(other.label)].discard(other.id)
        keep.genders += other.genders
        del self._speakers[other.id]
        self._redirect[other.id] = keep.id

    # Curation: each operation is recorded so the store can replay it after a rebuild.

    def _one(self, name: str) -> Speaker:
        found = self.find(name)
        if not found:
            raise SaysoError(Errors.E080.format(name=name))
        if len(found) > 1:
            ids = ", ".join(f"{s.id} ({s.name})" for s in found)
            raise SaysoError(Errors.E081.format(name=name, count=len(found), ids=ids))
        return found[0]

    def merge(self, keep: str, other: str) -> Speaker:
        """Make the speaker named (or with id) ``other`` part of ``keep``; returns the result."""
        target, gone = self._one(keep), self._one(other)
        if gone.id != target.id:
            self._absorb(target, gone)
        target.curated = True
        self.curation.ops.append(CurationOp("merge", keep, other))
        return target

    def split(self, speaker: str, alias: str) -> Speaker:
        """Take the name form ``alias`` out of ``speaker`` into a speaker of its own, for good."""
        source = self._one(speaker)
        names = [a for a in source.aliases if alias_key(a) == alias_key(alias)]
        if not names or len(names) == len(source.aliases):
            raise SaysoError(Errors.E082.format(speaker=source.name, alias=alias, aliases=", ".join(source.aliases)))
        target = self._new(f"split:{alias_key(alias)}", source.type)
        self._move(names, source, target)
        self.curation.ops.append(CurationOp("split", speaker, alias))
        return target

    def alias(self, alias: str, canonical: str) -> Speaker:
        """Make ``alias`` a name of the speaker called ``canonical`` (created if unknown), for good."""
        target = self._one(canonical) if self.find(canonical) else None
        holders = [s for s in self.find(alias) if target is None or s.id != target.id]
        if target is None:
            target = self._new(f"alias:{alias_key(canonical)}", holders[0].type if holders else "person")
            parsed = parse_name(canonical) if target.type == "person" else None
            if parsed is not None and parsed.is_full:
                self._full_names.file(target.id, parsed)
        target.label = canonical
        self._by_alias.setdefault(alias_key(canonical), set()).add(target.id)
        for holder in holders:
            self._move([a for a in holder.aliases if alias_key(a) == alias_key(alias)], holder, target)
        self._pins[alias_key(alias)] = target.id
        self.curation.ops.append(CurationOp("alias", canonical, alias))
        return target

    def _move(self, names: list[str], source: Speaker, target: Speaker) -> None:
        """Move the name forms ``names`` from ``source`` to ``target`` and pin them there."""
        moved = [n for n in map(parse_name, names) if n is not None and n.is_full] if source.type == "person" else []
        for name in names:
            alias = source.aliases.pop(name)
            target.aliases.setdefault(name, Alias(name, alias.full)).absorb(alias)
            self._by_alias[alias_key(name)].discard(source.id)
            self._by_alias[alias_key(name)].add(target.id)
            self._pins[alias_key(name)] = target.id
        for parsed in moved:
            self._full_names.file(target.id, parsed)
        target.curated = True
        if not source.aliases:
            self._absorb(target, source)
            return
        # What stays is filed again, but not under a form the moved names may be.
        for filed in self._full_names.unfile(source.id):
            if not any(compatible(m, filed) for m in moved):
                self._full_names.file(source.id, filed)

    def apply(self, curation: Curation) -> list[str]:
        """Replay curation operations in order; the messages of those that no longer apply."""
        problems = []
        for op in curation.ops:
            try:
                self.apply_op(op)
            except SaysoError as e:
                problems.append(str(e))
        return problems

    def apply_op(self, op: CurationOp) -> Speaker:
        """One curation operation (:meth:`alias`, :meth:`split` or :meth:`merge`); raises if it does not apply."""
        if op.op == "alias":
            return self.alias(op.name, op.target)
        if op.op == "split":
            return self.split(op.target, op.name)
        return self.merge(op.target, op.name)

    def redirects(self) -> dict[str, str]:
        """Every id merged away, with the id it stands for now."""
        return {old: self.resolve(old) for old in self._redirect}

    def holder(self, speaker_id: str, name: str) -> str:
        """The id of the speaker a mention under ``name``, first filed as ``speaker_id``, belongs to now:
        the speaker merges led it to, unless a split or alias moved the name form elsewhere."""
        current = self.resolve(speaker_id)
        if name in self._speakers[current].aliases:
            return current
        pinned = self._pins.get(alias_key(name))
        return self.resolve(pinned) if pinned is not None else current


def _surname_given(mention: SpeakerMention, surnames: set[str]) -> bool:
    """Whether ``mention``, typed otherwise than a person, is a full name with one of ``surnames``."""
    if mention.speaker_type not in ("organisation", "unknown") or not surnames:
        return False
    name = parse_name(mention.name)
    return name is not None and name.is_full and name.surname in surnames


def _gender_agrees(speaker: Speaker, name: PersonName) -> bool:
    return not (speaker.gender and name.gender and speaker.gender != name.gender)


def _dominant(speakers: list[Speaker]) -> Speaker | None:
    """The speaker named in ``DOMINANCE`` times the articles of the next, if any."""
    ranked = sorted(speakers, key=lambda s: (-s.full_articles, s.id))
    if not ranked or ranked[0].full_articles == 0:
        return None
    if len(ranked) > 1 and ranked[0].full_articles < DOMINANCE * ranked[1].full_articles:
        return None
    return ranked[0]
