"""`handoff report` sums the CSMs' reviews per sales rep: each deal counts once, by its latest review up to --as-of."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import AS_OF, RunCli

DEAL = """schema: 1
deal:
  id: {id}
  account: Initech
  segment: smb
  signed_at: 2026-11-02T09:00:00+00:00
  sales_rep: {{name: {rep}}}
handoff:
  reviews:
{reviews}"""
RESUBMITTED = """\
    - {decision: rejected, by: carl@example.com, at: 2026-11-03T09:00:00Z, rating: 2, reasons: [filler]}
    - {decision: accepted, by: carl@example.com, at: 2026-11-05T09:00:00Z, rating: 4}
"""
REJECTED = """    - decision: rejected
      by: carl@example.com
      at: 2026-11-04T09:00:00Z
      rating: 1
      reasons: [unclear-goals, filler]
"""
LATER = "    - {decision: accepted, by: dana@example.com, at: 2026-12-01T09:00:00Z, rating: 5}\n"


def test_reviews_by_rep(run_cli: RunCli, deals_repo: Path) -> None:
    for name, rep, reviews in (("a", "Rita Rep", RESUBMITTED), ("b", "Rita Rep", REJECTED), ("c", "Sam Rep", LATER)):
        (deals_repo / f"{name}.yaml").write_text(DEAL.format(id=name, rep=rep, reviews=reviews), encoding="utf-8")
    doc = json.loads(run_cli("report", ".", "--as-of", AS_OF, "-f", "json").stdout)
    no_reasons = dict.fromkeys(
        ["missing-stakeholders", "unclear-goals", "unvalidated-commitments", "missing-technical",
         "unrealistic-timeline", "risks-unassessed", "filler", "other"], 0,
    )  # fmt: skip
    # a: rejected for filler, then accepted (4) -> accepted; b: rejected (1); c: reviewed after --as-of -> not yet
    assert doc["by_rep"]["Rita Rep"]["reviews"] == {
        "reviewed": 2, "accepted": 1, "rejected": 1, "mean_rating": 2.5, "target_rating": 4.0,
        "reasons": no_reasons | {"unclear-goals": 1, "filler": 1},
    }  # fmt: skip
    assert doc["by_rep"]["Sam Rep"]["reviews"] == {
        "reviewed": 0, "accepted": 0, "rejected": 0, "mean_rating": None, "target_rating": 4.0, "reasons": no_reasons,
    }  # fmt: skip
    assert doc["overall"]["reviews"]["reviewed"] == 2
    text = run_cli("report", ".", "--as-of", AS_OF).stdout.splitlines()
    rows = [line.strip() for line in text if line.strip().startswith("CSM reviews")]
    assert rows == [
        "CSM reviews        1 accepted, 1 rejected, 1 not reviewed; mean rating 2.5 (target 4); "
        "reasons: unclear-goals 1, filler 1",  # overall
        "CSM reviews        1 accepted, 1 rejected, 1 not reviewed; mean rating 2.5 (target 4); "
        "reasons: unclear-goals 1, filler 1",  # segment smb
        "CSM reviews        1 accepted, 1 rejected; mean rating 2.5 (target 4); reasons: unclear-goals 1, filler 1",
        "CSM reviews        none of 1 reviewed",  # Sam Rep
    ]
    later = json.loads(run_cli("report", ".", "--as-of", "2026-12-02T00:00:00+00:00", "-f", "json").stdout)
    assert later["by_rep"]["Sam Rep"]["reviews"]["accepted"] == 1
