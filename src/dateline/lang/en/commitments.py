"""English for commitments: the words of obligations, deadlines, fulfilment and denial.

Read by ``reason/commitments.py``, which compiles the regular-expression sources below
(case-insensitive unless a comment says otherwise) and decides what a match means. To teach
the commitment rules a new verb, cue or phrase, edit this file only.

Conventions: a ``... |`` alternation is a regular-expression source (``\\s+`` between the words
of a phrase so a line break inside it still matches); a "... before" pattern ends in ``$``
and is matched against the text that ends where the word it qualifies begins.
"""
from __future__ import annotations

# ------------------------------------------------------------------------------ actions

# What can be promised and then be done or not done. lemma -> (class, side, present and
# infinitive forms, past forms, nouns). Forms are separated by spaces, phrases by "|".
# The class joins verbs that fulfil the same obligation ("withdraw" is fulfilled by "vacated"
# or "handed over": all are class "handover"); the side tells the giving party from the
# receiving one ("Armenia will hand over Aghdam" is done when "Azerbaijani troops entered
# Aghdam": take-side verbs said of another party than the obligated one).
ACTIONS = {
    # giving up a place: "Armenia must withdraw from Kalbajar by November 15"
    "withdraw": ("handover", "give", "withdraw withdraws withdrawing", "withdrew withdrawn", "withdrawal"),
    "vacate": ("handover", "give", "vacate vacates vacating", "vacated", "vacation"),
    "return": ("handover", "give", "return returns returning", "returned", "return"),
    "hand over": ("handover", "give", "hand over|hands over|handing over|hand back|hand it over|hand them over",
                  "handed over|handed back|handed it over|handed them over", "handover|hand-over"),
    "transfer": ("handover", "give", "transfer transfers transferring", "transferred", "transfer"),
    "cede": ("handover", "give", "cede cedes ceding", "ceded", "cession"),
    "leave": ("handover", "give", "leave leaves leaving", "left", ""),
    "pull out": ("handover", "give", "pull out|pulls out|pulling out", "pulled out", "pullout|pull-out"),
    "evacuate": ("handover", "give", "evacuate evacuates evacuating", "evacuated", "evacuation"),
    "liberate": ("handover", "give", "liberate liberates liberating", "liberated", "liberation"),
    "surrender": ("handover", "give", "surrender surrenders surrendering", "surrendered", "surrender"),
    "relinquish": ("handover", "give", "relinquish relinquishes relinquishing", "relinquished", ""),
    # taking a place over, the other side of a hand-over: "Azerbaijani troops entered Aghdam"
    "enter": ("handover", "take", "enter enters entering", "entered", "entry"),
    "take control": ("handover", "take", "take control|takes control|taking control|take over|takes over",
                     "took control|taken control|took over|taken over|assumed control", "takeover"),
    "occupy": ("handover", "take", "occupy occupies occupying", "occupied", ""),
    "regain": ("handover", "take", "regain regains regaining|retake|retakes|recapture", "regained|retook|retaken|recaptured", ""),
    "move into": ("handover", "take", "move into|moves into", "moved into", ""),
    # other obligations, fulfilled by the same verb in the past: "will pay ... by March 1" ->
    # "paid"; "release" is also said "free" ("agreed to free 181 detainees")
    "pay": ("pay", "give", "pay pays paying", "paid", "payment"),
    "release": ("release", "give", "release releases releasing|free|frees", "released|freed", "release"),
    "deliver": ("deliver", "give", "deliver delivers delivering", "delivered", "delivery"),
    "hold": ("hold", "give", "hold holds", "held", ""),
    "sign": ("sign", "give", "sign signs", "signed", "signing"),
    "ratify": ("ratify", "give", "ratify ratifies", "ratified", "ratification"),
    "deploy": ("deploy", "give", "deploy deploys deploying", "deployed", "deployment"),
    "reopen": ("reopen", "give", "reopen reopens reopening", "reopened", "reopening"),
    "complete": ("complete", "give", "complete completes", "completed", "completion"),
    "submit": ("submit", "give", "submit submits", "submitted", "submission"),
    "dismantle": ("dismantle", "give", "dismantle dismantles", "dismantled", ""),
    "destroy": ("destroy", "give", "destroy destroys", "destroyed", "destruction"),
    # repaying a loan fulfils the same obligation as paying it
    "repay": ("pay", "give", "repay repays", "repaid", "repayment"),
    "clear": ("clear", "give", "clear clears clearing", "cleared", "clearance"),
    "lift": ("lift", "give", "lift lifts lifting", "lifted", "lifting"),
    "restore": ("restore", "give", "restore restores restoring", "restored", "restoration"),
    "implement": ("implement", "give", "implement implements implementing", "implemented", "implementation"),
    "resume": ("resume", "give", "resume resumes resuming", "resumed", "resumption"),
    "publish": ("publish", "give", "publish publishes publishing", "published", "publication"),
    "disband": ("disband", "give", "disband disbands disbanding", "disbanded", ""),
}

