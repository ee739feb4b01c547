"""Write N realistic dossiers for the benchmark, the same files for the same seed.

Each one starts from a shipped example of its segment, gets its own company, people, amounts,
dates and free-text answers, and is written as a person would (comments, flow and block style).
About 6 % are left incomplete and 4 % invalid, as in a real deals repo.

    python bench/generate.py 1000 /tmp/deals --seed 7
"""

from __future__ import annotations

import argparse
import copy
import functools
import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from handoff_cli.dossier.reader import load_text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
# the two complete examples; acme and globex are shipped incomplete on purpose
TEMPLATES = {
    "enterprise": "enterprise-northwind.yaml",
    "mid-market": "enterprise-northwind.yaml",
    "smb": "smb-brightleaf.yaml",
    "strategic": "enterprise-northwind.yaml",
}
FIRST = [
    "Ada",
    "Ben",
    "Chloe",
    "Dev",
    "Elif",
    "Femi",
    "Gita",
    "Hugo",
    "Ines",
    "Jonas",
    "Kira",
    "Luca",
    "Maya",
    "Noor",
    "Omar",
    "Pia",
    "Quinn",
    "Rosa",
    "Sami",
    "Tara",
]
LAST = [
    "Abara",
    "Berg",
    "Costa",
    "Dahl",
    "Eze",
    "Fischer",
    "Gupta",
    "Haas",
    "Ito",
    "Jansen",
    "Kovac",
    "Lund",
    "Mori",
    "Novak",
    "Okafor",
    "Park",
    "Quist",
    "Rossi",
]
WORDS = [
    "Apex",
    "Birch",
    "Cobalt",
    "Delta",
    "Ember",
    "Fjord",
    "Granite",
    "Harbor",
    "Iris",
    "Juniper",
    "Kestrel",
    "Lumen",
    "Meridian",
    "Nimbus",
    "Orbit",
]
KINDS = ["Logistics", "Health", "Retail", "Software", "Energy", "Foods", "Media", "Finance", "Travel", "Mining"]
CLAUSES = [
    "agreed on the {d} call with {p}",
    "as {p} put it in the {d} review",
    "confirmed by {p} in writing on {d}",
    "per {p}'s notes from {d}",
    "raised again by {p} on {d}",
]
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when PyYAML has it: much faster
LONG = re.compile(r"\S+(\s+\S+){5,}")  # free text of six words or more gets this deal's own detail


def _person(rng: random.Random, domain: str) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", f"{first}.{last}@{domain}".lower()


def _vary(value: Any, rng: random.Random, names: list[str], shift: timedelta) -> Any:
    if isinstance(value, dict):
        return {k: _vary(v, rng, names, shift) for k, v in value.items()}
    if isinstance(value, list):
        return [_vary(v, rng, names, shift) for v in value]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", value):
        return (date.fromisoformat(value[:10]) + shift).isoformat() + value[10:]
    if isinstance(value, str) and LONG.fullmatch(value):
        day = (date(2026, 6, 1) + timedelta(days=rng.randrange(150))).isoformat()
        return f"{value}, {rng.choice(CLAUSES).format(d=day, p=rng.choice(names))} (ref {rng.randrange(10**6)})"
    return value


@functools.cache
def _template(name: str) -> Any:
    # handoff's own reader keeps every scalar as the text that was typed, as a person would retype it
    loaded, _ = load_text((EXAMPLES / name).read_text(encoding="utf-8"), "example", max_depth=16)
    assert loaded is not None
    return loaded.data


def dossier(index: int, rng: random.Random, pasted: list[str]) -> tuple[str, str]:
    """`pasted`: the last why_now written, which about 1 % of dossiers copy, as busy reps do."""
    segment = rng.choice(list(TEMPLATES))
    data = copy.deepcopy(_template(TEMPLATES[segment]))
    account = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(KINDS)} {index}"
    domain = re.sub(r"[^a-z0-9]+", "", account.lower()) + ".example"
    people = [_person(rng, domain) for _ in range(len(data.get("stakeholders", [])))]
    for stakeholder, (name, email) in zip(data.get("stakeholders", []), people, strict=True):
        stakeholder["name"] = name
        if "email" in stakeholder:
            stakeholder["email"] = email
    shift = timedelta(days=-rng.randrange(0, 30))  # every logged event stays in the past
    data = _vary(data, rng, [p[0] for p in people], shift)
    data["deal"].update(id=f"D-{index:06d}", account=account, segment=segment)
    purchase = data["customer"]["purchase"]
    if pasted and rng.random() < 0.01:
        purchase["why_now"] = pasted[0]
    pasted[:] = [purchase["why_now"]]
    data["deal"]["value"]["amount"] = str(rng.randrange(5, 900) * 1000)
    roll = rng.random()
    if roll < 0.06:  # incomplete: a section a busy rep skipped
        for section in rng.sample(["goals", "risks", "technical", "implementation"], 2):
            data.pop(section, None)
    flow = None if segment != "smb" else False  # the short SMB dossiers are written out in block style
    text = f"# Handoff dossier: {account}, {segment}.\n" + yaml.dump(
        data, Dumper=DUMPER, sort_keys=False, allow_unicode=True, default_flow_style=flow, width=160
    )
    if 0.06 <= roll < 0.10:  # invalid: the mistakes people make by hand
        text = rng.choice(
            [
                lambda t: t.replace("signed_at: ", "signed_at: 2026-13-45 # ", 1),
                lambda t: t.replace("  amount: ", "  amount: 150K # ", 1),
                lambda t: t.replace("deal:\n", "deal:\n  acount: typo\n", 1),
                lambda t: t.replace("goals:\n", "goals:\n\tproblem: tabbed\n", 1),
            ]
        )(text)
    return f"{segment}-{index:05d}.yaml", text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.out.exists():
        shutil.rmtree(args.out)
    (args.out / "deals").mkdir(parents=True)
    shutil.copy(EXAMPLES / "handoff.toml", args.out / "handoff.toml")
    pasted: list[str] = []
    for index in range(args.count):
        name, text = dossier(index, rng, pasted)
        (args.out / "deals" / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
