"""English vocabulary of commitments read from the dependency parse (reason/pledges.py).

Lemmas, not word forms: the parser (spaCy's English model) gives the lemma, the tense tag and
the grammatical relations; these lists say which lemmas play which part. Each list has examples
of the sentences it is for.
"""

# A sentence is parsed only when one of these stems occurs in it (the parse is the cost).
CUE = (r"\b(?:promis|pledg|vow|commit|undert(?:ake|ook)|guarant|assur|agree|swear|swore|sworn|"
       r"will|would|wo n't|'ll|shall|schedul|set (?:to|for)|due (?:to|on|in|for|by)|slated|"
       r"is to|are to|was to|were to|plan|intend|deadline|ultimatum|until|within|expir|"
       r"decided|decision to|going to|to be held|offer|cancel|postpon|delay|call(?:ed|s)? off|"
       r"scrap|put off|push(?:ed)? back)")

# verbs whose complement is what the subject commits to: "pledged to stay on", "promised
# elections by April 2012", "vowed to die a martyr", "agreed to meet tomorrow"
COMMISSIVE = {"promise", "pledge", "vow", "commit", "undertake", "guarantee", "assure", "swear",
              "agree", "offer", "decide", "plan", "intend", "aim", "resolve", "announce"}
# of those, the ones that commit only with a complement clause or infinitive ("announced that
# it would", "plans to"), not with a bare object ("announced the results")
COMMISSIVE_NEEDS_CLAUSE = {"announce", "decide", "plan", "intend", "aim", "resolve", "offer"}
# nouns that state a commitment: "a promise that they will investigate", "the pledge to"
COMMISSIVE_NOUN = {"promise", "pledge", "vow", "commitment", "undertaking", "guarantee", "assurance"}

# a commitment made under an agreement: "Under the agreement, BP committed to pay ..."
AGREEMENT_NOUN = {"agreement", "deal", "accord", "plan", "roadmap", "road", "ceasefire",
                  "cease-fire", "truce", "settlement", "pact", "treaty", "package", "terms",
                  "compromise", "arrangement"}

# reporting verbs: "X said (that) Y would ..." makes X's words a statement of Y's commitment
REPORTING = {"say", "tell", "announce", "state", "declare", "confirm", "insist", "add", "report",
             "stress", "reiterate", "repeat", "assure", "promise", "pledge", "vow", "write",
             "explain", "indicate", "signal", "reply", "respond", "note", "claim", "maintain",
             "disclose", "reveal", "order", "decide", "agree", "communicate", "inform", "tweet"}

# a future clause under one of these heads is someone's expectation, not a commitment:
# "expects the dividend to be reinstated", "a prediction that the rebels would be defeated",
# "I think he will leave", "had hoped Mubarak would promise", "demand that he step down"
NOT_COMMITTING = {"expect", "predict", "forecast", "think", "believe", "hope", "fear", "estimate",
                  "suspect", "guess", "doubt", "wonder", "speculate", "anticipate", "project",
                  "worry", "warn", "suggest", "imagine", "bet", "reckon", "assume", "suppose",
                  "want", "wish", "need", "urge", "demand", "ask", "call", "request", "press",
                  "push", "like", "prefer", "question", "decline", "refuse", "deny", "rule",
                  "prediction", "forecast", "expectation", "hope", "fear", "estimate", "demand",
                  "call", "request", "question", "speculation", "rumor", "rumour", "likelihood",
                  "chance", "possibility", "risk", "danger", "threat", "scenario", "if", "whether",
                  "unless", "seem", "appear", "likely", "unlikely", "possible", "probable",
                  "wonder", "worry", "concern", "skeptical", "sceptical", "say-so"}

# modals that do not commit: "could be", "might hold", "should pay"
WEAK_MODAL = {"could", "might", "may", "should", "ought", "must've", "can"}
FUTURE_AUX = {"will", "'ll", "shall", "wo", "would"}
# "would" commits only in reported speech ("said it would"); on its own it is a conditional
WOULD = {"would", "'d"}

# subordinators of a condition: "If there is not an immediate cease-fire, our countries will ..."
CONDITION_MARK = {"if", "unless", "whether", "lest", "provided", "providing", "once"}