# In a form list, a two-word entry whose second word is one of these is one phrase ("hand
# over", "pull out", "take control", "hand it over"); any other entry is a list of single
# forms ("withdraw withdraws withdrawing").
PHRASE_PARTICLES = ("over", "out", "into", "back", "control", "it", "them")

# Verbs too common as plain verbs to state a commitment on their own ("hold talks", "leave
# for Moscow", "return home", "sign a letter"): they need an object place, or a deadline with
# an obligation cue right before them.
WEAK_ACTIONS = {"hold", "leave", "return", "sign", "complete", "enter", "occupy"}

# ------------------------------------------------------------------------------ statement cues

# A deadline preposition right before the date: "by November 15", "no later than 1 December",
# "until the end of March", "deadline of May 1", "due on 3 June", "within the next week".
DEADLINE_PREP = (
    r"(?:\bby|\bno\s+later\s+than|\bnot\s+later\s+than|\buntil|\btill|\bbefore|\bdeadline\s+(?:of|on|for|is|was)?"
    r"|\bdue\s+(?:on|by)|\bwithin)\s+(?:the\s+(?:end\s+of\s+)?)?$")

# The deadline prepositions a verb outside ACTIONS needs: as DEADLINE_PREP without "until",
# "till" and "within", which with most verbs state a duration ("talks will continue until
# Friday"), not a deadline.
GENERIC_DEADLINE_PREP = (
    r"(?:\bby|\bno\s+later\s+than|\bnot\s+later\s+than|\bbefore|\bdeadline\s+(?:of|on|for|is|was)?|\bdue\s+(?:on|by))"
    r"\s+(?:the\s+(?:end\s+of\s+)?)?$")

# An obligation anywhere in the clause up to the date: "had to", "must", "agreed to", "is
# due to", "will", "ultimatum" ("Armenia had to hand over Kalbajar by November 15").
OBLIGATION = (
    r"\b(?:had\s+to|has\s+to|have\s+to|must|shall|is\s+to|are\s+to|was\s+to|were\s+to|"
    r"(?:is|are|was|were)\s+due\s+to|agreed\s+to|agrees\s+to|pledged\s+to|promised\s+to|vowed\s+to|"
    r"committed\s+to|undertook\s+to|(?:is|are|was|were)\s+(?:obliged|obligated|required|supposed|bound)\s+to|"
    r"(?:is|are|was|were)\s+(?:expected|scheduled|set|slated)\s+to|expected\s+to|expects?\s+to|"
    r"should|will|would|'ll|plans?\s+to|"
    r"planned\s+to|intends?\s+to|deadline|ultimatum|obligation|no\s+later\s+than)\b")

