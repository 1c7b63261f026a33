"""The cast of an article: named participants linked across their mentions, with their gender."""

from sayso.pipeline.cast import Cast


def test_cast_gendered_role_keeps_mrs_from_the_only_full_name(parse):
    # PolNeAR train nyt_2016-04-28_nomination-almost-certain-clinto: the only full-name Clinton of
    # the sentence is "her husband, Bill Clinton", so "Mrs. Clinton" is someone else.
    text = (
        "As voters went to the polls earlier in the day, the Sanders campaign sent out a fund-raising email with "
        "an image of Mrs. Clinton and her husband, Bill Clinton, at Mr. Trump's 2005 wedding, and accused Clinton "
        "allies of being ''traitors'' in their treatment of Mr. Sanders."
    )
    cast = Cast(parse(text))
    bill = cast.by_name["Bill Clinton"]
    mrs = next(m.entity for m in cast.mentions if m.root.text == "Clinton" and m.root.nbor(-1).text == "Mrs.")
    assert (bill.gender, mrs.gender) == ("m", "f")
    assert mrs is not bill



def test_cast_name_with_a_curly_possessive_is_the_bare_name(parse, polnear_dev):
    # PolNeAR dev breitbart_2016-09-28_mary-j-blige-sings-: the tagger reads the "’s" before a
    # curly quote as a closing quote, and NER takes it into the name; the later bare
    # "Springsteen" is the same person.
    text = next(d["text"] for d in polnear_dev if d["doc_id"].startswith("breitbart_2016-09-28_mary-j-blige"))
    cast = Cast(parse(text[:text.index("Amadou")]))
    assert cast.by_name.get("Bruce Springsteen") is not None
    assert not any("’" in name for name in cast.by_name)
