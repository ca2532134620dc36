"""Conflicts on the seed corpus and on hostile look-alikes built through the pipeline."""
import json

from dateline.export.json import export
from dateline.pipeline import build
from dateline.settings import SETTINGS
from dateline.store import Store


def _values(c):
    return [x["value"] for x in c["claims"]]


def test_contingent_size_is_an_approximate_agreement(seed_export):
    data, by_name = seed_export
    nums = [c for c in data["conflicts"] if c["kind"] == "number"]
    size = [c for c in nums if "1,960 soldiers" in _values(c)]
    assert len(size) == 1
    c = size[0]
    assert "nearly 2,000 troops" in _values(c)
    assert c["classification"] == "approximate"   # never listed as a contradiction
    assert {x["doc"] for x in c["claims"]} == {by_name["003"]["id"], by_name["004"]["id"]}


def test_look_alike_numbers_are_not_conflicts(seed_export):
    data, _ = seed_export
    assert data["conflicts"]
    for c in data["conflicts"]:
        vals = " ".join(_values(c))
        assert "planes" not in vals                 # 140 planes vs 1,960 soldiers
        assert "15 to 20" not in vals               # share of lost territory vs share of Azerbaijan
        assert not ("20 percent" in vals and "20 per cent" in vals)  # same figure: agreement
    assert sum(1 for c in data["conflicts"] if c["kind"] == "number") == 1


def test_kalbajar_deadline_change_is_a_revision(seed_export):
    data, by_name = seed_export
    dates = [c for c in data["conflicts"] if c["kind"] == "date"]
    assert len(dates) == 1
    c = dates[0]
    assert set(_values(c)) == {"2020-11-20", "2020-11-25"}
    assert c["classification"] == "revised"
    assert any(x["stated_as"] == "extension" and "delay" in x["quote"] for x in c["claims"])
    commitment = next(k for k in data["commitments"] if k["id"] == c["commitment"])
    assert commitment["deadline"] == "2020-11-25"


def test_opposing_claims_about_who_attacked(seed_export):
    data, by_name = seed_export
    facts = [c for c in data["conflicts"] if c["kind"] == "fact"]
    assert len(facts) == 1
    c = facts[0]
    assert c["classification"] == "contradiction"
    assert "2020-09-27" in c["about"]
    quotes = " ".join(x["quote"] for x in c["claims"])
    assert "accused Armenia of “large-scale provocation”" in quotes
    assert "The Armenian authorities, in turn, stated" in quotes
    assert set(_values(c)) == {"Armenia started it", "Azerbaijan started it"}


def test_conflict_quotes_are_verbatim(seed_export):
    data, _ = seed_export
    texts = {d["id"]: d["text"] for d in data["documents"]}
    assert data["conflicts"]
    for c in data["conflicts"]:
        assert len(c["claims"]) >= 2
        for x in c["claims"]:
            assert texts[x["doc"]][x["start"]:x["end"]] == x["quote"]
            if "span" in x:
                sp = x["span"]
                assert texts[x["doc"]][sp["start"]:sp["end"]] == sp["text"]


def _build(tmp_path, articles):
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(json.dumps(a) for a in articles) + "\n")
    db = tmp_path / "t.db"
    assert not build([str(p)], str(db), workers=1).failed
    with Store(db, readonly=True) as st:
        return export(st)


def test_different_units_and_bases_are_not_conflicts(tmp_path):
    data = _build(tmp_path, [
        {"date": "2021-05-02", "title": "Airlift",
         "text": "On May 1, Kenya sent 140 planes with its peacekeepers to Somalia. The mission in "
                 "Somalia will have 1,960 soldiers, Kenya said."},
        {"date": "2021-05-03", "title": "Vote",
         "text": "The ruling party won 40 percent of the vote in Somalia. Government forces control "
                 "60 percent of the territory of Somalia, Kenya said."},
        {"date": "2021-05-04", "title": "Control",
         "text": "Government forces control 60 percent of the territory of Somalia, officials in "
                 "Kenya said. The party won 45 percent of the seats."}])
    nums = [c for c in data["conflicts"] if c["kind"] == "number"]
    assert nums == []


_MISSION = [
    {"date": "2021-05-02", "title": "Mission",
     "text": "Kenya will deploy a peacekeeping mission of 3,000 troops to Somalia along the "
             "border, Kenyan officials said."},
    {"date": "2021-05-03", "title": "Mission",
     "text": "Kenyan officials said the peacekeeping mission to Somalia would number 10,000 "
             "soldiers along the border."}]


def test_real_number_contradiction(tmp_path):
    data = _build(tmp_path, _MISSION)
    nums = [c for c in data["conflicts"] if c["kind"] == "number"]
    assert len(nums) == 1 and nums[0]["classification"] == "contradiction"


def test_contradiction_window_is_a_setting(tmp_path, monkeypatch):
    # the same reports one day apart are no contradiction when the window is 0 days
    monkeypatch.setattr(SETTINGS.reason, "CONTRADICTION_DAYS", 0)
    data = _build(tmp_path, _MISSION)
    assert [c for c in data["conflicts"] if c["kind"] == "number"] == []


