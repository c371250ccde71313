"""Coding stage: recognition accuracy on real labels, and speed.

Accuracy: `bench/coding_labels.tsv` holds labels as real police, Home Office, IOPC, YJB and
police.uk tables write them, each with the code foi should give (and columns with the dimension
they hold). Rows are split into `tune` (from files the rules were studied on) and `held-out`
(from files kept out of that study); the two are scored separately. Expected codes:
"-" = a value of the dimension with no code; "!" = not a value of the dimension;
periods as "START..END"; `context` rows: a title and the period it states.

Speed: `recognise` on a 300-label column (offence categories, force names, districts), cold
(caches cleared) and warm, against the obvious alternative of coding every label in every
dimension (near-spelling matching on) without the stage's sampling and memoised per-label
dimensions.

    python bench/bench_coding.py [--json]
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foi.figures import coding  # noqa: E402
from foi.figures.coding import KNOWN, recognise  # noqa: E402

LABELS = Path(__file__).with_name("coding_labels.tsv")


def _decode(text: str) -> object:
    text = text.replace("\\n", "\n")
    if text.startswith("="):
        return float(text[1:]) if "." in text else int(text[1:])
    return text


def _label_ok(dimension: str, label: str, expected: str, aggregate: str) -> bool:
    found = coding._match(dimension, coding.clean_label(label).text, True)  # noqa: SLF001 - bench
    if expected == "!":
        return found is None or found.code is None and not found.aggregate and dimension == "body"
    if found is None:
        return False
    if aggregate and found.aggregate != (aggregate == "1"):
        return False
    if expected == "-":
        return True
    if ".." in expected:
        start, end = (date.fromisoformat(x) for x in expected.split(".."))
        return (found.start, found.end) == (start, end)
    return found.code == expected


def accuracy() -> dict[str, dict[str, list[int]]]:
    scores: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    misses: dict[str, list[str]] = defaultdict(list)
    with LABELS.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            split = row["split"]
            if row["kind"] == "context":
                found = coding.context([row["label_or_header"]]).get(row["dimension"])
                start, end = (date.fromisoformat(x) for x in row["code_or_labels"].split(".."))
                ok = found is not None and (found.start, found.end) == (start, end)
                key = "context:" + row["dimension"]
                label = row["label_or_header"]
            elif row["kind"] == "label":
                dim = row["dimension"]
                label = _decode(row["label_or_header"])
                ok = _label_ok(dim, str(label), row["code_or_labels"], row["aggregate_or_expected"])
                key = dim
            else:
                labels = [_decode(x) for x in row["code_or_labels"].split(" ¦ ")]
                header = row["label_or_header"] or None
                got = recognise(header, labels)
                want = row["aggregate_or_expected"]
                # An unrecognised column is right when it keeps its header's own name.
                ok = got.dimension == want or (want not in KNOWN and got.dimension not in KNOWN)
                key = "column:" + (want if want in KNOWN else "(own name)")
                label = f"{header!r}: {labels[:3]} -> {got.dimension}"
            scores[split][key][0] += ok
            scores[split][key][1] += 1
            if not ok:
                misses[split].append(f"{key}: {label!r}")
    scores["_misses"] = misses  # type: ignore[assignment]
    return scores


def speed(rounds: int = 7) -> dict[str, float]:
    from foi._codes_offences import offences
    from foi.figures._coding_bodies import body_names

    # A long label column as real tables have them: offence categories, force names, districts.
    labels = (list(offences().names.values()) + list(body_names().values())
              + [f"District {chr(65 + i % 26)}{i}" for i in range(300)])[:300]

    def clear() -> None:
        # Every per-label cache of the stage and the modules it calls; the indexes stay built.
        import foi._codes_offences
        import foi._codes_outcomes
        import foi.figures._coding_bodies
        import foi.figures._coding_clean
        import foi.figures._coding_vocab
        import foi.periods

        for module in (coding, foi._codes_offences, foi._codes_outcomes, foi.periods, foi.figures._coding_bodies,
                       foi.figures._coding_clean, foi.figures._coding_vocab):
            for value in vars(module).values():
                clear_fn = getattr(value, "cache_clear", None)
                if clear_fn is not None and getattr(value, "__name__", "").lstrip("_") not in (
                        "offences", "outcomes", "index", "group_index", "force_keys", "phrase_keys"):
                    clear_fn()

    def naive() -> str:
        # Every label coded in every dimension, fuzzy matching on, nothing shared between labels.
        counts: dict[str, int] = defaultdict(int)
        for label in labels:
            for d in KNOWN:
                if coding._match.__wrapped__(d, coding.clean_label(label).text, True) is not None:  # noqa: SLF001
                    counts[d] += 1
        return max(counts, key=counts.__getitem__)

    cold, warm, plain = [], [], []
    for _ in range(rounds):
        clear()
        t = time.perf_counter()
        recognise("Force", labels)
        cold.append(time.perf_counter() - t)
        t = time.perf_counter()
        recognise("Force", labels)
        warm.append(time.perf_counter() - t)
        clear()
        t = time.perf_counter()
        naive()
        plain.append(time.perf_counter() - t)
    return {
        "recognise_300_cold_ms": statistics.median(cold) * 1000,
        "recognise_300_warm_ms": statistics.median(warm) * 1000,
        "naive_300_ms": statistics.median(plain) * 1000,
        "naive_over_cold": statistics.median(plain) / statistics.median(cold),
    }


def main() -> None:
    scores = accuracy()
    misses = scores.pop("_misses")
    result = {"accuracy": {split: {k: {"right": v[0], "of": v[1]} for k, v in sorted(dims.items())}
                           for split, dims in scores.items()},
              "speed": speed(), "misses": misses}
    if "--json" in sys.argv:
        print(json.dumps(result, indent=2))
        return
    for split, dims in result["accuracy"].items():
        total = sum(v["right"] for v in dims.values())
        count = sum(v["of"] for v in dims.values())
        print(f"{split}: {total}/{count} ({total / count:.0%})")
        for key, v in dims.items():
            print(f"  {key:22} {v['right']:3}/{v['of']:<3} {v['right'] / v['of']:.0%}")
        for miss in misses.get(split, []):
            print(f"    miss {miss}")
    for key, value in result["speed"].items():
        print(f"{key}: {value:.2f}")


if __name__ == "__main__":
    main()