# verbs of things that happen to a subject rather than things it does: a future clause with
# one of these as its verb is a forecast ("prices will rise", "Mexico is set to suffer",
# "the debt will come due", "it will take months")
NON_VOLITIONAL = {"be", "have", "rise", "fall", "drop", "climb", "grow", "shrink", "increase",
                  "decrease", "decline", "suffer", "hit", "reach", "top", "exceed", "come", "go",
                  "take", "cost", "last", "happen", "occur", "become", "get", "seem", "appear",
                  "look", "feel", "face", "need", "want", "like", "see", "find", "lose", "win",
                  "die", "fail", "collapse", "survive", "recover", "rebound", "slow", "weaken",
                  "strengthen", "worsen", "improve", "continue", "remain", "stay", "mean",
                  "affect", "spread", "flow", "gush", "leak", "end", "help", "hurt", "matter",
                  "depend", "require", "involve", "include", "contain", "allow", "make", "cause",
                  "lead", "result", "prove", "turn", "stand", "sit", "fill", "run", "know",
                  "understand", "learn", "hear", "think", "say", "tell", "ask", "try", "expect",
                  "hope", "fear", "welcome", "suffice", "count", "benefit", "wonder"}
# ... unless the subject is a party that decides about its own staying: "the government would
# remain in place", "vowed to stay in the country" (a commissive verb always commits)
PARTY_VERBS_ALLOWED = {"remain", "stay", "continue", "end", "help", "run", "stand", "take",
                       "make", "allow", "go", "come", "lead", "try", "have", "meet", "get"}

# the verbs and nouns of things that are scheduled: "the vote is set for Tuesday", "will
# gather in Washington Saturday", "the market will open Sunday", "is to produce its report"
SCHEDULE_MARK = {"schedule", "slate", "due", "set", "plan", "timetable", "expect"}
EVENT_NOUN = {"meeting", "vote", "ballot", "election", "elections", "poll", "summit", "talks",
              "conference", "hearing", "trial", "debate", "session", "visit", "trip", "match",
              "game", "games", "concert", "concerts", "show", "tour", "release", "launch",
              "opening", "ceremony", "funeral", "memorial", "report", "referendum", "flight",
              "announcement", "speech", "address", "inauguration", "deadline", "examination",
              "examinations", "exam", "exams", "payment", "dividend", "auction", "sale", "test",
              "march", "rally", "protest", "strike", "meeting", "gathering", "sentencing",
              "verdict", "ruling", "testimony", "review", "inquiry", "investigation", "mission",
              "mandate", "operation", "handover", "hand-over", "transition", "talk", "negotiations",
              "rehearsal", "premiere", "festival", "event", "party", "wedding", "decision"}

# a deadline set for someone: "gave Mubarak until the end of the day to relinquish power",
# "has to leave the country within three days", "the deadline for ... is", "ultimatum"
DEADLINE_NOUN = {"deadline", "ultimatum", "cutoff", "cut-off", "time limit"}
OBLIGATION_AUX = {"must", "have", "has", "had"}   # "must leave", "has to leave"
DEADLINE_PREP = {"by", "until", "till", "before", "within", "no later than"}
# verbs of a term that runs out: "the moratorium is set to expire Nov. 30", "the mandate expires"
EXPIRY = {"expire", "lapse", "end", "run out"}

# words that say when without a calendar date
IMMEDIATE = {"immediately", "immediate", "soon", "shortly", "promptly", "at once", "forthwith"}

# --- what later reports say -------------------------------------------------------------
# a commitment or scheduled event called off, moved, abandoned: the lemma of the verb (or noun)
POSTPONED = {"postpone", "delay", "defer", "reschedule", "push", "put", "move", "extend",
             "adjourn", "suspend", "postponement", "delay"}
CANCELLED = {"cancel", "scrap", "call", "drop", "abandon", "axe", "shelve", "cancellation",
             "scrapped", "halt"}
BROKEN = {"renege", "break", "backtrack", "reverse", "abandon", "breach", "violate", "defy",
          "ignore", "retract", "withdraw", "back"}
MISSED = {"miss", "fail", "pass"}
# particles that make a phrasal verb of the lemma: "put off", "pushed back", "called off"
POSTPONE_PARTICLE = {"put": {"off", "back"}, "push": {"back"}, "move": {"back"}}
CANCEL_PARTICLE = {"call": {"off"}}
BACK_PARTICLE = {"back": {"down", "away", "off"}}

# stative verbs under which a report's verb describes, not tells, what happened
REPORT_STOP = {"expect", "plan", "hope", "want", "schedule", "set", "due", "intend", "promise",
               "pledge", "vow", "try", "seek", "aim", "need", "agree", "decide", "threaten",
               "prepare", "propose", "offer", "urge", "ask", "call"}