# An agreement the date belongs to, which makes a deadline preposition a deadline without an
# obligation verb: "under the deal, Armenia returns Aghdam by November 20".
AGREEMENT = (
    r"\b(?:deal|agreement|accord|declaration|treaty|truce|ceasefire|cease-fire|statement|protocol|"
    r"under\s+the\s+terms|terms\s+of|memorandum|plan|roadmap|timetable|schedule)\b")

# A plan or future before the action: "will vacate Lachin on December 1", "is scheduled to
# reopen on Monday" (a date not before the article: kind "scheduled").
FUTURE = (
    r"\b(?:will|shall|'ll|is\s+to|are\s+to|(?:is|are)\s+(?:due|expected|scheduled|set|slated|supposed)\s+to|"
    r"plans?\s+to|intends?\s+to|agreed\s+to|pledged\s+to|promised\s+to|must|has\s+to|have\s+to)\b")

# A deadline moved: "a delay ... until November 25", "extended to", "a new deadline".
EXTENSION = (
    r"\b(?:delay|delayed|extension|extended|extend|extends|postpone|postponed|postponement|"
    r"pushed\s+back|push\s+back|more\s+time|grace\s+period|new\s+deadline|moved\s+the\s+deadline)\b")

# The preposition of a moved deadline, right before the date: "extended until 25 November",
# "postponed to the 25th", "a delay by ten days".
EXTENSION_PREP = r"(?:until|till|to|by)\s+(?:the\s+)?$"

# An extension asked for, not (yet) given: "Armenia requested more time" (kind
# "extension_requested" unless GRANTED also occurs).
REQUEST = (r"\b(?:request(?:ed|s)?|ask(?:ed|s)?|petition(?:ed|s)?|sought|seeks?|appeal(?:ed|s)?|"
           r"wants?|proposed|proposes)\b")

# An extension refused ("Azerbaijan rejected the request"): kept in the history, never the
# deadline.
REFUSED = r"\b(?:refused|rejected|denied|declined|turned\s+down|refuses|rejects)\b"

# A requested extension given after all: "Aliyev agreed to a ten-day delay".
GRANTED = r"\b(?:granted|agreed|accepted|approved|allowed)\b"

# A segment continuing the one before, which takes over its action: "Armenia must withdraw
# from Kalbajar by November 15 and (from) the Lachin region by December 1".
COORDINATION = r"^\s*(?:,\s*)?(?:and|as\s+well\s+as|while|,)\b"

# The obligation cue that governs the next verb: "expected to clear", "agreed to free", "is
# due to elect", "would be notified". CUE is a source fragment without a group; GOVERNED_VERB
# captures the cue, an optional passive "be"/"have been" and the verb (case-sensitive: the
# verb must be in lower case, which keeps names out: "will Biden ...").
CUE = (r"(?:(?:is|are|was|were|be)\s+(?:(?:also|now|still|then)\s+)?(?:due|scheduled|set|slated|supposed|obliged|obligated|required|"
       r"bound|expected)\s+to|expected\s+to|expects?\s+to|agreed\s+to|agrees?\s+to|pledged\s+to|pledges?\s+to|"
       r"promised\s+to|promises?\s+to|vowed\s+to|vows?\s+to|committed\s+(?:itself\s+|themselves\s+)?to|"
       r"undertook\s+to|undertakes?\s+to|plans?\s+to|planned\s+to|intends?\s+to|intended\s+to|aims?\s+to|"
       r"aimed\s+to|(?:has|have|had)\s+to|(?:is|are|was|were)\s+to|will|would|shall|must|should|'ll)")
GOVERNED_VERB = (
    r"\b(?P<cue>" + CUE + r")\s+(?:(?:\w+ly|all|now|also|then|first)\s+)?"
    r"(?:(?P<be>be|have\s+been)\s+(?:(?:\w+ly|all|fully|now|also)\s+)?)?(?P<verb>[a-z][a-z-]+)\b")
