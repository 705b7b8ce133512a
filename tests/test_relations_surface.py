"""The surface strategy (blank pipeline, no parse): one test per construction.

Sentences are written for these tests; actors come from the bundled dictionary.
Each case lists every relation the sentence must give, as
(subject, label, object, negated, hypothetical); nothing else may come out.
"""

from __future__ import annotations

import pytest

import banlens

T, F = True, False

ACTORS = """
actors:
  - {id: trump, name: Donald Trump, type: person, aliases: [Trump, Donald Trump]}
  - {id: us_government, name: US-Regierung, type: government, aliases: [US-Regierung]}
  - {id: us_commerce_department, name: US-Handelsministerium, type: government,
     aliases: [Handelsministerium]}
  - {id: china, name: China, type: country, aliases: [China]}
  - {id: china_government, name: Chinesische Regierung, type: government,
     aliases: [Peking, chinesische Regierung]}
  - {id: tiktok, name: TikTok, type: platform, aliases: [Tiktok, TikTok]}
  - {id: wechat, name: WeChat, type: platform, aliases: [Wechat, WeChat]}
  - {id: bytedance, name: Bytedance, type: organization, aliases: [Bytedance]}
  - {id: oracle, name: Oracle, type: organization, aliases: [Oracle]}
  - {id: microsoft, name: Microsoft, type: organization, aliases: [Microsoft]}
  - {id: walmart, name: Walmart, type: organization, aliases: [Walmart]}
  - {id: huawei, name: Huawei, type: organization, aliases: [Huawei]}
  - {id: apple, name: Apple, type: organization, aliases: [Apple]}
  - {id: xi, name: Xi Jinping, type: person, aliases: [Xi Jinping, Xi]}
"""


@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    """The blank default pipeline with the actors these sentences need."""
    path = tmp_path_factory.mktemp("actors") / "actors.yml"
    path.write_text(ACTORS, encoding="utf-8")
    return banlens.load("blank", actors=path)


def relations(nlp, text: str) -> set[tuple[str, str, str, bool, bool]]:
    doc = nlp(text)
    assert doc._.relation_records is not None
    return {
        (r["subject"], r["label"], r["object"], r["negated"], r["hypothetical"])
        for r in doc._.relation_records
    }


