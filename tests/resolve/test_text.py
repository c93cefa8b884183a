import pytest

from incidex.resolve.text import cosine, vectorize


def test_identical_texts_have_similarity_one():
    vector = vectorize("Gunmen attacked a bank in Woodburn, Oregon.")
    assert cosine(vector, vector) == pytest.approx(1.0)


def test_shared_names_weigh_more_than_shared_common_words():
    base = vectorize("A gunman opened fire at an office party in Vancouver on Friday. Eric Kirkpatrick was charged.")
    same_names = vectorize("Kirkpatrick appeared in a Vancouver court after the killing.")
    same_words = vectorize("A gunman opened fire at an office party in Troy on Friday. Anthony LaCalamita was charged.")
    assert base["vancouver"] > base["office"]
    assert cosine(base, same_names) > 2 * cosine(base, same_words) > 0


def test_title_case_headlines_do_not_make_names():
    vector = vectorize("Riots Erupt Following Death Of Teen\nthe riots erupt again in the city tonight.")
    assert vector["death"] == pytest.approx(vector["city"])


def test_stop_words_and_empty_text_give_empty_vectors():
    assert vectorize("") == {} and vectorize("the and of said") == {}
    assert cosine({}, vectorize("bomb")) == 0.0
