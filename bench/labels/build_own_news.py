#!/usr/bin/env python3
"""Builder for bench/labels/own-news.jsonl -- an evaluation set of INVENTED news passages
(our own writing; every person, most places and most organisations are made up) for speaker
resolution, annotated with the world-news set's conventions (PolNeAR-style SOURCE / CUE / CONTENT
spans + speaker, speaker_role, speaker_gender).

Offsets are never hand-counted. Each attribution names a *paragraph key* (a substring that occurs
exactly once in the passage); every fragment of source / cue / content is searched inside that
paragraph with word-boundary checks and must occur there exactly once, unless it is given as
(string, k) = its k-th occurrence in the paragraph.

Passages marked curly=True are written here with straight quotes and converted to typographic
quotes (“ ” ’); fragments go through the same conversion before they are located.

Gender is given as ("female"|"male", evidence) where evidence is a substring of the passage that
shows it (pronoun, honorific, gendered noun); the builder asserts the evidence is in the text.

Run:  python3 bench/labels/build_own_news.py   (writes own-news.jsonl and, beside it, own-news-listing.txt)
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "own-news.jsonl"
LISTING = HERE / "own-news-listing.txt"

PRONOUNS = {"he", "she", "it", "they", "who", "which", "that", "him", "her"}
PLATFORM_RE = re.compile(r"\b(Facebook|Instagram|Telegram|WhatsApp|Twitter)\b|\bon X\b|\bX account\b")


def curlify(s: str) -> str:
    out = []
    for i, ch in enumerate(s):
        prev = s[i - 1] if i > 0 else ""
        if ch == '"':
            out.append("\u201c" if (i == 0 or prev in " \n(") else "\u201d")
        elif ch == "'":
            out.append("\u2018" if (i == 0 or prev in " \n(") else "\u2019")
        else:
            out.append(ch)
    return "".join(out)


def _pattern(s: str) -> re.Pattern:
    pre = r"(?<!\w)" if re.match(r"\w", s) else ""
    post = r"(?!\w)" if re.search(r"\w$", s) else ""
    return re.compile(pre + re.escape(s) + post)


DOCS: list["Doc"] = []


class Doc:
    def __init__(self, doc_id: str, text: str, curly: bool = False):
        assert doc_id.startswith("own-"), doc_id
        self.doc_id = doc_id
        self.curly = curly
        text = text.strip("\n")
        self.text = curlify(text) if curly else text
        self.atts: list[dict] = []
        self.meta: list[dict] = []
        DOCS.append(self)

    def conv(self, s: str) -> str:
        return curlify(s) if self.curly else s

    # ------------------------------------------------------------ locating
    def para(self, key: str) -> tuple[int, int]:
        key = self.conv(key)
        t = self.text
        i = t.find(key)
        assert i >= 0, f"{self.doc_id}: paragraph key not found: {key!r}"
        assert t.find(key, i + 1) < 0, f"{self.doc_id}: paragraph key ambiguous: {key!r}"
        a = t.rfind("\n\n", 0, i)
        a = 0 if a < 0 else a + 2
        b = t.find("\n\n", i)
        b = len(t) if b < 0 else b
        assert b >= i + len(key), f"{self.doc_id}: key spans paragraphs: {key!r}"
        return a, b

    def locate(self, frag, win) -> list[int]:
        s, k = frag if isinstance(frag, tuple) else (frag, None)
        s = self.conv(s)
        assert s and s == s.strip(), f"{self.doc_id}: blank/untrimmed fragment {s!r}"
        lo, hi = win
        hits = [m.start() for m in _pattern(s).finditer(self.text, lo, hi)]
        if k is None:
            assert len(hits) == 1, (f"{self.doc_id}: fragment {s!r} found {len(hits)}x in paragraph "
                                    f"{self.text[lo:hi][:70]!r}")
            i = hits[0]
        else:
            assert len(hits) >= k, f"{self.doc_id}: fragment {s!r} has only {len(hits)} hits"
            i = hits[k - 1]
        return [i, i + len(s)]

    # ------------------------------------------------------------ adding
    def a(self, key, source, cue, content, speaker, role=None, gender=None, tags=""):
        win = self.para(key)
        as_list = lambda x: [] if x in (None, "") else (x if isinstance(x, list) else [x])
        spans = {r: [self.locate(f, win) for f in as_list(v)]
                 for r, v in (("source", source), ("cue", cue), ("content", content))}
        assert spans["content"], f"{self.doc_id}: empty content"
        assert spans["cue"], f"{self.doc_id}: empty cue"
        if not spans["source"]:
            assert speaker is None, f"{self.doc_id}: speaker without source"
        g = None
        if gender is not None:
            g, evidence = gender
            assert g in ("female", "male"), gender
            assert self.conv(evidence) in self.text, f"{self.doc_id}: gender evidence not in text: {evidence!r}"
        self.atts.append({
            "source": spans["source"], "cue": spans["cue"], "content": spans["content"],
            "speaker": speaker, "speaker_role": role, "speaker_gender": g,
        })
        self.meta.append({"tags": set(tags.split())})

    def record(self) -> dict:
        return {"doc_id": self.doc_id, "text": self.text, "attributions": self.atts}


# =====================================================================================
# 1 Nigeria
d = Doc("own-nigeria-kwara-kidnap-rescue", """
Police free 14 abducted farmers in Kwara forest raid

ILORIN, Nigeria, May 14 (Reuters) - Police in Nigeria's Kwara State said on Tuesday they had rescued 14 farmers abducted from their fields last week and arrested three suspected members of the gang that seized them.

The state's police commissioner, CP Olumide Adekanmbi, told reporters in Ilorin that tactical teams had stormed a camp in the Oke-Ayin forest reserve before dawn on Monday.

"The victims were found chained together under a tarpaulin. Two of them needed urgent medical attention," Adekanmbi said. He added that no ransom had been paid.

The police chief said the force was working with local hunters who knew the forest better than any outsider.

In a post on its Facebook page, the Kwara State Police Command said the suspects would be charged in court once investigations were concluded.

"We sleep in the church now, all of us," said Mrs Ronke Oyebanji, a 61-year-old trader whose son was among those freed.

A senior security official in Abuja who asked not to be named said the gang was believed to have links to groups operating along the border with Benin.
""")
SP = "Olumide Adekanmbi"; RL = "Kwara State police commissioner (CP)"; G = ("male", "He added")
d.a("Police in Nigeria's Kwara State", "Police in Nigeria's Kwara State", "said",
    "they had rescued 14 farmers abducted from their fields last week and arrested three suspected members of the gang that seized them",
    "Kwara State Police Command", None, None, "org org_backref")
d.a("CP Olumide Adekanmbi", "The state's police commissioner, CP Olumide Adekanmbi", "told",
    "that tactical teams had stormed a camp in the Oke-Ayin forest reserve before dawn on Monday",
    SP, RL, G, "full title")
d.a("The victims were found", "Adekanmbi", "said",
    '"The victims were found chained together under a tarpaulin. Two of them needed urgent medical attention,"',
    SP, RL, G, "surname")
d.a("The victims were found", "He", "added", "that no ransom had been paid", SP, RL, G, "")
d.a("The police chief", "The police chief", "said",
    "the force was working with local hunters who knew the forest better than any outsider",
    SP, RL, G, "descriptor")
d.a("In a post on its Facebook page", "the Kwara State Police Command", "said",
    "the suspects would be charged in court once investigations were concluded",
    "Kwara State Police Command", None, None, "org")
d.a("We sleep in the church", "Mrs Ronke Oyebanji, a 61-year-old trader whose son was among those freed", "said",
    '"We sleep in the church now, all of us,"', "Ronke Oyebanji", "trader", ("female", "Mrs Ronke"), "full title")
d.a("A senior security official", "A senior security official in Abuja who asked not to be named", "said",
    "the gang was believed to have links to groups operating along the border with Benin",
    None, "senior security official (Abuja)", None, "")

# =====================================================================================
# 2 Kenya
d = Doc("own-kenya-kiambu-farm-siblings", """
Siblings face off in court over Kiambu tea farm

NAIROBI, March 3 (Reuters) - A bitter inheritance dispute over a 40-acre tea farm in Kiambu County reached a Nairobi court on Monday, pitting two children of a late businessman against each other.

Wanjiru Kamau, the elder of the two, told the Environment and Land Court that her brother had forged their father's signature on a transfer document in 2019. "I only want what my father wanted. That is all," she said outside the courtroom.

Her brother, Peter Kamau, denied the allegation. "My sister knows the truth and so does the rest of the family," Kamau told journalists, adding that he would file a counter-claim.

Justice Achieng Oduya said in her ruling that the land could not change hands until the case was fully heard.

The Kenya Land Registry Services Authority (KLRSA) said in a statement that it had flagged the title in question. KLRSA added that it was reviewing other transactions linked to the same surveyor.
""", curly=True)
d.a("Wanjiru Kamau, the elder", "Wanjiru Kamau, the elder of the two", "told",
    "that her brother had forged their father's signature on a transfer document in 2019",
    "Wanjiru Kamau", None, ("female", "her brother had forged"), "full shared")
d.a("Wanjiru Kamau, the elder", "she", "said", '"I only want what my father wanted. That is all,"',
    "Wanjiru Kamau", None, ("female", "she said outside"), "shared")
d.a("Her brother, Peter Kamau", "Her brother, Peter Kamau", "denied", "the allegation",
    "Peter Kamau", None, ("male", "he would file"), "full shared")
d.a("Her brother, Peter Kamau", ("Kamau", 2), "told",
    '"My sister knows the truth and so does the rest of the family,"',
    "Peter Kamau", None, ("male", "he would file"), "surname shared")
d.a("Her brother, Peter Kamau", ("Kamau", 2), "adding", "that he would file a counter-claim",
    "Peter Kamau", None, ("male", "he would file"), "surname shared")
d.a("Justice Achieng Oduya", "Justice Achieng Oduya", "said in her ruling",
    "that the land could not change hands until the case was fully heard",
    "Achieng Oduya", "Justice (Environment and Land Court)", ("female", "in her ruling"), "full title")
d.a("(KLRSA) said", "The Kenya Land Registry Services Authority (KLRSA)", "said in a statement",
    "that it had flagged the title in question",
    "Kenya Land Registry Services Authority (KLRSA)", None, None, "org acr_full")
d.a("(KLRSA) said", ("KLRSA", 2), "added", "that it was reviewing other transactions linked to the same surveyor",
    "Kenya Land Registry Services Authority (KLRSA)", None, None, "org acr_alone")

# =====================================================================================
# 3 Ghana
d = Doc("own-ghana-cocoa-smuggling", """
Ghana cocoa smuggling losses fall by a third in main crop season

ACCRA, Oct 9 (Reuters) - Ghana's cocoa regulator said on Thursday that losses to smuggling across the country's western border had fallen by almost a third in the main crop season, helped by new checkpoints and higher farm-gate prices.

The Ghana Cocoa Marketing Authority (GCMA) said in a report that an estimated 48,000 tonnes of beans were smuggled into neighbouring countries in the 2023/24 season, down from 70,000 tonnes a year earlier. The report also warned that illegal gold mining was destroying farms in the Western North region.

GCMA chief executive Akosua Boateng-Mensah told a news conference in Accra that the authority would recruit 600 more border guards before the next harvest. "Every bag that leaves illegally is money stolen from a farmer," she said.

Volta Cocoa Processing Ltd, one of the country's largest grinders, welcomed the figures. A spokeswoman for the company said it expected to run its Takoradi plant at full capacity by December.

