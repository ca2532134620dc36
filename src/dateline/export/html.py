"""A self-contained static HTML report: one file that opens from disk with no server and
loads nothing from anywhere (inline CSS, no JavaScript, no fonts, no images).

Sections: title and as_of; in brief (the story in 10 days, as ``dateline digest``, when the
report is made from a database); the timeline (story events by date, then background events
apart), each event with its sources (outlet, date, quote with the trigger marked, offsets);
the commitments board (one column per status); conflicts (each claim with its source); the
source list (documents).

All text from articles is untrusted: everything is escaped with ``html.escape`` (quotes
included) before it enters the markup, the only links made are ``http``/``https`` document
URLs (``rel="noreferrer noopener"``), and a Content-Security-Policy meta tag forbids scripts,
remote styles, fonts and images, so a mistake in escaping still could not run code or fetch
anything.
"""
from __future__ import annotations

from html import escape
from typing import Any

from ..render_util import safe_url
from ..model import COMMITMENT_STATUSES
from ..settings import SETTINGS
from . import Out, as_data, edited, names, outlets, text_out
from .timelinejs import display

STATUSES = list(COMMITMENT_STATUSES)
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
       "form-action 'none'")

CSS = """
:root{--ink:#1d2330;--muted:#5d6678;--line:#d9dee8;--bg:#f6f7fa;--card:#fff;--accent:#2f5fb3;
--bg-accent:#eaf0fb;--mark:#fff1b8;--planned:#7a4fb5;--reported:#1f7a6d;--bgev:#8a6d3b}
*{box-sizing:border-box}
html{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
body{margin:0}
header.top{background:#1d2a44;color:#fff;padding:28px 0 18px}
.wrap{max-width:60rem;margin:0 auto;padding:0 20px}
header.top h1{margin:0 0 4px;font-size:1.8rem;letter-spacing:-.01em}
header.top .sub{margin:0;color:#c9d3e6}
nav{margin-top:14px;display:flex;gap:6px;flex-wrap:wrap}
nav a{color:#fff;text-decoration:none;background:rgba(255,255,255,.12);padding:3px 12px;border-radius:999px;font-size:.9rem}
nav a:hover{background:rgba(255,255,255,.25)}
section{margin:34px 0}
h2{font-size:1.35rem;margin:0 0 4px;border-bottom:2px solid var(--line);padding-bottom:6px}
h2 .count{color:var(--muted);font-weight:400;font-size:1rem}
.note{color:var(--muted);margin:6px 0 14px;font-size:.92rem}
.empty{color:var(--muted);font-style:italic;background:var(--card);border:1px dashed var(--line);border-radius:8px;padding:14px}
ol.tl{list-style:none;margin:16px 0 0;padding:0 0 0 22px;border-left:3px solid var(--line)}
ol.tl>li{position:relative;margin:0 0 14px}
ol.tl>li:before{content:"";position:absolute;left:-30px;top:16px;width:13px;height:13px;border-radius:50%;background:var(--accent);border:3px solid var(--bg)}
ol.tl.background>li:before{background:var(--bgev)}
.card{overflow-wrap:anywhere;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px;box-shadow:0 1px 2px rgba(20,30,50,.05)}
.date{font-weight:700;color:var(--accent);font-variant-numeric:tabular-nums}
.background .date{color:var(--bgev)}
.summary{margin:4px 0 8px;font-size:1.02rem}
.chips{display:flex;flex-wrap:wrap;gap:5px;margin:0 0 8px}
.chip{font-size:.78rem;padding:1px 9px;border-radius:999px;background:var(--bg-accent);color:#24457f;border:1px solid #d3def3}
.edited{margin:0 0 8px;font-size:.82rem;color:#7a4b00;background:#fff6e0;border-radius:6px;padding:2px 8px}
.chip.star{background:#fff3c4;color:#6b5200;border-color:#f0dc8a}
.chip.place{background:#eef6ee;color:#2d5a2d;border-color:#d5e8d5}
.chip.m-asserted{background:#f1f2f5;color:var(--muted);border-color:var(--line)}
.chip.m-reported{background:#e6f4f1;color:var(--reported);border-color:#c9e6df}
.chip.m-planned{background:#f1eafa;color:var(--planned);border-color:#e0d2f2}
blockquote{margin:6px 0 2px;padding:6px 12px;border-left:3px solid var(--line);color:#333b4c;background:#fafbfc;border-radius:0 6px 6px 0;font-size:.93rem}
mark{background:var(--mark);padding:0 1px;border-radius:2px}
.cite{margin:0 0 8px;color:var(--muted);font-size:.82rem}
.cite .outlet{font-weight:600;color:var(--ink)}
.cite .mono{white-space:nowrap}
details>summary{cursor:pointer;color:var(--accent);font-size:.85rem;margin:2px 0 6px}
ol.src{margin:0;padding-left:18px}
.board{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin-top:14px}
.col{background:#eef0f5;border-radius:10px;padding:10px}
.col h3{margin:0 0 8px;font-size:.95rem;display:flex;justify-content:space-between}
.col .card{padding:10px 12px;margin-bottom:8px;font-size:.9rem}
.col.met h3{color:#2d6a2d}.col.missed h3{color:#a33}.col.met_late h3{color:#8a6d00}.col.pending h3{color:var(--accent)}
.deadline{font-weight:700;font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden;font-size:.9rem}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eef0f5;font-weight:600}
td a{color:var(--accent)}
td.mono,.mono{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.8rem;color:var(--muted);word-break:break-all}
.conflict{margin-bottom:12px}
.conflict h3{margin:0 0 6px;font-size:1rem}
.claims{list-style:none;padding:0;margin:0}
.claims li{margin:6px 0}
.value{font-weight:700;background:#fdeaea;color:#8a2323;padding:0 8px;border-radius:6px}
footer{color:var(--muted);font-size:.82rem;padding:20px 0 40px;border-top:1px solid var(--line);margin-top:40px}
@media print{header.top{background:none;color:var(--ink)}nav{display:none}header.top .sub{color:var(--muted)}details{display:block}}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _quote(s: dict) -> str:
    """The quote, escaped, with the trigger marked when the offsets agree with the text."""
    q, trig = s.get("quote") or "", s.get("trigger")
    if trig and isinstance(s.get("start"), int):
        a, b = trig["start"] - s["start"], trig["end"] - s["start"]
        if 0 <= a < b <= len(q) and q[a:b] == trig["text"]:
            return f"{_e(q[:a])}<mark>{_e(q[a:b])}</mark>{_e(q[b:])}"
    return _e(q)


def _cite(s: dict, docs: dict, ents: dict) -> str:
    d = docs.get(s.get("doc"), {})
    bits = [f"<span class=\"outlet\">{_e(d.get('outlet') or s.get('doc'))}</span>"]
    if d.get("published"):
        bits.append(_e(display(d["published"])))
    if s.get("attributed_to"):
        bits.append("according to " + _e(ents.get(s["attributed_to"], s["attributed_to"])))
    if isinstance(s.get("start"), int):
        bits.append(f"<span class=\"mono\" title=\"document {_e(s.get('doc'))}, characters "
                    f"{s['start']}–{s['end']}\">{_e(str(s.get('doc'))[:8])}:{s['start']}–{s['end']}</span>")
    return "<p class=\"cite\">" + " · ".join(bits) + "</p>"


def _source_block(s: dict, docs: dict, ents: dict) -> str:
    return f"<blockquote>“{_quote(s)}”</blockquote>{_cite(s, docs, ents)}"


def _event(ev: dict, docs: dict, ents: dict) -> str:
    chips = [f"<span class=\"chip m-{_e(ev.get('modality'))}\">{_e(ev.get('modality'))}</span>"]
    if ev.get("starred"):
        chips.insert(0, "<span class=\"chip star\">★ starred</span>")
    chips += [f"<span class=\"chip\">{_e(ents.get(a, a))}</span>" for a in dict.fromkeys(ev.get("actors", []))]
    chips += [f"<span class=\"chip place\">{_e(ents.get(p, p))}</span>" for p in dict.fromkeys(ev.get("places", []))]
    srcs = ev.get("sources", [])
    body = ""
    if srcs:
        body = _source_block(srcs[0], docs, ents)
        if len(srcs) > 1:
            outs = sorted({docs.get(s["doc"], {}).get("outlet") or s["doc"] for s in srcs[1:]})
            more = "".join(f"<li>{_source_block(s, docs, ents)}</li>" for s in srcs[1:])
            body += (f"<details><summary>{len(srcs) - 1} more source{'s' if len(srcs) > 2 else ''}: "
                     f"{_e(', '.join(outs))}</summary><ol class=\"src\">{more}</ol></details>")
    return (f"<li id=\"ev-{_e(ev['id'])}\"><div class=\"card\"><div class=\"date\">{_e(display(ev['date']))}</div>"
            f"<p class=\"summary\">{_e(ev['summary'])}</p><div class=\"chips\">{''.join(chips)}</div>"
            + _edited(ev) + f"{body}</div></li>")


def _edited(obj: dict) -> str:
    """An analyst's edit, shown as one (with its note), never folded into the source text."""
    return f"<p class=\"edited\">{_e(edited(obj))}</p>" if obj.get("edits") else ""


