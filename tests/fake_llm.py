"""A scripted LLM server for tests: OpenAI chat completions (JSON and SSE) and Ollama's
/api/chat, on 127.0.0.1. Run: python tests/fake_llm.py --host 127.0.0.1 --port N
[--api-key KEY].

The model name picks the behaviour. Answers are built from the passages in the prompt
(never from the question's text), the way a model that follows, or breaks, the rules would.

Like OpenAI (and vLLM or llama.cpp started with an API key), a fake given `--api-key`
answers 401 with OpenAI's error body unless the request carries `Authorization: Bearer
KEY`; and any fake answers a malformed request with a 400 in OpenAI's shape.
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
API_KEY: str | None = None  # set by --api-key
ROLES = {"system", "user", "assistant", "tool", "developer"}
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
    if "Rewrite the user's last question" in system and model == "echo-condense":
        return "Conversation:"  # a base model writes the prompt's format back
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
    # Runaways (streamed slowly, see RUNAWAY): output that has gone wrong early and would
    # go on for a long time; the product must stop them, not wait for the end.
    if model == "runaway-unverified":  # cited, but nothing the passages say
        made_up = "The committee met on a Tuesday to discuss the colour of the new logo [1]."
        return f"{firsts[1]} [1] " + " ".join([made_up] * 40)
    if model == "runaway-unknown-citation":
        return f"{firsts[1]} [1] {firsts[2]} [{len(passages) + 5}] " + " ".join([faithful] * 20)
    if model == "runaway-new-passage":  # continues the prompt: invents a numbered passage
        return f"[{len(passages) + 1}] The minister said it was fine. " + " ".join([faithful] * 20)
    if model == "runaway-role-marker":  # writes the next chat turn itself
        return f"{firsts[1]} [1]\nuser: And what else? " + " ".join([faithful] * 20)
    return faithful


RUNAWAY_DELAY = 0.05  # seconds between pieces: a 40-sentence runaway takes ~15 s in full


def status_for(model: str) -> int | None:
    STATS[f"requests:{model}"] += 1
    if model == "error500":
        return 500
    if model == "rate-limit":
        return 429
    if model == "rate-limit-once" and STATS[f"requests:{model}"] % 2 == 1:
        return 429
    return None


def openai_error(status: int, message: str, code: str | None = None, param=None):
    error = {"message": message, "type": "invalid_request_error", "param": param, "code": code}
    return JSONResponse({"error": error}, status)


def unauthorized(request: Request) -> JSONResponse | None:
    """OpenAI's answers to a missing or wrong key (the key itself is never echoed whole)."""
    if API_KEY is None:
        return None
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        STATS["unauthorized"] += 1
        return openai_error(
            401,
            "You didn't provide an API key. You need to provide your API key in an "
            "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        )
    if token != API_KEY:
        STATS["unauthorized"] += 1
        shown = token[:3] + "*" * max(0, len(token) - 7) + token[-4:] if len(token) > 8 else "***"
        return openai_error(
            401,
            f"Incorrect API key provided: {shown}. You can find your API key at "
            "https://platform.openai.com/account/api-keys.",
            "invalid_api_key",
        )
    return None


def malformed(body) -> JSONResponse | None:
    """The checks OpenAI makes before it looks at the model's name."""
    if not isinstance(body, dict):
        return openai_error(400, "The request body must be a JSON object.")
    if not isinstance(body.get("model"), str) or not body["model"]:
        return openai_error(400, "you must provide a model parameter", param="model")
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return openai_error(400, "Missing required parameter: 'messages'.", param="messages")
    for i, m in enumerate(messages):
        ok = isinstance(m, dict) and m.get("role") in ROLES
        content = m.get("content") if isinstance(m, dict) else None
        if not ok or not isinstance(content, str | list):
            return openai_error(400, f"Invalid value for 'messages[{i}]'.", param=f"messages[{i}]")
    return None


@app.post("/v1/chat/completions")
async def chat(request: Request):
    if (refused := unauthorized(request)) is not None:
        return refused
    try:
        body = await request.json()
    except ValueError:
        return openai_error(400, "We could not parse the JSON body of your request.")
    if (refused := malformed(body)) is not None:
        STATS["malformed"] += 1
        return refused
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
                if model.startswith("runaway"):
                    await asyncio.sleep(RUNAWAY_DELAY)
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
    try:
        body = await request.json()
    except ValueError:
        return JSONResponse({"error": "invalid JSON"}, 400)
    if (refused := malformed(body)) is not None:  # Ollama's error shape: a string
        STATS["malformed"] += 1
        return JSONResponse({"error": refused.body.decode()}, 400)
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
    parser.add_argument("--api-key", default=None, help="require `Authorization: Bearer KEY`")
    args = parser.parse_args()
    API_KEY = args.api_key
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
