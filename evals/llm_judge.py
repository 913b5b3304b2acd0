"""The optional LLM judge: asked, claim by claim, whether the evidence supports the claim.

Reported beside the deterministic judge when an LLM is configured (the LLM-mode
settings), never required: CI gates on the deterministic judge. A reply that is neither
SUPPORTED nor UNSUPPORTED, or an LLM failure, is counted as unparsed, never guessed.
"""

from __future__ import annotations

import logging

from qa.answer.llm import Backend
from qa.config import Settings
from qa.errors import LLMError

log = logging.getLogger(__name__)

PROMPT = (
    "You check whether a claim is fully supported by the evidence. Numbers, names, "
    "negations and who said what must match. Reply with exactly one word: SUPPORTED or UNSUPPORTED."
)


class LLMJudge:
    def __init__(self, settings: Settings) -> None:
        self.backend = Backend(settings)

    def supported(self, claim: str, evidence: list[str]) -> bool | None:
        from llama_index.core.llms import ChatMessage

        messages = [
            ChatMessage(role="system", content=PROMPT),
            ChatMessage(
                role="user", content="Evidence:\n" + "\n\n".join(evidence) + f"\n\nClaim: {claim}"
            ),
        ]
        try:
            reply = self.backend.chat(messages, max_tokens=8).strip().upper()  # one word
        except LLMError as exc:
            log.warning("LLM judge failed: %s", exc)
            return None
        if reply.startswith("UNSUPPORTED") or reply.startswith("NOT SUPPORTED"):
            return False
        if reply.startswith("SUPPORTED"):
            return True
        return None


def calibrate(judge: LLMJudge, pairs) -> dict:
    positives, negatives, unparsed = [], [], 0
    for pair in pairs:
        verdict = judge.supported(pair.claim, [pair.evidence])
        if verdict is None:
            unparsed += 1
            continue
        (positives if pair.supported else negatives).append(float(verdict == pair.supported))
    rates = [sum(x) / len(x) for x in (positives, negatives) if x]
    return {
        "balanced_accuracy": round(sum(rates) / len(rates), 4) if rates else None,
        "pairs": len(positives) + len(negatives),
        "unparsed": unparsed,
    }
