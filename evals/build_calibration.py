"""Build evals/data/calibration.jsonl: labelled (claim, evidence, supported?) pairs.

Run `python -m evals.build_calibration` after changing the seeds or the rules below; the
output is deterministic and committed. Claims come from the corpus sentences: verbatim
(supported), hand-written paraphrases (supported), and systematic corruptions (not
supported): a swapped number, a swapped entity, a negation, a swapped speaker, an added
unsupported detail. The evidence is the sentence with its neighbours.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ingest.readers import discover, read_document
from qa.config import PROJECT_ROOT
from qa.text import split_sentences

OUT = Path(__file__).parent / "data" / "calibration.jsonl"

# (a phrase identifying the source sentence, a paraphrase that the evidence supports)
PARAPHRASES = [
    (
        "more than 95% certain",
        "The NCSC is over 95% sure that APT29 belongs to Russian intelligence.",
    ),
    (
        "first announced in a press release",
        "A press release from the UK's National Cyber Security Center (NCSC) broke the news first.",
    ),
    (
        "totally unacceptable for Russian intelligence",
        "Raab called it totally unacceptable that Russian intelligence targets people fighting the pandemic.",
    ),
    ("Russia rejects the allegations", "Russia dismisses the allegations."),
    (
        "said the Russian embassy in London",
        "The Russian embassy in London said the allegations are propaganda with no evidence.",
    ),
    (
        "mass production would begin in the fall",
        "According to a recent government announcement, mass production is set to start in the fall.",
    ),
    (
        "vaccinated by the beginning of next year",
        "Kirill Dmitriev told journalists that Russians would be vaccinated by early next year.",
    ),
    (
        "produced in Russia by the manufacturer R-Pharm",
        "The Oxford vaccine is to be made in Russia by R-Pharm.",
    ),
    (
        "not traditional targets",
        "Artturi Lehtiö of F-Secure said such organizations are not the usual targets of the Dukes.",
    ),
    (
        "Authorities in the USA and Canada also share",
        "US and Canadian authorities agree with this assessment.",
    ),
    (
        "always offered London a dialogue",
        "Moscow has always offered London talks about cybersecurity threats.",
    ),
    (
        "never been any inquiries",
        "No inquiries about possible Russian attacks ever came through the official channels.",
    ),
    (
        "Most of the Internet networks and servers",
        "Most internet networks and servers are located in the United States.",
    ),
    (
        "strongest cyber attack and protection capabilities",
        "The United States has the world's strongest cyber attack and defence capabilities.",
    ),
    (
        "making similar accusations against China",
        "In recent months US authorities have made similar accusations against China.",
    ),
    (
        "official Russian news agency completely denies",
        "The official Russian news agency denies this completely.",
    ),
    (
        "also known as the “Duke”",
        "The British Cyber Security Center says APT29 is also called the Duke or Comfort Bear.",
    ),
    (
        "has already passed initial clinical tests",
        "The government says Russia's own vaccine has passed initial clinical tests.",
    ),
    (
        "negotiating the manufacture of a vaccine with the pharmaceutical company AstraZeneca",
        "He said Russia was negotiating with AstraZeneca to manufacture a vaccine.",
    ),
    (
        "signal a shift in its priorities",
        "The Dukes' new interest in stealing intellectual property may signal changed priorities because of the pandemic's severity in Russia.",
    ),
    (
        "heard multiple reports of this incident",
        "The author heard several reports of the incident on BBC and VOA podcasts.",
    ),
    (
        "in the 2016 U.S. presidential election",
        "US media reported that the group took part in information fraud operations in the 2016 US presidential election.",
    ),
    (
        'operates "almost certainly" as part of Russian intelligence',
        "According to an NCSC statement, the group almost certainly operates as part of Russian intelligence.",
    ),
    (
        "the first to develop a covid vaccine",
        "The author says China was the first to develop a covid vaccine.",
    ),
    (
        "Five Eyes Alliance One of the country members",
        "The partners that supported the assessment are all Five Eyes members.",
    ),
]

NUMBER_SWAPS = {"95%": "59%", "80%": "40%", "90%": "60%", "2016": "2012", "two": "ten", "19": "21"}
ENTITY_SWAPS = [
    ("AstraZeneca", "Pfizer"), ("R-Pharm", "Biocad"), ("Oxford", "Cambridge"), ("Interfax", "TASS"),
    ("Times Radio", "Sky News"), ("F-Secure", "Kaspersky"), ("Canada", "Australia"), ("London", "Paris"),
    ("China", "India"), ("Merkel", "Macron"), ("BBC", "CNN"), ("Snowden", "Manning"),
    ("NSA", "GCHQ"), ("Thursday", "Monday"), ("Moscow", "Minsk"), ("Great Britain", "Germany"),
]  # fmt: skip
SPEAKER_SWAPS = [
    ("the Russian embassy", "the NCSC"), ("Dominique Raab", "Kirill Dmitriev"), ("Kirill Dmitriev", "Artturi Lehtiö"),
    ("Artturi Lehtiö", "Dominique Raab"), ("Chris Ray", "Dominique Raab"), ("NCSC stated", "The Russian embassy stated"),
    ("NCSC claimed", "The Russian embassy claimed"), ("said the embassy", "said the NCSC"),
    ("British Cyber Security Center claimed", "Russian embassy claimed"), ("According to the government", "According to the NCSC"),
    ("it said in an NCSC statement", "it said in a Russian embassy statement"),
]  # fmt: skip
NEGATIONS = [
    (r"\bRussia has denied\b", "Russia has admitted"), (r"\brejects\b", "accepts"), (r"\bdenies\b", "confirms"),
    (r"\bhave never been\b", "have often been"), (r"\bThere is no evidence\b", "There is clear evidence"),
    (r"\bare not\b", "are"), (r"\bis totally unacceptable\b", "is acceptable"), (r"\bhad no reason\b", "had every reason"),
    (r"\bare still ongoing\b", "are no longer ongoing"), (r"\bis (\w+ing)\b", r"is not \1"),
    (r"\bhas (\w+ed)\b", r"has not \1"), (r"\bwould begin\b", "would not begin"), (r"\bwas negotiating\b", "was not negotiating"),
]  # fmt: skip
DETAILS = [
    ", and the hackers also stole data from Oxford University",
    ", after a long investigation by the Metropolitan Police",
    " and paid the hackers two million dollars",
    ", although the attack was later traced to servers in Brazil",
    " and promised to publish all the stolen documents",
]


def _sentences() -> list[tuple[str, str, str]]:
    """(doc_id, sentence, evidence) for every claim-like sentence in the seed corpus."""
    _, files = discover(PROJECT_ROOT / "seeds")
    out = []
    for f in files:
        doc = read_document(f)
        sents = split_sentences(doc.text)
        for i, s in enumerate(sents):
            if len(s.text.split()) < 4 or s.text.endswith("?") or not re.search(r"[.\"”]$", s.text):
                continue
            evidence = " ".join(x.text for x in sents[max(0, i - 1) : i + 2])
            out.append((doc.doc_id, s.text, evidence))
    return out


def build() -> list[dict]:
    rows: list[dict] = []

    def add(kind: str, claim: str, evidence: str, supported: bool, doc_id: str) -> None:
        rows.append({"id": f"cal-{len(rows) + 1:03d}", "type": kind, "claim": claim,
                     "evidence": evidence, "supported": supported, "doc_id": doc_id})  # fmt: skip

    sentences = _sentences()
    for doc_id, sentence, evidence in sentences:
        add("verbatim", sentence, evidence, True, doc_id)
    for phrase, paraphrase in PARAPHRASES:
        doc_id, _, evidence = next(s for s in sentences if phrase in s[1])
        add("paraphrase", paraphrase, evidence, True, doc_id)
    for doc_id, sentence, evidence in sentences:
        for old, new in NUMBER_SWAPS.items():
            if re.search(rf"(?<![\w.]){re.escape(old)}(?![\w])", sentence):
                add(
                    "swapped_number",
                    re.sub(rf"(?<![\w.]){re.escape(old)}(?![\w])", new, sentence, count=1),
                    evidence,
                    False,
                    doc_id,
                )
                break
        for old, new in ENTITY_SWAPS:
            if old in sentence:
                add("swapped_entity", sentence.replace(old, new, 1), evidence, False, doc_id)
                break
        for old, new in SPEAKER_SWAPS:
            if old in sentence:
                add("swapped_speaker", sentence.replace(old, new, 1), evidence, False, doc_id)
                break
        for pattern, repl in NEGATIONS:
            if re.search(pattern, sentence):
                add("negation", re.sub(pattern, repl, sentence, count=1), evidence, False, doc_id)
                break
    for i, (doc_id, sentence, evidence) in enumerate(sentences[::2]):
        detail = DETAILS[i % len(DETAILS)]
        add(
            "added_detail",
            re.sub(r"([.\"”]+)$", detail + r"\1", sentence, count=1),
            evidence,
            False,
            doc_id,
        )
    return rows


def main() -> None:
    rows = build()
    OUT.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    kinds: dict[str, int] = {}
    for r in rows:
        kinds[r["type"]] = kinds.get(r["type"], 0) + 1
    print(f"{len(rows)} pairs -> {OUT}: {kinds}")


if __name__ == "__main__":
    main()