Analysts were more cautious, saying the improvement could reverse if world prices rose again.
""")
GC = "Ghana Cocoa Marketing Authority (GCMA)"
d.a("Ghana's cocoa regulator", "Ghana's cocoa regulator", "said",
    "that losses to smuggling across the country's western border had fallen by almost a third in the main crop season, helped by new checkpoints and higher farm-gate prices",
    GC, None, None, "org org_backref")
d.a("The Ghana Cocoa Marketing Authority (GCMA)", "The Ghana Cocoa Marketing Authority (GCMA)", "said in a report",
    "that an estimated 48,000 tonnes of beans were smuggled into neighbouring countries in the 2023/24 season, down from 70,000 tonnes a year earlier",
    GC, None, None, "org acr_full")
d.a("The report also warned", "The report", "also warned",
    "that illegal gold mining was destroying farms in the Western North region", GC, None, None, "org artifact")
d.a("GCMA chief executive", "GCMA chief executive Akosua Boateng-Mensah", "told",
    "that the authority would recruit 600 more border guards before the next harvest",
    "Akosua Boateng-Mensah", "GCMA chief executive", ("female", "she said"), "full title acr_alone_in_source")
d.a("GCMA chief executive", "she", "said", '"Every bag that leaves illegally is money stolen from a farmer,"',
    "Akosua Boateng-Mensah", "GCMA chief executive", ("female", "she said"), "")
d.a("Volta Cocoa Processing Ltd", "Volta Cocoa Processing Ltd, one of the country's largest grinders", "welcomed",
    "the figures", "Volta Cocoa Processing Ltd", None, None, "org")
d.a("Volta Cocoa Processing Ltd", "A spokeswoman for the company", "said",
    "it expected to run its Takoradi plant at full capacity by December",
    "Volta Cocoa Processing Ltd", "spokeswoman", None, "org org_spokes org_backref")
d.a("Analysts were more cautious", "Analysts", "saying", "the improvement could reverse if world prices rose again",
    None, "analysts", None, "")

# =====================================================================================
# 4 South Africa
d = Doc("own-southafrica-durban-water-outage", """
Durban residents face fifth day without water after pipeline burst

DURBAN, Feb 21 (Reuters) - Hundreds of thousands of people in South Africa's third-largest city faced a fifth day without running water on Friday after a main pipeline burst, and the utility said supply would not be fully restored before the weekend.

Tugela Coast Water (TCW) said on Thursday that engineers had replaced a 30-metre section of the damaged pipe but that reservoirs would take at least 48 hours to refill. "We understand the frustration, and we are sorry," TCW said in a post on X.

Municipal infrastructure chief Johan van der Merwe said the pipe, laid in 1978, had been due for replacement for more than a decade. Van der Merwe told councillors that the city had applied for national funding three times without success.

Opposition councillor Thandeka Mthembu-Radebe said residents had been "abandoned by the people they pay". She said her party would ask the Public Protector to investigate.

At a water tanker in Chatsworth, residents said they had queued since dawn.
""")
TC = "Tugela Coast Water (TCW)"
d.a("the utility said", "the utility", "said", "supply would not be fully restored before the weekend",
    TC, None, None, "org org_backref")
d.a("Tugela Coast Water (TCW) said", "Tugela Coast Water (TCW)", ("said", 1),
    "that engineers had replaced a 30-metre section of the damaged pipe but that reservoirs would take at least 48 hours to refill",
    TC, None, None, "org acr_full")
d.a("Tugela Coast Water (TCW) said", ("TCW", 2), "said in a post on X", '"We understand the frustration, and we are sorry,"',
    TC, None, None, "org acr_alone")
d.a("Municipal infrastructure chief", "Municipal infrastructure chief Johan van der Merwe", "said",
    "the pipe, laid in 1978, had been due for replacement for more than a decade",
    "Johan van der Merwe", "municipal infrastructure chief", None, "full title particle")
d.a("Municipal infrastructure chief", "Van der Merwe", "told",
    "that the city had applied for national funding three times without success",
    "Johan van der Merwe", "municipal infrastructure chief", None, "surname particle")
d.a("Opposition councillor", "Opposition councillor Thandeka Mthembu-Radebe", ("said", 1),
    'residents had been "abandoned by the people they pay"',
    "Thandeka Mthembu-Radebe", "opposition councillor", ("female", "She said her party"), "full title")
d.a("Opposition councillor", "She", ("said", 2), "her party would ask the Public Protector to investigate",
    "Thandeka Mthembu-Radebe", "opposition councillor", ("female", "She said her party"), "")
d.a("At a water tanker", "residents", "said", "they had queued since dawn", None, "residents (Chatsworth)", None, "")

# =====================================================================================
# 5 India (RBI)
d = Doc("own-india-rbi-policy", """
RBI holds repo rate at 6.50% as food prices stay high

MUMBAI, June 6 (Reuters) - The Reserve Bank of India (RBI) kept its key lending rate unchanged at 6.50% on Friday, and RBI Governor K. Venkatesh Iyer said food prices remained the main threat to the central bank's inflation target.

"We are not yet in a position to declare victory," Iyer told a news conference after the policy meeting. He said the monsoon forecast was encouraging but that vegetable prices had risen sharply in May.

The RBI said in its policy statement that four of the six members of the monetary policy committee had voted to hold rates, while two had favoured a 25-basis-point cut.

One of the dissenting members, Professor Meenakshi Raghavan, has argued in recent speeches that high real interest rates are hurting small businesses.

Economists at Bharat Capital Markets said they expected the first cut in October. "The governor's tone was less hawkish than in April," said S Ramanathan, the brokerage's chief economist.

A senior government official, speaking on condition of anonymity, said the government was "comfortable" with the decision.
""")
SP = "K. Venkatesh Iyer"; RL = "RBI Governor"; G = ("male", "He said the monsoon")
d.a("RBI Governor K. Venkatesh Iyer", "RBI Governor K. Venkatesh Iyer", "said",
    "food prices remained the main threat to the central bank's inflation target", SP, RL, G, "full title initials")
d.a("We are not yet in a position", "Iyer", "told", '"We are not yet in a position to declare victory,"', SP, RL, G, "surname")
d.a("We are not yet in a position", "He", "said",
    "the monsoon forecast was encouraging but that vegetable prices had risen sharply in May", SP, RL, G, "")
d.a("The RBI said in its policy statement", "The RBI", "said in its policy statement",
    "that four of the six members of the monetary policy committee had voted to hold rates, while two had favoured a 25-basis-point cut",
    "Reserve Bank of India (RBI)", None, None, "org acr_alone")
d.a("One of the dissenting members", "One of the dissenting members, Professor Meenakshi Raghavan", "has argued in recent speeches",
    "that high real interest rates are hurting small businesses",
    "Meenakshi Raghavan", "monetary policy committee member (Professor)", None, "full title")
d.a("Economists at Bharat Capital Markets", "Economists at Bharat Capital Markets", ("said", 1),
    "they expected the first cut in October", "Bharat Capital Markets", "economists", None, "org org_spokes")
d.a("Economists at Bharat Capital Markets", "S Ramanathan, the brokerage's chief economist", ("said", 2),
    '"The governor\'s tone was less hawkish than in April,"',
    "S Ramanathan", "chief economist, Bharat Capital Markets", None, "full initials")
d.a("A senior government official", "A senior government official, speaking on condition of anonymity", "said",
    'the government was "comfortable" with the decision', None, "senior government official", None, "")

# =====================================================================================
# 6 India (Supreme Court)
d = Doc("own-india-delhi-air-quality-court", """
Delhi air pollution case returns to Supreme Court as schools stay shut

NEW DELHI, Nov 18 (PTI) - India's Supreme Court on Monday ordered the Delhi government to publish air-quality readings from all monitoring stations every hour.

Chief Justice R. K. Deshpande, heading a three-judge bench, said the city's pollution control committee had "failed in its most basic duty". The Chief Justice also asked the Centre to file a report on stubble burning in neighbouring states within two weeks.

Senior advocate Farah Naqvi, appearing for a group of parents, told the court that schools had been shut for nine days this month. "Children are being asked to live indoors like prisoners," she said.

The Delhi Pollution Control Committee (DPCC) said in an affidavit that 11 of its 40 stations had been offline for repairs. A DPCC official said the remaining stations would be back online by Friday.

Delhi's environment minister, Harpreet Sandhu, wrote on X that the government would comply with the order "in letter and spirit".
""")
DP = "Delhi Pollution Control Committee (DPCC)"
d.a("India's Supreme Court", "India's Supreme Court", "ordered",
    "the Delhi government to publish air-quality readings from all monitoring stations every hour",
    "Supreme Court", None, None, "org")
d.a("Chief Justice R. K. Deshpande", "Chief Justice R. K. Deshpande, heading a three-judge bench", "said",
    'the city\'s pollution control committee had "failed in its most basic duty"',
    "R. K. Deshpande", "Chief Justice", None, "full title initials")
d.a("Chief Justice R. K. Deshpande", "The Chief Justice", "also asked",
    "the Centre to file a report on stubble burning in neighbouring states within two weeks",
    "R. K. Deshpande", "Chief Justice", None, "descriptor")
d.a("Senior advocate Farah Naqvi", "Senior advocate Farah Naqvi, appearing for a group of parents", "told",
    "that schools had been shut for nine days this month",
    "Farah Naqvi", "senior advocate", ("female", "she said"), "full title")
d.a("Senior advocate Farah Naqvi", "she", "said", '"Children are being asked to live indoors like prisoners,"',
    "Farah Naqvi", "senior advocate", ("female", "she said"), "")
d.a("(DPCC) said in an affidavit", "The Delhi Pollution Control Committee (DPCC)", "said in an affidavit",
    "that 11 of its 40 stations had been offline for repairs", DP, None, None, "org acr_full")
d.a("(DPCC) said in an affidavit", "A DPCC official", ("said", 2),
    "the remaining stations would be back online by Friday", DP, "official", None, "org org_spokes acr_alone")
d.a("Delhi's environment minister", "Delhi's environment minister, Harpreet Sandhu", "wrote on X",
    'that the government would comply with the order "in letter and spirit"',
    "Harpreet Sandhu", "Delhi environment minister", None, "full")

# =====================================================================================
# 7 Pakistan
d = Doc("own-pakistan-cricket-qureshi-brothers", """
Qureshi brothers steer Pakistan to one-day series win

RAWALPINDI, Pakistan, Dec 2 (AFP) - Pakistan beat Sri Lanka by six wickets on Sunday to clinch the one-day series 2-1, thanks to an unbroken stand of 112 between opener Hamza Qureshi and his younger brother Usman.

"We have batted together since we were kids in the street in Sialkot, so there is no need to talk much," said Hamza Qureshi, who finished on 88 not out.

Usman Qureshi, 22, playing only his fourth international, said he had been nervous when he walked out with 97 still needed. "My brother told me to just watch the ball," the younger Qureshi said.

Captain Bilal Ahmed Khattak said the pair's calm had settled the dressing room. Khattak also said fast bowler Imran Sheikh would miss the Test series with a side strain.

Sri Lanka coach Dinesh Wickramaratne said his bowlers had "lost control in the last 15 overs".

The Pakistan Cricket Board (PCB) said in a statement that tickets for the first Test in Karachi had sold out within hours. The board said it would open a second stand to spectators.
""")
PCB = "Pakistan Cricket Board (PCB)"
d.a("We have batted together", "Hamza Qureshi", "said",
    '"We have batted together since we were kids in the street in Sialkot, so there is no need to talk much,"',
    "Hamza Qureshi", "opener", ("male", "his younger brother Usman"), "full shared")
d.a("Usman Qureshi, 22", "Usman Qureshi", ("said", 1), "he had been nervous when he walked out with 97 still needed",
    "Usman Qureshi", None, ("male", "he had been nervous"), "full shared")
d.a("Usman Qureshi, 22", "the younger Qureshi", ("said", 2), '"My brother told me to just watch the ball,"',
    "Usman Qureshi", None, ("male", "he had been nervous"), "descriptor shared")
d.a("Captain Bilal Ahmed Khattak", "Captain Bilal Ahmed Khattak", ("said", 1),
    "the pair's calm had settled the dressing room", "Bilal Ahmed Khattak", "captain (Pakistan)", None, "full title")
d.a("Captain Bilal Ahmed Khattak", ("Khattak", 2), "also said",
    "fast bowler Imran Sheikh would miss the Test series with a side strain",
    "Bilal Ahmed Khattak", "captain (Pakistan)", None, "surname")
d.a("Sri Lanka coach", "Sri Lanka coach Dinesh Wickramaratne", "said",
    'his bowlers had "lost control in the last 15 overs"',
    "Dinesh Wickramaratne", "Sri Lanka coach", ("male", "his bowlers"), "full title")
d.a("(PCB) said in a statement", "The Pakistan Cricket Board (PCB)", "said in a statement",
    "that tickets for the first Test in Karachi had sold out within hours", PCB, None, None, "org acr_full")
d.a("(PCB) said in a statement", "The board", ("said", 2), "it would open a second stand to spectators",
    PCB, None, None, "org org_backref")

# =====================================================================================
# 8 Bangladesh
d = Doc("own-bangladesh-gazipur-factory-fire", """
Fire at Gazipur garment factory kills five, injures dozens

