"""Type cues of ``banlens discover`` from the sentence around a name, and the folds
that keep a name's counts together.

Every sentence is written for these tests, with made-up actors (the Velora and
Quintex companies, the Zwitschr platform, the Lokalix paper, Eva Albers) so that
no cue can come from knowing the name.
"""

from __future__ import annotations

import pytest

pytest.importorskip("HanTa")

from banlens.discovery import Discoverer  # noqa: E402
from banlens.discovery import context as ctx  # noqa: E402
from banlens.discovery.words import NAME, NOUN, camel_case, inner_capital, lexicon  # noqa: E402


@pytest.fixture(scope="module")
def scanner():
    return Discoverer().tally.scanner


def cues_of(scanner, text: str, name: str) -> set[str]:
    """The cues of the first mention of ``name`` (its words joined by spaces)."""
    _, mentions = scanner.scan(text)
    for mention in mentions:
        if " ".join(mention.words) == name and not mention.modifier:
            return mention.cues
    raise AssertionError(f"{name!r} not among {[m.words for m in mentions]}")


def candidates(*texts: str, min_docs: int = 1) -> dict[str, object]:
    discoverer = Discoverer()
    for text in texts:
        discoverer.add(text)
    return {c.name: c for c in discoverer.candidates(min_docs=min_docs)}


# --- coordination and apposition ----------------------------------------------------------


def test_a_descriptor_types_every_name_of_its_list(scanner):
    text = "Die Aufsicht hat die Konzerne Velora, Quintex und Norvatek bestraft."
    for name in ("Velora", "Quintex", "Norvatek"):
        assert "organization_head" in cues_of(scanner, text, name), name
    # not across an article: "der Konzern Velora und die Stadt Lindenau"
    text = "Der Konzern Velora und die Stadtverwaltung von Lindenau streiten."
    assert "organization_head" not in cues_of(scanner, text, "Lindenau")


def test_a_title_is_shared_between_surnames_only(scanner):
    text = "Die Minister Albers und Brandt reisen ab."
    assert "title" in cues_of(scanner, text, "Brandt")
    text = "Konzernchef Jonas Brandt und Quintex wollen nicht verhandeln."
    assert "title" not in cues_of(scanner, text, "Quintex")


def test_a_noun_after_a_comma_types_the_name(scanner):
    assert ctx.APPOSITION + "organization" in cues_of(
        scanner, "Velora, der größte Softwarekonzern des Landes, wächst.", "Velora")
    assert ctx.APPOSITION + "person" in cues_of(
        scanner, "Das sagte Albers, die Sprecherin der Aufsicht, am Montag.", "Albers")
    assert ctx.APPOSITION + "government" in cues_of(
        scanner, "Gegen Quintex ermittelt die Abuk, eine Behörde in Lindenau.", "Abuk")
    # a relative pronoun is no apposition: "Velora, dessen Chef ..."
    cues = cues_of(scanner, "Velora, dessen Chef gestern zurücktrat, wächst.", "Velora")
    assert not {c for c in cues if c.startswith(ctx.APPOSITION)}


# --- cues for one type each ---------------------------------------------------------------


def test_a_party_in_parentheses_marks_a_politician(scanner):
    cues = cues_of(scanner, "Die Abgeordnete Eva Albers (SPD) widersprach.", "Eva Albers")
    assert ctx.PARTY in cues
    assert ctx.PARTY not in cues_of(scanner, "Die Firma Velora (VLR) widersprach.", "Velora")
    assert ctx.PARTY not in cues_of(scanner, "Dahinter folgt Lindenau (17).", "Lindenau")
    found = candidates("Die Abgeordnete Albers (CDU/CSU) widersprach.",
                       "Dabei blieb Albers.")
    assert found["Albers"].type == "person"
    assert "CDU" not in found["Albers"].aliases


def test_posting_on_a_name_marks_a_platform(scanner):
    text = "Der Minister schrieb auf Zwitschr, er sei enttäuscht."
    assert ctx.ON_PLATFORM in cues_of(scanner, text, "Zwitschr")
    text = "Viele Nutzer auf Zwitschr sind verärgert."
    assert ctx.ON_PLATFORM in cues_of(scanner, text, "Zwitschr")
    # "auf" alone is a place or a goal: "Druck auf Velora"
    assert ctx.ON_PLATFORM not in cues_of(scanner, "Der Druck auf Velora wächst.", "Velora")


