"""Closed German word classes, once for the whole package.

Articles with the cases they mark, possessives, prepositions and their contractions,
coordinators and subordinators, auxiliaries, copulas, separable particles, months and
other time words: the function words every rule reads. Modelled on the word lists of
spaCy's ``lang/de``: plain frozensets, no logic. Open-class lists (which verbs and nouns
express a relation) live in the data files, not here.
"""

from __future__ import annotations

ARTICLE_CASES: dict[str, frozenset[str]] = {}
for _forms, _cases in (
    (("der", "dieser", "jener"), {"nom", "dat", "gen"}),
    (("die", "diese", "jene", "eine", "keine"), {"nom", "acc"}),
    (("das", "dieses", "jenes", "ein", "kein"), {"nom", "acc"}),
    (("den", "diesen", "einen", "keinen"), {"acc", "dat"}),
    (("dem", "diesem", "einem", "keinem"), {"dat"}),
    (("des", "eines", "keines"), {"gen"}),
    (("einer", "keiner"), {"dat", "gen"}),
):
    for _form in _forms:
        ARTICLE_CASES[_form] = frozenset(_cases)
POSSESSIVES = ("sein", "ihr", "unser", "euer", "mein", "dein")
for _stem in POSSESSIVES:
    for _ending, _cases in (
        ("", {"nom", "acc"}), ("e", {"nom", "acc"}), ("en", {"acc", "dat"}),
        ("em", {"dat"}), ("er", {"dat", "gen"}), ("es", {"gen"}),
    ):
        ARTICLE_CASES[_stem + _ending] = frozenset(_cases)
POSSESSIVE_FORMS = frozenset(f for f in ARTICLE_CASES if f.startswith(POSSESSIVES))

# Contracted prepositions -> (preposition, case)
CONTRACTIONS = {
    "am": "an", "ans": "an", "im": "in", "ins": "in", "zum": "zu", "zur": "zu",
    "beim": "bei", "vom": "von", "übers": "über", "fürs": "für", "aufs": "auf",
}
PREPOSITIONS = frozenset({
    "an", "auf", "aus", "bei", "durch", "für", "gegen", "gegenüber", "in", "mit", "nach",
    "seitens", "über", "um", "unter", "von", "vor", "zu", "zwischen", "wegen", "trotz",
    "ohne", "seit", "laut", "hinter", "neben", "binnen", "innerhalb", "außerhalb",
}) | frozenset(CONTRACTIONS)
# Prepositions that attach an argument to a noun trigger ("Übernahme von X durch Y").
ATTRIBUTE_PREPS = frozenset({
    "an", "bei", "durch", "für", "gegen", "in", "mit", "seitens", "über", "von", "zu",
    "zwischen", "auf", "nach", "aus",
})
COORDINATORS = frozenset({"und", "oder", "sowie", "noch"})
SUBORDINATORS = frozenset({
    "dass", "daß", "ob", "weil", "nachdem", "wenn", "falls", "während", "obwohl", "indem",
    "bevor", "bis", "sodass", "wodurch", "weshalb", "womit", "wobei", "seitdem", "sobald",
    "damit", "als", "wie", "da", "ehe", "solange",
})
RELATIVE = frozenset({
    "der", "die", "das", "dem", "den", "denen", "dessen", "deren", "welcher", "welche",
    "welches", "welchem", "welchen",
})
BOUNDARY = frozenset({";", ":", "–", "—", "\"", "„", "“", "”", "«", "»", "‚", "‘", "’", "…"})
WERDEN = frozenset({"wird", "werden", "wurde", "wurden", "worden", "werde", "wirst"})
AUXILIARIES = frozenset({
    "hat", "haben", "hatte", "hatten", "habe", "hätte", "hätten", "ist", "sind", "war",
    "waren", "sei", "seien", "wäre", "wären", "wird", "werden", "wurde", "wurden", "worden",
    "würde", "würden", "werde", "will", "wollen", "wollte", "wollten", "soll", "sollen",
    "sollte", "sollten", "kann", "können", "konnte", "konnten", "könnte", "könnten", "muss",
    "müssen", "musste", "mussten", "müsste", "darf", "dürfen", "durfte", "dürfte", "dürften",
    "möchte", "möchten", "mag", "lässt", "ließ", "ließen", "lassen",
})
ADJ_ENDINGS = ("e", "en", "em", "er", "es")
# what an adjective adds to its base form (inflection, comparative, superlative)
ADJ_SUFFIXES = frozenset({"", *ADJ_ENDINGS, "er", "st", *("st" + e for e in ADJ_ENDINGS),
                          *("er" + e for e in ADJ_ENDINGS)})