DHAKA, Aug 12 (AFP) - A fire tore through a garment factory outside the Bangladeshi capital on Monday night, killing at least five workers and injuring 38, officials said.

Brig Gen Mohammad Rezaul Karim, director general of the Bangladesh Fire and Rescue Directorate (BFRD), told AFP that the blaze started in a fabric store on the third floor and spread quickly because exits were blocked by stacked cartons.

"Two of the emergency staircases were locked from outside," Karim said. The BFRD said it had formed a five-member committee to investigate.

Rupali Knitwear Ltd, which owns the factory, said in a statement posted on Facebook that the staircases had been locked "to prevent theft" and that it would pay compensation to the families of the dead. The statement did not say why the doors were locked during a working shift.

Nasrin Akter Lucky, president of the Gazipur Garment Workers' Federation, said at least 1,200 people were inside when the fire broke out. She demanded that the owners be arrested.
""")
BF = "Bangladesh Fire and Rescue Directorate (BFRD)"
SP = "Mohammad Rezaul Karim"; RL = "director general, Bangladesh Fire and Rescue Directorate (BFRD)"
d.a("A fire tore through", "officials", "said",
    "A fire tore through a garment factory outside the Bangladeshi capital on Monday night, killing at least five workers and injuring 38",
    None, "officials", None, "")
d.a("Brig Gen Mohammad Rezaul Karim", "Brig Gen Mohammad Rezaul Karim, director general of the Bangladesh Fire and Rescue Directorate (BFRD)",
    "told", "that the blaze started in a fabric store on the third floor and spread quickly because exits were blocked by stacked cartons",
    SP, RL, None, "full title")
d.a("Two of the emergency staircases", "Karim", ("said", 1), '"Two of the emergency staircases were locked from outside,"',
    SP, RL, None, "surname")
d.a("Two of the emergency staircases", "The BFRD", ("said", 2), "it had formed a five-member committee to investigate",
    BF, None, None, "org acr_alone")
d.a("Rupali Knitwear Ltd", "Rupali Knitwear Ltd, which owns the factory", "said in a statement posted on Facebook",
    'that the staircases had been locked "to prevent theft" and that it would pay compensation to the families of the dead',
    "Rupali Knitwear Ltd", None, None, "org")
d.a("Rupali Knitwear Ltd", "The statement", "did not say", "why the doors were locked during a working shift",
    "Rupali Knitwear Ltd", None, None, "org artifact")
d.a("Nasrin Akter Lucky", "Nasrin Akter Lucky, president of the Gazipur Garment Workers' Federation", "said",
    "at least 1,200 people were inside when the fire broke out",
    "Nasrin Akter Lucky", "president, Gazipur Garment Workers' Federation", ("female", "She demanded"), "full")
d.a("Nasrin Akter Lucky", "She", "demanded", "that the owners be arrested",
    "Nasrin Akter Lucky", "president, Gazipur Garment Workers' Federation", ("female", "She demanded"), "")

# =====================================================================================
# 9 Sri Lanka
d = Doc("own-srilanka-negombo-fishermen", """
Sri Lanka police fire tear gas at fishermen in Negombo road blockade

COLOMBO, Jan 27 (Reuters) - Sri Lanka Police fired tear gas and water cannon on Saturday to disperse hundreds of fishermen who blocked a main road in Negombo over a 20% rise in kerosene prices.

Police spokesman SSP Ruwan Hettiarachchi said 11 people, including four officers, were treated in hospital. He said the protesters had ignored repeated warnings to clear the road.

The force said in a later statement that 23 people had been arrested and would be produced before the Negombo magistrate on Monday.

Anthony Fernando, who leads the All-Ceylon Fisheries Union, said fishermen could no longer afford to take their boats out. "A night at sea now costs more than the catch," Fernando told Reuters.

His daughter Sherine Fernando, a lawyer representing several of those arrested, said she would apply for bail on Monday. Fernando said the arrests were "an attempt to frighten the community into silence".

The Ministry of Power and Energy said in a statement that the price increase reflected global costs.
""")
SP = "Ruwan Hettiarachchi"; RL = "police spokesman (SSP)"; G = ("male", "He said the protesters")
d.a("Police spokesman SSP", "Police spokesman SSP Ruwan Hettiarachchi", ("said", 1),
    "11 people, including four officers, were treated in hospital", SP, RL, G, "full title")
d.a("Police spokesman SSP", "He", ("said", 2), "the protesters had ignored repeated warnings to clear the road", SP, RL, G, "")
d.a("The force said in a later statement", "The force", "said in a later statement",
    "that 23 people had been arrested and would be produced before the Negombo magistrate on Monday",
    "Sri Lanka Police", None, None, "org org_backref")
d.a("Anthony Fernando, who leads", "Anthony Fernando, who leads the All-Ceylon Fisheries Union", "said",
    "fishermen could no longer afford to take their boats out",
    "Anthony Fernando", "leader, All-Ceylon Fisheries Union", ("male", "His daughter"), "full shared")
d.a("Anthony Fernando, who leads", ("Fernando", 2), "told", '"A night at sea now costs more than the catch,"',
    "Anthony Fernando", "leader, All-Ceylon Fisheries Union", ("male", "His daughter"), "surname shared")
d.a("His daughter Sherine Fernando", "His daughter Sherine Fernando, a lawyer representing several of those arrested",
    ("said", 1), "she would apply for bail on Monday",
    "Sherine Fernando", "lawyer", ("female", "she would apply"), "full shared")
d.a("His daughter Sherine Fernando", ("Fernando", 2), ("said", 2),
    'the arrests were "an attempt to frighten the community into silence"',
    "Sherine Fernando", "lawyer", ("female", "she would apply"), "surname shared")
d.a("The Ministry of Power and Energy", "The Ministry of Power and Energy", "said in a statement",
    "that the price increase reflected global costs", "Ministry of Power and Energy", None, None, "org")

# =====================================================================================
# 10 Malaysia
d = Doc("own-malaysia-kelantan-flood-defences", """
Malaysia to spend RM1.2 billion on Kelantan flood defences

KOTA BHARU, Nov 30 (Bernama) -- The federal government will spend RM1.2 billion over five years on flood retention ponds and river widening in Kelantan, Natural Resources and Water Security Minister Datuk Seri Haslinda binti Abdul Rahman said today.

The minister said work on the first four ponds, in Pasir Mas and Tumpat, would begin in March.

"We cannot keep rescuing the same families from the same rooftops every year," Haslinda told reporters after she visited a relief centre at a school in Kubang Kerian.

Kelantan police chief Datuk Muhammad Zaki bin Harun said 4,812 people from 1,300 families were still at 62 relief centres as of 4pm. Muhammad Zaki added that his men had carried out 140 rescues since Thursday.

The National Flood Operations Centre (NFOC) said in a statement that water levels at three rivers remained above the danger mark. NFOC also advised residents in low-lying areas to heed evacuation orders.

Several evacuees at the school said they had received food but no blankets.
""", curly=True)
SP = "Haslinda binti Abdul Rahman"; RL = "Natural Resources and Water Security Minister"; G = ("female", "after she visited")
NF = "National Flood Operations Centre (NFOC)"
d.a("The federal government will spend", "Natural Resources and Water Security Minister Datuk Seri Haslinda binti Abdul Rahman", "said",
    "The federal government will spend RM1.2 billion over five years on flood retention ponds and river widening in Kelantan",
    SP, RL, G, "full title particle")
d.a("The minister said work", "The minister", "said", "work on the first four ponds, in Pasir Mas and Tumpat, would begin in March",
    SP, RL, G, "descriptor")
d.a("We cannot keep rescuing", "Haslinda", "told",
    '"We cannot keep rescuing the same families from the same rooftops every year,"', SP, RL, G, "surname")
d.a("Kelantan police chief", "Kelantan police chief Datuk Muhammad Zaki bin Harun", "said",
    "4,812 people from 1,300 families were still at 62 relief centres as of 4pm",
    "Muhammad Zaki bin Harun", "Kelantan police chief", ("male", "his men"), "full title particle")
d.a("Kelantan police chief", ("Muhammad Zaki", 2), "added", "that his men had carried out 140 rescues since Thursday",
    "Muhammad Zaki bin Harun", "Kelantan police chief", ("male", "his men"), "surname particle")
d.a("(NFOC) said in a statement", "The National Flood Operations Centre (NFOC)", "said in a statement",
    "that water levels at three rivers remained above the danger mark", NF, None, None, "org acr_full")
d.a("(NFOC) said in a statement", ("NFOC", 2), "also advised",
    "residents in low-lying areas to heed evacuation orders", NF, None, None, "org acr_alone")
d.a("Several evacuees", "Several evacuees at the school", "said", "they had received food but no blankets",
    None, "evacuees", None, "")

# =====================================================================================
# 11 Indonesia
d = Doc("own-indonesia-halmahera-volcano", """
Indonesia evacuates thousands as Mount Kelabu eruptions intensify

JAKARTA, April 22 (Reuters) - Indonesia raised the alert for Mount Kelabu on the island of Halmahera to the highest level on Tuesday after a series of eruptions sent ash columns up to 5 km into the sky, the country's volcanology agency said.

Retno Wulandari, head of the Volcano Monitoring Agency (BPGA), said lava flows had reached the slopes above two villages. "The exclusion zone is now seven kilometres. Nobody should go back for livestock," she told a news conference broadcast online.

The BPGA said in its latest report that seismic activity had increased tenfold since Sunday. A video posted on the agency's Instagram account showed glowing rocks rolling down the southern flank.

Sutrisno, who heads the West Halmahera disaster mitigation office and like many Indonesians uses only one name, said 7,200 residents had been moved to shelters. He said food and clean water were the most urgent needs.

Airline Kepulauan Air said it had cancelled all flights to Ternate until Thursday.
""")
BP = "Volcano Monitoring Agency (BPGA)"
d.a("Indonesia raised the alert", "the country's volcanology agency", "said",
    "Indonesia raised the alert for Mount Kelabu on the island of Halmahera to the highest level on Tuesday after a series of eruptions sent ash columns up to 5 km into the sky",
    BP, None, None, "org org_backref")
d.a("Retno Wulandari", "Retno Wulandari, head of the Volcano Monitoring Agency (BPGA)", "said",
    "lava flows had reached the slopes above two villages",
    "Retno Wulandari", "head, Volcano Monitoring Agency (BPGA)", ("female", "she told"), "full")
d.a("Retno Wulandari", "she", "told",
    '"The exclusion zone is now seven kilometres. Nobody should go back for livestock,"',
    "Retno Wulandari", "head, Volcano Monitoring Agency (BPGA)", ("female", "she told"), "")
d.a("The BPGA said in its latest report", "The BPGA", "said in its latest report",
    "that seismic activity had increased tenfold since Sunday", BP, None, None, "org acr_alone")
d.a("The BPGA said in its latest report", "A video posted on the agency's Instagram account", "showed",
    "glowing rocks rolling down the southern flank", BP, None, None, "org artifact")
d.a("Sutrisno, who heads", "Sutrisno, who heads the West Halmahera disaster mitigation office and like many Indonesians uses only one name",
    ("said", 1), "7,200 residents had been moved to shelters",
    "Sutrisno", "head, West Halmahera disaster mitigation office", ("male", "He said food"), "full")
d.a("Sutrisno, who heads", "He", ("said", 2), "food and clean water were the most urgent needs",
    "Sutrisno", "head, West Halmahera disaster mitigation office", ("male", "He said food"), "")
d.a("Airline Kepulauan Air", "Airline Kepulauan Air", "said", "it had cancelled all flights to Ternate until Thursday",
    "Kepulauan Air", "airline", None, "org")

# =====================================================================================
# 12 Philippines
d = Doc("own-philippines-cebu-broadcaster-killing", """
Philippine police identify suspects in killing of Cebu radio commentator

