"""English sentence boundaries: the abbreviations a period does not end, the words that open a
sentence, and the wire dateline that opens an article.

Read by :mod:`dateline.sentences` (and, for the dateline, by the event, link, timeline and
commitment stages through ``sentences.DATELINE``). Plain data: word sets and
regular-expression SOURCES. Russian abbreviations and letters are in
:mod:`dateline.lang.ru.sentences`; month and weekday abbreviations come from
:mod:`dateline.lang.en.calendar`.
"""
from __future__ import annotations

# titles/ranks and other abbreviations that are followed by a name or a number: a period
# after them ends no sentence ("Lt. Gen. Smith", "No. 5", "Mt. Everest"). The month and
# weekday abbreviations ("Dec. 3", "Sept. 27", "Tues.") are added from the calendar
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cpt", "maj", "adm",
    "cmdr", "cdr", "gov", "sen", "rep", "rev", "st", "ste", "jr", "sr", "mt", "ft", "fr",
    "no", "nos", "vol", "vols", "vs", "v", "etc", "inc", "corp", "ltd", "co", "bros", "dept",
    "univ", "assn", "est", "approx", "fig", "figs", "pp", "p", "op", "cf", "al", "ave", "blvd",
    "rd", "hon", "pres", "supt", "messrs", "mme", "mlle", "gens", "sens", "reps", "govs",
    "brig", "pvt", "cpl", "lieut", "comdr", "atty", "insp", "det", "sup", "ref",
})
# abbreviations that often end a sentence ("... Apple Inc. The company"): after them a
# sentence opener (OPENERS) does start a new sentence ("Gen. The" is rare; "Inc. The" is not)
ENDS_OK = frozenset({"etc", "inc", "corp", "ltd", "co", "bros", "jr", "sr"})
# dotted Latin abbreviations that never end a sentence ("e.g. The ...")
DOTTED_NEVER_ENDS = ("e.g", "i.e", "cf", "viz")
# words that open sentences: after an acronym like "U.S." they signal a boundary
# ("... in the U.S. The ..."), while "U.S. forces" goes on
OPENERS = frozenset({
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those",
    "in", "on", "at", "but", "and", "or", "so", "yet", "however", "meanwhile", "there", "his",
    "her", "its", "their", "our", "after", "before", "when", "while", "if", "as", "since",
    "according", "earlier", "later", "last", "on", "for", "to", "with", "by", "from",
    "during", "some", "many", "most", "all", "both", "officials", "mr", "mrs", "ms", "dr",
})

# the letters that can open a sentence (capitals) and the lower case ones that cannot; the
# Russian ones are in lang.ru.sentences, digits and other scripts' letters open too
UPPER = "A-Z"
LOWER = "a-z"

# A wire dateline opening an article's first sentence: "BISHKEK, March 3, 2024 (Reuters) -",
# "LISBOA, March 11 (Atlantic Wire) -", "Benghazi , Libya (CNN) --". Where the report was
# filed, not where its news happened. (-LRB-/-RRB-: brackets in PTB-tokenised text)
DATELINE = (r"^(?:[A-Z][A-Z .,'/-]{1,40}(?:,\s*[A-Z][\w .]{1,30}(?:,\s*\d{4})?)?\s*"
            r"|[A-Z][\w.'/-]*(?:\s*,?\s*[A-Z][\w.'/-]*){0,4}\s*)?"
            r"(?:-LRB-|\()\s*[A-Za-z][\w .&-]{1,30}\s*(?:-RRB-|\))\s*(?:-{1,2}|--|—|–)\s*")
# a wire dateline with a day but no year: "LISBOA, March 11 (Atlantic Wire) -" (the agency
# optional); pipeline.date_from_corpus finds the year from the other articles. "<month>"
# stands for the calendar's month names, three letters capitalised (Jan|Feb|...|Dec);
# compiled with re.M, searched in an article's first 400 characters
DATELINE_MONTH_DAY = (
    r"^[ \t]*[A-Z][A-Za-z.'’ -]{1,40},[ \t]*(?P<mon><month>)"
    r"[a-z]*\.?[ \t]+(?P<day>\d{1,2})\b(?![ \t]*,?[ \t]*\d{4})[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*[-—–]")

# a list introduced by a colon whose items open with a day and a dash ("Here is a timeline of
# the war : Feb. 15 , 2011 - Protests erupt ... Feb. 17 - ..."): the heading is one sentence,
# each item another. "<month>" stands for the calendar's month abbreviations and "May",
# capitalised (Jan|Feb|...|Sept|...|Dec)
LIST_HEAD = (r":\s+(?=(?:<month>)[a-z]*\.?"
             r"\s+\d{1,2}\b[^.:;\n]{0,25}?\s(?:-{1,2}|–|—)\s)")

# abbreviations and initials whose full stop does not end a sentence for the tagger's clause
# scan ("a.m.", "Mr.", "Sept."): time/normalize.sentence_bounds
ABBREVIATIONS_BEFORE_STOP = ('Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Sr', 'Jr', 'Gov', 'Sen', 'Rep', 'Gen', 'Col', 'Lt', 'Sgt',
                            'Capt', 'Cmdr', 'Adm', 'Prof', 'Rev', 'Hon', 'Pres', 'Inc', 'Corp', 'Co', 'Ltd', 'No', 'vs',
                            'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mon',
                            'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun', 'Ave', 'Mt', 'Ft', 'approx',
                            'est', 'Gens', 'Reps', 'Sens')
