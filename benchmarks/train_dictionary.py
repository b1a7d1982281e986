"""Train the zstd dictionary the store packs document JSON with (officeapp/store/packing.py).

    .venv/bin/python benchmarks/train_dictionary.py \
        --out officeapp/store/dictionaries/documents-1.zdict

The samples are generated documents with their free text taken out: titles, 正文, opinions,
names, numbers and ids become random characters, so the dictionary learns the JSON's
structure (key names, enum values, step names, the shape of times), not the benchmark's
few sentences — which would make the benchmarks' figures better than real documents'.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import zstandard

sys.path.insert(0, str(Path(__file__).parent))
from bench_store import Generator

from officeapp.demo import DEMO_PEOPLE, DEMO_UNITS
from officeapp.org import Organisation
from officeapp.workflow.codec import document_to_dict

# Values that are vocabulary of the format itself, kept as they are.
STRUCTURAL = frozenset({"direction", "doc_type", "step", "urgency", "classification", "action",
                        "roles", "retention", "target_step", "at", "created_at", "updated_at",
                        "deadline", "sent_at", "read_at", "claimed_at", "acted_at"})
SIZE = 16 * 1024


def scrambled(value: Any, rng: random.Random, key: str = "") -> Any:
    """Return `value` with every non-structural string replaced by random characters."""
    if isinstance(value, dict):
        return {k: scrambled(v, rng, k) for k, v in value.items()}
    if isinstance(value, list):
        return [scrambled(v, rng, key) for v in value]
    if isinstance(value, str) and key not in STRUCTURAL:
        return "".join(chr(rng.randrange(0x4E00, 0x9FA5)) if not c.isascii()
                       else rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") if c.isalnum()
                       else c for c in value)
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Write the dictionary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--dict-id", type=int, default=32769, help="32768 + the version")
    parser.add_argument("--samples", type=int, default=4000)
    args = parser.parse_args(argv)
    rng = random.Random(7)
    gen = Generator(Organisation(DEMO_UNITS, DEMO_PEOPLE), random.Random(11))
    samples = [json.dumps(scrambled(document_to_dict(gen.document(i)), rng), ensure_ascii=False,
                          separators=(",", ":")).encode() for i in range(args.samples)]
    trained = zstandard.train_dictionary(SIZE, samples, dict_id=args.dict_id, level=3)
    args.out.write_bytes(trained.as_bytes())
    print(f"{args.out}: {len(trained.as_bytes())} bytes, id {trained.dict_id()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
