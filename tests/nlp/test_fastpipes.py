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


def test_fast_rule_lemmatize_equals_spacys_on_real_news() -> None:
    """The set-indexed rule lookup gives spaCy's lemmas word for word (every POS, every form)."""
    import gzip
    import json

    import pytest
    import spacy

    from newsledger.nlp.fastpipes import accelerated
    from newsledger.nlp.model import MODEL

    data = SHARED / "data" / "npr_articles.jsonl.gz"
    if not data.is_file():
        pytest.skip("../shared/data is absent")
    with gzip.open(data, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for _, line in zip(range(12), fh)]
    texts.append(ARTICLE)
    nlp = spacy.load(MODEL)
    fast = accelerated(nlp)["lemmatizer"]
    lem = nlp.get_pipe("lemmatizer")
    seen = 0
    for doc in nlp.pipe(texts):
        for tok in doc:
            if tok.pos_ in ("", "SPACE"):
                continue
            lem.cache.clear()
            assert fast.rule_lemmatize(tok) == lem.rule_lemmatize(tok), tok.text
            seen += 1
    assert seen > 5_000