# The cue right before an action of the table ("agreed to (fully) withdraw"): where its
# subject ends.
CUE_BEFORE = r"\b" + CUE + r"\s+(?:(?:\w+ly|all|now|also|then|first)\s+)?$"
# A passive right before an action ("would be (fully) handed over"), and with its cue
# ("must have been cleared"): the object is the subject before it.
PASSIVE_BE_BEFORE = r"\b(?:be|been)\s+(?:\w+ly\s+)?$"
PASSIVE_CUE_BEFORE = r"(?:\b" + CUE + r"\s+(?:\w+ly\s+)?)?\b(?:be|been|have\s+been)\s+(?:\w+ly\s+)?$"

# A cue that is only a modal: with nobody bound it is a forecast, not a commitment ("a storm
# will turn into a cyclone by Friday"). Matched at the cue (case-insensitive).
BARE_MODAL = r"(?:will|would|shall|should|'ll)\b"

# Verbs an obligation cue governs that state no obligation with a deadline of their own
# ("expected to remain closed until", "will continue by ...", "agreed to meet by ...").
NOT_ACTIONS = set("""
be have do not also then still now soon only again further even just never say tell ask remain stay
continue keep seek try need want like get go come begin start see look help allow become meet discuss
consider review decide know think believe hope expect wait appear seem take give make use include
receive face lose win run rise fall increase decrease grow reach cost last take place follow
announce report note add warn urge argue claim insist comment respond visit travel arrive return
attend speak talk hear host turn happen occur hit strike land pass end
""".split())

# What stays of a statement's "what": the action and its object, without the deadline
# preposition it ends with ("withdraw from Kalbajar by" -> "withdraw from Kalbajar") and
# without the conjunction of a coordinated segment ("and the Lachin region").
WHAT_TRAILING_PREP = (r"[\s,]*(?:\b(?:by|no later than|not later than|until|till|before|on|in|at|from)\b"
                      r"(?:\s+the)?)?\s*$")
WHAT_LEADING_CONJ = r"^[\s,]*(?:and|as well as)\s+"
# The verb (with its particle) at the head of "what": the rest is its object ("clear the
# backlog" -> "the backlog"; "hand over Aghdam" -> "Aghdam").
VERB_HEAD = r"^\S+(?:\s+(?:over|out|back|into|up|off))?\s*"
# The determiners that start a sentence-initial object, lower-cased when it follows the verb
# ("The backlog would be cleared" -> "clear the backlog"); four characters each.
CAPITAL_DETERMINERS = ("The ", "Its ")

# ------------------------------------------------------------------------------ report cues

# A negation before a fulfilment verb, within 40 characters: "has not withdrawn", "failed to
# vacate", "denied that ... handed over", "without leaving".
NEGATION_BEFORE = (
    r"\b(?:not|n't|never|no\s+longer|failed\s+to|fails\s+to|yet\s+to|refused\s+to|refuses\s+to|"
    r"did\s+not|has\s+not|have\s+not|had\s+not|was\s+not|were\s+not|denied|denies|deny|"
    r"without)\b[^.;]{0,40}$")

# A hypothetical or planned deed before a past form: "if they withdrew", "would have
# vacated", "due to be handed over" (not a report that it was done) ...
HYPOTHETICAL_BEFORE = (r"\b(?:if|unless|whether|would|could|might|may|should|must|had\s+to|has\s+to|"
                       r"have\s+to|to|will|shall|plans?\s+to|expected\s+to|due\s+to|agreed\s+to|"
                       r"supposed\s+to|able\s+to)\s+(?:\w+\s+){0,1}$")
# ... unless a perfect or passive auxiliary comes right before it ("is said to have
# withdrawn": "to have" is hypothetical in form, the deed is reported).
DONE_AUX_BEFORE = r"\b(?:has|have|had|was|were|been)\s+(?:\w+\s+)?$"
# A past form right after an obligation ("had to", "was due", "were supposed") states a
# duty, not a deed.
OBLIGED_BEFORE = r"\b(?:had|has|have|was|were)\s+(?:to|due|supposed)\s+$"