CEBU CITY, Philippines, July 8 (AFP) - Philippine police said on Monday they had identified two suspects in the killing of a radio commentator who was shot outside his home in Cebu province on Saturday night.

Maj Gen Ernesto Villanueva, operations chief of the Philippine National Police (PNP), told reporters in Manila that the gunmen had been captured on a neighbour's security camera.

Rodel dela Cruz, 52, who hosted a morning programme on Radyo Bantay Sugbo, had written on Facebook in May that he had been followed home twice by men on a motorcycle.

His widow, Maricel dela Cruz, said her husband had received threats by text message since March. "He told me not to worry. He always said that," dela Cruz said.

The Cebu Media Workers' Guild (CMWG) said it was the third killing of a journalist in the province this year. The guild called on the authorities to protect broadcasters who had reported threats.

Colleagues at the station said dela Cruz had recently criticised a quarrying operation near the city.
""")
CM = "Cebu Media Workers' Guild (CMWG)"
G = ("female", "her husband")
d.a("Philippine police said", "Philippine police", "said",
    "they had identified two suspects in the killing of a radio commentator who was shot outside his home in Cebu province on Saturday night",
    "Philippine National Police (PNP)", None, None, "org org_backref")
d.a("Maj Gen Ernesto Villanueva", "Maj Gen Ernesto Villanueva, operations chief of the Philippine National Police (PNP)", "told",
    "that the gunmen had been captured on a neighbour's security camera",
    "Ernesto Villanueva", "operations chief, Philippine National Police (PNP)", None, "full title")
d.a("Rodel dela Cruz, 52", "Rodel dela Cruz, 52, who hosted a morning programme on Radyo Bantay Sugbo", "had written on Facebook",
    "that he had been followed home twice by men on a motorcycle",
    "Rodel dela Cruz", "radio commentator (Radyo Bantay Sugbo)", ("male", "he had been followed home"), "full particle shared")
d.a("His widow, Maricel dela Cruz", "His widow, Maricel dela Cruz", ("said", 1),
    "her husband had received threats by text message since March",
    "Maricel dela Cruz", "widow of Rodel dela Cruz", G, "full particle shared")
d.a("His widow, Maricel dela Cruz", ("dela Cruz", 2), ("said", 3), '"He told me not to worry. He always said that,"',
    "Maricel dela Cruz", "widow of Rodel dela Cruz", G, "surname particle shared")
d.a("(CMWG) said", "The Cebu Media Workers' Guild (CMWG)", "said",
    "it was the third killing of a journalist in the province this year", CM, None, None, "org acr_full")
d.a("(CMWG) said", "The guild", "called on",
    "the authorities to protect broadcasters who had reported threats", CM, None, None, "org org_backref")
d.a("Colleagues at the station", "Colleagues at the station", "said",
    "dela Cruz had recently criticised a quarrying operation near the city", None, "colleagues at the station", None, "")

# =====================================================================================
# 13 Singapore
d = Doc("own-singapore-job-scams", """
Job scam losses in Singapore top S$14 million in seven months

SINGAPORE, Sept 4 - The Singapore Police Force (SPF) said on Wednesday that victims lost at least S$14.6 million to job scams in the first seven months of the year, with most of the fraudsters first contacting victims through Telegram or WhatsApp.

The force said in a news release that 2,310 cases had been reported between January and July, up from 1,640 a year earlier. It added that more than half of the victims were aged between 20 and 39.

Assistant Commissioner Tan Wei Ling, director of the SPF's Commercial Fraud Response Unit, told a briefing that scammers were increasingly posing as recruiters from well-known e-commerce firms. "They start by paying you small amounts, so that you trust them," AC Tan said. She urged the public to check job offers against official company websites.

One victim, a 27-year-old administrative assistant who gave only her surname, Ms Kaur, said she had lost S$38,000 over three weeks.

A spokeswoman for Lumina Shop, an online marketplace whose name the scammers had used, said the company never recruited staff through messaging apps.
""")
SPF = "Singapore Police Force (SPF)"
SP = "Tan Wei Ling"; RL = "Assistant Commissioner; director, Commercial Fraud Response Unit (SPF)"; G = ("female", "She urged")
d.a("The Singapore Police Force (SPF) said", "The Singapore Police Force (SPF)", "said",
    "that victims lost at least S$14.6 million to job scams in the first seven months of the year, with most of the fraudsters first contacting victims through Telegram or WhatsApp",
    SPF, None, None, "org acr_full")
d.a("The force said in a news release", "The force", "said in a news release",
    "that 2,310 cases had been reported between January and July, up from 1,640 a year earlier", SPF, None, None, "org org_backref")
d.a("The force said in a news release", "It", "added",
    "that more than half of the victims were aged between 20 and 39", SPF, None, None, "org org_backref")
d.a("Assistant Commissioner Tan Wei Ling", "Assistant Commissioner Tan Wei Ling, director of the SPF's Commercial Fraud Response Unit",
    "told", "that scammers were increasingly posing as recruiters from well-known e-commerce firms",
    SP, RL, G, "full title family_first")
d.a("Assistant Commissioner Tan Wei Ling", "AC Tan", "said", '"They start by paying you small amounts, so that you trust them,"',
    SP, RL, G, "surname title family_first")
d.a("Assistant Commissioner Tan Wei Ling", "She", "urged",
    "the public to check job offers against official company websites", SP, RL, G, "")
d.a("One victim", "One victim, a 27-year-old administrative assistant who gave only her surname, Ms Kaur", "said",
    "she had lost S$38,000 over three weeks", "Kaur", "administrative assistant (scam victim)",
    ("female", "Ms Kaur"), "title")
d.a("A spokeswoman for Lumina Shop", "A spokeswoman for Lumina Shop, an online marketplace whose name the scammers had used", "said",
    "the company never recruited staff through messaging apps", "Lumina Shop", "spokeswoman", None, "org org_spokes")

# =====================================================================================
# 14 China
d = Doc("own-china-qingyun-ev-exports", """
Qingyun Motors' overseas deliveries double despite EU tariffs

SHANGHAI, Jan 15 (Reuters) - Chinese electric-vehicle maker Qingyun Motors said on Wednesday its overseas deliveries more than doubled last year to 412,000 vehicles, as strong demand in the Middle East and Latin America offset the impact of European tariffs.

The company said in a filing to the Hong Kong stock exchange that it expected exports to rise by at least 30% in 2025.

Chairman Zhou Jianguo told analysts on a conference call that Qingyun would open an assembly plant in Brazil's Bahia state in the second half of the year. "Tariffs change the route, not the destination," Zhou said.

Commerce ministry spokeswoman Liang Shuhui told a regular briefing in Beijing that the European Union's duties were "protectionism in disguise". Liang said China would take all necessary measures to protect the legitimate rights of its companies.

A Qingyun spokesperson declined to comment on reports that the company was in talks to buy a car plant in Hungary.

Analysts said the Brazil plant would help Qingyun avoid import duties of up to 35% in Latin America's largest market.
""")
QY = "Qingyun Motors"
d.a("Chinese electric-vehicle maker", "Chinese electric-vehicle maker Qingyun Motors", "said",
    "its overseas deliveries more than doubled last year to 412,000 vehicles, as strong demand in the Middle East and Latin America offset the impact of European tariffs",
    QY, None, None, "org")
d.a("The company said in a filing", "The company", "said in a filing to the Hong Kong stock exchange",
    "that it expected exports to rise by at least 30% in 2025", QY, None, None, "org org_backref")
d.a("Chairman Zhou Jianguo", "Chairman Zhou Jianguo", "told",
    "that Qingyun would open an assembly plant in Brazil's Bahia state in the second half of the year",
    "Zhou Jianguo", "chairman, Qingyun Motors", None, "full title family_first")
d.a("Chairman Zhou Jianguo", ("Zhou", 2), "said", '"Tariffs change the route, not the destination,"',
    "Zhou Jianguo", "chairman, Qingyun Motors", None, "surname family_first")
d.a("Commerce ministry spokeswoman", "Commerce ministry spokeswoman Liang Shuhui", "told",
    'that the European Union\'s duties were "protectionism in disguise"',
    "Liang Shuhui", "commerce ministry spokeswoman", ("female", "spokeswoman Liang Shuhui"), "full title family_first")
d.a("Commerce ministry spokeswoman", ("Liang", 2), "said",
    "China would take all necessary measures to protect the legitimate rights of its companies",
    "Liang Shuhui", "commerce ministry spokeswoman", ("female", "spokeswoman Liang Shuhui"), "surname family_first")
d.a("A Qingyun spokesperson", "A Qingyun spokesperson", "declined",
    "to comment on reports that the company was in talks to buy a car plant in Hungary",
    QY, "spokesperson", None, "org org_spokes")
d.a("Analysts said the Brazil plant", "Analysts", "said",
    "the Brazil plant would help Qingyun avoid import duties of up to 35% in Latin America's largest market",
    None, "analysts", None, "")

# =====================================================================================
# 15 Japan
d = Doc("own-japan-hoshimi-snack-recall", """
Japanese snack maker recalls 1.8 million packs over allergen labeling error

TOKYO, March 11 (Kyodo) - Osaka-based snack maker Hoshimi Foods Co. said Tuesday it will recall about 1.8 million packs of rice crackers after discovering that some contained shrimp extract not listed on the label.

President Akiko Nishimura bowed deeply at a press conference in Osaka and apologized to customers. "We betrayed the trust of families who rely on our labels," she said.

Nishimura said the error occurred when a production line in Nara Prefecture switched recipes without updating its packaging. The 63-year-old said she would take a 50 percent pay cut for six months.

The company said it had received 14 reports of allergic reactions, none of them life-threatening. Hoshimi said on its website that customers could return the crackers to any store for a full refund.

An official at the health ministry's food safety division said the ministry had instructed Hoshimi to submit a report on its quality controls by the end of the month.

A food industry analyst who asked not to be named said the recall could cost the company around 2 billion yen.
""")
HF = "Hoshimi Foods Co."
SP = "Akiko Nishimura"; RL = "president, Hoshimi Foods Co."; G = ("female", "she said")
d.a("Osaka-based snack maker", "Osaka-based snack maker Hoshimi Foods Co.", "said",
    "it will recall about 1.8 million packs of rice crackers after discovering that some contained shrimp extract not listed on the label",
    HF, None, None, "org")
d.a("President Akiko Nishimura", "she", "said", '"We betrayed the trust of families who rely on our labels,"',
    SP, RL, G, "")
d.a("Nishimura said the error", "Nishimura", ("said", 1),
    "the error occurred when a production line in Nara Prefecture switched recipes without updating its packaging",
    SP, RL, G, "surname")
d.a("Nishimura said the error", "The 63-year-old", ("said", 2), "she would take a 50 percent pay cut for six months",
    SP, RL, G, "descriptor")
d.a("The company said it had received", "The company", ("said", 1),
    "it had received 14 reports of allergic reactions, none of them life-threatening", HF, None, None, "org org_backref")
d.a("The company said it had received", "Hoshimi", "said on its website",
    "that customers could return the crackers to any store for a full refund", HF, None, None, "org org_backref")
d.a("An official at the health ministry", "An official at the health ministry's food safety division", "said",
    "the ministry had instructed Hoshimi to submit a report on its quality controls by the end of the month",
    "health ministry", "official, food safety division", None, "org org_spokes")
d.a("A food industry analyst", "A food industry analyst who asked not to be named", "said",
    "the recall could cost the company around 2 billion yen", None, "food industry analyst", None, "")

# =====================================================================================
# 16 South Korea
d = Doc("own-korea-geoje-shipyard-deaths", """
Shipbuilder chief faces possible arrest over Geoje scaffold deaths

SEOUL, Oct 2 (Yonhap) -- The chief executive of a mid-sized shipbuilder faces arrest over the deaths of three subcontracted workers who fell from scaffolding at its Geoje shipyard in July, officials said Thursday.

