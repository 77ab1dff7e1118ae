"""Lines a site's print version, paywall box and follow box set around the story, each a
line alone that speaks to the reader or names where the page came from: left out of the
main text, while a sentence of the story that holds the same words stays. Read from pages
as sites send them, through trafilatura."""

from __future__ import annotations

import pytest

from tests.summaries.test_article_furniture import STORY, page, stored

HEADLINE = "Council approves bus budget"


@pytest.mark.parametrize(
    "furniture",
    [
        ("Printed from harbourdaily.example", "Printed on 12/03/2026"),
        (
            "URL: https://harbourdaily.example/news/council-bus-budget",
            "© 2026 Harbour Daily. All rights reserved. Printed from harbourdaily.example",
        ),
        ("Printed from https://www.harbourdaily.example/news", "Printed on March 12, 2026"),
    ],
)
def test_a_print_versions_stamps_are_left_out(furniture):
    assert stored(page(*furniture)) == [HEADLINE, *STORY]


@pytest.mark.parametrize(
    "furniture",
    [
        ("This article is for subscribers only", "Subscribe Already a subscriber? Log in"),
        ("Exclusive to subscribers", "Subscribe Already have an account? Sign in"),
        ("Dieser Artikel ist nur für Abonnenten", "Exclusive to subscribers."),
        ("Article réservé aux abonnés", "This story is for subscribers only."),
        ("Contenido exclusivo para suscriptores", "Articolo riservato agli abbonati"),
    ],
)
def test_a_paywalls_labels_and_buttons_are_left_out(furniture):
    assert stored(page(*furniture)) == [HEADLINE, *STORY]


@pytest.mark.parametrize(
    "furniture",
    [
        (
            "Like us on Facebook: facebook.com/harbourdaily",
            "Follow us on Twitter: twitter.com/harbourdaily",
        ),
        ("Follow us on Instagram: instagram.com/harbourdaily", "YouTube: youtube.com/@harbour"),
    ],
)
def test_a_follow_box_naming_bare_social_addresses_is_left_out(furniture):
    assert stored(page(*furniture)) == [HEADLINE, *STORY]


@pytest.mark.parametrize(
    "sentence",
    [
        "The paper said the report was printed from a copy held at the city archive.",
        "Printed from 1998 to 2004, the timetable is now a collector's item.",
        "The new edition is exclusive to subscribers, the publisher said on Monday.",
        "Some articles are for subscribers only, a practice the council criticised.",
        "Der Verlag sagt, dieser Artikel ist nur für Abonnenten gedacht gewesen.",
        "Mayor Quill on Instagram: instagram.com/quill",
        "The council's page on Facebook: facebook.com/harbourcouncil was updated on Monday.",
    ],
)
def test_a_sentence_with_those_words_stays(sentence):
    assert sentence in stored(page(sentence, "Printed on 12/03/2026"))


@pytest.mark.parametrize(
    "furniture",
    [
        (
            "Gedruckt von https://www.harbourdaily.example/politik/1",
            "Abonnieren Bereits Abonnent? Anmelden",
        ),
        ("Imprimé depuis harbourdaily.example", "S'abonner Déjà abonné ? Se connecter"),
        (
            "Lien permanent : https://harbourdaily.example/a/1",
            "Je m'abonne Vous êtes abonné ? Connectez-vous",
        ),
        ("Impreso desde harbourdaily.example", "Suscríbete ¿Ya eres suscriptor? Inicia sesión"),
        ("Stampato da harbourdaily.example", "Abbonati Sei già abbonato? Accedi"),
        ("Impresso de harbourdaily.example", "Assine Já é assinante? Entrar"),
        ("Afgedrukt van www.harbourdaily.example", "Abonneren Al abonnee? Inloggen"),
        ("Geprint van harbourdaily.example", "Abonneren Bent u al abonnee? Inloggen"),
    ],
)
def test_print_stamps_and_paywall_buttons_in_other_languages_are_left_out(furniture):
    assert stored(page(*furniture)) == [HEADLINE, *STORY]


@pytest.mark.parametrize(
    "sentence",
    [
        "Gedruckt von der Druckerei Müller wurden im vergangenen Jahr zwei Millionen Bücher.",
        "Stampato da Mondadori, il libro è uscito in primavera in tutte le librerie.",
        "Impreso desde 1998 en la misma imprenta, el diario cumple ahora veinte años.",
        "Sind Sie bereits Abonnent? Viele Leser fragen uns, wie sie ihr Abo kündigen können.",
        "Déjà abonné ? Le maire, lui, a renoncé à son journal local depuis des années.",
    ],
)
def test_a_sentence_that_opens_with_those_words_in_other_languages_stays(sentence):
    assert sentence in stored(page(sentence, "Printed on 12/03/2026"))


@pytest.mark.parametrize(
    "furniture",
    [
        ("Imprime depuis harbourdaily.example", "S'abonner Deja abonne ? Se connecter"),
        ("Impresso de harbourdaily.example", "Assine Ja e assinante? Entrar"),
        ("Article reserve aux abonnes", "Suscribete ¿Ya eres suscriptor? Inicia sesion"),
        ("Url del articulo: harbourdaily.example/a/1", "Contenido exclusivo para suscriptores"),
    ],
)
def test_labels_written_without_their_accents_are_left_out(furniture):
    """A site (or its template) may type a label without its accents: "Imprime depuis" is
    "Imprimé depuis", and "Ja e assinante?" is "Já é assinante?"."""
    assert stored(page(*furniture)) == [HEADLINE, *STORY]


@pytest.mark.parametrize(
    "sentence",
    [
        "Imprime depuis 1998, le journal a ferme ses portes hier soir.",
        "Ja e assinante ha dez anos, disse o presidente da camara.",
    ],
)
def test_a_sentence_opening_with_those_words_without_accents_stays(sentence):
    assert sentence in stored(page(sentence, "Printed on 12/03/2026"))
