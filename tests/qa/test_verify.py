"""The judge on claims written here, against evidence quoted from the seeds."""

import inspect

import pytest

from qa import verify
from qa.config import Settings
from qa.embedding import embedder_for
from qa.text import names, speaker_spans
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


# --- each rule of the judge, on claims written here about no particular corpus -------------

CONTRACT = (
    "The customer said the goods were delivered on time. Either party may end the contract "
    "with 30 days' notice. The supplier did not accept the late payment."
)


@pytest.mark.parametrize(
    ("rule", "claim", "evidence", "supported", "reason"),
    [
        ("no_cited_evidence", "The goods arrived.", [], False, "no cited evidence"),
        ("verbatim_quote", "Either party may end the contract", [CONTRACT], True, "verbatim"),
        ("number_not_in_evidence", "Either party may end it with 60 days' notice.", [CONTRACT],
         False, "number not in the evidence: 60"),
        ("name_not_in_evidence", "Contoso may end the contract with 30 days' notice.", [CONTRACT],
         False, "name not in the evidence: Contoso"),
        ("negation_flipped", "The supplier accepted the late payment.", [CONTRACT], False,
         "negation differs"),
        ("speaker_moved", "The supplier said the goods were delivered on time.", [CONTRACT], False,
         "different speaker than in the evidence: supplier"),
        ("adds_detail", "The customer said the goods were delivered on time by a courier in "
         "sealed wooden boxes.", [CONTRACT], False, "adds what the evidence does not say"),
        ("paraphrase", "Either side can terminate the contract by giving 30 days' notice.",
         [CONTRACT], True, "paraphrase"),
    ],
)  # fmt: skip
def test_each_rule_decides_with_its_reason(judge, rule, claim, evidence, supported, reason):
    assert rule in {r.__name__ for r in verify.RULES}
    case = verify.Case(body=claim, evidence=evidence, embed=judge.embed)
    finding = getattr(verify, rule)(case, judge)
    assert finding is not None and finding.supported is supported, finding
    assert reason in finding.reason
    verdict = judge.judge(claim, evidence)  # and the judge as a whole agrees
    assert verdict.supported is supported and reason in verdict.reason


def test_every_rule_is_small_named_and_documented():
    for rule in [*verify.RULES, verify.not_grounded]:
        assert rule.__doc__, rule.__name__
        span = len(inspect.getsourcelines(rule)[0])
        assert span < 25, f"{rule.__name__} has grown to {span} lines"


def test_a_rule_that_does_not_apply_passes_the_claim_on(judge):
    case = verify.Case(body="The goods arrived.", evidence=[CONTRACT], embed=judge.embed)
    assert verify.number_not_in_evidence(case, judge) is None
    assert verify.speaker_moved(case, judge) is None


def test_the_document_may_speak_as_the_author_unless_someone_else_speaks(judge):
    plain = "Remote work raised output by a tenth in the first year."
    assert judge.judge("The author says remote work raised output by a tenth.", [plain]).supported
    quoted = "The ministry said that remote work raised output by a tenth."
    verdict = judge.judge("The author says that remote work raised output by a tenth.", [quoted])
    assert not verdict.supported and "speaker" in verdict.reason