def _brief_section(brief: list[dict] | None, docs: dict) -> str:
    if not brief:
        return ""
    return (f"<section id=\"brief\"><h2>In brief <span class=\"count\">{len(brief)} days</span></h2>\n"
            "<p class=\"note\">The days the articles refer to most, each in the sentence that best "
            "sums it up (as <code>dateline digest</code>).</p>\n" + _brief(brief, docs) + "</section>\n")


def _timeline(events: list[dict], docs: dict, ents: dict, cls: str = "") -> str:
    if not events:
        return "<p class=\"empty\">No events.</p>"
    return f"<ol class=\"tl {cls}\">" + "".join(_event(ev, docs, ents) for ev in events) + "</ol>"


def _brief(days: list[dict], docs: dict) -> str:
    """The story in N days (``query.digest``): each day with its sentences as they read, and
    the source quote verbatim behind each, with offsets."""
    items = []
    for d in days:
        sents = []
        for x in d["sentences"]:
            src = docs.get(x["doc"], {}).get("outlet") or x.get("source") or str(x["doc"])[:8]
            sents.append(f"<p class=\"summary\">{_e(x['text'])}</p>"
                         f"<p class=\"cite\"><span class=\"outlet\">{_e(src)}</span>"
                         + (f" · {_e(display(x['published']))}" if x.get("published") else "")
                         + f" · <span class=\"mono\" title=\"document {_e(x['doc'])}, characters "
                         f"{x['start']}–{x['end']}: “{_e(x['quote'])}”\">{_e(str(x['doc'])[:8])}:"
                         f"{x['start']}–{x['end']}</span></p>")
        unsure = " <span class=\"chip\">date uncertain</span>" if d.get("uncertain") else ""
        items.append(f"<li><div class=\"card\"><div class=\"date\">{_e(display(d['date']))}"
                     f"{unsure}</div>{''.join(sents)}</div></li>")
    return "<ol class=\"tl\">" + "".join(items) + "</ol>"