According to court documents filed by the Changwon District Prosecutors' Office, Park Sung-ho, 61, head of Daehan Marine Engineering, is suspected of violating the Serious Accidents Punishment Act by failing to repair scaffolding that workers had reported as unsafe.

Park's lawyer, Choi Eun-young, said her client had ordered repairs in June and would cooperate fully with the investigation.

Park Mi-ra, whose younger brother was among the dead, told reporters outside the Changwon District Court that the company had ignored complaints for months. "My brother sent me a photo of that scaffold two weeks before he died," Park said.

Daehan Marine said in a statement that it "deeply regrets" the accident. It added that it had spent 4 billion won on safety upgrades since 2022.

A union representing subcontracted workers at the yard said the company's safety record was "a disgrace".
""")
DM = "Daehan Marine Engineering"
d.a("The chief executive of a mid-sized", "officials", "said",
    "The chief executive of a mid-sized shipbuilder faces arrest over the deaths of three subcontracted workers who fell from scaffolding at its Geoje shipyard in July",
    None, "officials", None, "")
d.a("According to court documents", "court documents filed by the Changwon District Prosecutors' Office", "According to",
    "Park Sung-ho, 61, head of Daehan Marine Engineering, is suspected of violating the Serious Accidents Punishment Act by failing to repair scaffolding that workers had reported as unsafe",
    "Changwon District Prosecutors' Office", None, None, "org artifact")
d.a("Park's lawyer", "Park's lawyer, Choi Eun-young", "said",
    "her client had ordered repairs in June and would cooperate fully with the investigation",
    "Choi Eun-young", "lawyer for Park Sung-ho", ("female", "her client"), "full family_first")
d.a("Park Mi-ra, whose", "Park Mi-ra, whose younger brother was among the dead", "told",
    "that the company had ignored complaints for months", "Park Mi-ra", "sister of a dead worker", None,
    "full family_first shared")
d.a("Park Mi-ra, whose", ("Park", 2), "said",
    '"My brother sent me a photo of that scaffold two weeks before he died,"',
    "Park Mi-ra", "sister of a dead worker", None, "surname family_first shared")
d.a("Daehan Marine said in a statement", "Daehan Marine", "said in a statement",
    'that it "deeply regrets" the accident', DM, None, None, "org")
d.a("Daehan Marine said in a statement", "It", "added",
    "that it had spent 4 billion won on safety upgrades since 2022", DM, None, None, "org org_backref")
d.a("A union representing", "A union representing subcontracted workers at the yard", "said",
    'the company\'s safety record was "a disgrace"', None, "union of subcontracted workers", None, "")

# =====================================================================================
# 17 UAE
d = Doc("own-uae-saqr-airways-order", """
Dubai's Saqr Airways in talks for up to 40 wide-body jets

DUBAI, Nov 12 (Reuters) - Dubai-based Saqr Airways plans to order up to 40 wide-body aircraft at the Dubai Airshow next week, two sources familiar with the matter said on Tuesday.

The sources, who asked not to be identified because the talks are confidential, said the deal could be worth more than $12 billion at list prices.

Saqr Airways chairman Sheikh Khalid bin Saeed al-Mansoori told an aviation conference in Abu Dhabi on Monday that the airline needed more aircraft to meet demand on routes to Africa and Central Asia, but did not comment on specific orders. "We are short of seats, not short of passengers," the sheikh said.

The airline's chief executive, Layla al-Suwaidi, said in an interview with Reuters in September that the carrier expected to carry 18 million passengers this year.

In a statement, the airline said it does not comment on market speculation.
""")
SP = "Khalid bin Saeed al-Mansoori"; RL = "Saqr Airways chairman"; G = ("male", "Sheikh Khalid")
d.a("Dubai-based Saqr Airways plans", "two sources familiar with the matter", "said",
    "Dubai-based Saqr Airways plans to order up to 40 wide-body aircraft at the Dubai Airshow next week",
    None, "sources familiar with the matter", None, "")
d.a("The sources, who asked", "The sources, who asked not to be identified because the talks are confidential", "said",
    "the deal could be worth more than $12 billion at list prices", None, "sources familiar with the matter", None, "")
d.a("Saqr Airways chairman Sheikh", "Saqr Airways chairman Sheikh Khalid bin Saeed al-Mansoori", "told",
    "that the airline needed more aircraft to meet demand on routes to Africa and Central Asia",
    SP, RL, G, "full title particle")
d.a("Saqr Airways chairman Sheikh", "Saqr Airways chairman Sheikh Khalid bin Saeed al-Mansoori", "did not comment on",
    "specific orders", SP, RL, G, "full title particle")
d.a("Saqr Airways chairman Sheikh", "the sheikh", "said", '"We are short of seats, not short of passengers,"',
    SP, RL, G, "descriptor")
d.a("The airline's chief executive", "The airline's chief executive, Layla al-Suwaidi", "said in an interview with Reuters",
    "that the carrier expected to carry 18 million passengers this year",
    "Layla al-Suwaidi", "chief executive, Saqr Airways", None, "full particle")
d.a("In a statement, the airline", "the airline", "said", "it does not comment on market speculation",
    "Saqr Airways", None, None, "org org_backref")

# =====================================================================================
# 18 Oman
d = Doc("own-oman-flash-floods", """
Oman flash floods kill nine, schools shut in three governorates

MUSCAT, April 16 (AFP) - Flash floods triggered by two days of heavy rain have killed nine people in Oman, including four schoolchildren whose minibus was swept away in a wadi, authorities said on Tuesday.

The National Emergency Response Authority (NERA) said rescue teams had recovered the bodies of the children near Ibra late on Monday.

Education Minister Dr Maryam bint Salim al-Harthy announced that schools in North al-Sharqiyah, South al-Sharqiyah and al-Dakhiliyah would remain closed until Thursday. "The safety of our children comes before everything," she said in a video posted on the ministry's X account.

A resident of Ibra, Salim al-Hinai, said the water rose "in less than ten minutes". Al-Hinai said his neighbours had used ropes to pull a family from their car.

NERA said in a statement that 212 people had been rescued since Sunday. The authority also urged residents to stay away from wadis and low-lying roads.
""", curly=True)
NE = "National Emergency Response Authority (NERA)"
SP = "Maryam bint Salim al-Harthy"; RL = "Education Minister"; G = ("female", "she said in a video")
SH = "Salim al-Hinai"; GH = ("male", "his neighbours")
d.a("Flash floods triggered", "authorities", "said",
    "Flash floods triggered by two days of heavy rain have killed nine people in Oman, including four schoolchildren whose minibus was swept away in a wadi",
    None, "authorities", None, "")
d.a("The National Emergency Response Authority (NERA)", "The National Emergency Response Authority (NERA)", "said",
    "rescue teams had recovered the bodies of the children near Ibra late on Monday", NE, None, None, "org acr_full")
d.a("Education Minister Dr Maryam", "Education Minister Dr Maryam bint Salim al-Harthy", "announced",
    "that schools in North al-Sharqiyah, South al-Sharqiyah and al-Dakhiliyah would remain closed until Thursday",
    SP, RL, G, "full title particle")
d.a("Education Minister Dr Maryam", "she", "said in a video posted on the ministry's X account",
    '"The safety of our children comes before everything,"', SP, RL, G, "")
d.a("A resident of Ibra", "A resident of Ibra, Salim al-Hinai", ("said", 1), 'the water rose "in less than ten minutes"',
    SH, "resident of Ibra", GH, "full particle")
d.a("A resident of Ibra", "Al-Hinai", ("said", 2), "his neighbours had used ropes to pull a family from their car",
    SH, "resident of Ibra", GH, "surname particle")
d.a("NERA said in a statement", "NERA", "said in a statement", "that 212 people had been rescued since Sunday",
    NE, None, None, "org acr_alone")
d.a("NERA said in a statement", "The authority", "also urged", "residents to stay away from wadis and low-lying roads",
    NE, None, None, "org org_backref")

# =====================================================================================
# 19 Turkey
d = Doc("own-turkey-central-bank-rate-cut", """
Turkish central bank cuts policy rate by 250 basis points

ANKARA, Sept 11 (Reuters) - The Central Bank of the Republic of Türkiye (CBRT) cut its one-week repo rate by 250 basis points to 40.5% on Thursday, saying inflation was falling faster than it had expected.

In its policy statement, the bank said it would maintain a tight stance "until price stability is achieved".

CBRT Governor Zeynep Arslan told a briefing last week that the bank would not be rushed by markets. She added that reserves had recovered to a record $170 billion.

Economists polled by Reuters had expected a 200-basis-point cut.

"The cut was bolder than we thought, but the statement is still hawkish," said Elif Demirtaş, an economist at Istanbul-based Boğaziçi Yatırım. She said further easing would depend on food and energy prices.

Finance Minister Hakan Yıldırımoğlu wrote on X that the decision reflected "the success of our disinflation programme".
""")
CB = "Central Bank of the Republic of Türkiye (CBRT)"
d.a("The Central Bank of the Republic", "The Central Bank of the Republic of Türkiye (CBRT)", "saying",
    "inflation was falling faster than it had expected", CB, None, None, "org acr_full")
d.a("In its policy statement", "the bank", "said", 'it would maintain a tight stance "until price stability is achieved"',
    CB, None, None, "org org_backref")
d.a("CBRT Governor Zeynep Arslan", "CBRT Governor Zeynep Arslan", "told", "that the bank would not be rushed by markets",
    "Zeynep Arslan", "CBRT Governor", ("female", "She added"), "full title")
d.a("CBRT Governor Zeynep Arslan", "She", "added", "that reserves had recovered to a record $170 billion",
    "Zeynep Arslan", "CBRT Governor", ("female", "She added"), "")
d.a("Economists polled by Reuters", "Economists polled by Reuters", "had expected", "a 200-basis-point cut",
    None, "economists polled by Reuters", None, "")
d.a("The cut was bolder", "Elif Demirtaş, an economist at Istanbul-based Boğaziçi Yatırım", ("said", 1),
    '"The cut was bolder than we thought, but the statement is still hawkish,"',
    "Elif Demirtaş", "economist, Boğaziçi Yatırım", ("female", "She said further"), "full")
d.a("The cut was bolder", "She", ("said", 2), "further easing would depend on food and energy prices",
    "Elif Demirtaş", "economist, Boğaziçi Yatırım", ("female", "She said further"), "")
d.a("Finance Minister Hakan", "Finance Minister Hakan Yıldırımoğlu", "wrote on X",
    'that the decision reflected "the success of our disinflation programme"',
    "Hakan Yıldırımoğlu", "Finance Minister", None, "full title")

# =====================================================================================
# 20 Ukraine
d = Doc("own-ukraine-poltava-energy-strike", """
Drone attack knocks out power to 30,000 homes in Ukraine's Poltava region

KYIV, Dec 19 (Reuters) - A Russian drone attack overnight damaged an energy facility in central Ukraine's Poltava region and left about 30,000 households without power, the regional governor said on Friday.

Governor Viktor Hnatyshyn said on Telegram that repair crews were working to restore supply and that no one had been injured. Photographs he posted showed a burnt-out transformer hall and a crater next to a perimeter fence.

The Ukrainian Air Force said in a statement that Russia had launched 94 drones and two ballistic missiles overnight, and that air defences had shot down or jammed 71 of the drones.

Energy Minister Halyna Marchuk told reporters in Kyiv that Russia had carried out 11 major strikes on the energy system since October. "They want us to spend the winter in the dark. They will not succeed," the minister said.

The Russian Defence Ministry said it had struck "energy facilities that support Ukraine's military-industrial complex".

