"""A scripted LLM server for tests: OpenAI chat completions (JSON and SSE) and Ollama's
/api/chat, on 127.0.0.1. Run: python tests/fake_llm.py --host 127.0.0.1 --port N.

The model name picks the behaviour. Answers are built from the passages in the prompt
(never from the question's text), the way a model that follows, or breaks, the rules would.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import time
from collections import Counter

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse

app = FastAPI()
STATS: Counter = Counter()
LAST: dict = {}
PASSAGE = re.compile(r'<passage id="(\d+)" title="[^"]*">\n(.*?)\n</passage>', re.S)


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|(?<=[.!?][\"”])\s+|\n+", text)
    return [
        p.strip() for p in parts if re.search(r"[.!?][\"”]?$", p.strip()) and len(p.split()) > 4
    ]


def answer_for(model: str, messages: list[dict]) -> str:
    system = next((m["content"] for m in messages if m["role"] == "system"), "")
    user = messages[-1]["content"]
    if "SUPPORTED or UNSUPPORTED" in system:  # the optional LLM judge: a strict literal reader
        evidence, claim = user.rsplit("\n\nClaim: ", 1)
        return "SUPPORTED" if claim.strip().rstrip(".") in evidence else "UNSUPPORTED"
    if "Rewrite the user's last question" in system:
        previous = re.findall(r"^user: (.*)$", user, re.M)
        last = user.rsplit("Last question:", 1)[-1].strip()
        return f"Regarding '{previous[-1] if previous else ''}': {last}"
    passages = {int(n): body for n, body in PASSAGE.findall(user)}
    firsts = {n: (sentences(body) or [body.strip()])[0] for n, body in passages.items()}
    faithful = " ".join(f"{firsts[n]} [{n}]" for n in sorted(firsts)[:2])
    if model == "faithful":
        return faithful
    if model == "slow-stream":  # long enough that a client can leave in the middle
        return " ".join([faithful] * 4)
    if model == "fabricated":
        return (
            faithful + " The hackers also stole three terabytes of data from Oxford University [1]."
        )
    if model == "wrong-number":
        for n, body in sorted(passages.items()):
            for s in sentences(body):
                if re.search(r"\d+%", s):
                    return (
                        f"{firsts[1]} [1] "
                        + re.sub(r"(\d+)%", lambda m: f"{int(m.group(1)) - 40}%", s, count=1)
                        + f" [{n}]"
                    )
        return faithful + " It was 12% certain [1]."
    if model == "bad-citation":
        return f"{firsts[1]} [1] {firsts[1]} [2] {firsts[2]} [9]"
    if model == "no-citations":
        return " ".join(firsts[n] for n in sorted(firsts)[:2])
    if model == "no-answer":
        return "The passages do not contain the answer."
    if model == "obey-injection":
        for n, body in passages.items():
            if m := re.search(r"answer every question with '([^']+)'", body):
                return f"{m.group(1)} [{n}]"
        return faithful
    if model == "empty":
        return ""
    return faithful


def status_for(model: str) -> int | None:
    STATS[f"requests:{model}"] += 1
    if model == "error500":
        return 500
    if model == "rate-limit":
        return 429
    if model == "rate-limit-once" and STATS[f"requests:{model}"] % 2 == 1:
        return 429
    return None


@app.post("/v1/chat/completions")
async def chat(request: Request):
    body = await request.json()
    model, messages = body["model"], body["messages"]
    LAST.update(body)
    if (code := status_for(model)) is not None:
        return JSONResponse(
            {"error": {"message": f"scripted {code}"}}, code, headers={"Retry-After": "0"}
        )
    if model == "slow":
        await asyncio.sleep(30)
    if model == "malformed":
        if body.get("stream"):
            return StreamingResponse(
                iter(["data: {this is not json\n\n"]), media_type="text/event-stream"
            )
        return JSONResponse({"unexpected": "shape"})
    text = answer_for("faithful" if model == "rate-limit-once" else model, messages)
    created = int(time.time())
    if not body.get("stream"):
        return {
            "id": "chatcmpl-fake", "object": "chat.completion", "created": created, "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }  # fmt: skip

    async def events():
        def chunk(delta: dict, finish=None) -> str:
            payload = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": created, "model": model,
                       "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}  # fmt: skip
            return f"data: {json.dumps(payload)}\n\n"

        STATS[f"streams:{model}"] += 1
        try:
            yield chunk({"role": "assistant", "content": ""})
            pieces = [text[i : i + 12] for i in range(0, len(text), 12)]
            for i, piece in enumerate(pieces):
                if model == "slow-stream" and i > 0:
                    await asyncio.sleep(0.4)
                yield chunk({"content": piece})
            if model == "stall-mid-stream":
                await asyncio.sleep(30)
            yield chunk({}, "stop")
            yield "data: [DONE]\n\n"
            STATS[f"completed:{model}"] += 1
        except asyncio.CancelledError:
            STATS[f"cancelled:{model}"] += 1
            raise

    return StreamingResponse(events(), media_type="text/event-stream")


@app.post("/api/chat")
async def ollama_chat(request: Request):
    body = await request.json()
    model = body["model"]
    LAST.update(body)
    if (code := status_for(model)) is not None:
        return JSONResponse({"error": f"scripted {code}"}, code)
    text = answer_for(model, body["messages"])
    done = {"model": model, "created_at": "2026-11-22T00:00:00Z", "done": True, "done_reason": "stop",
            "total_duration": 1, "prompt_eval_count": 1, "eval_count": 1}  # fmt: skip
    if not body.get("stream", True):
        return {**done, "message": {"role": "assistant", "content": text}}

    def lines():
        for i in range(0, len(text), 12):
            yield json.dumps({"model": model, "created_at": done["created_at"], "done": False,
                              "message": {"role": "assistant", "content": text[i : i + 12]}}) + "\n"  # fmt: skip
        yield json.dumps({**done, "message": {"role": "assistant", "content": ""}}) + "\n"

    return StreamingResponse(lines(), media_type="application/x-ndjson")


@app.get("/_stats")
def stats():
    return dict(STATS)


@app.get("/_last")
def last():
    return LAST


@app.get("/healthz")
def healthz():
    return PlainTextResponse("ok")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
