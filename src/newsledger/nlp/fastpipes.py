"""Exact, faster stand-ins for two rule components of the English pipeline, for the speed path.

spaCy's ``attribute_ruler`` runs a general Matcher over every token (most of its rules are a tag
map: one ``TAG`` → ``POS``/``MORPH``) and the ``lemmatizer`` sets lemmas token by token from
Python. Both outputs depend only on a few token attributes, so here they are computed from the
Doc's arrays with dictionary lookups and written back with ``Doc.from_array``: the same values
(tests/nlp/test_fastpipes.py compares them with the originals), a fraction of the time. A rule this
module does not understand makes it decline, and the original component runs instead.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

_KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_SETS = (LEMMA, POS, TAG, DEP, MORPH)


class _Unsupported(Exception):
    pass


def _predicate(vocab: Any, key: str, value: Any) -> Callable[[int], bool]:
    """A test on one array value (a string hash, or 0/1 for IS_SPACE) for one pattern key."""
    if key == "IS_SPACE":
        want = int(bool(value))
        return lambda v: v == want
    h = vocab.strings.add
    if isinstance(value, str):
        target = h(value)
        return lambda v: v == target
    if isinstance(value, dict) and len(value) == 1:
        op, arg = next(iter(value.items()))
        if op == "IN":
            targets = {h(x) for x in arg}
            return lambda v: v in targets
        if op == "NOT_IN":
            targets = {h(x) for x in arg}
            return lambda v: v not in targets
        if op == "REGEX":
            rx = re.compile(arg)
            strings = vocab.strings
            memo: dict[int, bool] = {}

            def search(v: int) -> bool:
                hit = memo.get(v)
                if hit is None:
                    hit = memo[v] = bool(v) and bool(rx.search(strings[v]))
                return hit

            return search
    raise _Unsupported(f"{key}: {value!r}")


class FastAttributeRuler:
    """The attribute ruler's effect, rule by rule in its own order (later rules win)."""

    def __init__(self, ruler: Any):
        vocab = ruler.vocab
        self.col = {TAG: 0, LOWER: 1, DEP: 2, IS_SPACE: 3}
        # (rule id, pattern tokens [(column, predicate)...], target offset, attrs {attr: value})
        self.tables: list[dict[int, list[tuple[Any, ...]]]] = [{}, {}, {}, {}]
        self.generic: list[tuple[Any, ...]] = []
        for rid, entry in enumerate(ruler.patterns):
            attrs = dict(ruler.attrs[rid])
            if any(a not in _SETS for a in attrs):
                raise _Unsupported(f"sets {attrs}")
            for pattern in entry["patterns"]:
                toks = []
                for spec in pattern:
                    if set(spec) - set(_KEYS):
                        raise _Unsupported(f"pattern keys {sorted(spec)}")
                    toks.append([(self.col[_KEYS[k]], _predicate(vocab, k, v))
                                 for k, v in spec.items()])
                index = entry.get("index", 0)
                target = index if index >= 0 else len(pattern) + index
                if not 0 <= target < len(pattern):
                    raise _Unsupported(f"index {index}")
                first = pattern[0]
                # Index the rule by one value its first token must have, so that each token is
                # tested only against rules that can match it.
                for key in ("LOWER", "TAG", "DEP", "IS_SPACE"):  # most selective first
                    val = first.get(key)
                    if key == "IS_SPACE" and val is True:
                        values = [1]
                    elif isinstance(val, str):
                        values = [vocab.strings.add(val)]
                    elif isinstance(val, dict) and list(val) == ["IN"]:
                        values = [vocab.strings.add(x) for x in val["IN"]]
                    else:
                        continue
                    # "sure": the index lookup alone proves the match (the tag map's rules).
                    sure = len(pattern) == 1 and len(first) == 1 and isinstance(val, str)
                    table = self.tables[self.col[_KEYS[key]]]
                    for v in values:
                        table.setdefault(v, []).append((rid, toks, target, attrs, sure))
                    break
                else:
                    self.generic.append((rid, toks, target, attrs, False))
        # Single-token rules depend on the token's own four values only: their combined effect
        # is computed once per distinct (TAG, LOWER, DEP, IS_SPACE) and kept here as a row of
        # the outcome table (values, and which of them the rules set). Rules over several tokens
        # are few and are matched where their first token's indexed value occurs.
        self.single = [dict((v, [r for r in rules if len(r[1]) == 1])
                            for v, rules in t.items()) for t in self.tables]
        self.generic_single = [r for r in self.generic if len(r[1]) == 1]
        # Every rule over several tokens, in rule order (each pattern once).
        seen: set[int] = set()
        self.multi_rules = []
        for r in sorted((r for t in self.tables for rules in t.values() for r in rules
                         if len(r[1]) > 1), key=lambda r: r[0]) + [
                            r for r in self.generic if len(r[1]) > 1]:
            if id(r[1]) not in seen:
                seen.add(id(r[1]))
                self.multi_rules.append(r)
        # Where a rule over several tokens can start: its first token has one of these values
        # in this column (rules indexed above), or passes this test (the others).
        self.multi_keys: list[tuple[int, numpy.ndarray]] = []
        self.multi_preds: list[tuple[int, Callable[[int], bool]]] = []
        for t, table in enumerate(self.tables):
            keys = [v for v, rules in table.items() if any(len(r[1]) > 1 for r in rules)]
            if keys:
                self.multi_keys.append((t, numpy.array(keys, dtype=numpy.uint64)))
        for _rid, toks, _target, _attrs, _sure in self.generic:
            if len(toks) > 1:
                c, pred = toks[0][0]
                self.multi_preds.append((c, pred))
        self.memo: dict[tuple[int, int, int, int], int] = {}
        self.slots: list[dict[int, tuple[int, int]]] = []
        self._values = numpy.zeros((0, len(_SETS)), dtype=numpy.uint64)
        self._sets = numpy.zeros((0, len(_SETS)), dtype=bool)

    def _outcome(self, row: tuple[int, int, int, int]) -> int:
        """The outcome row for a token with these values under the single-token rules."""
        slot: dict[int, tuple[int, int]] = {}
        for cands in (self.single[0].get(row[0]), self.single[1].get(row[1]),
                      self.single[2].get(row[2]), self.single[3].get(row[3]),
                      self.generic_single):
            for rid, toks, _target, attrs, sure in cands or ():
                if not sure and not all(pred(row[c]) for c, pred in toks[0]):
                    continue
                for a, v in attrs.items():
                    if a not in slot or slot[a][0] <= rid:
                        slot[a] = (rid, v)
        if len(self.memo) >= 500_000:  # bounded: a huge vocabulary starts afresh
            self.memo.clear()
            self.slots.clear()
            self._values = self._values[:0]
            self._sets = self._sets[:0]
        self.slots.append(slot)
        k = self.memo[row] = len(self.slots) - 1
        return k

    def _table(self) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The outcome table as arrays, extended to every outcome seen so far."""
        have = len(self._values)
        if have < len(self.slots):
            new = self.slots[have:]
            vals = numpy.zeros((len(new), len(_SETS)), dtype=numpy.uint64)
            sets = numpy.zeros((len(new), len(_SETS)), dtype=bool)
            col = {a: j for j, a in enumerate(_SETS)}
            for r, slot in enumerate(new):
                for a, (_rid, v) in slot.items():
                    vals[r, col[a]] = v
                    sets[r, col[a]] = True
            self._values = numpy.concatenate([self._values, vals])
            self._sets = numpy.concatenate([self._sets, sets])
        return self._values, self._sets

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        array = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        cols = array.tolist()
        memo = self.memo
        idx = []
        for row in cols:
            key = (row[0], row[1], row[2], row[3])
            k = memo.get(key)
            if k is None:
                k = self._outcome(key)
            idx.append(k)
        # Rules over several tokens ("gon na", "there is"), tested only at the tokens where their
        # first token's conditions hold, found column-wise over the distinct values.
        extra: dict[int, dict[int, tuple[int, int]]] = {}
        if self.multi_rules:
            at: set[int] = set()
            for c, keys in self.multi_keys:
                at.update(numpy.flatnonzero(numpy.isin(array[:, c], keys)).tolist())
            for c, pred in self.multi_preds:
                values, inverse = numpy.unique(array[:, c], return_inverse=True)
                good = numpy.fromiter((pred(v) for v in values.tolist()), dtype=bool,
                                      count=len(values))
                at.update(numpy.flatnonzero(good[inverse.reshape(-1)]).tolist())
            for i in sorted(at):
                for rid, toks, target, attrs, _sure in self.multi_rules:
                    if i + len(toks) > n or not all(
                            pred(cols[i + k][c]) for k, tok in enumerate(toks)
                            for c, pred in tok):
                        continue
                    slot = extra.setdefault(i + target, {})
                    for a, v in attrs.items():
                        if a not in slot or slot[a][0] <= rid:
                            slot[a] = (rid, v)
        if not extra and not any(self.slots[k] for k in set(idx)):
            return doc
        values, sets = self._table()
        arr = doc.to_array(list(_SETS))
        ids = numpy.asarray(idx, dtype=numpy.intp)
        arr = numpy.where(sets[ids], values[ids], arr)
        if extra:
            pos = {a: j for j, a in enumerate(_SETS)}
            for i, slot in extra.items():
                merged = dict(self.slots[idx[i]])
                for a, (rid, v) in slot.items():
                    if a not in merged or merged[a][0] <= rid:
                        merged[a] = (rid, v)
                for a, (_rid, v) in merged.items():
                    arr[i, pos[a]] = v
        doc.from_array(list(_SETS), arr)
        return doc


class FastLemmatizer:
    """The rule lemmatizer's lemmas, cached by what its own cache is keyed by (orth, POS, morph).

    A cache miss runs :meth:`rule_lemmatize`, spaCy's ``Lemmatizer.rule_lemmatize`` step for step
    except that its word index is a set: spaCy's is a list (57,000 nouns), and testing each
    candidate form against it was the lemmatizer's whole cost on long articles (about a
    millisecond per new word)."""

    def __init__(self, lemmatizer: Any):
        if lemmatizer.mode != "rule" or type(lemmatizer).rule_lemmatize is not _RULE_LEMMATIZE:
            raise _Unsupported(f"mode {lemmatizer.mode}")
        self.lem = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}
        lookups = lemmatizer.lookups
        self.index_table = lookups.get_table("lemma_index", {})
        self.index: dict[str, frozenset[str] | None] = {}  # by POS name (the table hashes keys)
        self.exc = lookups.get_table("lemma_exc", {})
        self.rules = lookups.get_table("lemma_rules", {})

    def rule_lemmatize(self, token: Any) -> list[str]:
        """``Lemmatizer.rule_lemmatize`` (spaCy 3) with set membership; same result."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return self.lem.rule_lemmatize(token)  # spaCy's warning path, as it is
        if self.lem.is_base_form(token):
            return [string.lower()]
        if univ_pos not in self.index:
            words = self.index_table.get(univ_pos)
            self.index[univ_pos] = None if words is None else frozenset(words)
        index = self.index[univ_pos]
        exceptions = self.exc.get(univ_pos)
        rules = self.rules.get(univ_pos)
        if not any((index, exceptions, rules)):
            return [string] if univ_pos == "propn" else [string.lower()]
        index = index or frozenset()
        exceptions = exceptions or {}
        rules = rules or {}
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        return forms

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        out = arr[:, 3].copy()
        changed = False
        add = doc.vocab.strings.add
        overwrite = self.lem.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            h = self.cache.get(key)
            if h is None:
                h = self.cache[key] = add(self._lemmatize(doc[i])[0])
            out[i] = h
            changed = True
        if changed:
            doc.from_array([LEMMA], out.astype(numpy.uint64))
        return doc

    def _lemmatize(self, token: Any) -> list[str]:
        # ``Lemmatizer.lemmatize``'s own steps in rule mode: its cache, then the rule lookup.
        cache_key = (token.orth, token.pos, token.morph.key)
        got = self.lem.cache.get(cache_key)
        return got if got is not None else self.rule_lemmatize(token)  # type: ignore[no-any-return]


def _rule_lemmatize_of_spacy() -> Any:
    try:
        from spacy.pipeline.lemmatizer import Lemmatizer
    except ImportError:  # pragma: no cover
        return None
    return Lemmatizer.rule_lemmatize


_RULE_LEMMATIZE = _rule_lemmatize_of_spacy()

_accel: weakref.WeakKeyDictionary[Language, dict[str, Callable[[Doc], Doc]]] = \
    weakref.WeakKeyDictionary()


def accelerated(nlp: Language) -> dict[str, Callable[[Doc], Doc]]:
    """Stand-ins for this pipeline's components, by name (empty where none applies)."""
    got = _accel.get(nlp)
    if got is None:
        got = {}
        for name, proc in nlp.pipeline:
            try:
                if type(proc).__name__ == "AttributeRuler":
                    got[name] = FastAttributeRuler(proc)
                elif type(proc).__name__ in ("Lemmatizer", "EnglishLemmatizer"):
                    got[name] = FastLemmatizer(proc)
            except _Unsupported:
                continue  # the original component runs
        _accel[nlp] = got
    return got