Residents of Hlynske, a town near the damaged facility, said they had heard at least six explosions shortly after midnight.
""")
SP = "Viktor Hnatyshyn"; RL = "Poltava regional governor"
d.a("A Russian drone attack overnight", "the regional governor", "said",
    "A Russian drone attack overnight damaged an energy facility in central Ukraine's Poltava region and left about 30,000 households without power",
    SP, RL, None, "descriptor")
d.a("Governor Viktor Hnatyshyn", "Governor Viktor Hnatyshyn", "said on Telegram",
    "that repair crews were working to restore supply and that no one had been injured", SP, RL, None, "full title")
d.a("Governor Viktor Hnatyshyn", "Photographs he posted", "showed",
    "a burnt-out transformer hall and a crater next to a perimeter fence", SP, RL, None, "artifact")
d.a("The Ukrainian Air Force", "The Ukrainian Air Force", "said in a statement",
    "that Russia had launched 94 drones and two ballistic missiles overnight, and that air defences had shot down or jammed 71 of the drones",
    "Ukrainian Air Force", None, None, "org")
d.a("Energy Minister Halyna Marchuk", "Energy Minister Halyna Marchuk", "told",
    "that Russia had carried out 11 major strikes on the energy system since October",
    "Halyna Marchuk", "Energy Minister", None, "full title")
d.a("Energy Minister Halyna Marchuk", "the minister", "said",
    '"They want us to spend the winter in the dark. They will not succeed,"',
    "Halyna Marchuk", "Energy Minister", None, "descriptor")
d.a("The Russian Defence Ministry", "The Russian Defence Ministry", "said",
    'it had struck "energy facilities that support Ukraine\'s military-industrial complex"',
    "Russian Defence Ministry", None, None, "org")
d.a("Residents of Hlynske", "Residents of Hlynske, a town near the damaged facility", "said",
    "they had heard at least six explosions shortly after midnight", None, "residents of Hlynske", None, "")

# =====================================================================================
# 21 Brazil
d = Doc("own-brazil-para-wildfires", """
Wildfires scorch 120,000 hectares near Brazil's Santarém

BELÉM, Brazil, Sept 3 (Reuters) - Wildfires have burned more than 120,000 hectares of forest and farmland near the Amazon river city of Santarém in the past two weeks, the Amazon Satellite Monitoring Centre (CEMSA) said on Tuesday, citing satellite data.

Raimunda Souza, who coordinates a network of community fire brigades in the Tapajós valley, said most of the fires had been set deliberately to clear land for cattle. "They burn at night so the satellites see smoke, not people," she said.

Her brother, Edilson Souza, who raises cattle near Belterra and heads a local ranchers' association, rejected that claim. Souza said drought, not ranchers, was to blame, and that his association's members had lost 3,000 head of cattle to the fires.

Pará Governor Marcos Vieira said the state would hire 400 temporary firefighters and ask the federal government for military aircraft.

The federal environment ministry said in a statement that it had sent 150 agents to the region.
""")
CE = "Amazon Satellite Monitoring Centre (CEMSA)"
RS = "Raimunda Souza"; RR = "coordinator, community fire brigades (Tapajós valley)"; RG = ("female", "she said")
ES = "Edilson Souza"; ER = "head of a local ranchers' association"; EG = ("male", "his association's members")
d.a("Wildfires have burned", "the Amazon Satellite Monitoring Centre (CEMSA)", "said",
    "Wildfires have burned more than 120,000 hectares of forest and farmland near the Amazon river city of Santarém in the past two weeks",
    CE, None, None, "org acr_full")
d.a("Wildfires have burned", "the Amazon Satellite Monitoring Centre (CEMSA)", "citing", "satellite data",
    CE, None, None, "org acr_full")
d.a("Raimunda Souza, who", "Raimunda Souza, who coordinates a network of community fire brigades in the Tapajós valley", ("said", 1),
    "most of the fires had been set deliberately to clear land for cattle", RS, RR, RG, "full shared")
d.a("Raimunda Souza, who", "she", ("said", 2), '"They burn at night so the satellites see smoke, not people,"',
    RS, RR, RG, "shared")
d.a("Her brother, Edilson Souza", "Her brother, Edilson Souza, who raises cattle near Belterra and heads a local ranchers' association",
    "rejected", "that claim", ES, ER, EG, "full shared")
d.a("Her brother, Edilson Souza", ("Souza", 2), "said",
    "drought, not ranchers, was to blame, and that his association's members had lost 3,000 head of cattle to the fires",
    ES, ER, EG, "surname shared")
d.a("Pará Governor Marcos Vieira", "Pará Governor Marcos Vieira", "said",
    "the state would hire 400 temporary firefighters and ask the federal government for military aircraft",
    "Marcos Vieira", "Pará Governor", None, "full title")
d.a("The federal environment ministry", "The federal environment ministry", "said in a statement",
    "that it had sent 150 agents to the region", "federal environment ministry", None, None, "org")

# =====================================================================================
# 22 Mexico
d = Doc("own-mexico-coahuila-mine-rescue", """
Rescuers reach trapped miners in Mexico's Coahuila coal region

MEXICO CITY, Feb 6 (AFP) - Rescue teams in northern Mexico on Thursday reached seven coal miners who had been trapped underground for 30 hours after a tunnel flooded in the state of Coahuila, the federal civil protection agency said.

Five of the men were brought to the surface alive and two were found dead, agency head Laura Elena Treviño Garza told a news conference in the town of Sabinas.

"The water level dropped overnight and that allowed the divers to get through," Treviño said. She said pumping would continue until investigators could safely enter the flooded gallery.

The mine's operator, Carbonífera del Norte SA, said in a statement that it was cooperating with the authorities and would cover all medical costs.

Labor Secretary Andrés Villarreal Cantú said inspectors had found ventilation problems at the mine in 2023 and had ordered the company to fix them.

Relatives who had waited at the mine entrance since Wednesday said they had been given little information. "Nobody told us anything for a whole day," said Rosa María Hernández, whose husband, Juan Carlos Ramírez, was among the survivors.
""")
SP = "Laura Elena Treviño Garza"; RL = "head, federal civil protection agency"; G = ("female", "She said pumping")
d.a("Rescue teams in northern Mexico", "the federal civil protection agency", "said",
    "Rescue teams in northern Mexico on Thursday reached seven coal miners who had been trapped underground for 30 hours after a tunnel flooded in the state of Coahuila",
    "federal civil protection agency", None, None, "org")
d.a("Five of the men", "agency head Laura Elena Treviño Garza", "told",
    "Five of the men were brought to the surface alive and two were found dead", SP, RL, G, "full")
d.a("The water level dropped", "Treviño", ("said", 1),
    '"The water level dropped overnight and that allowed the divers to get through,"', SP, RL, G, "surname")
d.a("The water level dropped", "She", ("said", 2),
    "pumping would continue until investigators could safely enter the flooded gallery", SP, RL, G, "")
d.a("The mine's operator", "The mine's operator, Carbonífera del Norte SA", "said in a statement",
    "that it was cooperating with the authorities and would cover all medical costs",
    "Carbonífera del Norte SA", None, None, "org")
d.a("Labor Secretary", "Labor Secretary Andrés Villarreal Cantú", "said",
    "inspectors had found ventilation problems at the mine in 2023 and had ordered the company to fix them",
    "Andrés Villarreal Cantú", "Labor Secretary", None, "full title")
d.a("Relatives who had waited", "Relatives who had waited at the mine entrance since Wednesday", ("said", 1),
    "they had been given little information", None, "relatives of the miners", None, "")
d.a("Relatives who had waited", "Rosa María Hernández, whose husband, Juan Carlos Ramírez, was among the survivors", ("said", 2),
    '"Nobody told us anything for a whole day,"', "Rosa María Hernández", "relative of a survivor", None, "full")

# =====================================================================================
# 23 UK (Wales)
d = Doc("own-uk-wales-doctors-strike-vote", """
Resident doctors in Wales back strike action over pay

CARDIFF, May 20 (Reuters) - Resident doctors in Wales have voted overwhelmingly to strike over pay, their union said on Monday, raising the prospect of walkouts at hospitals across the country next month.

The Association of Hospital Doctors in Wales (AHDW) said 91% of members who voted had backed industrial action, on a turnout of 68%.

Dr Kwabena Asante-Jones, who chairs the AHDW's resident doctors' committee, said doctors had seen their real pay fall by a quarter since 2008. "Nobody wants to strike. But I lose a colleague to Australia every month," Dr Asante-Jones said.

A Welsh Government spokesperson said ministers were "disappointed" by the result and urged the union to return to talks.

Health Secretary Rhiannon Pugh-Evans told the Senedd last week that the government's 5.5% offer was "the most we can afford". Ms Pugh-Evans said she would meet union leaders again before any strike dates were set.
""")
AH = "Association of Hospital Doctors in Wales (AHDW)"
SP = "Kwabena Asante-Jones"; RL = "chair, AHDW resident doctors' committee"
PE = "Rhiannon Pugh-Evans"; PR = "Health Secretary"; PG = ("female", "Ms Pugh-Evans")
d.a("Resident doctors in Wales have voted", "their union", "said",
    "Resident doctors in Wales have voted overwhelmingly to strike over pay", AH, None, None, "org org_backref")
d.a("The Association of Hospital Doctors", "The Association of Hospital Doctors in Wales (AHDW)", "said",
    "91% of members who voted had backed industrial action, on a turnout of 68%", AH, None, None, "org acr_full")
d.a("Dr Kwabena Asante-Jones, who", "Dr Kwabena Asante-Jones, who chairs the AHDW's resident doctors' committee", ("said", 1),
    "doctors had seen their real pay fall by a quarter since 2008", SP, RL, None, "full title")
d.a("Dr Kwabena Asante-Jones, who", "Dr Asante-Jones", ("said", 2),
    '"Nobody wants to strike. But I lose a colleague to Australia every month,"', SP, RL, None, "surname title")
d.a("A Welsh Government spokesperson", "A Welsh Government spokesperson", "said",
    'ministers were "disappointed" by the result', "Welsh Government", "spokesperson", None, "org org_spokes")
d.a("A Welsh Government spokesperson", "A Welsh Government spokesperson", "urged", "the union to return to talks",
    "Welsh Government", "spokesperson", None, "org org_spokes")
d.a("Health Secretary Rhiannon", "Health Secretary Rhiannon Pugh-Evans", "told",
    'that the government\'s 5.5% offer was "the most we can afford"', PE, PR, PG, "full title")
d.a("Health Secretary Rhiannon", "Ms Pugh-Evans", "said",
    "she would meet union leaders again before any strike dates were set", PE, PR, PG, "surname title")

# =====================================================================================
# 24 Ireland
d = Doc("own-ireland-galway-housing-appeal", """
Galway housing scheme for former racecourse site falls at council vote

GALWAY, June 25 - The developer behind a plan for 600 homes on a former racecourse site in Galway said on Tuesday it would appeal, after the scheme failed to win enough votes at a city council meeting.

Councillor Niamh Ní Bhriain, whose ward includes the site, said the site had no school, no bus route and a single access road. "We are not against housing. We are against bad housing," Ní Bhriain said.

Corrib Living Developments said in a statement that the outcome would deepen the city's housing shortage.

The company's founder, Pádraig Ó Flaithearta, said the council had "moved the goalposts" after two years of consultation.

His son, Ciarán Ó Flaithearta, the firm's managing director, told local radio that the appeal would be lodged within four weeks. "We will not walk away from Galway," Ó Flaithearta said, adding that his father had founded the company in the city in 1986.
""", curly=True)
CL = "Corrib Living Developments"
CF = "Ciarán Ó Flaithearta"; CR = "managing director, Corrib Living Developments"; CG = ("male", "His son, Ciarán")
d.a("The developer behind a plan", "The developer behind a plan for 600 homes on a former racecourse site in Galway", "said",
    "it would appeal", CL, None, None, "org org_backref")
d.a("Councillor Niamh", "Councillor Niamh Ní Bhriain, whose ward includes the site", ("said", 1),
    "the site had no school, no bus route and a single access road", "Niamh Ní Bhriain", "councillor", None,
    "full title particle")
d.a("Councillor Niamh", ("Ní Bhriain", 2), ("said", 2), '"We are not against housing. We are against bad housing,"',
    "Niamh Ní Bhriain", "councillor", None, "surname particle")
d.a("Corrib Living Developments said", "Corrib Living Developments", "said in a statement",
    "that the outcome would deepen the city's housing shortage", CL, None, None, "org")
d.a("The company's founder", "The company's founder, Pádraig Ó Flaithearta", "said",
    'the council had "moved the goalposts" after two years of consultation',
    "Pádraig Ó Flaithearta", "founder, Corrib Living Developments", ("male", "His son, Ciarán"), "full particle shared")
d.a("His son, Ciarán", "His son, Ciarán Ó Flaithearta, the firm's managing director", "told",
    "that the appeal would be lodged within four weeks", CF, CR, CG, "full particle shared")
d.a("His son, Ciarán", ("Ó Flaithearta", 2), "said", '"We will not walk away from Galway,"', CF, CR, CG,
    "surname particle shared")
d.a("His son, Ciarán", ("Ó Flaithearta", 2), "adding", "that his father had founded the company in the city in 1986",
    CF, CR, CG, "surname particle shared")

# =====================================================================================
# 25 Australia
d = Doc("own-australia-bunbury-bushfire-charge", """
Man charged over bushfire that destroyed 11 homes near Bunbury

