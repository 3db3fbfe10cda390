"""Writes the layer's traditional-to-simplified character table (`t2s.json`) from OpenCC's
`TSCharacters.txt` (opencc-python-reimplemented, a dev dependency): one character to one
character, the first candidate OpenCC lists; TW/HK variant characters folded as well. The
same file goes to analytics (its recurring-issue tokenizer), which reads no other domain.

    python -m ml.triage.t2s
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "shared" / "aftercare" / "tickets" / "triage" / "t2s.json"
COPIES = (ROOT / "shared" / "aftercare" / "analytics" / "topics" / "t2s.json",)


def table() -> dict[str, str]:
    mapping: dict[str, str] = {}
    dictionary = resources.files("opencc").joinpath("dictionary")
    for name in ("TWVariantsRev.txt", "HKVariantsRev.txt", "TSCharacters.txt"):
        for line in dictionary.joinpath(name).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) != 2:
                continue
            source, target = parts[0], parts[1].split(" ")[0]
            if len(source) == 1 and len(target) == 1 and source != target:
                mapping[source] = mapping.get(
                    target, target
                )  # a variant of a traditional form: to simplified
    return mapping


def main() -> None:
    mapping = table()
    keys = sorted(mapping)
    data = {
        "about": "Traditional (and TW/HK variant) Chinese characters to simplified, from OpenCC's "
        "TSCharacters.txt; written by ml/triage/t2s.py.",
        "traditional": "".join(keys),
        "simplified": "".join(mapping[key] for key in keys),
    }
    for target in (OUT, *COPIES):
        target.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(keys)} characters -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