# A present form reports non-fulfilment only after these: "did not withdraw", "failed to
# vacate", "have yet to hand over", "not yet release".
NOT_DONE_BEFORE = (r"\b(?:did\s+not|didn't|failed\s+to|fails\s+to|yet\s+to|refused\s+to|refuses\s+to|"
                   r"not\s+yet)\s+(?:\w+\s+)?$")

# Non-fulfilment without a verb of the table: "missed the deadline", "violated the
# timetable", "ignored the December 1 deadline".
MISSED = (r"\b(?:missed|miss|misses|ignored|broke|violated)\s+(?:the\s+)?(?:\w+\s+){0,2}"
          r"(?:deadline|timetable|schedule|obligation|commitment|pledge)\b")
# A place still held: "Armenian forces still hold Lachin", "continue to be in Kalbajar".
STILL_HOLDS = (r"\b(?:still|continue[sd]?\s+to)\s+(?:hold|holds|held|occupy|occupies|control|controls|"
               r"remain|remains|be\s+in|are\s+in|is\s+in|stationed)\b")

# Where a fulfilment verb's scope ends: a modal or a contrast starts another clause ("Armenia
# withdrew from Aghdam, but Lachin will be handed over later").
STOP_SCOPE = (
    r"\b(?:will|shall|would|must|should|had\s+to|has\s+to|have\s+to|is\s+to|are\s+to|but|while|whereas|"
    r"although)\b|[;:]")
# A trailing reporting clause ("..., officials in Juba said"): the speaker's place is not the
# action's. Case-sensitive.
REPORTING_CLAUSE = r",\s+(?:[\w’'-]+\s+){0,5}?(?:said|says|reported|told|added|announced|stated)\b"
# A passive right before the fulfilment verb ("The backlog was (fully) cleared"):
# case-sensitive.
PASSIVE_BEFORE = r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$"
# The whole auxiliary of that passive, where its subject (the object) ends: "has not been",
# "were", "being". Case-sensitive.
PASSIVE_AUX_BEFORE = (r"\b(?:(?:has|have|had)\s+(?:not\s+)?been|(?:was|were|is|are)(?:\s+not)?|been|being)"
                      r"\s+(?:\w+ly\s+)?$")
# Where the clause of a report starts: after a semicolon or colon, or ", and" / ", but"
# (case-sensitive).
REPORT_CLAUSE_BREAK = r"[;:]|,\s+(?:and|but)\b"

# ------------------------------------------------------------------------------ parties

# Where the subject clause of a cue starts: after "that", a comma, "and", "while" or "said"
# ("X said that the authority expected to clear ..."). Case-sensitive.
CLAUSE_START = r"\bthat\s|[,;:]\s|\band\s|\bwhile\s|\bsaid\s"

# A definite subject right before the cue, the noun phrase in group 1: "the authority", "its
# owners", "their main lender" (case-sensitive after the determiner's first letter).
DEFINITE_SUBJECT = r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+((?:[\w-]+\s+){0,2}[a-z][\w-]+)\s*$"
# The same for the subject of a report, the head noun in group 1 ("The government
# presented", "its owners have paid", "the army has finally withdrawn").
DEFINITE_SUBJECT_REPORT = (r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]+)\s+"
                           r"(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?$")
# A pronoun subject, which takes the organisation the speaker speaks for ("it will", "they
# expect to").
PRONOUN_SUBJECT = r"\b(?:it|they|we)\s*$"

# The roles of a person who speaks for an organisation ("the head of the authority, Osama
# Rabie"; "the carmaker's chief executive, Jim Rowan"). A source fragment without a group.
ROLE = (r"(?:head|chief|chairman|chairwoman|chairperson|chair|director(?:-general)?|president|"
        r"spokes(?:man|woman|person)|minister|chief\s+executive|executive|ceo|governor|commander|leader|"
        r"secretary(?:-general)?|general\s+manager|managing\s+director|manager|boss|envoy|representative)")