def _commitments(data: dict, docs: dict, ents: dict) -> str:
    cs = data.get("commitments") or []
    if not cs:
        return "<p class=\"empty\">No commitments were found in these articles.</p>"
    cols = []
    known = {k for k, _ in STATUSES}
    for key, label in STATUSES:
        items = [c for c in cs if (c.get("status") if c.get("status") in known else "unknown") == key]
        cards = []
        for c in items:
            who = ", ".join(ents.get(w, w) for w in c.get("who", []))
            if not who and c.get("party"):
                who = f"the {c['party']}"   # an obligated party no entity names
            dl = c.get("deadline")
            srcs = "".join(_source_block(s, docs, ents) for s in c.get("sources", [])[:2])
            more = len(c.get("sources", [])) - 2
            cards.append(
                "<div class=\"card\">"
                + (f"<div class=\"deadline\">{_e(display(dl))}</div>" if dl else "<div class=\"deadline\">no date</div>")
                + f"<div>{_e(c.get('what'))}</div>"
                + (f"<div class=\"cite\">{_e(who)}</div>" if who else "")
                + _edited(c)
                + (f"<details><summary>sources</summary>{srcs}"
                   + (f"<p class=\"cite\">and {more} more</p>" if more > 0 else "") + "</details>" if srcs else "")
                + "</div>")
        cols.append(f"<div class=\"col {key}\"><h3><span>{label}</span><span>{len(items)}</span></h3>"
                    + ("".join(cards) or "<p class=\"note\">none</p>") + "</div>")
    return "<div class=\"board\">" + "".join(cols) + "</div>"


def _claimant(cl: dict, ents: dict) -> str:
    """Who makes the claim: the source's words for the speaker, else the entity, else the
    article in its own voice (never the outlet, which is shown apart)."""
    said = (cl.get("said_by") or {}).get("text")
    who = said or (ents.get(cl["attributed_to"], cl["attributed_to"]) if cl.get("attributed_to") else None)
    if not who:
        return "<span class=\"who muted\">the article</span>"
    return f"<span class=\"who\">{_e(who)}</span>"


def _conflicts(data: dict, docs: dict, ents: dict | None = None) -> str:
    cs = data.get("conflicts") or []
    if not cs:
        return "<p class=\"empty\">No disagreements between sources were found.</p>"
    ents = ents or {}
    out = []
    for c in cs:
        claims = "".join(
            f"<li><span class=\"value\">{_e(cl.get('value'))}</span> "
            f"<span class=\"cite\">{_claimant(cl, ents)} · "
            f"<span class=\"outlet\">{_e(docs.get(cl.get('doc'), {}).get('outlet') or cl.get('doc'))}</span></span>"
            f"<blockquote>“{_e(cl.get('quote'))}”</blockquote></li>" for cl in c.get("claims", []))
        cls = c.get("classification")
        out.append(f"<div class=\"card conflict\"><h3>{_e(c.get('about'))} "
                   f"<span class=\"chip\">{_e(c.get('kind'))}</span>"
                   + (f" <span class=\"chip cls-{_e(cls)}\">{_e(cls)}</span>" if cls else "")
                   + "</h3>"
                   + (f"<p class=\"note\">{_e(c['reason'])}</p>" if c.get("reason") else "")
                   + f"<ul class=\"claims\">{claims}</ul></div>")
    return "".join(out)


