"""Every finding code that is not a rule's: reading YAML (HY), the schema (HV), filler (HF), waivers (HW),
the gate (HG), the ratchet (HR) and change control (HC), each with its name, severity and why it is reported.

rules/catalog.py joins this table with the rules for `handoff rules --all`, SARIF and the reference docs.
"""

from __future__ import annotations

from dataclasses import dataclass

from handoff_cli.core.findings import Severity


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    severity: Severity
    why: str


E, W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Code] = {
    c.code: c
    for c in (
        # reading YAML (dossier/yaml_codes.py)
        Code("HY001", "yaml-syntax", E, "the file must be YAML before anything in it can be checked"),
        Code("HY002", "encoding", E, "dossiers are UTF-8 text, so every tool reads the same thing"),
        Code("HY003", "duplicate-key", E, "with a key written twice, one of the answers is silently thrown away"),
        Code(
            "HY004",
            "anchor-alias",
            E,
            "anchors and aliases hide where a value comes from and can blow up a file's size",
        ),
        Code(
            "HY005",
            "forbidden-tag",
            E,
            "tags can ask a YAML loader to build objects; a dossier holds only text, numbers and dates",
        ),
        Code("HY006", "merge-key", E, "merge keys (<<) copy values invisibly from elsewhere in the file"),
        Code("HY007", "empty-file", E, "an empty dossier tells the CSM nothing"),
        Code("HY008", "not-a-mapping", E, "a dossier is a mapping of sections (schema:, deal:, customer:, …)"),
        Code("HY009", "several-documents", E, "one file holds one deal's dossier"),
        Code("HY010", "file-too-large", E, "a dossier is a few hundred lines; a huge file is a mistake or an attack"),
        Code("HY011", "too-deep", E, "no dossier field nests this deeply; deep nesting is a mistake or an attack"),
        Code("HY012", "complex-key", E, "keys are plain names such as `deal` or `why_now`"),
        Code(
            "HY013",
            "yaml-version",
            E,
            "YAML 1.1 reads NO, on and 0123 differently; a dossier means one thing to every tool",
        ),
        Code(
            "HY014",
            "comment-spacing",
            W,
            "`#` after one space starts a comment, so `Main St #1` silently loses `#1`; two spaces show it is meant",
        ),
        Code(
            "HY015",
            "yaml-1.1-reading",
            W,
            "YAML 1.1 tools read 0777 as 511, 1:20 as 80 and stop a flow list at `?`; a dossier means one thing to all",
        ),
        # the schema (dossier/schema_check.py)
        Code("HV001", "unknown-key", E, "a mistyped key is an answer nobody will ever read"),
        Code("HV002", "missing-key", E, "the dossier cannot be read without it"),
        Code("HV003", "invalid-choice", E, "enums keep reports and playbooks comparable across deals"),
        Code("HV004", "invalid-date", E, "SLA clocks and plans are computed from these dates"),
        Code("HV005", "invalid-number", E, "money and metrics are numbers so they can be compared and summed"),
        Code("HV006", "invalid-email", E, "the intro email and calendar invites are addressed from these"),
        Code("HV007", "wrong-type", E, "a value in the wrong shape is usually a mis-indented block"),
        Code("HV008", "invalid-boolean", E, "a yes/no field must say yes or no"),
        Code("HV009", "unsupported-schema", E, "the dossier format is versioned so files can evolve safely"),
        Code("HV010", "empty-value", E, "an empty answer is not an answer"),
        Code("HV011", "invalid-value", E, "the value does not have the form this field needs"),
        Code("HV012", "line-break", E, "names, ids and notes go into mail headers, calendar entries and table rows"),
        Code(
            "HV013",
            "control-character",
            E,
            "an invisible control character changes what a terminal or mail client shows",
        ),
        Code(
            "HV014",
            "date-without-time",
            W,
            "a moment written as a bare date means midnight, so its clock looks early or late",
        ),
        Code(
            "HV015",
            "hidden-character",
            E,
            "a bidi override or zero-width character makes a name read differently in an email than in the file",
        ),
        # a warning: free text may need one (dossier/hidden_text.py)
        Code(
            "HV016",
            "hidden-character-in-text",
            W,
            "an invisible character in free text hides or reorders what a reader sees",
        ),
        # the gate (gate/scoring.py)
        Code(
            "HG001",
            "below-min-score",
            E,
            "a handoff below the completeness target sends CS to the customer half-briefed",
        ),
        # filler (dossier/placeholders.py, gate/copied_text.py)
        Code("HF001", "placeholder", W, "a placeholder passes a required-field gate but tells the CSM nothing"),
        Code("HF002", "copied-text", W, "an answer pasted from another deal describes that deal, not this one"),
        # waivers (gate/waivers.py)
        Code("HW001", "waiver-expired", W, "an expired waiver is a gap nobody re-decided; the rule counts again"),
        Code("HW002", "waiver-unknown-rule", E,
             "a waiver must name a rule or a clock that exists, or it waives nothing"),
        # the ratchet (gate/no_regress.py)
        Code(
            "HR001",
            "score-regressed",
            E,
            "an edit that makes a handoff less complete than it was takes back context CS already had",
        ),
        # change control (gate/change_control.py)
        Code(
            "HC001",
            "changed-after-signature",
            W,
            "a commitment added or changed after signature without CS is a promise CS never saw (sales bypassing CS)",
        ),
    )
}
