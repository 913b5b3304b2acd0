"""The judge on claims written here, against evidence quoted from the seeds."""

import pytest

from qa.config import Settings
from qa.embedding import embedder_for
from qa.verify import Judge, sentence_claims, split_claims

EVIDENCE = (
    "Russia rejects the allegations. Russia has denied British authorities that Russian hackers are "
    "cyber-espioning vaccine researchers around the world on behalf of Moscow. There is no evidence and "
    'the allegations are "propaganda," said the Russian embassy in London.'
)
NCSC = "NCSC stated that they are more than 95% certain that APT29 is part of the Russian Intelligence Agency."


@pytest.fixture(scope="module")
def judge() -> Judge:
    embedder = embedder_for(Settings())
    return Judge(lambda texts: embedder.embed(list(texts)))


@pytest.mark.parametrize(
    ("claim", "evidence", "supported", "reason"),
    [
        ("Russia rejects the allegations.", EVIDENCE, True, "verbatim"),
        (
            "The Russian embassy in London called the allegations propaganda.",
            EVIDENCE,
            True,
            "evidence",
        ),
        (
            "Russia has admitted that Russian hackers are cyber-espioning vaccine researchers.",
            EVIDENCE,
            False,
            "negation differs",
        ),
        (
            "NCSC stated that they are more than 59% certain that APT29 is part of the Russian Intelligence Agency.",
            NCSC,
            False,
            "number",
        ),
        (
            "The Russian embassy stated that they are more than 95% certain that APT29 is part of the Russian Intelligence Agency.",
            NCSC,
            False,
            "different speaker than in the evidence: embassy",
        ),
        (
            "Kaspersky stated that they are more than 95% certain that APT29 is Russian.",
            NCSC,
            False,
            "name not in the evidence: Kaspersky",
        ),
        (
            "Russia rejects the allegations and promised to publish all the stolen documents.",
            EVIDENCE,
            False,
            "adds",
        ),
        ("Russia rejects the allegations.", "", False, "no cited evidence"),
    ],
)
def test_verdicts_with_reasons(judge, claim, evidence, supported, reason):
    verdict = judge.judge(claim, [evidence] if evidence else [])
    assert verdict.supported is supported, verdict.reason
    assert reason in verdict.reason
    if evidence and not supported and reason != "number":
        assert verdict.evidence  # the span it was matched with


def test_claims_follow_citation_markers_and_skip_the_framing():
    answer = "According to “A “quoted” title”: First quote. Its context. [1] Second. [2][3]\n\nLeftover text"
    claims = split_claims(answer)
    assert [(c.text, c.citation_ids) for c in claims] == [
        ("First quote. Its context.", [1]),
        ("Second.", [2, 3]),
        ("Leftover text", []),
    ]


def test_generated_sentences_keep_their_own_markers():
    claims = sentence_claims("APT29 is Russian [1]. It targets vaccines [2][3]. An uncited claim.")
    assert [(c.text, c.citation_ids) for c in claims] == [
        ("APT29 is Russian.", [1]),
        ("It targets vaccines.", [2, 3]),
        ("An uncited claim.", []),
    ]
