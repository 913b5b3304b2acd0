"""Upload, replace and delete documents through the API (in-process), with real files of each
format written by their libraries, and the bad files a user drops by mistake."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from doc_files import PNG, docx_bytes, html_bytes, pdf_bytes, scan_pdf_bytes, zip_bytes
from fastapi.testclient import TestClient
from helpers import ROOT

from qa.api.app import create_app
from qa.config import Settings
from qa.service import QAService, get_service

PDF_PAGES = [
    "The boiler manual covers installation in a dry basement room.",
    "The pressure relief valve must be tested every six months by a certified engineer.",
    "Warranty claims are sent to the manufacturer within two years of purchase.",
]
DOCX = ("Leave policy", ["Staff get 25 days of paid leave a year, booked in the portal."])
HTML = ("Returns", "Returns policy", ["You may return any item within 30 days of delivery."])
MD = b"# Kettle notes\n\nDescale the kettle every four weeks with citric acid.\n"


def _app(settings: Settings) -> tuple[TestClient, QAService]:
    service = QAService(settings)
    app = create_app(settings)
    app.dependency_overrides[get_service] = lambda: service
    return TestClient(app), service


@pytest.fixture
def env(tmp_path: Path) -> tuple[TestClient, QAService, Path]:
    """An empty index, a client on it, and the folder uploads land in (by default under
    the data dir, not the corpus folder: tests/qa/api/test_upload_root.py)."""
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "corpus")
    client, service = _app(settings)
    return client, service, settings.upload_root


def upload(client: TestClient, *files: tuple, headers=None):
    return client.post("/v1/documents", files=[("files", f) for f in files], headers=headers or {})


def finished(client: TestClient, response, headers=None, timeout: float = 180) -> dict:
    assert response.status_code == 202, response.text
    assert response.json()["state"] == "queued" and response.json()["done"] == 0
    location = response.headers["location"]
    assert location == f"/v1/jobs/{response.json()['job_id']}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(location, headers=headers or {}).json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise TimeoutError(job)


def by_name(job: dict) -> dict[str, dict]:
    return {f["doc_id"]: f for f in job["files"]}


def ask(client: TestClient, question: str, headers=None) -> dict:
    r = client.post("/v1/ask", json={"question": question}, headers=headers or {})
    assert r.status_code == 200, r.text
    return r.json()


def test_each_format_is_answerable_and_a_pdf_citation_has_its_page(env):
    client, _, corpus = env
    response = upload(
        client,
        ("boiler.pdf", pdf_bytes(PDF_PAGES), "application/pdf"),
        ("leave.docx", docx_bytes(*DOCX), None),
        ("returns.html", html_bytes(*HTML), "text/html"),
        ("kettle.md", MD, "text/markdown"),
    )
    job = finished(client, response)
    assert job["state"] == "done" and job["done"] == job["total"] == 4
    files = by_name(job)
    assert {d: f["status"] for d, f in files.items()} == dict.fromkeys(files, "added")
    assert (files["boiler.pdf"]["format"], files["boiler.pdf"]["page_count"]) == ("pdf", 3)
    assert files["leave.docx"]["format"] == "docx" and files["returns.html"]["format"] == "html"
    assert sorted(p.name for p in corpus.iterdir()) == [
        "boiler.pdf", "kettle.md", "leave.docx", "returns.html"
    ]  # fmt: skip

    listed = {d["doc_id"]: d for d in client.get("/v1/documents").json()}
    assert listed["boiler.pdf"]["format"] == "pdf" and listed["boiler.pdf"]["page_count"] == 3

    answer = ask(client, "How often must the pressure relief valve be tested?")
    citation = answer["citations"][0]
    assert citation["doc_id"] == "boiler.pdf" and citation["page"] == 2
    doc = client.get("/v1/documents/boiler.pdf").json()
    assert doc["text"][citation["start"] : citation["end"]] == citation["quote"]
    assert "six months" in citation["quote"]
    assert [p for s, e, p in doc["pages"] if s <= citation["start"] < e] == [2]

    for question, doc_id, words in [
        ("How many days of paid leave do staff get?", "leave.docx", "25 days"),
        ("Within how many days may I return an item?", "returns.html", "30 days"),
        ("How often should the kettle be descaled?", "kettle.md", "four weeks"),
    ]:
        answer = ask(client, question)
        assert answer["citations"][0]["doc_id"] == doc_id, answer
        assert words in answer["answer"] and answer["citations"][0]["page"] is None
    assert "SCRIPT-WORDS" not in client.get("/v1/documents/returns.html").json()["text"]


def test_the_same_file_twice_is_a_no_op_and_a_replacement_is_answerable(env):
    client, service, corpus = env
    finished(client, upload(client, ("kettle.md", MD, None)))
    version = service.store.corpus_version()

    again = finished(client, upload(client, ("kettle.md", MD, None)))
    assert by_name(again)["kettle.md"]["status"] == "unchanged"
    assert service.store.corpus_version() == version

    new = MD.replace(b"every four weeks", b"every ten days")
    replaced = finished(
        client, client.put("/v1/documents/kettle.md", files={"file": ("k.md", new)})
    )
    assert replaced["kind"] == "replace" and by_name(replaced)["kettle.md"]["status"] == "updated"
    assert (corpus / "kettle.md").read_bytes() == new
    assert "ten days" in ask(client, "How often should the kettle be descaled?")["answer"]

    # A replacement must be the same kind of file, and of a document that exists.
    wrong = client.put("/v1/documents/kettle.md", files={"file": ("k.pdf", pdf_bytes(["x"]))})
    assert wrong.status_code == 415 and ".md" in wrong.json()["error"]["message"]
    missing = client.put("/v1/documents/nope.md", files={"file": ("nope.md", MD)})
    assert missing.status_code == 404 and "POST /v1/documents" in missing.text
    two = client.put(
        "/v1/documents/kettle.md", files=[("file", ("k.md", new)), ("file", ("k2.md", new))]
    )
    assert two.status_code == 400 and "exactly one file" in two.json()["error"]["message"]
    assert "Location" not in two.headers and (corpus / "kettle.md").read_bytes() == new


def test_delete_removes_the_document_and_its_file(env):
    client, _, corpus = env
    finished(
        client,
        upload(client, ("kettle.md", MD, None), ("leave.docx", docx_bytes(*DOCX), None)),
    )
    r = client.delete("/v1/documents/kettle.md")
    assert r.status_code == 200, r.text
    assert r.json()["removed"] is True and r.json()["corpus_version"]
    assert not (corpus / "kettle.md").exists() and (corpus / "leave.docx").exists()
    assert [d["doc_id"] for d in client.get("/v1/documents").json()] == ["leave.docx"]
    assert client.get("/v1/documents/kettle.md").status_code == 404
    answer = ask(client, "How often should the kettle be descaled?")
    assert all(c["doc_id"] != "kettle.md" for c in answer["citations"])
    assert client.delete("/v1/documents/kettle.md").status_code == 404
    assert client.delete("/v1/documents/../data/x.md").status_code in (400, 404)
    assert not list(corpus.glob(".*")), "no hidden leftovers"


def test_bad_files_next_to_good_ones_are_reported_and_nothing_else_is_lost(env):
    client, service, corpus = env
    finished(client, upload(client, ("kettle.md", MD, None)))
    kept = service.document("kettle.md").text
    job = finished(
        client,
        upload(
            client,
            ("leave.docx", docx_bytes(*DOCX), None),
            ("corrupt.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "application/pdf"),
            ("scan.pdf", scan_pdf_bytes(2), "application/pdf"),
            ("latin.txt", "Le café coûte 3 € à Zürich.".encode("cp1252"), "text/plain"),
            ("setup.rst", b"Setup\n=====\n\nRun the installer once.\n", "text/x-rst"),
        ),
    )
    assert job["state"] == "done"
    files = by_name(job)
    assert files["leave.docx"]["status"] == "added"
    assert files["setup.rst"]["status"] == "added"  # reStructuredText, as its browser types it
    assert files["latin.txt"]["status"] == "added"
    assert "Windows-1252" in files["latin.txt"]["warnings"][0]
    assert files["corrupt.pdf"]["status"] == "skipped" and "PDF" in files["corrupt.pdf"]["reason"]
    assert files["scan.pdf"]["status"] == "skipped"
    assert "no text" in files["scan.pdf"]["reason"] and "OCR" in files["scan.pdf"]["reason"]
    # The skipped files are not left in the corpus folder; the others are all there.
    kept_files = ["kettle.md", "latin.txt", "leave.docx", "setup.rst"]
    assert sorted(p.name for p in corpus.iterdir()) == kept_files
    docs = [d["doc_id"] for d in client.get("/v1/documents").json()]
    assert docs == kept_files
    assert service.document("kettle.md").text == kept

    # A replacement that cannot be read leaves the previous version, file and index.
    broken = client.put("/v1/documents/kettle.md", files={"file": ("kettle.md", b"\x00\x01")})
    assert broken.status_code == 415  # binary content in a .md: refused before any job
    job = finished(
        client,
        client.put("/v1/documents/kettle.md", files={"file": ("kettle.md", b"caf\x81 \x8d bytes")}),
    )
    assert by_name(job)["kettle.md"]["status"] == "skipped"
    assert (corpus / "kettle.md").read_bytes() == MD
    assert service.document("kettle.md").text == kept


@pytest.mark.parametrize(
    ("name", "content", "kind", "status", "says"),
    [
        ("empty.md", b"", None, 400, "empty"),
        ("../evil.md", MD, None, 400, "'..'"),
        ("sub/../../evil.md", MD, None, 400, "'..'"),
        ("/etc/evil.md", MD, None, 400, "absolute"),
        ("C:evil.md", MD, None, 400, "absolute"),
        ("a\\..\\evil.md", MD, None, 400, "backslash"),
        (".hidden.md", MD, None, 400, "hidden"),
        ("notes.exe", b"MZ...", None, 415, ".exe"),
        ("noname", MD, None, 415, "(no suffix)"),
        ("fake.pdf", PNG, "application/pdf", 415, "PNG image"),
        ("archive.docx", zip_bytes(), None, 415, "not a Word .docx"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, None, 415, "old Office"),
        ("image.txt", PNG, "text/plain", 415, "PNG image"),
        ("report.pdf", pdf_bytes(["fine"]), "image/png", 415, "image/png"),
    ],
)
def test_a_bad_request_is_refused_whole_with_a_clear_4xx(env, tmp_path, name, content, kind, status, says):  # fmt: skip
    client, _, corpus = env
    r = upload(client, ("good.md", MD, None), (name, content, kind))
    assert r.status_code == status, r.text
    assert says in r.json()["error"]["message"]
    # Nothing of the request was kept: no file anywhere, no job.
    assert not corpus.exists() or list(corpus.iterdir()) == []
    assert not (tmp_path / "evil.md").exists() and not (tmp_path / "data" / "evil.md").exists()
    assert client.get("/v1/jobs").json() == []


def test_limits_and_malformed_requests(env):
    corpus = env[2]
    client, _ = _client_with(env, max_file_bytes=1000, max_upload_files=2)
    big = upload(client, ("big.md", b"# Big\n" + b"word " * 400, None))
    assert big.status_code == 413 and "CORPUS_QA_MAX_FILE_BYTES" in big.json()["error"]["message"]
    many = upload(client, *[(f"n{i}.md", MD, None) for i in range(3)])
    assert many.status_code == 413 and "CORPUS_QA_MAX_UPLOAD_FILES" in many.text
    twice = upload(client, ("a.md", MD, None), ("a.md", MD, None))
    assert twice.status_code == 400 and "twice" in twice.text
    as_json = client.post("/v1/documents", json={"files": ["a.md"]})
    assert as_json.status_code == 415 and "multipart/form-data" in as_json.text
    no_at = client.post("/v1/documents", files={"files": (None, "a.md")})
    assert no_at.status_code == 400 and "put an @" in no_at.text
    nothing = client.post("/v1/documents", data={}, files={})
    assert nothing.status_code in (400, 415)
    # The whole body is capped too, before any handler reads it.
    huge = client.post(
        "/v1/documents",
        content=b"x" * 5_000_000,
        headers={"content-type": "multipart/form-data; boundary=x"},
    )
    assert huge.status_code == 413 and "upload" in huge.json()["error"]["message"]
    chunked = client.post(  # no Content-Length: counted as it streams in, cut past the cap
        "/v1/documents",
        content=(b"x" * 100_000 for _ in range(50)),
        headers={"content-type": "multipart/form-data; boundary=x"},
    )
    assert chunked.status_code == 413 and "upload" in chunked.json()["error"]["message"]
    assert client.get("/v1/jobs/" + "0" * 32).status_code == 404
    assert client.get("/v1/jobs/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert not corpus.exists() or list(corpus.iterdir()) == []


def _client_with(env, **overrides) -> tuple[TestClient, QAService]:
    """Another app on the same index and corpus folder, with other settings."""
    settings = env[1].settings
    return _app(Settings(data_dir=settings.data_dir, corpus_dir=settings.corpus_dir, **overrides))


def test_a_reader_key_cannot_change_the_corpus(env):
    client, _ = _client_with(env, api_key="reader-key", admin_key="admin-key")
    reader = {"Authorization": "Bearer reader-key"}
    admin = {"Authorization": "Bearer admin-key"}
    file = ("kettle.md", MD, None)

    assert upload(client, file).status_code == 401
    refused = upload(client, file, headers=reader)
    assert refused.status_code == 403 and "CORPUS_QA_ADMIN_KEY" in refused.text
    assert upload(client, file, headers={"Authorization": "Bearer wrong"}).status_code == 401
    job = finished(client, upload(client, file, headers=admin), headers=reader)
    assert job["state"] == "done"
    # Reads take either key; writes only the admin key.
    assert client.get("/v1/documents", headers=reader).status_code == 200
    assert client.get("/v1/documents", headers=admin).status_code == 200
    assert ask(client, "How often should the kettle be descaled?", headers=admin)["citations"]
    assert client.get("/v1/jobs", headers=reader).json()[0]["job_id"] == job["job_id"]
    put = client.put("/v1/documents/kettle.md", files={"file": ("kettle.md", MD)}, headers=reader)
    assert put.status_code == 403
    assert client.delete("/v1/documents/kettle.md", headers=reader).status_code == 403
    assert client.delete("/v1/documents/kettle.md").status_code == 401
    assert client.delete("/v1/documents/kettle.md", headers=admin).status_code == 200

    # With only an admin key, reads are open and writes need it.
    open_client, _ = _client_with(env, admin_key="admin-key")
    assert open_client.get("/v1/documents").status_code == 200
    assert upload(open_client, file).status_code == 401
    assert upload(open_client, file, headers=admin).status_code == 202


HOLD_LOCK = """
import sys, time
from pathlib import Path
from qa.config import Settings
from qa.lock import writer_lock
with writer_lock(Settings(data_dir=Path(sys.argv[1])), purpose="corpus-qa ingest big-folder"):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_an_upload_during_another_writer_is_refused_with_409(env):
    client, service, corpus = env
    finished(client, upload(client, ("kettle.md", MD, None)))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(service.settings.data_dir), "60"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        busy = upload(client, ("leave.docx", docx_bytes(*DOCX), None))
        assert busy.status_code == 409, busy.text
        assert "try again" in busy.json()["error"]["message"]
        assert busy.headers["retry-after"]
        assert client.delete("/v1/documents/kettle.md").status_code == 409
        assert sorted(p.name for p in corpus.iterdir()) == ["kettle.md"]
    finally:
        holder.kill()
        holder.wait()
    job = finished(client, upload(client, ("leave.docx", docx_bytes(*DOCX), None)))
    assert by_name(job)["leave.docx"]["status"] == "added"


def test_two_uploads_at_once_are_serialised(env):
    client = env[0]
    responses = {}

    def send(name: str, content: bytes) -> None:
        responses[name] = upload(client, (name, content, None))

    threads = [
        threading.Thread(target=send, args=("leave.docx", docx_bytes(*DOCX))),
        threading.Thread(target=send, args=("kettle.md", MD)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    jobs = sorted((finished(client, r) for r in responses.values()), key=lambda j: j["started_at"])
    assert [j["state"] for j in jobs] == ["done", "done"]
    assert jobs[0]["finished_at"] <= jobs[1]["started_at"], "never interleaved"
    assert [d["doc_id"] for d in client.get("/v1/documents").json()] == ["kettle.md", "leave.docx"]


def test_the_admin_key_must_be_its_own():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="same as CORPUS_QA_API_KEY"):
        Settings(api_key="same", admin_key="same")
    with pytest.raises(ValidationError, match="CORPUS_QA_ADMIN_KEY is empty"):
        Settings(admin_key=" ")
