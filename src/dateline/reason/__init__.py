"""The reason stage: commitments (what was promised, by when, whether it was kept) and
conflicts (where sources disagree), as dateline/1 export objects.

``reason(store) -> (commitments, conflicts)``; deterministic: ids are content hashes and
every quote is verbatim at its offsets in its document's cleaned text.
"""
from __future__ import annotations

from .commitments import build_context, find as find_commitments
from .conflicts import find as find_conflicts
from .pledges import find as find_pledges

__all__ = ["reason"]


# the steps of reason(), in order, for a progress bar
STEPS = ("context", "commitments", "pledges", "conflicts")


def reason(store, on_step=None) -> tuple[list[dict], list[dict]]:
    """``on_step(done, total)`` hears each of STEPS end (a build's progress bar)."""
    def step(i: int) -> None:
        if on_step:
            on_step(i, len(STEPS))

    ctx = build_context(store)
    step(1)
    commitments, internals = find_commitments(ctx)
    step(2)
    # promises, deadlines and schedules without a hand-over table entry, from the parse; a
    # sentence a commitment above already states is left to it
    taken = {(s["doc"], s["start"]) for c in commitments for s in c["sources"]}
    commitments = commitments + find_pledges(ctx, taken, commitments)
    step(3)
    conflicts = find_conflicts(ctx, commitments, internals)
    step(4)
    return commitments, conflicts
