"""The fast attribute ruler and lemmatizer (nlp/fastpipes.py) write exactly what spaCy's do."""

from __future__ import annotations

from tests.conftest import SHARED
from tests.nlp.test_selective import ARTICLE


def test_fast_attribute_ruler_and_lemmatizer_equal_the_originals() -> None:
    import numpy
    import spacy
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    from newsledger.nlp.fastpipes import accelerated
    from newsledger.nlp.model import MODEL

    nlp = spacy.load(MODEL)
    fast = accelerated(nlp)
    assert set(fast) == {"attribute_ruler", "lemmatizer"}
    texts = [ARTICLE, "I'd say y'all got nothin' to do. There is a man who gets it done.\n\n \n",
             "Do you? He did. She has had it, hasn't she? Whatever that is, those were theirs."]
    if (SHARED / "seeds").is_dir():
        texts.append((SHARED / "seeds" / "000_083e98938a0e4d70.txt").read_text("utf-8"))
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        base = list(nlp.pipe(texts))
    cols = [LEMMA, POS, TAG, DEP, MORPH]
    for doc in base:
        a, b = doc.copy(), doc.copy()
        nlp.get_pipe("lemmatizer")(nlp.get_pipe("attribute_ruler")(a))
        fast["lemmatizer"](fast["attribute_ruler"](b))
        assert numpy.array_equal(a.to_array(cols), b.to_array(cols))