PERTH, Jan 8 (AAP) - A 34-year-old man has been charged with deliberately lighting a bushfire that destroyed 11 homes south of Bunbury in Western Australia, police say.

Det Insp Sunil Karunaratne told reporters the man was arrested at a property in Dardanup on Tuesday night after officers examined phone records and CCTV footage from a service station. "This was not an accident. Someone chose to do this on a day of catastrophic fire danger," he said.

The detective inspector said the accused would appear in Bunbury Magistrates Court on Wednesday.

The WA Fire Service (WAFS) said the blaze had burned through 2,300 hectares before it was contained on Monday. WAFS incident controller Amira Haddad said crews had been hampered by wind gusts of up to 80 km/h.

A spokeswoman for the WA Police Force said detectives were not looking for anyone else.

Lisa Tran, whose family lost their home on Paradise Road, wrote on Facebook that she felt "relief, and then anger" when she heard about the charge.
""")
WP = "WA Police Force"; WF = "WA Fire Service (WAFS)"
SP = "Sunil Karunaratne"; RL = "Detective Inspector"; G = ("male", "he said")
d.a("A 34-year-old man has been charged", "police", "say",
    "A 34-year-old man has been charged with deliberately lighting a bushfire that destroyed 11 homes south of Bunbury in Western Australia",
    WP, None, None, "org org_backref")
d.a("Det Insp Sunil Karunaratne", "Det Insp Sunil Karunaratne", "told",
    "the man was arrested at a property in Dardanup on Tuesday night after officers examined phone records and CCTV footage from a service station",
    SP, RL, G, "full title")
d.a("Det Insp Sunil Karunaratne", "he", "said",
    '"This was not an accident. Someone chose to do this on a day of catastrophic fire danger,"', SP, RL, G, "")
d.a("The detective inspector said", "The detective inspector", "said",
    "the accused would appear in Bunbury Magistrates Court on Wednesday", SP, RL, G, "descriptor")
d.a("The WA Fire Service (WAFS) said", "The WA Fire Service (WAFS)", ("said", 1),
    "the blaze had burned through 2,300 hectares before it was contained on Monday", WF, None, None, "org acr_full")
d.a("The WA Fire Service (WAFS) said", "WAFS incident controller Amira Haddad", ("said", 2),
    "crews had been hampered by wind gusts of up to 80 km/h", "Amira Haddad", "WAFS incident controller", None,
    "full title acr_alone_in_source")
d.a("A spokeswoman for the WA Police Force", "A spokeswoman for the WA Police Force", "said",
    "detectives were not looking for anyone else", WP, "spokeswoman", None, "org org_spokes")
d.a("Lisa Tran, whose family", "Lisa Tran, whose family lost their home on Paradise Road", "wrote on Facebook",
    'that she felt "relief, and then anger" when she heard about the charge',
    "Lisa Tran", "resident (lost home)", ("female", "she felt"), "full")

# =====================================================================================
# 26 Canada
d = Doc("own-canada-ontario-primary-care", """
Ontario to spend C$1.1 billion on 40 new primary-care clinics

TORONTO, Feb 13 (Reuters) - Ontario will spend C$1.1 billion over three years to open 40 new primary-care clinics, Ontario Premier Gurpreet Dhaliwal said on Thursday, as the province struggles with a shortage of family doctors.

"Two and a half million Ontarians don't have a family doctor. That is not acceptable," Dhaliwal told reporters at a clinic in Brampton. The premier said his government would open the first 12 clinics in northern and rural communities by the end of the year.

The Ontario Family Medicine Association (OFMA) welcomed the funding but said it would not end the shortage unless the province also cut paperwork for doctors. OFMA president Dr Adaeze Okafor said in a statement that family doctors spent up to 19 hours a week filling in forms.

New Democrat health critic Marie-Ève Lapointe said the announcement was "a press release, not a plan".

A post on Dhaliwal's official X account later said the province would publish the list of clinic locations in March.
""")
SP = "Gurpreet Dhaliwal"; RL = "Ontario Premier"; G = ("male", "his government")
OF = "Ontario Family Medicine Association (OFMA)"
d.a("Ontario will spend", "Ontario Premier Gurpreet Dhaliwal", "said",
    "Ontario will spend C$1.1 billion over three years to open 40 new primary-care clinics", SP, RL, G, "full title")
d.a("Two and a half million", "Dhaliwal", "told",
    '"Two and a half million Ontarians don\'t have a family doctor. That is not acceptable,"', SP, RL, G, "surname")
d.a("Two and a half million", "The premier", "said",
    "his government would open the first 12 clinics in northern and rural communities by the end of the year",
    SP, RL, G, "descriptor")
d.a("The Ontario Family Medicine Association (OFMA)", "The Ontario Family Medicine Association (OFMA)", "welcomed",
    "the funding", OF, None, None, "org acr_full")
d.a("The Ontario Family Medicine Association (OFMA)", "The Ontario Family Medicine Association (OFMA)", ("said", 1),
    "it would not end the shortage unless the province also cut paperwork for doctors", OF, None, None, "org acr_full")
d.a("The Ontario Family Medicine Association (OFMA)", "OFMA president Dr Adaeze Okafor", "said in a statement",
    "that family doctors spent up to 19 hours a week filling in forms", "Adaeze Okafor", "OFMA president", None,
    "full title acr_alone_in_source")
d.a("New Democrat health critic", "New Democrat health critic Marie-Ève Lapointe", "said",
    'the announcement was "a press release, not a plan"', "Marie-Ève Lapointe", "New Democrat health critic", None,
    "full title")
d.a("A post on Dhaliwal's official X account", "A post on Dhaliwal's official X account", "later said",
    "the province would publish the list of clinic locations in March", SP, RL, G, "artifact")

# =====================================================================================
# 27 US
d = Doc("own-us-oklahoma-tornado", """
Tornado damages dozens of homes in small Oklahoma town

OKLAHOMA CITY, April 28 (Reuters) - A tornado tore through the small Oklahoma town of Redbud Springs late on Sunday, damaging at least 60 homes and an elementary school, but no deaths had been reported, Keechi County officials said.

Sheriff Ramona Silverhorn said eight people were taken to hospital with injuries that were not life-threatening. "The siren gave people about twelve minutes. That's what saved lives tonight," she told KOKW-TV.

The National Weather Service said a preliminary survey indicated an EF-2 tornado with winds of up to 125 mph.

Bao Tran, principal of Redbud Springs Elementary School, said the gym roof had been torn off and several classrooms were flooded. Tran said classes would move to a church hall for the rest of the week.

Oklahoma Governor Walter Hayes wrote on X, formerly Twitter, that state emergency crews were on their way.

Several neighbors said they had sheltered in bathtubs and closets as the storm passed.
""")
SP = "Ramona Silverhorn"; RL = "Sheriff (Keechi County)"; G = ("female", "she told")
d.a("A tornado tore through", "Keechi County officials", "said",
    "A tornado tore through the small Oklahoma town of Redbud Springs late on Sunday, damaging at least 60 homes and an elementary school, but no deaths had been reported",
    "Keechi County", "officials", None, "org org_spokes")
d.a("Sheriff Ramona Silverhorn", "Sheriff Ramona Silverhorn", "said",
    "eight people were taken to hospital with injuries that were not life-threatening", SP, RL, G, "title")
d.a("Sheriff Ramona Silverhorn", "she", "told",
    "\"The siren gave people about twelve minutes. That's what saved lives tonight,\"", SP, RL, G, "")
d.a("The National Weather Service", "The National Weather Service", "said",
    "a preliminary survey indicated an EF-2 tornado with winds of up to 125 mph", "National Weather Service", None, None, "org")
d.a("Bao Tran, principal", "Bao Tran, principal of Redbud Springs Elementary School", ("said", 1),
    "the gym roof had been torn off and several classrooms were flooded",
    "Bao Tran", "principal, Redbud Springs Elementary School", None, "full")
d.a("Bao Tran, principal", ("Tran", 2), ("said", 2), "classes would move to a church hall for the rest of the week",
    "Bao Tran", "principal, Redbud Springs Elementary School", None, "surname")
d.a("Oklahoma Governor Walter Hayes", "Oklahoma Governor Walter Hayes", "wrote on X, formerly Twitter",
    "that state emergency crews were on their way", "Walter Hayes", "Oklahoma Governor", None, "title")
d.a("Several neighbors", "Several neighbors", "said",
    "they had sheltered in bathtubs and closets as the storm passed", None, "neighbors", None, "")

# =====================================================================================
# 28 Uganda
d = Doc("own-uganda-kampala-boda-ban", """
Night-time boda-boda ban takes effect in central Kampala

KAMPALA, Aug 21 (Xinhua) -- Ugandan police on Wednesday announced a night-time ban on motorcycle taxis in Kampala's central business district, saying the vehicles were being used in a wave of robberies.

Uganda Police Force spokesperson SCP Hassan Ssekandi told a news conference that 43 robberies involving motorcycles had been reported in July alone. "Criminals are hiding behind helmets," Ssekandi said.

The Boda Boda Riders Association of Uganda (BRAU) said the ban would cost its 60,000 members in Kampala their night-time earnings. BRAU chairman Hajji Yusuf Mukasa said the association would challenge the ban in court.

"We are not criminals. We are fathers trying to feed our children," Mukasa told Xinhua.

A rider who gave his name only as Ronald said he earned most of his money carrying customers home from bars and nightclubs.
""")
UP = "Uganda Police Force"; BR = "Boda Boda Riders Association of Uganda (BRAU)"
SP = "Hassan Ssekandi"; RL = "Uganda Police Force spokesperson (SCP)"
YM = "Yusuf Mukasa"; YR = "BRAU chairman"; YG = ("male", "Hajji Yusuf Mukasa")
d.a("Ugandan police on Wednesday", "Ugandan police", "announced",
    "a night-time ban on motorcycle taxis in Kampala's central business district", UP, None, None, "org org_backref")
d.a("Ugandan police on Wednesday", "Ugandan police", "saying",
    "the vehicles were being used in a wave of robberies", UP, None, None, "org org_backref")
d.a("Uganda Police Force spokesperson", "Uganda Police Force spokesperson SCP Hassan Ssekandi", "told",
    "that 43 robberies involving motorcycles had been reported in July alone", SP, RL, None, "full title")
d.a("Uganda Police Force spokesperson", ("Ssekandi", 2), "said", '"Criminals are hiding behind helmets,"', SP, RL, None, "surname")
d.a("(BRAU) said", "The Boda Boda Riders Association of Uganda (BRAU)", ("said", 1),
    "the ban would cost its 60,000 members in Kampala their night-time earnings", BR, None, None, "org acr_full")
d.a("(BRAU) said", "BRAU chairman Hajji Yusuf Mukasa", ("said", 2),
    "the association would challenge the ban in court", YM, YR, YG, "full title acr_alone_in_source")
d.a("We are not criminals", "Mukasa", "told",
    '"We are not criminals. We are fathers trying to feed our children,"', YM, YR, YG, "surname")
d.a("A rider who gave his name", "A rider who gave his name only as Ronald", "said",
    "he earned most of his money carrying customers home from bars and nightclubs",
    "Ronald", "motorcycle taxi rider", ("male", "gave his name"), "")

# =====================================================================================
# 29 Vietnam
d = Doc("own-vietnam-laocai-landslide", """
Landslide buries homes in Vietnam's Lao Cai province, 11 missing

