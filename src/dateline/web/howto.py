"""What the marks on the web app's pages mean: the "How to read this" page (/how-to-read) and
its JSON twin. One entry per term; the commitment statuses and kinds cover every value of
model.COMMITMENT_STATUSES and model.COMMITMENT_KINDS (a test checks it)."""
from __future__ import annotations

SECTIONS = [
    ("How an event is stated", "modality", [
        ("asserted", "The article states it as a fact in its own voice: “Troops withdrew from Aghdam.”"),
        ("reported", "The article attributes it to someone (“the ministry said troops withdrew”); "
                     "the page names who, and that party is not the outlet."),
        ("planned", "It has not happened yet when the article was written: a schedule, a plan or "
                    "an announcement (“talks will resume on 1 December”)."),
    ]),
    ("Which events matter", "importance", [
        ("importance", "How many independent articles report the event (a paragraph copied between "
                       "articles counts once). The timeline's “top N” and the sort by importance use it."),
        ("sources", "The sentences the event was read from, each linked to its place in its article; "
                    "every quote is verbatim."),
        ("background", "History the articles recall from before the story window (the period most "
                       "of the articles report on): shown, marked, and hidden with “hide background”."),
        ("off-topic", "An event on the page that belongs to another story (a sidebar, a digest of "
                      "other news), ranked lower."),
        ("date uncertain", "The date rests on a publication date inferred from the article's content, "
                           "or a day without a year placed by the tense: check the source."),
    ]),
    ("Commitment statuses", "status", [
        ("pending", "Due later than the latest article, or no due date and no later report."),
        ("met", "A later report says it was done by its due date."),
        ("met_late", "A later report says it was done, but after the due date."),
        ("missed", "The due date passed before the latest article and no report says it was done."),
        ("unknown", "Reports exist but do not say whether it was done."),
        ("broken", "A later report says it was not done, or the party went back on it."),
        ("postponed", "The due date was moved: a delay or extension was reported (its history lists each date)."),
        ("cancelled", "A later report says it was called off."),
        ("disputed", "Sources disagree on whether it was done (listed under Disagreements too)."),
    ]),
    ("Commitment kinds", "kind", [
        ("promise", "Someone pledges to do something, with or without a date (“promised to publish the report”)."),
        ("deadline", "A date by which something must happen, an ultimatum (“has to leave within three days”)."),
        ("agreement_term", "A term of an agreement (“under the agreement, Armenia returns Kalbajar by 15 November”)."),
        ("scheduled", "An event set for a date (“the vote is set for Tuesday”)."),
    ]),
    ("Disagreements", "classification", [
        ("contradiction", "Sources give incompatible values for the same thing: figures, dates, who started it, whether it was done."),
        ("approximate", "Figures that agree within their hedges or rounding (“nearly 2,000” and “1,960”): listed, not a contradiction."),
        ("revised", "A later date for a deadline that a source explains as a delay or extension."),
        ("revision", "A later report gives a higher count: an update rather than a contradiction."),
    ]),
]


def as_json() -> dict:
    return {"sections": [{"title": t, "field": f, "terms": [{"term": k, "means": v} for k, v in terms]}
                         for t, f, terms in SECTIONS]}