GENITIVE = frozenset({"gen"})
CONDITIONAL = frozenset({"ob", "wenn", "falls", "sofern"})
APOSTROPHE_S = frozenset({"’s", "'s", "’", "'"})
DASHES = frozenset({"–", "—", "-", "--"})
PARTICLES = frozenset({
    "ab", "an", "auf", "aus", "bei", "ein", "fest", "her", "hin", "los", "mit", "nach",
    "vor", "weg", "zu", "zurück", "zusammen", "voran", "fort", "bekannt", "heraus",
})
COPULA = frozenset({"ist", "sind", "war", "waren", "sei", "seien", "wäre", "wären", "bleibt",
                    "blieb", "wurde", "wird", "gilt", "galt", "gelten", "galten", "gelte"})
EXAMPLE_MARKERS = frozenset({"wie", "darunter", "etwa", "beispielsweise"})
REGION_WORDS = frozenset({
    "prozent", "%", "rund", "insgesamt", "etwa", "ungefähr", "knapp", "fast", "mehr", "als",
    "bis", "weitere", "weiteren", "bereits",
})
CLOSED = frozenset(ARTICLE_CASES) | PREPOSITIONS | COORDINATORS | SUBORDINATORS | frozenset({
    "nicht", "auch", "noch", "schon", "nun", "jetzt", "bereits", "zudem", "aber", "doch",
    "sich", "es", "er", "sie", "man", "wir", "ich", "ihn", "ihm", "ihnen", "uns", "so",
    "mehr", "nur", "sehr", "dann", "dabei", "damit", "dafür", "daher", "deshalb", "zu",
    "als", "wie", "am", "ab", "rund", "etwa", "fast", "kein", "keine", "bis", "mal",
})
# Words that, capitalised inside a sentence, start a new one (a missed boundary).
STARTERS = CLOSED | frozenset({
    "allerdings", "außerdem", "dennoch", "deshalb", "daher", "derzeit", "inzwischen",
    "mittlerweile", "trotzdem", "zuvor", "danach", "hier", "dort", "jedoch", "immerhin",
    "gleichzeitig", "zugleich", "vielmehr", "stattdessen", "bislang", "bisher",
})


# Words that end a list of names: a date before a comma is no list item
# ("sagte am Montag, Huawei und ZTE ...").
TIME_WORDS = frozenset({
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "sonnabend", "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli",
    "august", "september", "oktober", "november", "dezember", "jahr", "jahren", "monat",
    "monaten", "woche", "wochen", "tag", "tagen", "wochenende", "abend", "morgen", "mittag",
    "nachmittag", "vormittag", "nacht", "anfang", "ende", "mitte", "zeit",
})
# Coordinators that can join two main clauses ("sowie" and "noch" join noun phrases).
CLAUSE_COORDINATORS = frozenset({"und", "oder", "aber", "sondern"})
PRONOUNS = frozenset({"er", "sie", "es", "man", "wir", "ich", "ihr", "du"})
# Month names and their abbreviations (datelines, dates, sentence ends after ordinals).
MONTHS = frozenset({
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "dezember", "jan.", "feb.", "mär.", "apr.",
    "jun.", "jul.", "aug.", "sep.", "sept.", "okt.", "nov.", "dez.",
})