# "the head of the authority, <person>": the organisation in group "np"
ROLE_BEFORE = r"\b" + ROLE + r"\s+(?:of|for|at)\s+(?P<np>[^,;:.]{2,60}?),\s*$"
# "the carmaker's chief executive, <person>"
POSSESSIVE_ROLE_BEFORE = r"(?P<np>(?:\b[\w-]+\s+){0,3}[\w-]+)['’]s\s+(?:[\w-]+\s+)?" + ROLE + r",?\s*$"
# "<person>, chairman of the Suez Canal Authority"
ROLE_AFTER = (r"^,\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?" + ROLE + r"\s+(?:of|for|at)\s+"
              r"(?P<np>[^,;:.]{2,60})")
# "Suez Canal Authority chairman <person>": the text between the organisation and the person
ROLE_BETWEEN = r"\s+(?:[\w-]+\s+)?" + ROLE + r"\s+"

# A reporting verb after a party ("Osama Rabie, the head of the authority, said", "X told
# reporters") or before it ("said X", "according to X"): X is the speaker.
SAYS_AFTER = (r"^(?:,\s+(?:the\s+|a\s+|an\s+|its\s+)?[a-z][^,;]{0,80})?,?\s+(?:had\s+|has\s+|have\s+)?(?:said|says|told|announced|added|"
              r"stated|confirmed|wrote)\b")
SAYS_BEFORE = r"\b(?:said|says|according\s+to)\s+$"

# Common nouns an article uses for the organisation it is about: "the company" is the one
# organisation the document names.
ORG_NOUNS = set("""company firm carmaker automaker manufacturer maker group airline carrier bank lender insurer
retailer operator utility agency authority ministry commission council committee organisation organization
club union regulator movement coalition alliance party board corporation conglomerate developer
producer supplier distributor""".split())
# The heads of unnamed parties that can be bound to do something ("the government would
# present a proposal by March 10"); a storm or a price cannot. The organisation nouns and:
AGENT_NOUNS = ORG_NOUNS | set("""government cabinet administration authorities officials army
military police court parliament congress senate presidency minister president mayor governor
leadership management employer employers workers strikers rebels troops forces side sides
prosecutors regulators negotiators mediators""".split())

# ------------------------------------------------------------------------------ content words

# Words that carry no content when two objects are compared ("clear the backlog" and "the
# backlog was cleared" share "backl"): determiners, possessives and short prepositions. Not
# the conflict stage's stop words (lang/en/conflicts.py), which were chosen for sentence
# contexts and drop much more ("said", "would", ...).
STEM_STOP_WORDS = {"the", "its", "their", "his", "her", "all", "and", "from", "with", "for", "of", "to", "in",
                   "on", "at", "by", "a", "an", "this", "that", "these", "those"}
# A content word: a Latin letter, then letters, digits, apostrophes or hyphens ("Kalbajar",
# "Azerbaijan’s", "hand-over"); the three-letter minimum is applied by the stage.
CONTENT_WORD = r"[A-Za-z][\w’'-]+"
# A word of a noun phrase, for its head noun ("the Suez Canal authority" -> "authority").
PHRASE_WORD = r"[A-Za-z][\w-]*"

# ------------------------------------------------------------------------------ demonyms

# Adjective/people forms of a country name by the common English suffix rules ("Armenia" ->
# "Armenian", "Armenians"; "Azerbaijan" -> "Azerbaijani"; "Poland" -> "Polish"). Irregular
# ones ("Dutch", "French") come from the gazetteer.
DEMONYM_SUFFIXES = ("n", "ns", "i", "is", "ian", "ians")
# (ending of the name, letters cut from the end, suffixes added to what is left)
DEMONYM_ENDING_RULES = (
    ("a", 0, ("n", "ns")),            # Armenia -> Armenian(s)
    ("a", 1, ("an", "ans")),          # Kenya -> Kenyan(s)
    ("e", 1, ("ian", "ians")),        # Ukraine -> Ukrainian(s)
    ("y", 1, ("ian", "ish")),         # Italy -> Italian; Turkey -> Turkish
    ("o", 1, ("an", "ans")),          # Mexico -> Mexican(s)
    ("ia", 2, ("ian", "ians")),       # Russia -> Russian(s)
    ("land", 4, ("ish",)),            # Poland -> Polish
)

