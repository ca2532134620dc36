"""PLOVER coding vocabulary of the PLOVER/POLECAT export (export/plover.py): which English
trigger words code which of POLECAT's 16 event categories.
"""
from __future__ import annotations

# (category, word stems). A stem matches a word that starts with it ("withdr" ~ withdrew,
# withdrawal); "=word" matches that exact word only. Order matters for summary lookup.
TABLE: list[tuple[str, tuple[str, ...]]] = [
    ("ASSAULT", ("attack", "shell", "bomb", "airstrike", "strike", "struck", "kill", "injur",
                 "wound", "=fire", "=fired", "=firing", "fight", "fought", "clash", "hostilit",
                 "invad", "invasion", "offensive", "violat", "=war", "shot", "shoot", "missile",
                 "assault", "massacr", "destroy")),
    ("COERCE", ("arrest", "detain", "detention", "seiz", "occup", "blockad", "curfew", "deport",
                "expropriat", "=ban", "=banned", "confiscat")),
    ("PROTEST", ("protest", "demonstrat", "=rally", "=rallied", "=marched", "picket")),
    ("SANCTION", ("sanction", "expel", "embargo", "boycott", "=sever", "=severed", "severing", "suspend", "=recalled")),
    ("MOBILIZE", ("deploy", "mobili", "station", "reinforc", "troop", "peacekeep", "=units",
                  "=army", "=forces")),
    ("THREATEN", ("threat", "warn", "ultimat")),
    ("ACCUSE", ("accus", "blam", "condemn", "critici", "denounc", "alleg")),
    ("REJECT", ("reject", "refus", "=deny", "=denied", "=denies", "veto")),
    ("REQUEST", ("request", "=ask", "=asked", "=asks", "petition", "appeal", "=urge", "=urged",
                 "=urges", "demand")),
    ("RETREAT", ("withdr", "vacat", "retreat", "=return", "=returned", "=returns", "=returning",
                 "releas", "demobili", "disarm", "evacuat", "handover", "=handed")),
    ("AID", ("=aid", "humanitarian", "assist", "donat", "relief")),
    ("COOPERATE", ("cooperat", "co-operat", "coordinat", "jointly", "exchang")),
    ("CONCEDE", ("grant", "conced", "concession", "=allow", "=allowed", "accept", "compromis")),
    ("SUPPORT", ("support", "prais", "endors", "welcom", "recogni", "congratulat", "thank")),
    ("CONSULT", ("=meet", "=meets", "=met", "meeting", "talk", "discuss", "negotiat", "consult",
                 "visit", "=hosted", "conversation", "mull", "phone")),
    ("AGREE", ("agree", "=sign", "=signed", "=signs", "=signing", "=deal", "=accord", "=accords", "ceasefire",
               "cease-fire", "truce", "pledg", "promis", "=committed", "commitment", "armistice")),
]
# Triggers too vague to code on their own: look at the summary instead.
LIGHT = {"held", "hold", "holds", "took", "take", "takes", "sent", "send", "sends", "launched",
         "launch", "made", "make", "entered", "enter", "began", "begin", "begun", "introduced",
         "carried", "conducted", "started", "erupted", "broke", "happened", "occurred", "came"}