def test_the_medium_spoken_to(scanner):
    assert ctx.INTERVIEW in cues_of(
        scanner, "Das sagte er dem Lokalix am Sonntag.", "Lokalix")
    assert ctx.INTERVIEW in cues_of(
        scanner, "Albers sagte gegenüber dem Lokalix, sie trete an.", "Lokalix")
    # a genitive after a noun is the speaker's employer, not a medium
    assert ctx.INTERVIEW not in cues_of(
        scanner, "Das sagte ein Sprecher der Velora am Montag.", "Velora")


def test_court_words_before_a_name(scanner):
    assert ctx.COURT_CONTEXT in cues_of(
        scanner, "Das Urteil des BVX ist rechtskräftig.", "BVX")
    assert ctx.COURT_CONTEXT in cues_of(
        scanner, "Die Richter am BVX wiesen die Klage ab.", "BVX")
    assert ctx.COURT_CONTEXT in cues_of(
        scanner, "Velora hat vor dem BVX geklagt.", "BVX")
    # the ruling's subject is not the court; newspapers "judge", too
    assert ctx.COURT_CONTEXT not in cues_of(
        scanner, "Das Urteil, das Velora erstritt, gilt.", "Velora")
    assert ctx.COURT_CONTEXT not in cues_of(
        scanner, "Das sei ein Fehler, urteilte der Lokalix.", "Lokalix")
    assert ctx.COURT_CONTEXT not in cues_of(
        scanner, "Die Klage des Verbands gegen Velora läuft.", "Velora")


def test_a_law_or_sanction_named_after_a_company_does_not_make_it_a_government():
    found = candidates("Das Velora-Gesetz tritt in Kraft. Die Velora-Sanktionen auch.",
                       "Das Velora-Gesetz gilt seit Montag. Velora schweigt.")
    assert found["Velora"].type != "government"


# --- weak cues: only where no other cue fires -----------------------------------------------


def test_business_sentences_type_an_otherwise_untyped_name():
    found = candidates("Quintex steigerte den Umsatz im dritten Quartal.",
                       "Die Aktie von Quintex fiel um drei Prozent.",
                       "Gestern traf sich Eva Albers mit Brandt in Lindenau.")
    assert found["Quintex"].type == "organization"
    assert ctx.BUSINESS in found["Quintex"].cues
    # one such sentence is not enough
    found = candidates("Der Gewinn stieg, sagen Kenner von Zephyr.", "Über Zephyr wird gestritten.")
    assert found["Zephyr"].type == "other"
    # a strong cue wins: a person named in business sentences stays a person
    found = candidates("Konzernchefin Eva Albers meldete einen Gewinn.",
                       "Albers kündigte die Übernahme an. Die Aktie stieg, sagte Albers.")
    assert found["Eva Albers"].type == "person"


def test_camel_case_names():
    assert inner_capital("QuantoPay") and camel_case("QuantoPay")
    assert not inner_capital("MitarbeiterInnen")          # a gender form
    assert not inner_capital("McCarthy") and not inner_capital("DeLuca")
    assert inner_capital("BfX") and not camel_case("BfX")  # an abbreviation
    assert lexicon().word_class("QuantoPay") == NAME
    assert lexicon().word_class("SchulBus") == NAME
    found = candidates("Das Start-up QuantoPay ist neu.", "Bei QuantoPay gibt es Ärger.",
                       "Erst QuantoPay, dann die anderen.")
    assert ctx.INNER_CAPITAL in found["QuantoPay"].cues


def test_weak_cues_do_not_keep_a_place():
    """ "in Lindenau" most of the time is a place, whatever one stray cue says."""
    texts = [f"Die Feier in Lindenau war am {day}." for day in ("Montag", "Dienstag", "Freitag")]
    texts.append("Lindenau, die Stadt der Konzerne, feiert. Der Umsatz in Lindenau stieg.")
    assert "Lindenau" not in candidates(*texts)


# --- words and folds -------------------------------------------------------------------


def test_umlaut_plurals_are_common_nouns():
    lex = lexicon()
    for word in ("Zäune", "Schlupflöcher", "Rathäuser", "Anläufen"):
        assert lex.word_class(word) == NOUN, word