# ------------------------------------------------------------------------------ morphology

# Irregular past tenses and participles of verbs a cue governs or a report states
# (past form -> base form): "held" -> "hold", "withdrawn" -> "withdraw".
IRREGULAR_VERBS = {
    "held": "hold", "paid": "pay", "repaid": "repay", "left": "leave", "made": "make", "built": "build",
    "rebuilt": "rebuild", "sent": "send", "sold": "sell", "gave": "give", "given": "give", "took": "take",
    "taken": "take", "brought": "bring", "met": "meet", "began": "begin", "begun": "begin", "set": "set",
    "put": "put", "cut": "cut", "shut": "shut", "struck": "strike", "won": "win", "chose": "choose",
    "chosen": "choose", "drew": "draw", "drawn": "draw", "laid": "lay", "swore": "swear", "sworn": "swear",
    "undertook": "undertake", "undertaken": "undertake", "withdrew": "withdraw", "withdrawn": "withdraw",
    "wrote": "write", "written": "write", "rewrote": "rewrite", "rewritten": "rewrite", "sought": "seek",
    "bought": "buy", "found": "find", "spent": "spend", "lent": "lend", "overtook": "overtake",
    "shot": "shoot", "rang": "ring", "rung": "ring", "bid": "bid", "quit": "quit", "spun": "spin",
    "froze": "freeze", "frozen": "freeze", "woke": "wake", "shown": "show", "sewn": "sew",
}

# Regular past forms ("-ed") back to the base form, in the order the stage tries them:
# "notified" -> "notify" (-ied -> -y); "stopped" -> "stop" (a doubled final consonant other
# than these is undoubled: "stopped", "admitted"; not "called", "passed", "buzzed");
# "freed" -> "free" (-eed keeps one e).
PAST_IED = "ied"
PAST_ED = "ed"
PAST_EED = "eed"
DOUBLED_KEPT = "lsz"
# A stem (the form without "-ed") that had a final e: "released", "voted", "updated",
# "served", "handled" ...
STEM_LOST_E = r"(?:[^aeiou][aeiou][cdgkrstvz]|[^s]s|[cgvzu]|[^aeiou][bcdgkptv]l)$"
# ... but not these endings ("opened", "entered", "visited"), checked on the stem's last two
# letters
STEM_KEPT_ENDINGS = r"(?:en|er|it|on|om|et)$"
# ... and always these ("deleted", "completed"), except "eat", "oat", "ait" ("heated",
# "floated", "awaited")
STEM_LOST_E_ENDINGS = ("at", "ut", "iz", "et")
STEM_KEPT_E_ENDINGS = ("eat", "oat", "ait")

# Base form -> regular past: "-e" takes "d" ("released"), consonant + "y" takes "-ied"
# ("notified"), a short final syllable doubles its consonant as well ("stopped"; both forms
# are listed: "visited"/"visitted" costs nothing).
CONSONANT_Y = r"[^aeiou]y$"
SHORT_FINAL_SYLLABLE = r"(?:^|[^aeiou])[aeiou][bdgklmnprt]$"
# A participle after "be"/"been" is an irregular form, a regular past (PAST_ED) or ends in
# "-en" ("would be notified", "been given")
PARTICIPLE_EN = "en"
# A verb after a cue is a base form, not one ending in these ("will meeting", "would agreed")
NOT_BASE_ENDINGS = ("ing", "ed")
