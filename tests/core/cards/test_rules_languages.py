"""Notes in Spanish, Italian, German, French and Portuguese: their remark words, general headings, examples and
reading lists do what the English and Japanese ones do."""

from __future__ import annotations

from devday_tui.core.cards.clozes import weak_answers
from tests.core.cards.small_notes import fronts, parse


def test_a_question_word_alone_in_spanish_or_italian_asks_about_what_it_is_under() -> None:
    md = """
    ## Firewall
    ### ¿Qué es?
    - Separa una red interna confiable de una red externa
    - Regula el tráfico entrante y saliente
    ## Hash
    ### Cos'è?
    - Una funzione che distribuisce i record nei bucket
    - Il costo è 1/B del costo di un heap
    """
    assert fronts(md) == ["Firewall › ¿Qué es? — 2 points", "Hash › Cos'è? — 2 points"]


def test_an_example_or_a_general_heading_in_another_language_names_its_parent() -> None:
    md = """
    ## File hash
    ### esempio 1
    - il file contiene 250.000 record
    - ogni record occupa 300 byte
    ## Rot-Schwarz-Bäume
    ### Vorteile
    - Höhe höchstens 2 log(n+1)
    - Einfügen in O(log n)
    ## Arrays
    ### Example 3
    - the index starts at 0
    - the length is fixed
    """
    assert fronts(md) == [
        "File hash › esempio 1 — 2 points",
        "Rot-Schwarz-Bäume › Vorteile — 2 points",
        "Arrays › Example 3 — 2 points",
    ]


def test_a_remark_word_in_german_takes_its_parents_text() -> None:
    md = """
    ## Algorithmen
    - Achtung: der Baum muss nach jedem Einfügen neu gefärbt werden
    """
    assert fronts(md) == ["Algorithmen › Achtung"]


def test_a_reading_list_in_another_language_makes_no_cards() -> None:
    md = """
    ## Árboles
    - Raíz: el nodo sin padre
    ## Referencias
    - Cormen: Introduction to Algorithms
    ## Quellen
    - Sedgewick: Algorithmen in C
    ## Riferimenti
    - Atzeni: Basi di dati
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["Raíz"]
    assert sorted(t.line for t in trace if t.rule == "skip-section" and not t.made) == [3, 5, 7]


def test_a_chapter_word_without_its_number_stays_a_term() -> None:
    md = """
    ## Palavras
    - Tema: o assunto de um texto
    - Parte: uma divisão de um todo
    """
    assert fronts(md) == ["Palavras — 2 points", "Tema", "Parte"]


def test_a_link_to_another_note_among_plain_items_is_one_of_them() -> None:
    md = """
    ## Tipos de datos
    - [**Booleano**](../../pc/pc_boolean.md)
    - **Texto**
    - **Tiempo**
    ## Lecturas
    - [Tipos en SQL](https://example.com/sql)
    - **Texto**
    - [[Booleano]]
    """
    note, _ = parse(md)
    lists = {c.front: [i.text for i in c.back] for c in note.cards if c.kind == "list"}
    assert lists == {"Tipos de datos — 3 points": ["Booleano", "Texto", "Tiempo"]}


def test_a_cloze_hiding_only_a_label_asks_nothing() -> None:
    note, trace = parse(
        """
        ## Media

        **【具体例】**『20B3』を10進数にすると8371になる。

        RBAC helps you manage **who** has access and **what** they can do with resources.
        """
    )
    assert [c.answers for c in note.cards if c.kind == "cloze"] == [("who", "what")]
    assert [t.line for t in trace if t.rule == "weak-cloze" and not t.made] == [3]
    assert weak_answers(("Esempio:",)) and weak_answers(("(Note)",)) and not weak_answers(("Esempio", "who"))