@pytest.mark.parametrize(
    ("text", "lower", "expected"),
    [
        ("India was the first to suffer.", set(), {"india"}),  # a swapped subject is caught
        ("Recently, the firm said so.", set(), set()),  # an adverbial opener is not a name
        ("Combining the two, the firm grew.", set(), set()),
        # a participle with its agent: "Issued" is not the person a "Who" question wants
        ("Published by the Harbour Board in 2026.", set(), {"harbour", "board"}),
        ("Made by hand in the Harbour works.", set(), {"harbour"}),
        ("India by 2030 will be the largest.", set(), {"india"}),  # a name before "by"
        ("Sweden by contrast stayed open.", set(), {"sweden"}),
        # a participle in "-ing" before a preposition opens an adverbial; a name in "-ing" not
        ("Starting with the dealer, each player draws two cards.", set(), set()),
        ("Beijing on Friday denied the report.", set(), {"beijing", "friday"}),
        ("Manning at the time led the Colts.", set(), {"manning", "colts"}),  # no comma
        ("Sting at the arena was loud.", set(), {"sting"}),
        ("Authorities in the USA agreed.", {"authorities"}, {"usa"}),  # the corpus's usage
        ("**Whisk** the eggs into the flour.", {"whisk"}, set()),  # bold opens the sentence
        ("3. **Students** must bring boots.", {"students"}, set()),
        ("The US and the UK signed it.", set(), {"us", "uk"}),  # acronyms, even "US"
        ("It came from the National Cyber Security Center.", {"national", "security"},
         {"national", "cyber", "security", "center"}),  # capitals inside a sentence
        ("What Does The Agreement Say About Termination", {"agreement", "termination"}, set()),
        ("Mr Raab met Artturi Lehtiö.", set(), {"raab", "artturi", "lehtiö"}),
        # a common word said alone is a reply, not a name; a name said alone is one
        ("Dana: Okay. What are we changing?", set(), {"dana"}),
        ("Right! Sure. Fine.", set(), set()),
        ("Who covers? Elena.", set(), {"elena"}),
        ("John?", set(), {"john"}),
        ("Who takes the backups? Mark. And the invoices? Grace.", set(), {"mark", "grace"}),
    ],
)  # fmt: skip
def test_names_are_told_from_capitalised_common_words(text, lower, expected):
    assert names(text, lower) == expected


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("The Russian embassy stated that it was false.", ["Russian embassy"]),
        ('"It is false," said the embassy in London.', ["embassy"]),
        ("It is false, it said in a company statement.", ["company statement"]),
        ("Maria Okafor, head of operations, told reporters that it worked.",
         ["head of operations", "Maria Okafor"]),
        ("According to the supplier, the goods left on time.", ["supplier"]),
        ("The author heard several reports of the incident.", []),  # "reports" is a noun here
        # a turn of a chat log or a transcript: its speaker, not a heading's label
        ("[2025-11-02 03:12] rafa.m: no, it will take hours.", ["rafa.m"]),
        ("[10:41] Ines Obi: that works for me.", ["Ines Obi"]),
        ("MS. VARGA: The fares will rise in April.", ["MS. VARGA"]),
        ("NOTE: the fares will rise in April.", []),
        ("NB: the fares will rise in April.", []),
        ("09:30 Welcome: the chair opens the meeting.", []),  # an agenda's item
        ("09:30 Ines Obi: the fares will rise in April.", ["Ines Obi"]),
        ("Decision: the fares will rise in April.", []),
    ],
)  # fmt: skip
def test_speakers_are_the_subject_or_agent_of_a_speech_verb(text, speakers):
    assert [text[a:b] for a, b in speaker_spans(text)] == speakers


def test_the_answer_shapes_framing_is_not_judged_as_a_claim():
    answer = (
        "within 14 days [1] — The supplier shall refund fees within 14 days. [2]\n\n"
        "Evidence for, in “A “quoted” report”: It is ready. [3]\n\n"
        "Evidence against: It is not ready. [4]\n\n"
        "“Union newsletter”: The union will meet in March. [5]\n\n"
        "On “the vendor”: The vendor said so. [6]\n"
        "Its first 12 sections: 1. Introduction [7]; 2. Fees [8]\n\n"
        "Evidence: It contains mustard. [9]\n\n"
        "Evidence, in “Menu”: It contains milk. [10]"
    )
    assert [(c.text, c.citation_ids) for c in split_claims(answer)] == [
        ("within 14 days", [1]),
        ("The supplier shall refund fees within 14 days.", [2]),
        ("It is ready.", [3]),
        ("It is not ready.", [4]),
        ("The union will meet in March.", [5]),
        ("The vendor said so.", [6]),
        ("1. Introduction", [7]),
        ("2. Fees", [8]),
        ("It contains mustard.", [9]),
        ("It contains milk.", [10]),
    ]
