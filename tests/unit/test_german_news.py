"""German funding news, read by its own reader (assets/parsing/german.py): every sentence here is written
for these tests, on the shapes German tech and business news takes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assets.normalize.amounts import AmountStatus, parse_amount
from assets.normalize.german_amounts import find_german_money, parse_german_amount
from assets.normalize.rounds import resolve_round
from assets.parsing.german import is_german
from assets.parsing.prose import extract_prose_mentions
from assets.parsing.sentences import split_sentences
from tests.unit.prose_reading import PUBLISHED, read_mentions


def deals(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """(company, amount, round) of every mention of one German paragraph."""
    return [(m.company, m.amount, m.round_text) for m in read_mentions(text)]


def document(*paragraphs: str) -> list:
    return extract_prose_mentions(list(paragraphs), published=PUBLISHED)


# --- which sentences are German -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Das Kasseler Start-up Rübenwerk hat 3 Millionen Euro eingesammelt.",
        "Rübenwerk sammelt 3 Millionen Euro ein",
        "Rübenwerk – 3 Mio. Euro (Seed, Lead: Fuldatal Ventures)",
    ],
)
def test_german_sentences_are_told_apart(sentence: str) -> None:
    assert is_german(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Quenby has raised $40 million in a Series B round led by Northwind.",
        "The startup, which has a hat shop in Die, raised €3 million.",
        "Quenby lève 12 millions d'euros auprès de Partech.",
    ],
)
def test_other_languages_are_not_german(sentence: str) -> None:
    assert not is_german(sentence)


def test_an_english_sentence_is_still_read_as_before() -> None:
    assert deals("Quenby has raised $40 million in a Series B round led by Northwind.") == [
        ("Quenby", "$40 million", "series_b")
    ]


# --- amounts --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("7 Millionen Euro", 7_000_000, "EUR"),
        ("2,35 Mio. Euro", 2_350_000, "EUR"),
        ("€ 9 Mio.", 9_000_000, "EUR"),
        ("4 Mio. €", 4_000_000, "EUR"),
        ("1,1 Milliarden US-Dollar", 1_100_000_000, "USD"),
        ("650.000 Euro", 650_000, "EUR"),
        ("14 Millionen Schweizer Franken", 14_000_000, "CHF"),
        ("CHF 3 Mio.", 3_000_000, "CHF"),
        ("2 Billionen Euro", 2 * 10**12, "EUR"),
    ],
)
def test_german_amounts(text: str, value: int, currency: str) -> None:
    money = parse_german_amount(text)
    assert money is not None
    assert (money.value, money.currency) == (Decimal(value), currency)
    parsed = parse_amount(text)
    assert parsed.status is AmountStatus.PARSED
    assert parsed.money.value == value


def test_a_floor_word_makes_a_floor_and_an_about_word_does_not() -> None:
    assert parse_german_amount("mehr als 8 Millionen Euro").is_floor
    assert not parse_german_amount("rund 8 Millionen Euro").is_floor
    assert parse_german_amount("rund 8 Millionen Euro").value == 8_000_000


def test_numbers_without_a_currency_are_not_money() -> None:
    assert (
        find_german_money("Bis 2030 sollen 40 Prozent der 1.200 Anlagen 10.000-mal schneller laufen.") == []
    )
    assert parse_amount("-4 Mio. Euro").status is AmountStatus.UNPARSEABLE  # (a minus is never dropped)


def test_points_that_group_thousands_are_read_the_german_way() -> None:
    assert parse_amount("750.000 Euro").money.value == 750_000
    assert parse_amount("$1.5 million").money.value == 1_500_000  # English stays English


def test_an_abbreviated_multiplier_does_not_end_the_sentence() -> None:
    assert split_sentences("Rübenwerk sammelt 3 Mio. Euro ein. Das Geld fließt in den Vertrieb.") == [
        "Rübenwerk sammelt 3 Mio. Euro ein.",
        "Das Geld fließt in den Vertrieb.",
    ]


@pytest.mark.parametrize(
    ("written", "slug"),
    [
        ("Wachstumsfinanzierung", "growth"),
        ("Börsengang", "ipo"),
        ("Kapitalerhöhung", "post_ipo"),
        ("Wandeldarlehen", "debt"),
        ("Zuschuss", "grant"),
        ("Series-B", "series_b"),
    ],
)
def test_german_round_names_are_in_the_vocabulary(written: str, slug: str) -> None:
    assert resolve_round(written) == slug


# --- who raised -----------------------------------------------------------------------------------------


def test_a_descriptor_names_the_company_after_it() -> None:
    mention = read_mentions(
        "Das Kasseler Agrar-Startup Rübenwerk hat in einer Series-A-Runde 9 Millionen Euro eingesammelt, "
        "angeführt von Fuldatal Ventures und Werra Capital."
    )[0]
    assert (mention.company, mention.amount, mention.round_text) == (
        "Rübenwerk",
        "9 Millionen Euro",
        "Series-A",
    )
    assert mention.lead_investors == ["Fuldatal Ventures", "Werra Capital"]
    assert mention.status == "announced"


def test_a_bare_name_before_its_verb_and_after_an_opening_adverb() -> None:
    assert deals("Rübenwerk sammelt 9 Millionen Euro ein") == [("Rübenwerk", "9 Millionen Euro", None)]
    assert deals("Außerdem sichert sich Lindwurm Robotics 4 Mio. Euro in einer Seed-Runde.") == [
        ("Lindwurm Robotics", "4 Mio. Euro", "Seed")
    ]


def test_a_city_adjective_is_not_part_of_the_name() -> None:
    assert deals("Berliner Kiezkasse holt 6 Millionen Euro") == [("Kiezkasse", "6 Millionen Euro", None)]


def test_a_headline_label_names_the_company_the_descriptor_describes() -> None:
    assert deals("Kiezkasse: Berliner Fintech-Startup sammelt 6 Mio. Euro ein") == [
        ("Kiezkasse", "6 Mio. Euro", None)
    ]


def test_the_startup_refers_to_the_company_named_before() -> None:
    mentions = document(
        "Das Leipziger Startup Saalwerk baut Software für Stadtwerke. "
        "Das Unternehmen hat nun 5 Millionen Euro in einer Seed-Runde erhalten."
    )
    assert [(m.company, m.amount) for m in mentions] == [("Saalwerk", "5 Millionen Euro")]


def test_a_founder_speaking_for_the_company() -> None:
    mentions = document(
        "Die Gründerin hat mit ihrem Startup Pflegepilot gerade eine Series A abgeschlossen.",
        "Gründerin: Wir haben 7 Millionen Euro eingesammelt.",
    )
    assert [(m.company, m.amount, m.round_text) for m in mentions] == [
        ("Pflegepilot", "7 Millionen Euro", "Series A")
    ]


def test_the_round_of_a_named_company() -> None:
    assert deals(
        "Die Series B von Hafenlicht über 30 Millionen Euro wurde von Elbtor Partners angeführt."
    ) == [("Hafenlicht", "30 Millionen Euro", "Series B")]


def test_a_corporate_investor_makes_a_strategic_round_and_a_fund_does_not() -> None:
    assert deals("Der Autozulieferer Brenner investiert 20 Millionen Euro in das Startup Sensora.") == [
        ("Sensora", "20 Millionen Euro", "strategic")
    ]
    assert deals("Der VC Isartal Capital investiert 20 Millionen Euro in das Startup Sensora.") == [
        ("Sensora", "20 Millionen Euro", None)
    ]


def test_list_items_with_and_without_their_markers() -> None:
    mentions = document(
        "Hafenlicht (Kiel) – 12 Mio. Euro, Series A. Das Startup baut Ladesäulen.",
        "Saalwerk – 3 Mio. Euro (Seed, Lead: Muldental Capital)",
    )
    assert [(m.company, m.amount, m.round_text) for m in mentions] == [
        ("Hafenlicht", "12 Mio. Euro", "Series A"),
        ("Saalwerk", "3 Mio. Euro", "Seed"),
    ]
    assert mentions[1].lead_investors == ["Muldental Capital"]


def test_a_follow_up_sentence_gives_the_leads_and_the_round() -> None:
    mention = document(
        "Das Kölner Startup Domblick bekommt 11 Millionen Euro. "
        "Die Series-A-Runde wird von Rheinufer Ventures angeführt."
    )[0]
    assert (mention.round_text, mention.lead_investors) == ("Series-A", ["Rheinufer Ventures"])


# --- when the money was raised --------------------------------------------------------------------------


def test_an_earlier_round_takes_its_year_and_a_second_one_in_the_sentence_is_its_own() -> None:
    mentions = read_mentions(
        "Bereits 2023 hatte Saalwerk in einer Seed-Runde 2 Millionen Euro erhalten, im Herbst 2024 folgte "
        "eine Series A über 8 Millionen Euro."
    )
    assert [(m.company, m.amount, m.round_text, m.announced) for m in mentions] == [
        ("Saalwerk", "2 Millionen Euro", "Seed", "2023"),
        ("Saalwerk", "8 Millionen Euro", "Series A", "2024"),
    ]


def test_a_month_named_alone_dates_the_round_in_the_pages_year() -> None:
    assert (
        read_mentions("Im Januar sammelte das Startup Saalwerk 5 Millionen Euro ein.")[0].announced
        == "January"
    )


# --- what is no raise ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Der VC Elbtor Partners hat seinen dritten Fonds über 200 Millionen Euro geschlossen.",
        "Das Berliner Startup Kiezkasse übernimmt den Konkurrenten Zahlfix für 40 Millionen Euro.",
        "Berliner Startups sammelten im zweiten Quartal 2,1 Milliarden Euro ein.",
        "Das Startup Saalwerk dementiert, 50 Millionen Euro eingesammelt zu haben.",
        "Seit der Gründung hat das Startup Saalwerk insgesamt 35 Millionen Euro eingesammelt.",
        "Das Startup Saalwerk streicht 80 Stellen und spart so 6 Millionen Euro.",
        "Saalwerk erzielte zuletzt einen Umsatz von 14 Millionen Euro.",
        "Das Startup Saalwerk hat bereits Kredite über 9 Millionen Euro an Landwirte vergeben.",
        "Saalwerk wollte bei dem geplanten Börsengang 200 Millionen Euro einsammeln.",
        "US-Präsident Max Muster sammelt 5 Milliarden US-Dollar für den Wiederaufbau ein.",
        "Gründer erhalten nach einer Series A im Schnitt ein Jahresgehalt von 110.000 Euro.",
        "Startup-Woche: 210 Millionen Euro für deutsche Gründer",
    ],
)
def test_figures_that_are_not_a_raise(text: str) -> None:
    assert deals(text) == []


def test_a_valuation_is_never_the_amount() -> None:
    mention = read_mentions(
        "Das Münchner Startup Isarflug hat 40 Millionen Euro bei einer Bewertung von 400 Millionen Euro "
        "eingesammelt."
    )[0]
    assert (mention.amount, mention.valuation) == ("40 Millionen Euro", "400 Millionen Euro")


def test_a_rumour_and_a_plan_are_reported() -> None:
    assert [
        m.status for m in read_mentions("Das Startup Isarflug soll laut Insidern 60 Mio. Euro erhalten.")
    ] == ["reported"]
    assert [m.status for m in read_mentions("Isarflug will in einer Series C 90 Mio. Euro einsammeln.")] == [
        "reported"
    ]


def test_a_round_whose_amount_is_not_told() -> None:
    mentions = document(
        "Das Hamburger Healthtech Wundwerk hat eine Seed-Finanzierungsrunde abgeschlossen. "
        "Über die Höhe wurde Stillschweigen vereinbart."
    )
    assert [(m.company, m.amount, m.round_text) for m in mentions] == [("Wundwerk", "undisclosed", "Seed")]
    said_in_one = document("Das Proptech Mietlicht hat einen zweistelligen Millionenbetrag eingesammelt.")
    assert [(m.company, m.amount) for m in said_in_one] == [("Mietlicht", "undisclosed")]


def test_a_round_without_its_amount_and_without_a_word_on_it_is_no_deal() -> None:
    assert document("Das Hamburger Healthtech Wundwerk hat eine Seed-Finanzierungsrunde abgeschlossen.") == []


def test_the_share_sale_of_a_listing_is_the_offering() -> None:
    mentions = document(
        "Das Grazer Batterie-Startup Zellwerk hat seinen Börsengang an der Wiener Börse abgeschlossen. "
        "Aus der Platzierung neuer Aktien fließen dem Unternehmen rund 150 Millionen Euro zu."
    )
    assert [(m.company, m.amount, m.round_text) for m in mentions] == [
        ("Zellwerk", "150 Millionen Euro", "Börsengang")
    ]


def test_a_listed_companys_capital_increase_is_post_ipo() -> None:
    assert deals(
        "Die börsennotierte Windkraft AG hat eine Kapitalerhöhung über 25 Mio. Euro bei Investoren platziert."
    ) == [("Windkraft", "25 Mio. Euro", "Kapitalerhöhung")]


# --- tables, histories and more shapes -------------------------------------------------------------------


def test_a_table_written_as_lines_with_german_headers() -> None:
    from assets.parsing.markdown_tables import markdown_table_mentions

    text = (
        "Unternehmen | Runde | Betrag | Investoren\n"
        "Fährhaus (Kiel) | Series A | 14 Mio. € | Förde Capital\n"
        "Deichgraf | Seed | n. bek. | Marsch Ventures\n"
    )
    found = [(m.company, m.round_text, m.amount) for m in markdown_table_mentions(text)]
    assert found == [("Fährhaus (Kiel)", "Series A", "14 Mio. €"), ("Deichgraf", "Seed", "n. bek.")]
    assert parse_amount("n. bek.").status is AmountStatus.UNDISCLOSED
    assert parse_amount("14 Mio. €").money.value == 14_000_000


def test_lines_with_pipes_that_are_no_table_stay_prose() -> None:
    from assets.parsing.markdown_tables import pipe_tables

    assert pipe_tables("Berlin | München | Hamburg\nWetter | Sonne | Regen\n") == []
    # a name and a figure are no deal table without a round or its investors
    assert pipe_tables("Name | Kapital\nDeutsche Bank | 5 Mrd. €\n") == []


def test_an_english_amount_and_one_in_words_inside_german_sentences() -> None:
    assert deals("Das Londoner Fintech Pennyrow hat eine Seed-Runde über £5m eingesammelt.") == [
        ("Pennyrow", "£5m", "Seed")
    ]
    assert deals(
        "Die Kaffeerad GmbH gibt den Abschluss einer Seed-Runde über eine Million Euro bekannt."
    ) == [("Kaffeerad", "eine Million Euro", "Seed")]
    assert parse_amount("eine Million Euro").money.value == 1_000_000


def test_a_dated_history_gives_each_round_its_year() -> None:
    mentions = document(
        "Das Heilbronner Startup Neckarlicht hat eine Series B über 30 Millionen Euro abgeschlossen.",
        "2022 – Seed-Runde über 2 Mio. Euro, angeführt von Kocher Seed.",
        "2023 – Series A über 9 Mio. Euro.",
    )
    assert [(m.company, m.amount, m.round_text, m.announced) for m in mentions] == [
        ("Neckarlicht", "30 Millionen Euro", "Series B", None),
        ("Neckarlicht", "2 Mio. Euro", "Seed", "2022"),
        ("Neckarlicht", "9 Mio. Euro", "Series A", "2023"),
    ]
    assert mentions[1].lead_investors == ["Kocher Seed"]


def test_the_company_of_a_relative_clause_after_the_round() -> None:
    assert deals(
        "Bezahlt wird der Zukauf aus der Series B über 35 Millionen Euro, die Dienstplaner im Mai "
        "abgeschlossen hatte."
    ) == [("Dienstplaner", "35 Millionen Euro", "Series B")]


def test_a_sentence_naming_the_kind_of_round_after_the_deal() -> None:
    mention = document(
        "Der Geldgeber Havelblick Capital investiert 11 Millionen Euro in Kantinenglück. "
        "Es handelt sich um eine Series A."
    )[0]
    assert (mention.company, mention.round_text) == ("Kantinenglück", "Series A")


def test_a_company_that_rejects_a_report_states_no_deal() -> None:
    assert (
        deals(
            "Berichte, wonach Lieferblitz über eine Brückenfinanzierung von 50 Millionen Euro "
            "verhandle, wies das Unternehmen zurück."
        )
        == []
    )


def test_the_subject_with_an_article_before_a_descriptor_named_later() -> None:
    assert deals(
        "Das Frankfurter Fintech Kreditwerk, das kleinen Unternehmen Betriebsmittelkredite zusagt, hat sich "
        "eine Kreditlinie über 200 Millionen Euro gesichert."
    ) == [("Kreditwerk", "200 Millionen Euro", "Kreditlinie")]


@pytest.mark.parametrize(
    "written",
    ["Wachstumsrunde", "Venture-Debt", "Darlehen", "Kreditlinie", "Kreditfazilität", "Kredit", "Fremdkapital",
     "Fremdkapitalfinanzierung", "Fremdkapitalfazilität", "Fördermittel", "Förderung", "Förderzusage",
     "Brückenfinanzierung", "Pre-Seed", "Serie C"],
)  # fmt: skip
def test_every_round_the_german_reader_writes_is_in_the_vocabulary(written: str) -> None:
    from assets.parsing.german import _ROUND

    assert _ROUND.fullmatch(written)
    assert resolve_round(written) is not None


# --- shapes of the fourth round ---------------------------------------------------------------------------


def test_brands_written_in_lower_case() -> None:
    mentions = document(
        "Die fahrradwerk GmbH hat eine Seed-Finanzierung über 2 Millionen Euro abgeschlossen.",
        "kieznetz sichert sich 900.000 Euro Pre-Seed-Kapital",
        "4. tischlein (Kassel): 3 Mio. Euro, Seed – Möbel im Abo.",
    )
    assert [(m.company, m.amount) for m in mentions] == [
        ("fahrradwerk", "2 Millionen Euro"),
        ("kieznetz", "900.000 Euro"),
        ("tischlein", "3 Mio. Euro"),
    ]


def test_a_participle_or_an_adverb_opening_a_sentence_is_no_name() -> None:
    mentions = document(
        "Brückenbau: Die Geschichte eines Kieler Start-ups",
        "Gegründet wurde Brückenbau 2019 in Kiel. Kaum ein Jahr später sammelten sie 2 Millionen Euro in "
        "einer Seed-Runde ein.",
    )
    assert [(m.company, m.amount, m.round_text) for m in mentions] == [
        ("Brückenbau", "2 Millionen Euro", "Seed")
    ]


def test_the_company_after_the_verb_and_a_descriptor() -> None:
    assert deals("12 Millionen Euro – so viel sammelt das Bonner Robotik-Start-up Greifarm ein.") == [
        ("Greifarm", "12 Millionen Euro", None)
    ]


def test_money_given_to_a_company() -> None:
    assert deals("Wandeldarlehen: Bestandsinvestoren geben Kühlraum 3 Millionen Euro") == [
        ("Kühlraum", "3 Millionen Euro", "Wandeldarlehen")
    ]
    mentions = document(
        "Das Bremer Start-up Kühlraum braucht Geld. Die Geldgeber, darunter der Logistikkonzern Weserfracht, "
        "stellen dem Unternehmen ein Wandeldarlehen über 3 Millionen Euro zur Verfügung."
    )
    assert [(m.company, m.round_text) for m in mentions] == [("Kühlraum", "Wandeldarlehen")]


def test_a_round_after_a_figure_that_opens_the_next_figure_is_the_next_ones() -> None:
    mentions = read_mentions(
        "Die Summe setzt sich bei der Firma Kielkompass aus einer Series-A-Runde über 6 Millionen Euro und "
        "einer Venture-Debt-Fazilität über 3 Millionen Euro zusammen."
    )
    assert [(m.amount, m.round_text) for m in mentions] == [
        ("6 Millionen Euro", "Series-A"),
        ("3 Millionen Euro", "Venture-Debt"),
    ]


def test_a_word_ending_in_wert_is_no_valuation() -> None:
    assert deals(
        "Nicht weniger bemerkenswert: Die Basler Laborplattform Pipettenhaus erhält 900.000 Franken."
    ) == [("Pipettenhaus", "900.000 Franken", None)]


def test_undisclosed_amounts_said_in_lists_and_in_silence() -> None:
    listed = document("Brettspiel.io (Salzburg) – Software für Handwerker – Betrag nicht genannt (Series A)")
    assert [(m.company, m.amount, m.round_text) for m in listed] == [
        ("Brettspiel.io", "undisclosed", "Series A")
    ]
    silent = document(
        "Das Start-up Sichtweise erhält Geld von mehreren Schweizer Business Angels. Zur Höhe schweigen die "
        "Gründer."
    )
    assert [(m.company, m.amount) for m in silent] == [("Sichtweise", "undisclosed")]


def test_a_total_opened_by_insgesamt_is_no_round() -> None:
    assert deals("Insgesamt hat Tafelberg damit rund 41 Millionen Euro an Kapital aufgenommen.") == []


# --- shapes of the fifth round ----------------------------------------------------------------------------


def test_swiss_thousands_and_a_grant_of_innosuisse() -> None:
    assert parse_german_amount("750'000 Franken").value == 750_000
    assert deals("Zusätzlich erhält Gletscherwerk einen Förderbeitrag von 750'000 Franken.") == [
        ("Gletscherwerk", "750'000 Franken", "Förderbeitrag")
    ]


def test_a_statistic_names_no_company_that_raised() -> None:
    assert (
        deals("Nach Berechnungen des Datenanbieters Zahlenwerk flossen insgesamt 21 Milliarden Euro.") == []
    )


def test_a_company_that_denied_a_report_has_no_reported_round() -> None:
    mentions = document(
        "Das Leipziger Fintech Zahlbote hat Berichte über eine neue Finanzierungsrunde zurückgewiesen. "
        "Alternativ verhandle Zahlbote über eine Series C in Höhe von 70 Millionen Euro, hieß es weiter."
    )
    assert mentions == []


def test_money_that_flows_to_a_name_or_into_the_till() -> None:
    assert deals("750.000 Euro fließen an Sternwarte Digital aus Salzburg.") == [
        ("Sternwarte Digital", "750.000 Euro", None)
    ]
    mentions = document(
        "Das Zürcher Start-up Gipfelsoft hat bei seinem Börsengang 310 Millionen Franken eingenommen. "
        "Die 310 Millionen Franken fließen vollständig in die Kasse des Unternehmens."
    )
    assert {m.company for m in mentions} == {"Gipfelsoft"}
    assert mentions[0].round_text == "Börsengang"


def test_the_name_before_a_colon_for_the_reference_after_it() -> None:
    mentions = document(
        "Das Wiener Start-up Zwölfer schließt eine Series A über 6,5 Millionen Euro ab. In Innsbruck darf "
        "sich Almwiese freuen: Die Plattform erhält 1,2 Millionen Euro in einer Seed-Runde von Tiroler "
        "Business Angels."
    )
    assert [(m.company, m.amount) for m in mentions] == [
        ("Zwölfer", "6,5 Millionen Euro"),
        ("Almwiese", "1,2 Millionen Euro"),
    ]


def test_a_team_is_the_company_named_before_and_an_investors_ticket_is_no_round() -> None:
    mentions = document(
        "Wir führen die Series-A-Runde von Spurwerk an. Gemeinsam mit zwei Co-Investoren investieren wir "
        "14 Millionen Franken in das Berner Team.",
        "Rund 1.200 Anleger haben sich an dem Unternehmen beteiligt, der größte bei 25.000 Euro.",
    )
    assert [(m.company, m.amount) for m in mentions] == [("Spurwerk", "14 Millionen Franken")]


# --- what a review of the German reader found -------------------------------------------------------------


def test_names_run_together_with_und_do_not_hang_the_reader() -> None:
    """'und' inside a run of letters let the investors' names split every way: exponential time."""
    import time

    started = time.perf_counter()
    deals("Feldwerk sammelt 5 Mio. Euro ein, angeführt von " + "Aund" * 40 + "B und anderen.")
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize(
    "text",
    [
        "Anschließend erhält Tado 5 Millionen Euro.",
        "Immerhin sammelt Tado 5 Millionen Euro ein.",
        "Letztes Jahr erhielt Tado 5 Millionen Euro.",
    ],
)
def test_an_adverb_opening_a_sentence_is_not_the_company(text: str) -> None:
    assert [company for company, _, _ in deals(text)] == ["Tado"]