def test_casualties_of_different_kinds_do_not_conflict(tmp_path):
    data = _build(tmp_path, [
        {"date": "2021-05-02", "title": "Attack",
         "text": "Twelve civilians were killed in the attack on Mogadishu, Somalia officials said."},
        {"date": "2021-05-03", "title": "Attack",
         "text": "Thirty civilians were injured in the attack on Mogadishu, Somalia officials said."}])
    assert [c for c in data["conflicts"] if c["kind"] == "number"] == []


def test_a_tally_updated_days_later_is_a_revision_not_a_contradiction(tmp_path):
    # found on Timeline17: "Mexico has now confirmed 19 fatalities" vs "... 25 fatalities"
    # a few days later is a running count: listed as a revision (an update), never as a
    # disagreement
    data = _build(tmp_path, [
        {"date": "2021-05-02", "title": "Outbreak",
         "text": "Health officials in Mexico have now confirmed 19 deaths from the virus in Mexico City."},
        {"date": "2021-05-06", "title": "Outbreak",
         "text": "Health officials in Mexico have now confirmed 25 deaths from the virus in Mexico City."}])
    nums = [c for c in data["conflicts"] if c["kind"] == "number"]
    assert [c["classification"] for c in nums] == ["revision"]
    assert [x["value"] for x in nums[0]["claims"]] == ["19 deaths", "25 deaths"]


def test_a_lower_count_days_later_is_no_revision(tmp_path):
    data = _build(tmp_path, [
        {"date": "2021-05-02", "title": "Outbreak",
         "text": "Health officials in Mexico have now confirmed 25 deaths from the virus in Mexico City."},
        {"date": "2021-05-06", "title": "Outbreak",
         "text": "Health officials in Mexico have now confirmed 19 deaths from the virus in Mexico City."}])
    assert [c for c in data["conflicts"] if c["kind"] == "number"] == []


def test_money_claims_are_quantities(tmp_path):
    data = _build(tmp_path, [
        {"date": "2021-05-02", "title": "Assets", "source": "A",
         "text": "The U.S. government froze $ 30 billion in Libyan government assets, a Treasury official said."},
        {"date": "2021-05-03", "title": "Assets", "source": "B",
         "text": "The U.S. government froze $ 34 billion in Libyan government assets, a Treasury official said."}])
    nums = [c for c in data["conflicts"] if c["kind"] == "number"]
    assert [x["value"] for x in nums[0]["claims"]] == ["$ 30 billion", "$ 34 billion"]
    assert nums[0]["classification"] == "contradiction"


def test_same_words_without_a_shared_entity_are_not_the_same_quantity(tmp_path):
    # found on Timeline17: two commercial shrimp fishermen named in a lawsuit vs 500 fishermen
    # hired for a clean-up
    data = _build(tmp_path, [
        {"date": "2021-05-02", "title": "Suit",
         "text": "The suit was filed on behalf of two commercial shrimp fishermen working the coast."},
        {"date": "2021-05-02", "title": "Clean-up",
         "text": "The company hired 500 commercial shrimp fishermen working the coast for the clean-up."}])
    assert [c for c in data["conflicts"] if c["kind"] == "number"] == []


def test_abbreviated_scales_are_read_as_figures(tmp_path):
    # "$34bn" is $34 billion: the same claim as "$ 34 billion", and unlike "$ 30 billion"
    data = _build(tmp_path, [
        {"date": "2021-05-02", "title": "Assets", "source": "A",
         "text": "The U.S. government froze $30bn in Libyan government assets, a Treasury official said."},
        {"date": "2021-05-03", "title": "Assets", "source": "B",
         "text": "The U.S. government froze $ 34 billion in Libyan government assets, a Treasury official said."}])
    nums = [c for c in data["conflicts"] if c["kind"] == "number"]
    assert [x["value"] for x in nums[0]["claims"]] == ["$30bn", "$ 34 billion"]
    assert nums[0]["classification"] == "contradiction"


def test_abbreviated_scale_values():
    from dateline.reason.conflicts import _value
    assert _value("5m") == 5e6 and _value("20bn") == 2e10 and _value("4.4mn") == 4.4e6
    assert _value("500k") == 5e5 and _value("1.2 trillion") == 1.2e12


def test_a_bound_and_the_figure_are_an_approximate_agreement(tmp_path):
    # "at least $30 billion" vs "$30 billion": the same figure, one given as a lower bound
    data = _build(tmp_path, [
        {"date": "2021-05-02", "title": "Assets", "source": "A",
         "text": "The U.S. government froze at least $30 billion in Libyan government assets, a Treasury official said."},
        {"date": "2021-05-03", "title": "Assets", "source": "B",
         "text": "The U.S. government froze $ 30 billion in Libyan government assets, a Treasury official said."}])
    nums = [c for c in data["conflicts"] if c["kind"] == "number"]
    assert [x["value"] for x in nums[0]["claims"]] == ["at least $30 billion", "$ 30 billion"]
    assert nums[0]["classification"] == "approximate"


def test_a_spaced_scale_counts_only_before_what_is_counted():
    # "4.9 m barrels" is 4.9 million (BBC style); "4.9 m tall" stays metres
    from dateline.reason import conflicts as C

    def values(text):
        return [C._value(m.group("a")) for m in C._NUMBER_RE.finditer(text)]
    assert values("the well leaked 4.9 m barrels of oil") == [4_900_000.0]
    assert values("Nearly 5m barrels") == [5_000_000.0]
    assert values("a wall 4.9 m tall") == [4.9]
