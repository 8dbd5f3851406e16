"""Near-duplicate documents: MinHash signatures over word shingles, banded for candidate search.

The same wire copy run by several outlets (with its own headline, a trimmed paragraph, a changed
dateline) shares most of its word 5-grams. Each document gets a signature of ``PERMUTATIONS``
min-hashes of its shingles; the fraction of equal positions in two signatures estimates the
Jaccard similarity of their shingle sets. The signature is cut into ``BANDS`` bands of ``ROWS``
values; two documents sharing any band hash are candidates (found by a join in SQL), and a
candidate pair is linked when its estimated Jaccard similarity reaches ``THRESHOLD``.

With 32 bands of 4 rows, a pair at similarity 0.5 becomes a candidate with probability 0.87, at
0.7 with 0.9999, at 0.3 with 0.23; the verification then drops those below the threshold.
Figures measured on real texts: ``python benchmarks/bench_dedup.py`` (docs/benchmarks.md).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import numpy.typing as npt

SHINGLE = 5
PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
THRESHOLD = 0.5
_WORD = re.compile(r"\w+")
_MASK32 = np.uint64(0xFFFFFFFF)
_PRIME = np.uint64((1 << 61) - 1)
# Fixed seed: signatures must be the same in every process and release that shares a store.
_rng = np.random.default_rng(20261129)
_A = _rng.integers(1, (1 << 61) - 1, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, (1 << 61) - 1, size=PERMUTATIONS, dtype=np.uint64)

Signature = npt.NDArray[np.uint32]


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The text's word n-grams (lower-cased, punctuation ignored); a short text is one shingle."""
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(max(1, len(words) - size + 1))}


def signature(text: str) -> Signature | None:
    """The MinHash signature of the text, or None when it has no words."""
    grams = shingles(text)
    if not grams:
        return None
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(g, digest_size=4).digest(), "little") for g in grams),
        dtype=np.uint64,
        count=len(grams),
    )
    # (a*x + b) mod p per permutation, in wrapping uint64 arithmetic as datasketch does; min over shingles.
    with np.errstate(over="ignore"):
        perm = ((np.outer(hashes, _A) + _B) % _PRIME) & _MASK32
    out: Signature = perm.min(axis=0).astype(np.uint32)
    return out


def band_hashes(sig: Signature) -> list[int]:
    """One signed 64-bit hash per band (fits a BIGINT column)."""
    rows = sig.reshape(BANDS, ROWS)
    return [
        int.from_bytes(hashlib.blake2b(bytes([b]) + row.tobytes(), digest_size=8).digest(), "little", signed=True)
        for b, row in enumerate(rows)
    ]


def encode(sig: Signature) -> str:
    """The signature as hex text (the same column type on both backends)."""
    return sig.astype("<u4").tobytes().hex()


def decode(text: str) -> Signature:
    """A signature from its hex text."""
    return np.frombuffer(bytes.fromhex(text), dtype="<u4").astype(np.uint32)


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two documents' shingle sets."""
    return float(np.mean(a == b))