HANOI, Sept 9 (Reuters) - A landslide buried at least 14 homes in a village in northern Vietnam's Lao Cai province on Monday, leaving 11 people missing, state media reported.

Nguyen Van Hung, vice chairman of the provincial people's committee, told reporters at the scene that soldiers and police were digging through mud with their hands because heavy machinery could not reach the village. Hung said rescuers had recovered two bodies by nightfall.

The National Weather Forecasting Centre (NWFC) said more than 300 mm of rain had fallen in parts of Lao Cai since Saturday. The centre warned of further landslides and flash floods in mountainous districts over the next 48 hours.

Vang Thi Mai, 45, whose house stood at the edge of the slide, said she had heard "a sound like a train" before the hillside gave way. Mai said her sister's family of five was among those missing.

Volunteers handing out rice at the commune's school said many families had refused to leave their homes despite the warnings.
""")
NW = "National Weather Forecasting Centre (NWFC)"
SP = "Nguyen Van Hung"; RL = "vice chairman, provincial people's committee"
VM = "Vang Thi Mai"; VG = ("female", "she had heard")
d.a("A landslide buried", "state media", "reported",
    "A landslide buried at least 14 homes in a village in northern Vietnam's Lao Cai province on Monday, leaving 11 people missing",
    None, "state media", None, "")
d.a("Nguyen Van Hung, vice chairman", "Nguyen Van Hung, vice chairman of the provincial people's committee", "told",
    "that soldiers and police were digging through mud with their hands because heavy machinery could not reach the village",
    SP, RL, None, "full family_first")
d.a("Nguyen Van Hung, vice chairman", ("Hung", 2), "said", "rescuers had recovered two bodies by nightfall",
    SP, RL, None, "surname family_first")
d.a("(NWFC) said", "The National Weather Forecasting Centre (NWFC)", "said",
    "more than 300 mm of rain had fallen in parts of Lao Cai since Saturday", NW, None, None, "org acr_full")
d.a("(NWFC) said", "The centre", "warned of",
    "further landslides and flash floods in mountainous districts over the next 48 hours", NW, None, None, "org org_backref")
d.a("Vang Thi Mai, 45", "Vang Thi Mai, 45, whose house stood at the edge of the slide", ("said", 1),
    'she had heard "a sound like a train" before the hillside gave way', VM, None, VG, "full family_first")
d.a("Vang Thi Mai, 45", ("Mai", 2), ("said", 2), "her sister's family of five was among those missing", VM, None, VG,
    "surname family_first")
d.a("Volunteers handing out rice", "Volunteers handing out rice at the commune's school", "said",
    "many families had refused to leave their homes despite the warnings", None, "volunteers", None, "")

# =====================================================================================
# 30 Egypt
d = Doc("own-egypt-luxor-workshop-find", """
Archaeologists uncover 3,000-year-old figurine workshop near Luxor

LUXOR, Egypt, Nov 4 (AFP) - Archaeologists have uncovered a 3,000-year-old workshop where artisans made funerary figurines for royal tombs on Luxor's west bank, Egypt's Ministry of Tourism and Antiquities said on Monday.

The ministry said in a Facebook post that the workshop dated to the reign of Amenhotep III and contained kilns, moulds and hundreds of unfinished figures. Photographs released by the ministry showed rows of blue faience figurines laid out on reed mats.

The mission's leader, Dr Nadia Abdel-Aziz, said the team had found more than 400 figurines, many still in their moulds. "It is like walking into a factory that closed yesterday," she said. Abdel-Aziz added that the site could be opened to visitors within two years.

Hisham el-Shennawy, the ministry's director of excavations in Upper Egypt, said the find "rewrites what we knew" about how royal workshops were organised.

Tour operators in Luxor said they hoped the discovery would help revive visitor numbers.
""", curly=True)
MT = "Ministry of Tourism and Antiquities"
SP = "Nadia Abdel-Aziz"; RL = "mission leader"; G = ("female", "she said")
d.a("Archaeologists have uncovered", "Egypt's Ministry of Tourism and Antiquities", "said",
    "Archaeologists have uncovered a 3,000-year-old workshop where artisans made funerary figurines for royal tombs on Luxor's west bank",
    MT, None, None, "org")
d.a("The ministry said in a Facebook post", "The ministry", "said in a Facebook post",
    "that the workshop dated to the reign of Amenhotep III and contained kilns, moulds and hundreds of unfinished figures",
    MT, None, None, "org org_backref")
d.a("The ministry said in a Facebook post", "Photographs released by the ministry", "showed",
    "rows of blue faience figurines laid out on reed mats", MT, None, None, "org artifact")
d.a("The mission's leader", "The mission's leader, Dr Nadia Abdel-Aziz", ("said", 1),
    "the team had found more than 400 figurines, many still in their moulds", SP, RL, G, "full title")
d.a("The mission's leader", "she", ("said", 2), '"It is like walking into a factory that closed yesterday,"', SP, RL, G, "")
d.a("The mission's leader", ("Abdel-Aziz", 2), "added", "that the site could be opened to visitors within two years",
    SP, RL, G, "surname")
d.a("Hisham el-Shennawy", "Hisham el-Shennawy, the ministry's director of excavations in Upper Egypt", "said",
    'the find "rewrites what we knew" about how royal workshops were organised',
    "Hisham el-Shennawy", "director of excavations in Upper Egypt (Ministry of Tourism and Antiquities)", None, "full particle")
d.a("Tour operators in Luxor", "Tour operators in Luxor", "said",
    "they hoped the discovery would help revive visitor numbers", None, "tour operators in Luxor", None, "")


# =====================================================================================
# validation + output
CUE_WORDS = re.compile(
    r"\b(said|says|say|saying|told|tells|added|adding|adds|warned|urged|announced|wrote|showed|reported|according"
    r"|denied|demanded|declined|expected|believed|suspected|welcomed|rejected|argued|asked|called|ordered|comment"
    r"|claim|claims|claimed|allegation|allegations|alleged|report|reports|statement|advised|citing|cited|insisted"
    r"|accused|accusing|confirmed|criticised|praised|promised|vowed|hoped|blamed|apologi[sz]ed)\b", re.I)
DATELINE = re.compile(r"^[A-ZÉ][A-ZÉ .'-]+(, [A-Z][A-Za-z ]+)?, [A-Z][a-z]+\.? \d{1,2}( \([A-Za-z]+\))? (-|--|—) ")


def validate(doc: Doc) -> tuple[int, list[str]]:
    t = doc.text
    notes = []
    lines = t.split("\n")
    head = lines[0]
    assert lines[1] == "", f"{doc.doc_id}: headline not followed by a blank line"
    assert head and head[-1] not in ".!?:;,", f"{doc.doc_id}: headline ends with punctuation"
    m = DATELINE.match(lines[2])
    assert m, f"{doc.doc_id}: no dateline: {lines[2][:60]!r}"
    dl_end = len(head) + 2 + m.end()
    words = len(t.split())
    assert 120 <= words <= 300, f"{doc.doc_id}: {words} words"
    assert 4 <= len(doc.atts) <= 8, f"{doc.doc_id}: {len(doc.atts)} attributions"
    seen_content = set()
    for a in doc.atts:
        for role in ("source", "cue", "content"):
            for s, e in a[role]:
                assert 0 <= s < e <= len(t), (doc.doc_id, role, s, e)
                assert s >= dl_end, f"{doc.doc_id}: span in headline/dateline: {t[s:e]!r}"
                frag = t[s:e]
                assert frag == frag.strip() and frag, (doc.doc_id, frag)
        assert a["content"], doc.doc_id
        if not a["source"]:
            assert a["speaker"] is None
        # no overlap between the roles of one attribution
        ivs = sorted(iv for r in ("source", "cue", "content") for iv in a[r])
        for (s1, e1), (s2, e2) in zip(ivs, ivs[1:]):
            assert e1 <= s2, f"{doc.doc_id}: overlapping roles {t[s1:e1]!r} / {t[s2:e2]!r}"
        key = tuple(map(tuple, a["content"]))
        assert key not in seen_content, f"{doc.doc_id}: duplicate content"
        seen_content.add(key)
        # content: sentence-final punctuation outside quotes excluded
        last = t[a["content"][-1][0]:a["content"][-1][1]]
        assert not last.endswith((".", ";")), f"{doc.doc_id}: content ends with punctuation: {last[-30:]!r}"
        assert a["speaker_gender"] in (None, "female", "male")
        if a["speaker"] is not None:
            assert not PLATFORM_RE.fullmatch(a["speaker"]), f"{doc.doc_id}: platform as speaker"
    # no nesting: no cue inside another attribution's content
    for i, a in enumerate(doc.atts):
        for j, b in enumerate(doc.atts):
            if i == j:
                continue
            for cs, ce in a["cue"]:
                for s, e in b["content"]:
                    assert not (s <= cs and ce <= e), f"{doc.doc_id}: cue {t[cs:ce]!r} nested in another content"
    # scan: cue-like words outside any annotated span (for review)
    covered = [(s, e) for a in doc.atts for r in ("source", "cue", "content") for s, e in a[r]]
    for mm in CUE_WORDS.finditer(t):
        if mm.start() < dl_end and mm.start() >= len(head):
            pass
        if not any(s <= mm.start() < e for s, e in covered):
            ctx = t[max(0, mm.start() - 40):mm.end() + 40].replace("\n", " ")
            where = "HEADLINE" if mm.start() < len(head) else "text"
            notes.append(f"  uncovered cue-like word ({where}): {mm.group(0)!r}: ...{ctx}...")
    return words, notes


def main():
    ids = [d.doc_id for d in DOCS]
    assert len(ids) == len(set(ids)), "duplicate doc_id"
    listing = []
    counts = Counter()
    genders_by_person = {}
    total_words = 0
    for doc in DOCS:
        words, notes = validate(doc)
        total_words += words
        t = doc.text
        listing.append(f"=== {doc.doc_id}  ({words} words, {len(doc.atts)} attributions)")
        listing.extend(notes)
        counts["passages"] += 1
        counts["headline"] += 1
        counts["dateline"] += 1
        if PLATFORM_RE.search(t):
            counts["passages mentioning a platform"] += 1
        shared = False
        for a, m in zip(doc.atts, doc.meta):
            f = lambda sp: " || ".join(t[s:e] for s, e in sp)
            src = f(a["source"])
            listing.append(f"  {src!r} | {f(a['cue'])!r} | {f(a['content'])[:90]!r}\n"
                           f"      -> {a['speaker']!r} / {a['speaker_role']!r} / {a['speaker_gender']!r}   [{' '.join(sorted(m['tags']))}]")
            counts["attributions"] += 1
            tags = set(m["tags"])
            if src.lower() in PRONOUNS:
                tags.add("pronoun")
            if a["source"] and a["speaker"] is None:
                tags.add("unnamed")
            if PLATFORM_RE.search(src + " " + f(a["cue"])):
                tags.add("platform_channel")
            if a["speaker_gender"]:
                tags.add(a["speaker_gender"])
            if "shared" in tags:
                shared = True
            for tg in tags:
                counts["tag:" + tg] += 1
            if a["speaker"] and a["speaker_gender"]:
                genders_by_person[(doc.doc_id, a["speaker"])] = a["speaker_gender"]
        if shared:
            counts["passages with two people sharing a surname"] += 1
    counts["distinct female speakers"] = sum(1 for g in genders_by_person.values() if g == "female")
    counts["distinct male speakers"] = sum(1 for g in genders_by_person.values() if g == "male")
    counts["words"] = total_words
    with OUT.open("w", encoding="utf-8") as fh:
        for doc in DOCS:
            fh.write(json.dumps(doc.record(), ensure_ascii=False) + "\n")
    LISTING.write_text("\n".join(listing) + "\n", encoding="utf-8")
    for k in sorted(counts):
        print(f"{k}: {counts[k]}")
    if "--listing" in sys.argv:
        print("\n".join(listing))


if __name__ == "__main__":
    main()
