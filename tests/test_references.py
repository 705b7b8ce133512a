"""The reference resolver: descriptions that stand for the actor named before."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import banlens
from banlens.actors.references import ReferenceResolver, load_references
from banlens.graph import build_graph
from banlens.records import doc_to_record


def references(doc: Doc) -> list[tuple[str, str]]:
    return [(s.text, s._.actor_id) for s in doc._.actors if s._.mention_kind == "reference"]


def triples(doc: Doc) -> set[tuple[str, str, str, bool]]:
    return {(r.subject, r.label, r.object, r.coref) for r in doc._.relations}


def test_a_description_stands_for_the_one_fitting_actor_before_it(nlp):
    doc = nlp("Huawei verliert Kunden. Das Unternehmen verklagt die US-Regierung.")
    assert references(doc) == [("Unternehmen", "huawei")]
    assert triples(doc) == {("huawei", "sues", "us_government", True)}


def test_a_relation_with_both_actors_named_is_no_coref(nlp):
    doc = nlp("Huawei verliert Kunden. Der Konzern Huawei verklagt die US-Regierung.")
    assert references(doc) == []
    assert triples(doc) == {("huawei", "sues", "us_government", False)}


@pytest.mark.parametrize("text", [
    "Huawei und Oracle streiten. Der Konzern verklagt die US-Regierung.",   # two subjects
    "Vertreter von Huawei und Oracle reisen an. Der Konzern verklagt die US-Regierung.",
    "Huawei verliert Kunden. Die Unternehmen verklagen die US-Regierung.",  # plural
    "Huawei verliert Kunden. Ein Konzern verklagt die US-Regierung.",       # indefinite
    "Huawei verliert Kunden. Der Konzern Nvidia verklagt die US-Regierung.",  # a name follows
    "Huawei verliert Kunden. Der Mutterkonzern verklagt die US-Regierung.",  # somebody else
    "Trump verliert Wähler. Der Konzern verklagt die US-Regierung.",        # no company before
    "Huawei verliert. Es regnet. Der Konzern verklagt die US-Regierung.",    # too far back
])
def test_unsafe_descriptions_stay_unresolved(nlp, text):
    doc = nlp(text)
    assert references(doc) == []
    assert not any(r.subject == "huawei" for r in doc._.relations)


@pytest.mark.parametrize(("text", "word"), [
    ("Oracle wächst. Gegen den Softwarekonzern klagt Microsoft.", "Softwarekonzern"),
    ("Oracle wächst. Gegen den amerikanischen Konzern klagt Microsoft.", "Konzern"),
    ("Oracle wächst. Gegen die Firma klagt Microsoft.", "Firma"),
    ("Oracle wächst. Die Strategie des Konzerns überzeugt Microsoft.", "Konzerns"),
    ("Tiktok wächst. Die US-Regierung will die App verbieten.", "App"),
])
def test_articles_adjectives_compounds_and_cases(nlp, text, word):
    assert [w for w, _ in references(nlp(text))] == [word]


@pytest.mark.parametrize(("text", "actor"), [
    ("Huawei streitet mit Oracle. Der Konzern verklagt die US-Regierung.", "huawei"),
    ("Mit Oracle streitet Huawei seit Jahren. Der Konzern verklagt die US-Regierung.",
     "huawei"),
    ("Oracle lobt Microsoft. Nun verklagt der Konzern die US-Regierung.", "oracle"),
])
def test_the_subject_of_the_sentence_before_is_preferred(nlp, text, actor):
    """Two fitting actors: the subject is the antecedent (the object is not)."""
    assert [a for _, a in references(nlp(text))] == [actor]


def test_gender_must_agree(nlp):
    assert references(nlp("Oracle wächst. Microsoft kritisiert das Firma.")) == []


def test_the_same_actor_may_be_named_twice_before(nlp):
    doc = nlp("Oracle und Oracles Chef sprechen. Der Konzern kritisiert Microsoft.")
    assert references(doc) == [("Konzern", "oracle")]


def test_references_chain_from_sentence_to_sentence(nlp):
    doc = nlp("Huawei wächst. Das Unternehmen baut. Der Konzern verklagt die US-Regierung.")
    assert references(doc) == [("Unternehmen", "huawei"), ("Konzern", "huawei")]


def test_records_and_graphs_carry_the_flag(nlp):
    doc = nlp("Huawei verliert Kunden. Das Unternehmen verklagt die US-Regierung.")
    record = doc_to_record(doc, "d1")
    assert record["relations"][0]["coref"] is True
    assert [a["kind"] for a in record["actors"]] == ["name", "reference", "name"]
    G = build_graph([record])
    assert [data["coref"] for _, _, data in G.edges(data=True)] == [True]


def test_can_be_turned_off():
    nlp = banlens.load("blank", resolve_references=False)
    assert "banlens_references" not in nlp.pipe_names
    doc = nlp("Huawei verliert Kunden. Das Unternehmen verklagt die US-Regierung.")
    assert references(doc) == [] and doc._.relations == []


def test_parsed_docs_use_references_in_the_tree_strategy(nlp):
    rows = [("Huawei", 1, "sb", "PROPN", "Huawei"), ("klagt", 1, "ROOT", "VERB", "klagen"),
            (".", 1, "punct", "PUNCT", "."),
            ("Der", 4, "nk", "DET", "der"), ("Konzern", 5, "sb", "NOUN", "Konzern"),
            ("verklagt", 5, "ROOT", "VERB", "verklagen"), ("Oracle", 5, "oa", "PROPN", "Oracle"),
            (".", 5, "punct", "PUNCT", ".")]
    words, heads, deps, pos, lemmas = zip(*rows, strict=True)
    doc = Doc(nlp.vocab, words=list(words), heads=list(heads), deps=list(deps),
              pos=list(pos), lemmas=list(lemmas))
    for name in ("banlens_actors", "banlens_references", "banlens_relations"):
        doc = nlp.get_pipe(name)(doc)
    assert references(doc) == [("Konzern", "huawei")]
    assert {(r.subject, r.label, r.object, r.coref, r.method) for r in doc._.relations} == {
        ("huawei", "sues", "oracle", True, "tree.verb")}


def test_own_reference_file(nlp, tmp_path):
    path = tmp_path / "refs.yml"
    path.write_text("classes:\n  company:\n    types: [organization]\n"
                    "    nouns: {Laden: m}\n", encoding="utf-8")
    resolver = ReferenceResolver(nlp, references=path)
    doc = nlp.get_pipe("banlens_actors")(nlp.make_doc("Oracle wächst. Der Laden zahlt."))
    for name in ("banlens_sentences",):
        doc = nlp.get_pipe(name)(doc)
    assert references(resolver(doc)) == [("Laden", "oracle")]
    assert references(resolver(nlp.get_pipe("banlens_actors")(
        nlp.get_pipe("banlens_sentences")(nlp.make_doc("Oracle wächst. Der Konzern zahlt."))
    ))) == []


@pytest.mark.parametrize(("text", "problem"), [
    ("classes: [a]\n", "expected a mapping with a 'classes' mapping"),
    ("classes:\n  company: {types: [organization], nouns: {Laden: x}}\n",
     "class 'company': field 'nouns': 'Laden': gender must be one of m, f, n, a, got 'x'"),
    ("classes:\n  company: {nouns: {Laden: m}}\n",
     "class 'company': field 'types': expected a list of actor types"),
    ("classes:\n  company: {types: [firm], nouns: {Laden: m}}\n",
     "class 'company': field 'types': unknown actor type 'firm'; use one of person, "
     "organization, government, country, platform, court, media, other"),
    ("classes:\n  company: {types: [organization], nouns: {Laden: m}}\nnot_part_of: 3\n",
     "field 'not_part_of': expected a list of words"),
    ("classes:\n  judges: {types: [court], nouns: {Richter: m}, plural: maybe}\n",
     "class 'judges': field 'plural': expected true or false, got 'maybe'"),
    ("classes:\n  company: {types: [organization], nouns: {Laden: m}}\n"
     "nationalities: {griechisch: athen}\n",
     "field 'nationalities': expected a mapping adjective: [words naming its country]"),
    # the parser's own words follow in brackets
    ("classes: [unclosed\n", "line 2: not valid YAML ("),
])
def test_bad_reference_files_name_file_class_and_field(tmp_path, text, problem):
    path = tmp_path / "bad.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(banlens.ReferencesError) as err:
        load_references(path)
    if problem.endswith("("):
        assert str(err.value).startswith(f"{path}: {problem}") and str(err.value).endswith(")")
    else:
        assert str(err.value) == f"{path}: {problem}"


def test_pipeline_round_trip_keeps_the_resolver(tmp_path):
    nlp = banlens.load("blank")
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    doc = again("Huawei verliert Kunden. Das Unternehmen verklagt die US-Regierung.")
    assert references(doc) == [("Unternehmen", "huawei")]


def test_a_compound_names_its_first_part_as_an_antecedent(nlp):
    doc = nlp("Auch der Wechat-Betreiber Tencent ist betroffen: Die US-Regierung blockiert "
              "den Messenger.")
    assert references(doc) == [("Messenger", "wechat")]
    # the sentence names WeChat in the compound, so the relation is no coref
    assert ("us_government", "blocks", "wechat", False) in triples(doc)


def test_a_compound_is_no_antecedent_for_a_person(nlp):
    doc = nlp("Das war in der Trump-Zeit. Der Präsident kritisierte Oracle.")
    assert references(doc) == []


CITY = Path(__file__).parent / "data" / "actors_city.yml"


@pytest.fixture(scope="module")
def city():
    return banlens.load("blank", actors=CITY)


@pytest.mark.parametrize(("text", "expected"), [
    # the subject of the clause is no antecedent of a description in it
    ("Die Fischer AG baut Stellen ab. Verdi wirft dem Konzern vor, Löhne zu drücken.",
     {("verdi", "accuses", "fischer_ag", True)}),
    # ... not even when the subject is a description itself
    ("Die Nordbank streitet mit der Fischer AG. Die Bank wirft dem Konzern Betrug vor.",
     {("nordbank", "accuses", "fischer_ag", True)}),
    # ... nor when it is a relative pronoun whose antecedent is named before the comma
    ("Die Fischer AG baut Stellen ab. Verdi, das den Konzern seit Jahren kritisiert, "
     "ruft zum Streik auf.", {("verdi", "accuses", "fischer_ag", True)}),
])
def test_a_description_is_not_bound_by_its_clause_subject(city, text, expected):
    assert triples(city(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a government described by its nationality is one of that country only
    ("Die Landesregierung prüft den Fall. Die niederländische Regierung kritisiert Verdi.",
     set()),
    ("Das Hafenamt Kiel prüft den Fall. Die norwegische Behörde kritisiert Verdi.", set()),
    ("Die Landesregierung prüft den Fall. Die Regierung kritisiert Verdi.",
     {("landesregierung", "accuses", "verdi", True)}),
    # companies are described by where they come from, and are not held to it
    ("Die Fischer AG wächst. Der norwegische Konzern kritisiert Verdi.",
     {("fischer_ag", "accuses", "verdi", True)}),
])
def test_a_nationality_holds_a_government_to_its_country(city, text, expected):
    assert triples(city(text)) == expected


def test_a_nationality_finds_the_government_whose_name_says_it(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text(
        "actors:\n"
        "  - {id: nl_gov, name: Regierung der Niederlande, type: government, "
        "aliases: [Den Haag]}\n"
        "  - {id: kiel, name: Stadt Kiel, type: government, aliases: [Stadt Kiel]}\n"
        "  - {id: verdi, name: Verdi, type: organization, aliases: [Verdi]}\n",
        encoding="utf-8")
    nlp = banlens.load("blank", actors=path)
    doc = nlp("Den Haag und die Stadt Kiel streiten. Die niederländische Regierung "
              "verklagt Verdi.")
    assert ("nl_gov", "sues", "verdi", True) in triples(doc)


@pytest.mark.parametrize(("text", "expected"), [
    # the phrase the clause opens with names what the description's actor does with
    # the actor in it: the description is the other party, named before
    ("Die Nordbank wächst kräftig. Mit der Übernahme der Fischer AG wird das Geldhaus "
     "zum Marktführer.", {("nordbank", "acquires", "fischer_ag", True)}),
    ("Verdi ist verärgert. Nach dem Streit mit der Fischer AG verklagt die Gewerkschaft "
     "den Stadtrat.", {("verdi", "sues", "stadtrat", True)}),
    ("Die Fischer AG prüft den Markt. Für den Kauf der Nordbank hat der Versicherer "
     "Kredite aufgenommen.", {("fischer_ag", "acquires", "nordbank", True)}),
    # a source phrase ("laut", "nach Angaben") names the clause's subject as often
    ("Die Nordbank meldet Zahlen. Laut der Fischer AG will der Konzern nun den Stadtrat "
     "verklagen.", {("fischer_ag", "sues", "stadtrat", False)}),
])
def test_a_description_is_not_the_actor_of_the_phrase_its_clause_opens_with(
        city, text, expected):
    assert triples(city(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Verdi ruft zum Streik auf. Die Interessenvertretung wirft der Fischer AG "
     "Lohndumping vor.", {("verdi", "accuses", "fischer_ag", True)}),
    ("Die Nordbank wächst. Der Marktführer übernimmt die Fischer AG.",
     {("nordbank", "acquires", "fischer_ag", True)}),
    ("Bürgermeisterin Lange stellt sich zur Wahl. Die Amtsinhaberin kritisiert Verdi.",
     {("lange", "accuses", "verdi", True)}),
    ("Die Nordbank führt ein Konsortium an. Verdi verklagt das Konsortium.",
     {("verdi", "sues", "nordbank", True)}),
    ("Die Fischer AG baut Stellen ab. Verdi wirft dem Arbeitgeber Betrug vor.",
     {("verdi", "accuses", "fischer_ag", True)}),
    ("Die Landesregierung plant Kürzungen. Verdi kritisiert die Koalition scharf.",
     {("verdi", "accuses", "landesregierung", True)}),
    # only one country before: the object may not be the subject's actor again
    ("Norwegen verdient am Gas. Die Alpenrepublik kritisiert das Königreich.", set()),
    # clubs and leagues by their standing
    ("Verdi gewinnt das Derby gegen den Stadtrat. Der Tabellenführer verklagt die Nordbank.",
     {("verdi", "sues", "nordbank", True)}),
])
def test_descriptions_from_the_wider_lexicon(city, text, expected):
    assert triples(city(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the title picks the actor the text gave it, not the subject before
    ("Die Nordbank und der Versicherer Fischer AG streiten. Der Versicherer wirft der "
     "Nordbank Betrug vor.", {("fischer_ag", "accuses", "nordbank", True)}),
    # a title the description lexicon does not know, and its hyphen head
    ("Die Übernahme des Cloud-Spezialisten Fischer AG durch die Nordbank ist perfekt. "
     "Der Spezialist kritisiert Verdi.",
     {("nordbank", "acquires", "fischer_ag", False), ("fischer_ag", "accuses", "verdi", True)}),
    # too far from the last mention of its actor: nothing
    ("Der Spezialist Fischer AG wächst. Verdi streikt. Der Stadtrat tagt. Das Hafenamt "
     "prüft. Niemand weiß mehr. Der Spezialist verklagt Verdi.", set()),
])
def test_a_title_the_text_gave_an_actor_refers_to_it(city, text, expected):
    assert triples(city(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an apposition after the name gives it a title, as one before it does, also for
    # nouns in no list, with a genitive or a prepositional phrase after the noun
    ("Die Fischer AG, der größte Kreditgeber im Norden, wächst. Verdi kritisiert den "
     "Kreditgeber scharf.", {("verdi", "accuses", "fischer_ag", True)}),
    ("Die Nordbank, ein traditionsreicher Kreditgeber, meldet Zahlen. Der Stadtrat lobt "
     "den Kreditgeber.", {("stadtrat", "supports", "nordbank", True)}),
    ("Verdi, die streitbare Arbeitnehmerorganisation Norddeutschlands, wächst. Die "
     "Nordbank verklagt die Arbeitnehmerorganisation.", {("nordbank", "sues", "verdi", True)}),
    # too far from the last mention of its actor: nothing
    ("Die Fischer AG, ein Kreditgeber, wächst. Verdi streikt. Der Stadtrat tagt. Das "
     "Hafenamt prüft. Niemand weiß mehr. Der Kreditgeber verklagt Verdi.", set()),
])
def test_an_apposition_gives_an_actor_a_title(city, text, expected):
    assert triples(city(text)) == expected


def test_the_apposition_itself_is_no_reference(city):
    doc = city("Die Fischer AG, der größte Kreditgeber im Norden, wächst.")
    assert references(doc) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a possessive before a relation noun: its owner is the noun's agent
    ("Die Nordbank wächst. Ihre Beteiligung an der Fischer AG bleibt bestehen.",
     {("nordbank", "invests_in", "fischer_ag", True)}),
    # after an actor of its own sentence, the relation rules read it
    ("Die Nordbank erhöht ihre Beteiligung an der Fischer AG.",
     {("nordbank", "invests_in", "fischer_ag", False)}),
    # the owner of something else is no argument of the verb
    ("Die Nordbank wächst. Ihre Kunden kritisieren die Fischer AG.", set()),
])
def test_a_possessive_stands_for_its_owner(city, text, expected):
    assert triples(city(text)) == expected


def test_a_plural_pronoun_acting_on_each_other_is_the_pair_not_the_plural_name(city):
    # "die Niederlande" is a plural name, but "sich gegenseitig" needs two parties
    doc = city("Die Niederlande und Norwegen streiten seit Jahren. Sie werfen sich "
               "gegenseitig vor, den Fischfang zu subventionieren.")
    assert triples(doc) == {("niederlande", "accuses", "norwegen", True),
                            ("norwegen", "accuses", "niederlande", True)}


@pytest.mark.parametrize(("text", "expected"), [
    # "man" where an organisation announces something: that organisation
    ("Wie das Hafenamt am Montag mitteilte, hat man sich mit Verdi geeinigt. "
     "Verdi bestätigte das.", {("hafenamt", "agrees_with", "verdi", False)}),
    # "wir" in a quote after "Von X hieß es:"
    ("Von der Nordbank hieß es: „Wir verklagen die Fischer AG.“",
     {("nordbank", "sues", "fischer_ag", False)}),
])
def test_speakers_of_announcements(city, text, expected):
    assert triples(city(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an institution named by its members, in the plural
    ("Das Hafenamt prüft den Fall. Die Wettbewerbshüter werfen der Nordbank "
     "Preisabsprachen vor.", {("hafenamt", "accuses", "nordbank", True)}),
    ("Das Hafenamt prüft den Fall. Die Nordbank widerspricht den Wettbewerbshütern.",
     {("nordbank", "rejects", "hafenamt", True)}),
    # no institution of that type before: nothing
    ("Die Nordbank klagt. Die Kartellwächter kritisieren Verdi.", set()),
])
def test_institutions_named_by_their_members(city, text, expected):
    assert triples(city(text)) == expected


# -- the topic of the text decides between candidates of a sentence about another actor --

TOPIC = ("Die Nordbank meldet einen Rekordgewinn. Die Nordbank will in Kiel wachsen. "
         "Die Landesregierung kauft die Anteile von Verdi an der Nordbank. ")


@pytest.mark.parametrize(("text", "expected"), [
    # two companies in the sentence before, whose subject is the government: the one
    # the text is about
    (TOPIC + "Der Stadtrat kritisiert das Geldhaus.",
     {("stadtrat", "accuses", "nordbank", True)}),
    (TOPIC + "Der Stadtrat kritisiert die Bank.", {("stadtrat", "accuses", "nordbank", True)}),
])
def test_the_topic_decides_between_candidates(city, text, expected):
    assert {t for t in triples(city(text)) if t[3]} == expected


@pytest.mark.parametrize("text", [
    # no topic: each company named once before
    "Die Landesregierung kauft die Anteile von Verdi an der Nordbank. "
    "Der Stadtrat kritisiert das Geldhaus.",
    # the sentence before is about somebody the dictionary does not name
    "Die Nordbank meldet einen Rekordgewinn. Die Nordbank will wachsen. Die Sparer "
    "vertrauen Verdi und der Nordbank. Der Stadtrat kritisiert das Geldhaus.",
])
def test_no_topic_no_reference(city, text):
    assert not any(t[3] for t in triples(city(text)))


def test_a_conjunct_with_an_article_is_a_subject_only_with_the_one_before(city):
    # "Verdi und der Nordbank" after the verb: objects both, so the sentence before has
    # no actor subject and the description stays open
    doc = city("Die Sparer vertrauen Verdi und der Nordbank. Der Stadtrat kritisiert "
               "das Geldhaus.")
    assert references(doc) == []
    # as the subject, both are: two candidates, two subjects, nothing
    doc = city("Verdi und die Nordbank streiten. Der Stadtrat kritisiert das Geldhaus.")
    assert references(doc) == []


# -- nominalised adjectives: the article gives the gender; a person's age is the person --

@pytest.mark.parametrize(("text", "expected"), [
    ("Der Stadtrat hat Brandt entlassen. Der 55-Jährige verklagt nun den Stadtrat.",
     {("brandt", "sues", "stadtrat", True)}),
    ("Lange trifft den Stadtrat. Die 48-Jährige kritisierte Verdi scharf.",
     {("lange", "accuses", "verdi", True)}),
    ("Die Nordbank streitet mit Brandt. Verdi unterstützt den 55-Jährigen.",
     {("verdi", "supports", "brandt", True)}),
    ("Lange ist neue Chefin. Die Vorsitzende kritisiert Verdi.",
     {("lange", "accuses", "verdi", True)}),
    ("Brandt ist neuer Chef. Der Vorsitzende kritisiert Verdi.",
     {("brandt", "accuses", "verdi", True)}),
])
def test_a_nominalised_adjective_refers_to_the_person_before(city, text, expected):
    assert {t for t in triples(city(text)) if t[3]} == expected


@pytest.mark.parametrize("text", [
    # a plural is several people
    "Die Nordbank streitet mit Brandt. Die 55-Jährigen verklagen Verdi.",
    # an indefinite article introduces somebody new
    "Die Nordbank streitet mit Brandt. Ein 55-Jähriger verklagt Verdi.",
    # no person before
    "Die Nordbank streitet mit Verdi. Der 55-Jährige verklagt den Stadtrat.",
])
def test_an_age_without_a_person_to_refer_to_stays_open(city, text):
    assert not any(t[3] for t in triples(city(text)))


# -- a compound naming an organisation, given to a person as a title, is the person ------

@pytest.mark.parametrize(("text", "expected"), [
    ("Nordbank-Chef Brandt sprach mit Lange. Der Nordbank-Chef kritisierte den Stadtrat.",
     {("brandt", "accuses", "stadtrat", True)}),
    ("Brandt, der Nordbank-Chef, traf Lange. Später kritisierte der Nordbank-Chef den "
     "Stadtrat.", {("brandt", "accuses", "stadtrat", True)}),
])
def test_an_organisation_compound_titling_a_person_is_the_person(city, text, expected):
    assert {t for t in triples(city(text)) if t[0] != "brandt" or t[3]} == expected


@pytest.mark.parametrize("text", [
    # the text never gave the person that title: the head of the bank speaks for it
    "Brandt leitet die Nordbank. Der Nordbank-Chef kritisierte den Stadtrat.",
    # out of reach
    "Nordbank-Chef Brandt sprach mit Lange. Es regnet. Es schneit. Es stürmt. "
    "Der Nordbank-Chef kritisierte den Stadtrat.",
])
def test_without_the_title_the_compound_stays_the_organisation_s(city, text):
    assert ("nordbank", "accuses", "stadtrat", False) in triples(city(text))


# -- the place in an organisation's title names it in the plural ---------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Der Stuttgarter Versicherer Fischer AG wächst. Die Stuttgarter kritisieren den "
     "Stadtrat.", {("fischer_ag", "accuses", "stadtrat", True)}),
    ("Der Stuttgarter Versicherer Fischer AG wächst. Verdi verhandelt mit den Stuttgartern.",
     {("verdi", "negotiates_with", "fischer_ag", True)}),
    ("Die Fischer AG, der Stuttgarter Versicherer, wächst. Der Stadtrat kritisiert die "
     "Stuttgarter.", {("stadtrat", "accuses", "fischer_ag", True)}),
])
def test_the_place_of_a_title_stands_for_the_organisation(city, text, expected):
    assert {t for t in triples(city(text)) if t[3]} == expected


@pytest.mark.parametrize("text", [
    # the singular is a person from there
    "Der Stuttgarter Versicherer Fischer AG wächst. Der Stuttgarter kritisiert Verdi.",
    # an adjective of another noun
    "Der Stuttgarter Versicherer Fischer AG wächst. Die Stuttgarter Konkurrenz kritisiert "
    "Verdi.",
    # no title with the place
    "Die Fischer AG wächst. Die Stuttgarter kritisieren Verdi.",
])
def test_a_place_without_its_title_or_as_an_adjective_is_nobody(city, text):
    assert not any(t[3] for t in triples(city(text)))


# -- the inhabitants of the place an organisation is named after stand for it --------------

PLACES = """
actors:
  - {id: rheinau, name: Stadt Rheinau, type: government, aliases: [Stadt Rheinau]}
  - {id: sv_lindenau, name: SV Lindenau, type: organization, aliases: [SV Lindenau]}
  - {id: tsv_bremen, name: TSV Bremen, type: organization, aliases: [TSV Bremen]}
  - {id: verdi, name: Verdi, type: organization, aliases: [Verdi]}
  - {id: stadtwerke, name: Stadtwerke Kiel, type: organization, aliases: [Stadtwerke Kiel]}
  - {id: hafenamt, name: Hafenamt Kiel, type: government, aliases: [Hafenamt Kiel]}