@pytest.mark.parametrize(
    "text",
    [
        "Bayern erhält 50 Millionen Euro vom Bund für den Ausbau der Netze.",
        "Der Softwareanbieter Rechenwerk investiert 200 Millionen Euro in KI.",
        "Die Kelvara GmbH hat 5 Millionen Euro in eine neue Produktionshalle investiert.",
        "Investor Peter Thiel sammelt 20 Millionen Euro ein.",
        "Der Maschinenbauer Walzwerk erhält einen Auftrag über 30 Millionen Euro.",
        "Das Start-up Feldwerk hat seine Series B über 40 Millionen Euro auf Eis gelegt.",
        "Das Start-up Feldwerk erhält eine Bürgschaft über 10 Millionen Euro.",
    ],
)
def test_places_spenders_people_orders_and_rounds_on_ice_are_no_raise(text: str) -> None:
    assert deals(text) == []


def test_a_sentence_opened_by_im_vergangenen_jahr_dates_its_round() -> None:
    assert (
        read_mentions("Im vergangenen Jahr hatte Feldwerk 3 Millionen Euro erhalten.")[0].announced == "2025"
    )


def test_english_stays_english() -> None:
    assert parse_amount("€1.500 million").money.value == 1_500_000
    assert not is_german("Acme raised $6 million (5,5 Mio. Euro) in a Series A led by Accel.")
    assert not is_german("Acme: $1.250 billion Series C")
    assert split_sentences("It was co-founded by Mio. Beta raised $5M.") == [
        "It was co-founded by Mio.",
        "Beta raised $5M.",
    ]


def test_ca_before_a_number_does_not_end_the_sentence() -> None:
    assert split_sentences("Kaffeesatz – ca. 900.000 Euro (Pre-Seed). Irvine, Ca. Beta raised.") == [
        "Kaffeesatz – ca. 900.000 Euro (Pre-Seed).",
        "Irvine, Ca.",
        "Beta raised.",
    ]


def test_the_subject_after_the_verb_when_an_adverb_opens_and_not_otherwise() -> None:
    assert deals("Hingegen erhält Tado 5 Millionen Euro.") == [("Tado", "5 Millionen Euro", None)]
    assert deals("Ecovolt platziert Kapitalerhöhung über 60 Millionen Euro an der Börse") == [
        ("Ecovolt", "60 Millionen Euro", "Kapitalerhöhung")
    ]
    assert deals("Der Bund investiert 500 Millionen Euro in Quantencomputing.") == []


def test_about_before_an_amount_in_english() -> None:
    assert split_sentences("Quenby raised ca. $3 million. Investors included Point Nine.") == [
        "Quenby raised ca. $3 million.",
        "Investors included Point Nine.",
    ]
