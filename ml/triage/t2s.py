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


def _pairs(text: str) -> list[tuple[str, str]]:
    pairs = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) != 2:
            continue
        source, target = parts[0], parts[1].split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target:
            pairs.append((source, target))
    return pairs


def table() -> dict[str, str]:
    dictionary = resources.files("opencc").joinpath("dictionary")
    mapping = dict(_pairs(dictionary.joinpath("TSCharacters.txt").read_text(encoding="utf-8")))
    simplified = set(mapping.values())
    for name in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
        for source, target in _pairs(dictionary.joinpath(name).read_text(encoding="utf-8")):
            # The variant files also list characters that are themselves simplified
            # (吃 -> 喫, 台 -> 臺): folding those would turn plain simplified text into
            # traditional, so a variant counts only when it is not a simplified character.
            if source in mapping or source in simplified:
                continue
            mapping[source] = mapping.get(target, target)
    # OpenCC folds one step (薴 -> 苧, 苧 -> 苎): follow the chain so one pass of
    # str.translate gives the simplified form
    return {source: _end(mapping, target) for source, target in mapping.items()}


def _end(mapping: dict[str, str], character: str) -> str:
    seen = {character}
    while character in mapping and mapping[character] not in seen:
        character = mapping[character]
        seen.add(character)
    return character


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