# Personal pronouns of the third person: form -> (genders, number, cases). ("es" is
# left out: mostly an expletive, "es gibt", "hieß es".) Genders
# "m", "f", "n"; number "sg" or "pl" ("sie" is both: the finite verb decides).
PERSONAL_PRONOUNS: dict[str, tuple[frozenset[str], str, frozenset[str]]] = {
    "er": (frozenset("m"), "sg", frozenset({"nom"})),
    "ihn": (frozenset("m"), "sg", frozenset({"acc"})),
    "ihm": (frozenset("mn"), "sg", frozenset({"dat"})),
    "sie": (frozenset("f"), "sg|pl", frozenset({"nom", "acc"})),
    "ihr": (frozenset("f"), "sg", frozenset({"dat"})),
    "ihnen": (frozenset("mfn"), "pl", frozenset({"dat"})),
}
# Demonstratives used as pronouns ("Dieser hielt 9,7 Prozent"): they point to the
# most recent fitting actor, not to the subject.
DEMONSTRATIVE_PRONOUNS: dict[str, tuple[frozenset[str], str, frozenset[str]]] = {
    "dieser": (frozenset("m"), "sg", frozenset({"nom"})),
    "diesen": (frozenset("m"), "sg", frozenset({"acc"})),
    "diesem": (frozenset("mn"), "sg", frozenset({"dat"})),
    "diese": (frozenset("f"), "sg|pl", frozenset({"nom", "acc"})),
    "dieses": (frozenset("n"), "sg", frozenset({"nom", "acc"})),
}
# First person plural: inside a quote, the speaker's organisation.
FIRST_PLURAL = frozenset({"wir", "uns"})
FIRST_SINGULAR = frozenset({"ich", "mich", "mir"})
# Finite auxiliaries and modals by number (third person), to tell singular "sie"
# from plural "sie".
FINITE_SINGULAR = frozenset({
    "hat", "hatte", "habe", "hätte", "ist", "war", "sei", "wäre", "wird", "wurde", "werde",
    "würde", "will", "wollte", "wolle", "kann", "konnte", "könne", "könnte", "soll",
    "sollte", "solle", "muss", "musste", "müsse", "müsste", "darf", "durfte", "dürfe",
    "dürfte", "mag", "möchte", "lässt", "ließ",
})
FINITE_PLURAL = frozenset({
    "haben", "hatten", "hätten", "sind", "waren", "seien", "wären", "werden", "wurden",
    "würden", "wollen", "wollten", "können", "konnten", "könnten", "sollen", "sollten",
    "müssen", "mussten", "müssten", "dürfen", "durften", "dürften", "möchten", "lassen",
    "ließen",
})
# Verbs of saying that attribute a quote to its speaker ("…“, sagte ein Sprecher").
SPEECH_VERBS = frozenset({
    "sagte", "sagt", "sagten", "erklärte", "erklärt", "erklärten", "betonte", "betont",
    "teilte", "teilt", "schrieb", "schreibt", "so", "hieß", "heißt", "ergänzte", "fügte",
    "sagen", "kündigte", "versicherte", "bekräftigte", "warnte", "kritisierte", "forderte",
    "räumte", "meinte", "unterstrich", "berichtete", "verkündete", "mahnte", "sprach",
})
QUOTE_OPEN = frozenset({"„", "“", "\"", "»", "«", "‚"})
QUOTE_CLOSE = frozenset({"“", "”", "\"", "«", "»", "‘"})
# Any quotation mark, the right single one (also an apostrophe) included.
QUOTES = QUOTE_OPEN | QUOTE_CLOSE | frozenset({"’"})
# The cases a pronoun is in, for the argument reader.
PRONOUN_CASES: dict[str, frozenset[str]] = {
    **{form: cases for form, (_, _, cases) in PERSONAL_PRONOUNS.items()},
    **{form: cases for form, (_, _, cases) in DEMONSTRATIVE_PRONOUNS.items()},
    "wir": frozenset({"nom"}), "uns": frozenset({"acc", "dat"}),
    "ich": frozenset({"nom"}), "mich": frozenset({"acc"}), "mir": frozenset({"dat"}),
}
