import time

from dateline.model import Paragraph
from dateline.sentences import split, split_text


def test_abbreviations_and_dates():
    t = ("BAKU, Azerbaijan, Dec. 3 talks ended. Lt. Gen. Rustam Muradov met U.S. officials on "
         "Sept. 27. He said \"no.\" Then he left.")
    assert split_text(t) == [
        "BAKU, Azerbaijan, Dec. 3 talks ended.",
        "Lt. Gen. Rustam Muradov met U.S. officials on Sept. 27.",
        'He said "no."', "Then he left."]


def test_acronym_at_sentence_end():
    assert split_text("Troops entered the U.S. The president said so.") == [
        "Troops entered the U.S.", "The president said so."]


def test_initials_and_numbers():
    assert split_text("J. Smith arrived at 3 p.m. on Monday. Another one! And No. 5 is here.") == [
        "J. Smith arrived at 3 p.m. on Monday.", "Another one!", "And No. 5 is here."]


def test_ptb_tokens():
    t = "The president said . `` We won , '' he said . -LRB- AP -RRB- Next one ?"
    assert split_text(t) == ["The president said .", "`` We won , '' he said .",
                             "-LRB- AP -RRB- Next one ?"]


def test_quotes_and_lines():
    t = "Headline without period\nBody text here. More.\n“Quote here,” the ministry said. .\nnext"
    assert split_text(t) == ["Headline without period", "Body text here.", "More.",
                             "“Quote here,” the ministry said. .", "next"]


def test_paragraph_boundaries_and_offsets():
    t = "First para. Still first\n\nSecond para starts here. Ends."
    paras = [Paragraph(0, 23), Paragraph(25, len(t))]
    spans = split(t, paras)
    assert [t[s:e] for s, e in spans] == ["First para.", "Still first",
                                           "Second para starts here.", "Ends."]
    for s, e in spans:
        assert any(p.start <= s and e <= p.end for p in paras)
    assert split(t, [(0, 23)]) == [(0, 11), (12, 23)]


def test_russian():
    t = "Завершились обсуждения. Как передает в субботу Trend, обсуждения будут продолжены."
    assert len(split(t)) == 2


def test_speed():
    text = ("Lt. Gen. Rustam Muradov met U.S. officials on Sept. 27 in Baku. "
            "“We agreed,” he said. ") * 2000
    t0 = time.perf_counter()
    spans = split(text)
    dt = time.perf_counter() - t0
    assert len(spans) == 4000
    assert dt < 1.0


def test_a_dated_list_after_a_colon_is_one_sentence_per_item():
    """"Here is a timeline ... : Feb. 15 , 2011 - ... Feb. 17 - ...": the heading and each
    dated item are sentences of their own; a colon before a plain date is not a break."""
    text = ("Here is a timeline of the war since protests began in February : Feb. 15\\/16 , 2011 - "
            "The arrest of an activist sparks a riot in Benghazi . Feb. 17 - Activists hold a day "
            "of rage .")
    assert split_text(text) == [
        "Here is a timeline of the war since protests began in February :",
        "Feb. 15\\/16 , 2011 - The arrest of an activist sparks a riot in Benghazi .",
        "Feb. 17 - Activists hold a day of rage ."]
    assert split_text("The minister said: May 6 was a great day. He left.") == [
        "The minister said: May 6 was a great day.", "He left."]