def test_countries_are_names_and_plural_countries_fold_in_the_dative():
    assert lexicon().word_class("Russland") == NAME
    found = candidates("Die Regierung in den Niederlanden schwieg.",
                       "Auch die Niederlande lehnen den Plan ab.")
    assert found["Niederlande"].type == "country"
    assert found["Niederlande"].documents == 2
    assert "Niederlanden" not in found


def test_a_title_behind_a_genitive_or_place_adjective(scanner):
    _, mentions = scanner.scan("Hessens Ministerpräsidentin Eva Albers (SPD) schwieg.")
    assert [m.words for m in mentions if not m.modifier][0] == ("Eva", "Albers")
    found = candidates("Der Lindauer Bürgermeister Jonas Brandt lobte den Plan.",
                       "Brandt sagte, er bleibe.")
    assert "Jonas Brandt" in found and found["Jonas Brandt"].documents == 2


def test_a_name_and_the_noun_after_it_count_for_the_name():
    found = candidates("Die Aufsicht verhängt gegen Quintex Strafen.",
                       "Quintex wehrt sich. Auch Velora wehrt sich.",
                       "Die Aufsicht prüft Quintex und Velora.", min_docs=2)
    quintex = found["Quintex"]
    assert quintex.documents == 3
    assert quintex.aliases == ["Quintex"]
    assert "Quintex Strafen" not in found
    # a document naming both the pair and the name counts once
    found = candidates("Gegen Quintex Strafen zu verhängen, ist schwer. Nun klagt Quintex.",
                       "Nun wehrt sich Quintex.", "Dann verliert Quintex.", min_docs=2)
    assert found["Quintex"].documents == 3
    # a pair that recurs is a name of its own
    found = candidates("Die Quintex Post erscheint täglich.", "Die Quintex Post ist teuer.",
                       "Nun wehrt sich Quintex.", "Dann verliert Quintex.", min_docs=2)
    assert "Quintex Post" in found


def test_a_name_later_shortened_to_its_last_word_is_a_person():
    found = candidates("Im Finale traf Zelio Varkas zweimal. Danach jubelte Varkas.",
                       "Gegen Zelio Varkas half nichts, sagten die Gegner über Varkas.")
    assert ctx.SURNAME in found["Zelio Varkas"].cues
    assert found["Zelio Varkas"].type == "person"
    # shortened to the first word: a company's way
    found = candidates("Der Verkauf an Quintex Norvatek ist fix. Nun zahlt Quintex.",
                       "Die Firma Quintex Norvatek wächst, und Quintex stellt ein.")
    entry = found["Quintex Norvatek"]
    assert ctx.SURNAME not in entry.cues and entry.type == "organization"


def test_a_name_seen_only_in_compounds_keeps_its_spelling():
    found = candidates("Der Velorix-Gipfel beginnt. Die Velorix-Staaten streiten.",
                       "Nach dem Velorix-Gipfel reisen alle ab. Der Velorix-Plan gilt.")
    assert "Velorix" in found and found["Velorix"].aliases == ["Velorix"]


def test_a_descriptor_behind_a_genitive(scanner):
    _, mentions = scanner.scan("Nun wächst Quintexs Videoplattform Vidoo.")
    vidoo = [m for m in mentions if m.words == ("Vidoo",)]
    assert vidoo and "platform_head" in vidoo[0].cues
    # an institution followed by the object of the clause is no descriptor
    _, mentions = scanner.scan("Nun nimmt die Europäische Kommission Velora ins Visier.")
    assert not any("Velora" in m.words and len(m.words) == 1 and "government_head" in m.cues
                   for m in mentions)


def test_a_name_with_a_definite_article_is_an_organization_when_nothing_else_says():
    found = candidates("Die Kritik der Velora wächst.", "Nun reagiert die Velora.",
                       "Alle reden über Zephyr.", "Über Zephyr wird gestritten.")
    assert ctx.ARTICLE in found["Velora"].cues and found["Velora"].type == "organization"
    assert found["Zephyr"].type == "other"
    # a title is stronger: "der Ministerin Albers" has its article before the title
    found = candidates("Die Rede der Ministerin Eva Albers war kurz.",
                       "Die Partei der Albers jubelt. Die Albers lacht.")
    assert found["Eva Albers"].type == "person"
