import pytest

from incidex.resolve.text import cosine, features, similarity_table


def _vector(text: str) -> dict[str, float]:
    return features(text)[0]


def test_identical_texts_have_similarity_one():
    vector = _vector("Gunmen attacked a bank in Woodburn, Oregon.")
    assert cosine(vector, vector) == pytest.approx(1.0)


def test_shared_names_weigh_more_than_shared_common_words():
    base = _vector("A gunman opened fire at an office party in Vancouver on Friday. Eric Kirkpatrick was charged.")
    same_names = _vector("Kirkpatrick appeared in a Vancouver court after the killing.")
    same_words = _vector("A gunman opened fire at an office party in Troy on Friday. Anthony LaCalamita was charged.")
    assert base["vancouver"] > base["office"]
    assert cosine(base, same_names) > 2 * cosine(base, same_words) > 0


def test_title_case_headlines_do_not_make_names():
    vector = _vector("Riots Erupt Following Death Of Teen\nthe riots erupt again in the city tonight.")
    assert vector["death"] == pytest.approx(vector["city"])


def test_stop_words_and_empty_text_give_empty_vectors():
    assert _vector("") == {} and _vector("the and of said") == {}
    assert cosine({}, _vector("bomb")) == 0.0


def test_similarity_table_gives_the_cosine_of_each_row_with_each_vector():
    texts = ["Gunmen attacked a bank in Woodburn, Oregon.", "A bank in Woodburn was attacked by gunmen.",
             "Floods closed schools in Troy.", ""]
    vectors = [_vector(text) for text in texts]
    table = similarity_table(vectors, [2, 0])
    assert table.shape == (2, 4)
    for row, index in enumerate((2, 0)):
        for column, vector in enumerate(vectors):
            assert table[row, column] == pytest.approx(cosine(vectors[index], vector))
    assert table[1, 1] > 0.5 and table[1, 3] == 0.0


def test_similarity_table_of_no_rows_or_no_words_has_the_right_shape():
    assert similarity_table([{}, {}], [1]).shape == (1, 2) and similarity_table([{"bomb": 1.0}], []).shape == (0, 1)
