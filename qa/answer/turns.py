"""Who speaks a sentence of a transcript, a chat log or a thread of messages: the label of
the turn it is in.

A transcript names its speaker once, at the start of the turn ("MR. DOE: I will be brief.
We have two options. I prefer the second."), and a chat log at the start of each message
("[10:41] jane.d: ..."); a thread of e-mails or forum posts names each message's writer in
its header ("From: Jane Doe <jane@example.org>", "[#2] jane_doe — 3 March 2024, 22:05":
`qa.text.message_writer`). The sentences after the label are the speaker's too, though
they do not say so: "Who preferred the second option?" is answered by the label two
sentences back. The scorer sees that a sentence has a speaker
(`qa.answer.features.View.speaker`), and the answer leads with the label
(`qa.answer.compose.choose_lead`)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from qa.answer.headings import HEADING_KINDS as _ENDS_A_TURN  # a heading starts another part
from qa.retrieve import Snapshot
from qa.text import QUOTED_LINE, message_writer, turn_speaker
from qa.types import Passage, Sentence


@dataclass(frozen=True)
class Turn:
    """The speaker's label of a turn, where it stands in its document."""

    passage: Passage
    start: int  # document offsets of the label ("MR. DOE", "jane.d")
    end: int
    speaker: str

    def stands_before(self, sentence: Sentence) -> bool:
        """The label is not in the sentence: the sentence does not say who speaks it."""
        return not sentence.start <= self.start < sentence.end


_HEADER_FIELDS = 6  # header lines under a message's "From:" (To, Cc, Date, Subject ...)


def _opened_by(passage: Passage, index: int) -> Turn | None:
    """The turn the passage's index-th sentence opens: with a speaker's label, or as a
    message's header (`qa.text.message_writer`, with the header fields ingest read under
    it), where the sentence is a heading (which ends any other turn) or a line of its own."""
    sentence = passage.sentences[index]
    heading = sentence.kind in _ENDS_A_TURN
    found = None if heading else turn_speaker(sentence.text)
    if found is None and (heading or _a_line_of_its_own(passage, sentence)):
        found = message_writer(sentence.text, _header_fields(passage, index))
    if found is None:
        return None
    a, b = sentence.start + found[0], sentence.start + found[1]
    return Turn(passage, a, b, sentence.text[found[0] : found[1]])


def _header_fields(passage: Passage, index: int) -> list[str]:
    """The header lines under the index-th sentence (ingest reads them as table rows)."""
    under = passage.sentences[index + 1 : index + 1 + _HEADER_FIELDS]
    return [s.text for s in itertools.takewhile(lambda s: s.kind == "table_row", under)]


def _a_line_of_its_own(passage: Passage, sentence: Sentence) -> bool:
    """Nothing but spaces stands beside the sentence on its line: a header, not prose."""
    a, b = sentence.start - passage.start, sentence.end - passage.start
    before = passage.text[passage.text.rfind("\n", 0, a) + 1 : a]
    after_end = passage.text.find("\n", b)
    after = passage.text[b : after_end if after_end >= 0 else len(passage.text)]
    return not before.strip() and not after.strip()


def _last_turn(passage: Passage) -> Turn | None:
    """The turn a passage ends in (the next passage may go on with it)."""
    for i in reversed(range(len(passage.sentences))):
        if (turn := _opened_by(passage, i)) or passage.sentences[i].kind in _ENDS_A_TURN:
            return turn
    return None


def turns_of(passage: Passage, snapshot: Snapshot) -> list[Turn | None]:
    """For each sentence of the passage, the turn it is in: the nearest label at or before
    it, in this passage or the one before (a turn runs over a passage break); None before
    any label, and after a heading."""
    current: Turn | None = None
    first = passage.sentences[0] if passage.sentences else None
    if first is not None and first.kind not in _ENDS_A_TURN and not _opened_by(passage, 0):
        before = snapshot.previous_passage(passage.passage_id)
        current = _last_turn(before) if before is not None else None
    out: list[Turn | None] = []
    for i, s in enumerate(passage.sentences):
        if (turn := _opened_by(passage, i)) or s.kind in _ENDS_A_TURN:
            current = turn
        out.append(None if _quoted(passage, s) else current)
    return out


def _quoted(passage: Passage, sentence: Sentence) -> bool:
    """The sentence is on a line quoted from an earlier message ("> New cables stretch
    ...", `qa.text.QUOTED_LINE`): the writer of the message it is in did not write it."""
    at = max(sentence.start - passage.start, 0)
    return QUOTED_LINE.match(passage.text, passage.text.rfind("\n", 0, at) + 1) is not None