CASES = {
    # verb second, present and past
    "v2_present": ("Oracle verhandelt mit Bytedance über die Zukunft der App.",
                   {("oracle", "negotiates_with", "bytedance", F, F)}),
    "v2_inverted": ("Am Montag verklagte Tiktok die US-Regierung in Washington.",
                    {("tiktok", "sues", "us_government", F, F)}),
    # verb final (subordinate clause)
    "verb_final": ("Berichtet wird, dass Microsoft die Plattform Tiktok gekauft hat.",
                   {("microsoft", "acquires", "tiktok", F, F)}),
    # perfect and past perfect
    "perfect": ("Oracle hat mit Bytedance wochenlang verhandelt.",
                {("oracle", "negotiates_with", "bytedance", F, F)}),
    "past_perfect": ("Walmart hatte Tiktok zuvor scharf kritisiert.",
                     {("walmart", "accuses", "tiktok", F, F)}),
    # modal verb: hypothetical
    "modal": ("Microsoft will Tiktok übernehmen.",
              {("microsoft", "acquires", "tiktok", F, T)}),
    "future": ("Oracle wird Tiktok im Herbst übernehmen.",
               {("oracle", "acquires", "tiktok", F, T)}),
    # separable verbs
    "separable_ab": ("Bytedance lehnte das Angebot von Microsoft ab.",
                     {("bytedance", "rejects", "microsoft", F, F)}),
    # agreeing to someone's plan or terms is agreeing with them
    "separable_zu": ("Tiktok und Bytedance stimmten dem Plan von Oracle zu.",
                     {("tiktok", "agrees_with", "oracle", F, F),
                      ("bytedance", "agrees_with", "oracle", F, F)}),
    "terms_of_an_actor": ("Bytedance stimmte neuen Bedingungen der US-Regierung zu.",
                          {("bytedance", "agrees_with", "us_government", F, F)}),
    "trap_subject_after_a_verb_final_verb": ("Offen ist, ob das Gericht den Argumenten von "
                                             "Oracle zustimmt und Walmart verliert.", set()),
    "ban_on_business_with": ("Trump hat Firmen Geschäfte mit Tiktok verboten.",
                             {("trump", "blocks", "tiktok", F, F)}),
    "keeps_the_majority": ("Bytedance behält die Mehrheit an Tiktok.",
                           {("bytedance", "owns", "tiktok", F, F)}),
    "partner_as": ("Oracle tritt als Technologie-Partner von Tiktok auf.",
                   {("oracle", "partners_with", "tiktok", F, F)}),
    "partner_compound_apposition": ("Der Tiktok-Partner Oracle schweigt.",
                                    {("tiktok", "partners_with", "oracle", F, F)}),
    "fronted_dative_with_adjective": ("Der ebenfalls chinesischen App Wechat zieht die "
                                      "US-Regierung den Stecker.",
                                      {("us_government", "blocks", "wechat", F, F)}),
    "separable_joined": ("Bytedance hat die Forderung abgelehnt, Tiktok an Oracle zu verkaufen.",
                         {("bytedance", "sells_to", "oracle", F, F)}),
    # idiom
    "idiom": ("Trump zieht Tiktok den Stecker.", {("trump", "blocks", "tiktok", F, F)}),
    # passive with and without agent
    "passive_agent": ("Tiktok wird von der US-Regierung blockiert.",
                      {("us_government", "blocks", "tiktok", F, F)}),
    "passive_durch": ("Tiktok wurde durch die US-Regierung gesperrt.",
                      {("us_government", "blocks", "tiktok", F, F)}),
    "passive_no_agent": ("Tiktok wird in den USA blockiert, sagte Oracle.", set()),
    # coordination on either side
    "coord_subject": ("Tiktok und Bytedance verklagten die US-Regierung.",
                      {("tiktok", "sues", "us_government", F, F),
                       ("bytedance", "sues", "us_government", F, F)}),
    "coord_object": ("Trump kritisierte Tiktok und Wechat.",
                     {("trump", "accuses", "tiktok", F, F),
                      ("trump", "accuses", "wechat", F, F)}),
    "reciprocal": ("Oracle und Bytedance haben sich geeinigt.",
                   {("oracle", "agrees_with", "bytedance", F, F)}),
    "trap_reciprocal_with_a_third_party": ("Oracle und Walmart haben sich mit dem Investor "
                                           "geeinigt.", set()),
    "trap_reciprocal_together_with": ("Oracle und Walmart verhandeln gemeinsam mit "
                                      "Bytedance.", set()),
    # subordinate and relative clauses: arguments from the trigger's own clause
    "subordinate": ("Trump sagte, dass Oracle Tiktok übernimmt.",
                    {("oracle", "acquires", "tiktok", F, F)}),
    "relative_subject": ("Die Regeln gelten für Tiktok, das von der US-Regierung blockiert wird.",
                         {("us_government", "blocks", "tiktok", F, F)}),
    "relative_object": ("Oracle, das mit Bytedance verhandelt, äußerte sich nicht.",
                        {("oracle", "negotiates_with", "bytedance", F, F)}),
    # infinitive clause takes the subject of its governing clause
    "infinitive": ("Microsoft hat angekündigt, Tiktok zu kaufen.",
                   {("microsoft", "acquires", "tiktok", F, T)}),
    # ... and a demanded action is hypothetical
    "object_control": ("Trump forderte Oracle auf, Tiktok zu übernehmen.",
                       {("trump", "pressures", "oracle", F, F),
                        ("oracle", "acquires", "tiktok", F, T)}),
    "infinitive_chain": ("Microsoft kündigte an, mehr Geld auszugeben, um Tiktok zu unterstützen.",
                         {("microsoft", "supports", "tiktok", F, T)}),
    "idiom_claim": ("Trump hat die Bedenken von Oracle beiseite gewischt.",
                    {("trump", "rejects", "oracle", F, F)}),
    # negation
    "negation_nicht": ("Oracle hat Tiktok nicht übernommen.",
                       {("oracle", "acquires", "tiktok", T, F)}),
    "negation_kein": ("Microsoft hält keine Anteile an Tiktok.",
                      {("microsoft", "invests_in", "tiktok", T, F)}),
    "negation_weder": ("Weder Oracle noch Walmart haben Tiktok gekauft.",
                       {("oracle", "acquires", "tiktok", T, F),
                        ("walmart", "acquires", "tiktok", T, F)}),
    "not_only": ("Trump kritisierte nicht nur Tiktok.",
                 {("trump", "accuses", "tiktok", F, F)}),
    # hypothetical cues
    "konjunktiv": ("Oracle würde Tiktok gerne kaufen.",
                   {("oracle", "acquires", "tiktok", F, T)}),
    "soll": ("Oracle soll Tiktok übernehmen.", {("oracle", "acquires", "tiktok", F, T)}),
    "plant": ("Microsoft plant, Tiktok zu kaufen.", {("microsoft", "acquires", "tiktok", F, T)}),
    "fronted_phrase_and_modal": ("Trotz aller Differenzen wollen Oracle und Walmart "
                                 "zusammenarbeiten.",
                                 {("oracle", "partners_with", "walmart", F, T)}),
    "coalition": ("Die Koalition von Oracle und Walmart hält.",
                  {("oracle", "partners_with", "walmart", F, F)}),
    "coalition_support_verb": ("Oracle bildet eine Allianz mit Walmart.",
                               {("oracle", "partners_with", "walmart", F, F)}),
    "trap_against_the_noun": ("Oracle spricht sich gegen eine Partnerschaft mit Walmart aus.",
                              set()),
    "in_favour_of_the_noun": ("Oracle spricht sich für eine Partnerschaft mit Walmart aus.",
                              {("oracle", "partners_with", "walmart", F, T)}),
    "idiom_duty": ("Trump nimmt Oracle in die Pflicht.", {("trump", "pressures", "oracle", F, F)}),
    "pact": ("Oracle schließt einen Pakt mit Walmart.",
             {("oracle", "agrees_with", "walmart", F, F)}),
    "proposed_noun": ("Ein Vorschlag für eine Partnerschaft von Oracle und Walmart liegt vor.",
                      {("oracle", "partners_with", "walmart", F, T)}),
    "parent_compound": ("Die Tiktok-Mutter Bytedance schweigt.",
                        {("bytedance", "owns", "tiktok", F, F)}),
    "deal_between": ("Die US-Regierung billigte den Deal zwischen Oracle und Bytedance.",
                     {("oracle", "agrees_with", "bytedance", F, F),
                      ("us_government", "agrees_with", "oracle", F, F),
                      ("us_government", "agrees_with", "bytedance", F, F)}),
    "deal_closed": ("Oracle und Bytedance schlossen einen Deal.",
                    {("oracle", "agrees_with", "bytedance", F, F)}),
    "must": ("Oracle muss dem Plan von Walmart zustimmen.",
             {("oracle", "agrees_with", "walmart", F, T)}),
    "spokesman_speaks_for": ("Ein Sprecher der chinesischen Regierung warf Trump Lügen vor.",
                             {("china_government", "accuses", "trump", F, F)}),
    "lawyers_act_for": ("Die Anwälte von Tiktok verklagten die US-Regierung.",
                        {("tiktok", "sues", "us_government", F, F)}),
    "threat_after_a_fronted_clause": ("Während Microsoft verhandelte, drohte Trump Tiktok "
                                      "mit einem Verbot.",
                                      {("trump", "pressures", "tiktok", F, F)}),
    "ally": ("Oracle gilt als enger Verbündeter von Trump.",
             {("oracle", "partners_with", "trump", F, F)}),
    "deadline": ("Die US-Regierung hat Tiktok eine Frist gesetzt.",
                 {("us_government", "pressures", "tiktok", F, F)}),
    "trap_experiencer_after_adverb": ("Jetzt droht Tiktok das Aus.", set()),
    "trap_genitive_after_its_noun": ("Oracle schließt einen Rückzug Walmarts nicht aus.",
                                     set()),
    "advocates_a_noun": ("Trump machte sich für eine Partnerschaft mit Oracle stark.",
                         {("trump", "partners_with", "oracle", F, T)}),
    "ban_on_something_of_an_actor": ("Das Handelsministerium kündigte an, Downloads der "
                                     "App Tiktok zu verbieten.",
                                     {("us_commerce_department", "blocks", "tiktok", F, T)}),
    "trap_not_ruling_out_a_deal": ("Trump schließt einen Deal mit Tiktok nicht aus.", set()),
    "even_if": ("Selbst wenn Oracle Tiktok übernimmt, bleibt vieles offen.",
                {("oracle", "acquires", "tiktok", F, T)}),
    "on_the_way": ("Oracle nimmt eine Hürde auf dem Weg zur Übernahme von Tiktok.",
                   {("oracle", "acquires", "tiktok", F, T)}),
    "presupposed_by_possessive": ("Oracle erwägt eine Investition in seinen Partner Walmart.",
                                  {("oracle", "partners_with", "walmart", F, F),
                                   ("oracle", "invests_in", "walmart", F, T)}),
    "calls_a_risk": ("Trump bezeichnet Tiktok als Sicherheitsrisiko.",
                     {("trump", "accuses", "tiktok", F, F)}),
    "trap_calls_it_great": ("Trump bezeichnete Oracle als großartiges Unternehmen.", set()),
    "welcomes_a_decision": ("Microsoft begrüßte die Entscheidung von Oracle.",
                            {("microsoft", "supports", "oracle", F, F)}),
    "trap_greets_a_person": ("Bytedance begrüßte Trump in Peking.", set()),
    "entity_list": ("Die US-Regierung setzte Huawei auf die Entity List.",
                    {("us_government", "blocks", "huawei", F, F)}),
    "trap_relies_on": ("Oracle setzt auf Tiktok.", set()),
    "stops_the_ban_of_an_actor": ("Ein Gericht stoppte das Tiktok-Verbot der US-Regierung, "
                                  "sagte Bytedance.",
                                  {("us_government", "blocks", "tiktok", F, F)}),
    "criticises_a_ban": ("Bytedance kritisierte das Tiktok-Verbot der US-Regierung.",
                         {("bytedance", "accuses", "us_government", F, F),
                          ("us_government", "blocks", "tiktok", F, F)}),
    "willing": ("Oracle hat sich bereiterklärt, mit Bytedance zu verhandeln.",
                {("oracle", "negotiates_with", "bytedance", F, T)}),
    "reported": ("Laut Berichten verhandelt Oracle mit Bytedance.",
                 {("oracle", "negotiates_with", "bytedance", F, T)}),
    "hiess_es": ("Oracle verhandle mit Bytedance, hieß es am Abend.",
                 {("oracle", "negotiates_with", "bytedance", F, T)}),
    # nominal relations
    "nominal_takeover": ("Die Übernahme von Tiktok durch Oracle gilt als sicher.",
                         {("oracle", "acquires", "tiktok", F, F)}),
    "nominal_between": ("Eine Einigung zwischen Oracle und Bytedance steht bevor.",
                        {("oracle", "agrees_with", "bytedance", F, F)}),
    "nominal_support_verb": ("Microsoft führt Gespräche mit Bytedance.",
                             {("microsoft", "negotiates_with", "bytedance", F, F)}),
    "nominal_ban": ("Das Verbot von Tiktok durch die US-Regierung trifft Millionen Nutzer.",
                    {("us_government", "blocks", "tiktok", F, F)}),
    "nominal_compound": ("Das Tiktok-Verbot der US-Regierung trifft Millionen Nutzer.",
                         {("us_government", "blocks", "tiktok", F, F)}),
    "owner_apposition": ("Der Tiktok-Eigentümer Bytedance schweigt.",
                         {("bytedance", "owns", "tiktok", F, F)}),
    "parent_apposition": ("Bytedance, der Mutterkonzern von Tiktok, schweigt.",
                          {("bytedance", "owns", "tiktok", F, F)}),
    "possessor": ("Oracles Übernahme von Tiktok verzögert sich.",
                  {("oracle", "acquires", "tiktok", F, F)}),
    "offer": ("Das Übernahmeangebot von Microsoft für Tiktok liegt vor.",
              {("microsoft", "acquires", "tiktok", F, T)}),
    "regulator_deal": ("Die US-Regierung blockiert die Übernahme von Tiktok durch Oracle.",
                       {("us_government", "blocks", "oracle", F, F),
                        ("oracle", "acquires", "tiktok", F, F)}),
    # a relation presupposed by a noun phrase is not hypothetical because of the
    # clause's modal; the clause's own relation is
    "presupposed_noun": ("Die US-Regierung will die Übernahme von Tiktok durch Oracle blockieren.",
                         {("us_government", "blocks", "oracle", F, T),
                          ("oracle", "acquires", "tiktok", F, F)}),
    "planned_noun": ("Die geplante Übernahme von Tiktok durch Oracle verzögert sich.",
                     {("oracle", "acquires", "tiktok", F, T)}),
    "konjunktiv_i": ("Ein Sprecher sagte, Oracle verhandle mit Bytedance.",
                     {("oracle", "negotiates_with", "bytedance", F, T)}),
    # co-agents and reversed frames
    # both invest, and acting together they cooperate
    "together_with": ("Walmart investiert zusammen mit Oracle in Tiktok.",
                      {("walmart", "invests_in", "tiktok", F, F),
                       ("oracle", "invests_in", "tiktok", F, F),
                       ("walmart", "partners_with", "oracle", F, F)}),
    "reversed_frame": ("Oracle kauft Bytedance die Anteile ab.",
                       {("bytedance", "sells_to", "oracle", F, F)}),
    "relative_pronoun_not_article": ("Das ist die App, die Oracle dem Konzern Bytedance "
                                     "abgekauft hat.",
                                     {("bytedance", "sells_to", "oracle", F, F)}),
    # punctuation: datelines, dashes and appositions
    "dateline": ("Peking – Der Konzern Huawei hat Tiktok kritisiert.",
                 {("huawei", "accuses", "tiktok", F, F)}),
    "dash_aside": ("Oracle werde Tiktok – und nicht Wechat – übernehmen.",
                   {("oracle", "acquires", "tiktok", F, T)}),
    "apposition_interrupts": ("Oracle, ein Konzern aus Texas, hat Tiktok gekauft.",
                              {("oracle", "acquires", "tiktok", F, F)}),
    "stake": ("Walmart, bereits mit zehn Prozent an Tiktok beteiligt, schweigt.",
              {("walmart", "invests_in", "tiktok", F, F)}),
    "claim_owner": ("Bytedance widerspricht der Auffassung der US-Regierung.",
                    {("bytedance", "rejects", "us_government", F, F)}),
    # ... and the one resisting the claim is the object of its act (word_classes.responses)
    "claim_owner_of_noun_trigger": ("Oracle wehrt sich gegen die Klage der US-Regierung.",
                                    {("oracle", "rejects", "us_government", F, F),
                                     ("us_government", "sues", "oracle", F, F)}),
    # precision traps
    "trap_non_actor_object": ("Oracle soll die Speicherung der Daten von Tiktok übernehmen.",
                              set()),
    "trap_dative_experiencer": ("Tiktok droht in den USA das Aus, sagte Trump.", set()),
    "trap_cooccurrence": ("Oracle und Tiktok sind beide in Kalifornien ansässig.", set()),
    "trap_examples": ("Apple verbot Zulieferern wie Huawei den Export.", set()),
    "trap_other_possessor": ("Die USA blockieren den Verkauf von Huaweis Chips nach China.",
                             set()),
    "trap_dash_aside": ("Trump werde Oracle – und nicht Walmart – auffordern, mehr zu zahlen.",
                        {("trump", "pressures", "oracle", F, T)}),
    "trap_headline_without_period": ("Gipfel Oracle, Walmart, Tiktok am Freitag geplant Doch "
                                     "zuerst muss Tiktok noch zustimmen.", set()),
    "trap_pronoun_subject": ("Er hat sich mit Oracle, Walmart und Microsoft nicht geeinigt.",
                             set()),
    # a country's title-holder: the person acts, the possessor does not
    "possessor_of_person_subject": ("Chinas Präsident Xi kritisiert Trump.",
                                    {("xi", "accuses", "trump", F, F)}),
    "possessor_of_person_object": ("Trump kritisiert Chinas Präsidenten Xi.",
                                   {("trump", "accuses", "xi", F, F)}),
    "possessor_in_pp": ("Trump wirft den Beratern von Chinas Staatschef Xi Spionage vor.",
                        {("trump", "accuses", "xi", F, F)}),
    # lists that name actors among other names
    "list_with_other_names": ("Trump kritisierte Oracle, Amazon und Walmart.",
                              {("trump", "accuses", "oracle", F, F),
                               ("trump", "accuses", "walmart", F, F)}),
    "list_after_preposition": ("Oracle verhandelt mit Amazon, Google und Bytedance.",
                               {("oracle", "negotiates_with", "bytedance", F, F)}),
    "trap_list_member_as_subject": ("Er hat sich mit Oracle, Amazon und Walmart nicht geeinigt.",
                                    set()),
    "trap_date_is_no_list_item": ("Trump sagte am Montag, Oracle und Walmart hätten sich "
                                  "geeinigt.",
                                  {("oracle", "agrees_with", "walmart", F, T)}),
    # two main clauses joined by "und"
    "coordinated_clauses": ("Trump lobte Oracle und Microsoft kritisierte Bytedance.",
                            {("trump", "supports", "oracle", F, F),
                             ("microsoft", "accuses", "bytedance", F, F)}),
    "coordinated_clauses_elided_subject": ("Trump kritisiert Tiktok und droht Bytedance mit "
                                           "einem Verbot.",
                                           {("trump", "accuses", "tiktok", F, F),
                                            ("trump", "pressures", "bytedance", F, F)}),
    "coordinated_modal_scope": ("Trump will Tiktok verbieten und kritisiert Bytedance.",
                                {("trump", "blocks", "tiktok", F, T),
                                 ("trump", "accuses", "bytedance", F, F)}),
    "trap_attributive_verb_is_no_clause": ("Das neu verhandelte Abkommen zwischen Oracle und "
                                           "der US-Regierung ist umstritten.",
                                           {("oracle", "agrees_with", "us_government", F, F)}),
    "trap_open_bracket_is_no_clause": ("Trump hat Tiktok und Wechat verboten.",
                                       {("trump", "blocks", "tiktok", F, F),
                                        ("trump", "blocks", "wechat", F, F)}),
    "trap_shared_participle": ("Trump hat Tiktok verboten und Wechat gesperrt.",
                               {("trump", "blocks", "tiktok", F, F),
                                ("trump", "blocks", "wechat", F, F)}),
    # a compound the lexicon excludes: negotiating partners are no partners
    "trap_excluded_compound": ("Die Verhandlungspartner Oracle, Walmart und Microsoft "
                               "trafen Trump.", set()),
    "partner_compound": ("Die Koalitionspartner Oracle und Walmart schweigen.",
                         {("oracle", "partners_with", "walmart", F, F)}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_construction(nlp, name):
    text, expected = CASES[name]
    assert relations(nlp, text) == expected


def test_threat_needs_subject_before_verb(nlp):
    assert relations(nlp, "Trump droht Tiktok mit einem Verbot.") >= {
        ("trump", "pressures", "tiktok", False, False)
    }


def test_record_fields_point_into_the_text(nlp):
    text = "Vorab etwas Text. Tiktok wird von der US-Regierung blockiert."
    doc = nlp(text)
    (rec,) = doc._.relation_records
    assert text[rec["start"]:rec["end"]] == rec["evidence"] == (
        "Tiktok wird von der US-Regierung blockiert."
    )
    assert text[rec["trigger_start"]:rec["trigger_end"]] == "blockiert"
    assert rec["method"] == "surface.passive"
    assert 0 < rec["confidence"] <= 1
    assert rec["extra"]["plover"] == "SANCTION"


def test_separable_trigger_text_shows_both_parts(nlp):
    doc = nlp("Bytedance lehnte das Angebot von Microsoft ab.")
    (rec,) = doc._.relation_records
    assert rec["trigger"] == "lehnte … ab"


def test_one_record_per_triple_and_sentence(nlp):
    doc = nlp("Oracle verhandelt mit Bytedance und führt Gespräche mit Bytedance.")
    triples = [(r["subject"], r["label"], r["object"]) for r in doc._.relation_records]
    assert triples == [("oracle", "negotiates_with", "bytedance")]


def test_line_breaks_inside_or_after_a_sentence_change_nothing(nlp):
    """Whitespace tokens (paragraph breaks, NBSP) are not words of the clause."""
    text = "Bytedance lehnte das Angebot von Microsoft am Sonntag ab.\n\nDanach kam nichts."
    wrapped = "Bytedance lehnte das\u00a0Angebot von\nMicrosoft am Sonntag ab."
    for doc in (nlp(text), nlp(wrapped)):
        assert [(r.subject, r.label, r.object) for r in doc._.relations] == [
            ("bytedance", "rejects", "microsoft")]


# Clean sentences whose rules read a neighbour of a mention or trigger (a preposition
# before the mention, an article after the trigger, a comma before a relative pronoun);
# each variant puts a blank token (line break, NBSP, zero-width space, control
# character) right at such a neighbour.
BLANK_CASES = [
    ("Die Übernahme von Tiktok durch Walmart scheiterte im Sommer.",
     [("von Tiktok", "von\r\nTiktok"), ("Übernahme von", "Übernahme\nvon"),
      ("durch Walmart", "durch\u00a0Walmart")]),
    ("Huawei wurde von der US-Regierung auf eine schwarze Liste gesetzt.",
     [("von der", "von\u00a0der"), ("Huawei wurde", "Huawei\u00a0\u00a0wurde")]),
    ("Apple, das mit Huawei seit Monaten verhandelt, äußerte sich nicht.",
     [("Apple, das", "Apple,\u200b das"), ("mit Huawei", "mit \u200bHuawei"),
      ("Apple, das", "Apple,\x1f das")]),
    ("Microsoft lehnte das Angebot von Bytedance am Montag ab.",
     [("von Bytedance", "von\x07Bytedance"), ("lehnte das", "lehnte \x0b das")]),
]


def _triples(doc):
    return sorted((r.subject, r.label, r.object, r.negated, r.hypothetical)
                  for r in doc._.relations)


@pytest.mark.parametrize(("clean", "variants"), BLANK_CASES)
def test_blank_tokens_between_words_change_nothing(nlp, clean, variants):
    """A line break, NBSP, zero-width space or control character between two words
    gives the relations of the clean sentence, and offsets still point at the text."""
    expected = _triples(nlp(clean))
    assert expected, f"the clean sentence gives no relation: {clean!r}"
    for old, new in variants:
        text = clean.replace(old, new)
        doc = nlp(text)
        assert any(not t.text.strip() or not t.text.isprintable() for t in doc), text
        assert _triples(doc) == expected, repr(text)
        for rel in doc._.relations:
            assert text[rel.start:rel.end] == rel.evidence
            trigger = text[rel.trigger_start:rel.trigger_end]
            runs = rel.trigger.split(" … ")
            assert trigger.startswith(runs[0]) and trigger.endswith(runs[-1]), (text, trigger)


def test_blank_tokens_keep_trigger_offsets_of_the_original_text(nlp):
    """The trigger is found after a line break; its offsets are those of the text."""
    text = "Laut Berichten\nlehnte Bytedance\u00a0das\nAngebot von\nMicrosoft ab."
    rels = nlp(text)._.relations
    assert [(r.subject, r.label, r.object) for r in rels] == [
        ("bytedance", "rejects", "microsoft")]
    rel = rels[0]
    assert text[rel.trigger_start:rel.trigger_start + len("lehnte")] == "lehnte"
    assert text[:rel.trigger_end].endswith("ab")
    assert (rel.start, rel.end) == (0, len(text))