# nominalisations: a report "the release of Ghonim" is of the promise "Ghonim would be released"
NOMINAL = {"release": "release", "resumption": "resume", "opening": "open", "reopening": "reopen",
           "formation": "form", "appointment": "appoint", "announcement": "announce",
           "election": "elect", "investigation": "investigate", "withdrawal": "withdraw",
           "departure": "depart", "resignation": "resign", "payment": "pay", "vote": "vote",
           "meeting": "meet", "lifting": "lift", "suspension": "suspend", "approval": "approve",
           "publication": "publish", "delivery": "deliver", "deployment": "deploy",
           "handover": "hand", "transfer": "transfer", "return": "return", "visit": "visit",
           "sale": "sell", "test": "test", "launch": "launch", "removal": "remove",
           "completion": "complete", "closure": "close", "signing": "sign"}

# verbs that report the same deed: "Ghonim would be released" -> "was freed on Monday";
# "schools would reopen" -> "schools opened"; "is to produce its final report" -> "its final
# report released". A report's verb must be the commitment's or one of its group.
SAME_DEED = [
    {"release", "free", "let"},
    {"open", "reopen", "resume", "restart"},
    {"produce", "release", "publish", "issue", "present", "deliver", "unveil", "submit", "announce", "report"},
    {"hold", "convene", "meet", "gather", "stage", "host"},
    {"vote", "approve", "pass", "reject", "adopt", "ratify", "confirm", "endorse", "back"},
    {"form", "appoint", "name", "swear", "install", "create", "set"},
    {"step", "resign", "quit", "leave", "depart"},
    {"pay", "transfer", "deposit", "disburse", "give", "provide"},
    {"investigate", "probe", "examine"},
    {"lift", "end", "remove", "scrap", "repeal"},
    {"withdraw", "pull", "leave", "evacuate"},
    {"sign", "conclude", "finalize", "finalise", "seal"},
    {"announce", "declare", "unveil", "reveal", "outline", "present", "propose"},
    {"replace", "swap", "install"},
    {"begin", "start", "launch", "commence", "kick"},
    {"complete", "finish", "end", "conclude"},
    {"suspend", "halt", "stop", "freeze", "cancel"},
    {"move", "relocate", "transfer"},
    {"hand", "transfer", "cede", "return"},
    {"test", "trial"},
    {"elect", "choose", "vote"},
    {"cut", "reduce", "lower", "slash"},
    {"raise", "increase", "boost", "lift"},
]

# Words that say when or where a report was filed, not what a deed is about: a report of a
# commitment must share words of *what* was committed. Live blogs stamp every entry
# ("-LRB- Update 2:41 p.m. Cairo , 7:41 a.m. ET -RRB-"), so without this "Saturday" and
# "Cairo"-in-a-stamp made "Midyear examinations have been delayed ... on Saturday" a
# postponement of Delta's "last flight from Cairo ... on Saturday". Weekday and month names
# come from lang/en/calendar.
TIME_WORDS = {"update", "updated", "et", "gmt", "utc", "edt", "est", "bst", "cet", "local",
              "time", "a.m", "p.m", "am", "pm", "today", "tonight", "tomorrow", "yesterday",
              "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year",
              "day", "days", "hour", "hours", "earlier", "later",
              "lrb-", "rrb-", "-lrb-", "-rrb-"}   # tokenised brackets round a stamp


# --- who committed ------------------------------------------------------------------------
# pronouns that stand for a person: "He pledged to issue a new moratorium" is the Interior
# Secretary of the sentence before, not nobody
PERSON_PRONOUN = {"he", "she", "him", "her", "his", "hers", "i", "me", "my"}
# pronouns and definite nouns that stand for an organisation or a country named before: "It
# plans to meet again March 15" (OPEC, the sentence before); "BP's chairman said the firm
# will suspend its dividend"; "a spokesman for the Muslim Brotherhood said his organization
# will not participate". Nouns such as "the government" or "the military" are kept as the
# party's words: they name the body, which an earlier country or person would not.
GROUP_PRONOUN = {"it", "its", "they", "them", "their", "we", "us", "our"}
ANAPHORIC_ORG_NOUN = {"company", "firm", "organization", "organisation", "group", "bank",
                      "carmaker", "airline", "cartel", "lender", "insurer", "operator",
                      "corporation", "conglomerate", "giant", "utility", "producer"}
# how many sentences before a pronoun its antecedent is looked for (a quote of two or three
# lines often comes between "Geithner told the committee" and "He promised ...")
ANTECEDENT_SENTENCES = 3