"""


@pytest.fixture(scope="module")
def places(tmp_path_factory):
    path = tmp_path_factory.mktemp("places") / "actors.yml"
    path.write_text(PLACES, encoding="utf-8")
    return banlens.load("blank", actors=path)


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Stadt Rheinau streitet mit Verdi. Die Rheinauer verklagen die Gewerkschaft.",
     {("rheinau", "sues", "verdi", True)}),
    ("Der SV Lindenau trifft Verdi. Verdi unterstützt die Lindenauer.",
     {("verdi", "supports", "sv_lindenau", True)}),
    ("Der TSV Bremen trifft Verdi. Verdi verhandelt mit den Bremern.",
     {("verdi", "negotiates_with", "tsv_bremen", True)}),
])
def test_a_place_s_inhabitants_stand_for_the_organisation_named_after_it(
        places, text, expected):
    assert {t for t in triples(places(text)) if t[3]} == expected


@pytest.mark.parametrize("text", [
    # a person from there, an adjective of another noun
    "Die Stadt Rheinau streitet mit Verdi. Der Rheinauer verklagt die Gewerkschaft.",
    "Die Stadt Rheinau streitet mit Verdi. Die Rheinauer Polizei verklagt Verdi.",
    # not named in this sentence or the one before
    "Die Stadt Rheinau streitet mit Verdi. Es regnet. Die Rheinauer verklagen Verdi.",
    # two actors are named after Kiel: nobody in particular
    "Die Stadtwerke Kiel und das Hafenamt Kiel streiten. Die Kieler verklagen Verdi.",
])
def test_inhabitants_that_name_nobody_in_particular(places, text):
    assert not any(t[3] for t in triples(places(text)))


def test_a_compound_of_a_lower_case_name_is_a_description(city):
    doc = city("Die Nordbank wächst. Die e-Mobility-Bank verklagt Verdi.")
    assert references(doc) == [("e-Mobility-Bank", "nordbank")]


# -- an organisation's compound that describes a person is a description of a person --------

def test_a_member_compound_refers_to_the_person_before(city):
    doc = city("Lange kritisiert die Nordbank. Die Verdi-Politikerin fordert vom Stadtrat "
               "mehr Geld.")
    assert ("Verdi-Politikerin", "lange") in references(doc)
    assert ("lange", "pressures", "stadtrat", True) in triples(doc)


def test_a_compound_that_speaks_for_the_organisation_stays_it(city):
    # "Manager", "Chef", "Sprecher" of the Nordbank act for the bank
    doc = city("Brandt kritisiert Verdi. Der Nordbank-Manager fordert vom Stadtrat Geld.")
    assert ("nordbank", "pressures", "stadtrat", False) in triples(doc)
    assert references(doc) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a description of persons agrees with the person's sex where the text tells it
    ("Brandt kritisiert Lange. Die Politikerin verklagt den Stadtrat.",
     {("lange", "sues", "stadtrat", True)}),
    ("Lange kritisiert Brandt. Der Politiker verklagt den Stadtrat.",
     {("brandt", "sues", "stadtrat", True)}),
    ("Brandt kritisiert Lange. Die Vorsitzende verklagt den Stadtrat.",
     {("lange", "sues", "stadtrat", True)}),
    # only a man before: "die Politikerin" is somebody else
    ("Brandt kritisiert Verdi. Die Politikerin verklagt den Stadtrat.", set()),
])
def test_a_person_description_agrees_in_sex(city, text, expected):
    assert {t for t in triples(city(text)) if t[3]} == expected
