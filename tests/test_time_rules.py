"""The time tagger's rules as declarations (lang/<code>/time_rules.py): each rule's examples
tag as declared, each rule is well-formed, and the loader refuses broken declarations."""
import re

import pytest

from dateline.time import rules as R
from dateline.time import tagger as T
from dateline.time.tagger import tag


def _examples():
    for rule in R.RULES:
        for i, ex in enumerate(rule.examples):
            yield pytest.param(rule, ex, id=f"{rule.name}-{i}")


def test_every_rule_has_an_example():
    assert [r.name for r in R.RULES if not r.examples] == []


@pytest.mark.parametrize("rule,example", list(_examples()))
def test_rule_example(rule, example):
    text, ref, span, value = example
    assert span in text, f"{rule.name}: the example's span is not in its text"
    got = [(m.text, m.value) for m in tag(text, ref)]
    assert (span, value) in got, f"{rule.name}: {text!r} -> {got}"


@pytest.mark.parametrize("rule,example", list(_examples()))
def test_rule_example_is_found_by_its_rule(rule, example):
    """The example exercises the rule it is declared with, not a neighbour."""
    text, _, span, _ = example
    low = text.lower() if len(text.lower()) == len(text) else None
    subject = low if low is not None else text
    rx = rule.rx_lower if low is not None else rule.rx
    spans = []
    for m in rx.finditer(subject):
        spans.append(m.span("x") if "x" in rx.groupindex else m.span())
    start = text.index(span)
    end = start + len(span)   # a merged span ("10 November 2020 at 14:30") holds the match
    assert any(s < end and start < e for s, e in spans), f"{rule.name} does not match {span!r}"


def test_every_rule_has_a_normaliser_and_a_unique_priority():
    for r in R.RULES:
        assert callable(T._HANDLERS[r.name])
    prios = [r.priority for r in R.RULES]
    assert len(set(prios)) == len(prios)
    assert prios == sorted(prios)


def test_anchored_rules_declare_what_anchors_them():
    for r in R.RULES:
        if not r.whole_text:
            assert r.anchors or r.digits, r.name
        for k in r.digits:
            assert k in R.DIGIT_KINDS


def test_slots_take_every_languages_alternatives():
    # the English clock-time rule gets the Russian zone form through the ZONE slot
    ms = tag("Огонь прекращен в 00:00 по московскому времени 10 ноября 2020 года.", "2020-11-10")
    assert any(m.value.endswith("+03:00") for m in ms), [(m.text, m.value) for m in ms]
    assert "«" not in R.BY_NAME["time"].pattern


def test_priority_breaks_ties_between_equally_long_candidates(monkeypatch):
    # "1991" is matched by "year" alone; a copy of "year" with a lower number and a
    # normaliser that gives another value wins the tie, wherever it is declared
    cands = [c for c in T._candidates("It happened in 1991.", False) if c[3] == "year"]
    assert cands and T._select(cands, "It happened in 1991.", [])[0][3] == "year"
    later = (cands[0][0], cands[0][1], cands[0][2] + 1, "decade", cands[0][4])
    sooner = (cands[0][0], cands[0][1], cands[0][2] - 1, "century", cands[0][4])
    chosen = T._select([later, cands[0], sooner], "It happened in 1991.", [])
    assert [c[3] for c in chosen] == ["century"]


def _load_with(monkeypatch, rule: dict):
    from dateline.lang.en import time_rules as en
    monkeypatch.setattr(en, "RULES", _DECLARED + [rule])
    return R.load()


from dateline.lang.en.time_rules import RULES as _DECLARED  # noqa: E402


def test_loader_refuses_unknown_keys(monkeypatch):
    with pytest.raises(ValueError, match="unknown keys"):
        _load_with(monkeypatch, dict(name="x1", priority=9999, anchors=("now",), pattern="now",
                                     exmaples=[]))


def test_loader_refuses_duplicate_names_and_priorities(monkeypatch):
    with pytest.raises(ValueError, match="declared twice"):
        _load_with(monkeypatch, dict(name="iso", priority=9999, anchors=("now",), pattern="now"))
    with pytest.raises(ValueError, match="share a priority"):
        _load_with(monkeypatch, dict(name="x2", priority=R.RULES[0].priority,
                                     anchors=("now",), pattern="now"))


def test_loader_refuses_an_example_without_its_reference_date(monkeypatch):
    with pytest.raises(ValueError, match="reference date"):
        _load_with(monkeypatch, dict(name="x5", priority=9999, anchors=("now",), pattern="now",
                                     examples=[("It is now.", "now", "PRESENT_REF")]))


def test_loader_refuses_a_rule_that_could_never_run(monkeypatch):
    with pytest.raises(ValueError, match="no anchors"):
        _load_with(monkeypatch, dict(name="x3", priority=9999, pattern="now"))
    with pytest.raises(ValueError, match="digit kind"):
        _load_with(monkeypatch, dict(name="x4", priority=9999, digits=("yaer",), pattern=r"\d"))


def test_lower_pattern_keeps_escapes_and_group_names():
    assert R.lower_pattern(r"(?P<x>\d{4})\S+March") == r"(?P<x>\d{4})\S+march"
    assert re.compile(R.lower_pattern(r"\D\W(?P<x>ABC)")).pattern == r"\D\W(?P<x>abc)"