def _basename(path: str | None) -> str:
    return (path or "").replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def _sources(data: dict) -> str:
    rows = []
    for d in data.get("documents", []):
        url = safe_url(d.get("url"))
        title = _e(d.get("title") or "(untitled)")
        if url:
            title = f"<a href=\"{_e(url)}\" rel=\"noreferrer noopener\">{title}</a>"
        pub = _e(display(d["published"])) if d.get("published") else "—"
        if d.get("published_how") and d.get("published"):
            pub += f" <span class=\"cite\">({_e(d['published_how'])})</span>"
        dup = f"<br><span class=\"cite\">duplicate of {_e(d['duplicate_of'][:8])}</span>" if d.get("duplicate_of") else ""
        rows.append(f"<tr><td>{_e(d.get('source') or '—')}</td><td>{title}{dup}</td><td>{pub}</td>"
                    f"<td>{_e(', '.join(d.get('languages') or []))}</td>"
                    f"<td class=\"mono\" title=\"{_e(d.get('path'))}\">{_e(d['id'])}<br>{_e(_basename(d.get('path')))}</td></tr>")
    if not rows:
        return "<p class=\"empty\">No documents.</p>"
    return ("<table><thead><tr><th>outlet</th><th>title</th><th>published</th><th>lang</th>"
            "<th>document</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _count(k: int, noun: str) -> str:
    return f"{k} {noun}{'' if k == 1 else 's'}"


def report(data: dict, title: str | None = None, brief: list[dict] | None = None) -> str:
    """The page; ``brief``: ``query.digest`` days for an "In brief" section first."""
    ents, docs = names(data), outlets(data)
    events = data.get("events", [])
    story = [ev for ev in events if not ev.get("background")]
    background = [ev for ev in events if ev.get("background")]
    title = title or "dateline: a sourced timeline"
    as_of = data.get("as_of")
    n = lambda k: len(data.get(k) or [])  # noqa: E731
    sub = " · ".join([f"as of {_e(display(as_of)) if as_of else 'unknown date'}",
                      _count(n("documents"), "document"), _count(len(events), "event"),
                      _count(n("commitments"), "commitment"), _count(n("conflicts"), "conflict")])
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dateline ({_e(data.get('schema'))})">
<title>{_e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header class="top"><div class="wrap">
<h1>{_e(title)}</h1>
<p class="sub">{sub}</p>
<nav>{'<a href="#brief">In brief</a>' if brief else ''}<a href="#timeline">Timeline</a><a href="#background">Background</a><a href="#commitments">Commitments</a><a href="#conflicts">Conflicts</a><a href="#sources">Sources</a></nav>
</div></header>
<main class="wrap">
{_brief_section(brief, docs)}<section id="timeline"><h2>Timeline <span class="count">{len(story)}</span></h2>
<p class="note">What happened, by date, at the granularity the sources support. Each event shows the sentence it comes from; the marked word is the trigger.</p>
{_timeline(story, docs, ents)}</section>
<section id="background"><h2>Background <span class="count">{len(background)}</span></h2>
<p class="note">History the articles recall, before the story's own window.</p>
{_timeline(background, docs, ents, "background")}</section>
<section id="commitments"><h2>Commitments <span class="count">{n('commitments')}</span></h2>
<p class="note">Stated deadlines and whether later reports say they were met.</p>
{_commitments(data, docs, ents)}</section>
<section id="conflicts"><h2>Conflicts <span class="count">{n('conflicts')}</span></h2>
<p class="note">Where the sources disagree.</p>
{_conflicts(data, docs, ents)}</section>
<section id="sources"><h2>Sources <span class="count">{n('documents')}</span></h2>
{_sources(data)}</section>
</main>
<footer><div class="wrap">Generated by dateline from the {_e(data.get('schema') or 'dateline/1')} export. Quotes are verbatim from each document's cleaned text; offsets are characters into that text.</div></footer>
</body>
</html>
"""




def write(store_or_data: Any, out: Out, title: str | None = None) -> None:
    data = as_data(store_or_data)
    brief = None
    if not isinstance(store_or_data, dict):   # a database: the digest can be computed
        from ..query import digest
        brief = digest(store_or_data, SETTINGS.output.BRIEF_DAYS)
    with text_out(out) as f:
        f.write(report(data, title, brief))
