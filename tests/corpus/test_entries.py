"""What a registry entry keeps: name forms with their counts, roles with first and last day."""

from datetime import date, datetime

from sayso.corpus.entries import Alias, Speaker, SpeakerMention

# The example article (Newsweek, 2022-12-27) and a later one naming the governor otherwise.
HAIDAI = SpeakerMention("Serhiy Haidai", role="governor of the Russian-occupied Luhansk region",
                        article_id="bakhmut", outlet="Newsweek", published=date(2022, 12, 27))
LATER = SpeakerMention("Serhii Haidai", role="Governor of the Russian-occupied Luhansk region",
                       article_id="later", outlet="Kyiv Independent", published=date(2023, 1, 5))


def test_a_speaker_is_named_by_its_most_used_full_name_form():
    speaker = Speaker("s1", "person")
    for mention in (HAIDAI, HAIDAI, LATER):
        speaker.aliases.setdefault(mention.name, Alias(mention.name, full=True)).add(mention)
    assert speaker.name == "Serhiy Haidai" and speaker.mentions == 3
    assert speaker.articles == {"bakhmut", "later"}
    assert speaker.outlets == {"Newsweek": 2, "Kyiv Independent": 1}


def test_roles_differing_only_in_case_are_one_role_with_its_first_and_last_day():
    speaker = Speaker("s1", "person")
    for mention in (HAIDAI, LATER):
        speaker.aliases.setdefault(mention.name, Alias(mention.name, full=True)).add(mention)
    [role] = speaker.roles
    assert role.count == 2 and (role.first, role.last) == (date(2022, 12, 27), date(2023, 1, 5))
    assert (speaker.first_seen, speaker.last_seen) == (date(2022, 12, 27), date(2023, 1, 5))


def test_an_absorbed_name_form_brings_its_articles_and_roles():
    kept, moved = Alias("Serhiy Haidai", full=True), Alias("Haidai", full=False)
    kept.add(HAIDAI)
    moved.add(LATER)
    kept.absorb(moved)
    assert kept.count == 2 and kept.articles == {"bakhmut", "later"} and kept.full


def test_a_tied_gender_is_unknown():
    speaker = Speaker("s1", "person")
    speaker.genders.update(["female", "male"])
    assert speaker.gender is None
    speaker.genders.update(["female"])
    assert speaker.gender == "female"


def test_a_mention_keeps_the_publication_day_not_the_time():
    alias = Alias("Serhiy Haidai", full=True)
    alias.add(SpeakerMention("Serhiy Haidai", published=datetime(2022, 12, 27, 9, 30)))
    assert alias.seen.first == date(2022, 12, 27)
