"""Uploads have a folder of their own (CORPUS_QA_UPLOAD_DIR, default <data_dir>/documents).

With `make run` the index is ingested from the repo's seeds/ and the server runs on the
same settings; nothing the API does (upload, replace, delete) may write there. Document
ids stay unique across the two folders, and a later ingest of the seeds folder, with or
without --prune, keeps the uploaded documents.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import ROOT
from test_documents_api import MD, _app, by_name, finished, upload

from ingest.pipeline import ingest
from qa.config import Settings

SEEDS = ROOT / "seeds"

NOTES = b"# Team notes\n\nThe printer on the second floor is serviced every Friday.\n"


def contents(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_uploads_never_write_into_the_ingested_folder(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, seeds / seed.name)
    # As `make run`: `corpus-qa ingest` (of CORPUS_QA_CORPUS_DIR), then the server.
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=seeds)
    ingest(settings.corpus_dir, settings, progress=False)
    before = contents(seeds)
    seed = sorted(before)[0]
    client, service = _app(settings)
    uploads = settings.upload_root
    assert uploads == (tmp_path / "data" / "documents").resolve()

    job = finished(client, upload(client, ("kettle.md", MD, None), ("team/notes.md", NOTES, None)))
    assert {d: f["status"] for d, f in by_name(job).items()} == {
        "kettle.md": "added",
        "team/notes.md": "added",
    }
    assert contents(uploads) == {"kettle.md": MD, "team/notes.md": NOTES}
    new = MD + b"\nUse filtered water.\n"
    job = finished(client, client.put("/v1/documents/kettle.md", files={"file": ("k.md", new)}))
    assert by_name(job)["kettle.md"]["status"] == "updated"
    assert (uploads / "kettle.md").read_bytes() == new

    # A seed's id is taken: uploading that name, replacing or deleting the seed is refused.
    for response in (
        upload(client, (seed, b"Something else entirely.\n", None)),
        client.put(f"/v1/documents/{seed}", files={"file": (seed, b"Something else.\n")}),
        client.delete(f"/v1/documents/{seed}"),
    ):
        assert response.status_code == 400, response.text
        assert "not uploaded" in response.json()["error"]["message"]
    assert contents(seeds) == before
    assert not (uploads / seed).exists()
    # What the UI offers to delete: the uploads only.
    assert service.uploaded_documents() == {"kettle.md", "team/notes.md"}

    # The next `make run` re-ingests the seeds: the uploads stay, with --prune too.
    for prune in (None, True):
        report = ingest(seeds, settings, prune=prune, progress=False)
        assert report.removed == [] and report.added == []
        assert {"kettle.md", "team/notes.md"} <= {d.doc_id for d in service.documents()}
    # Ingesting the upload folder by hand leaves the seeds indexed and the root where it was.
    for prune in (None, True):
        report = ingest(uploads, settings, prune=prune, progress=False)
        assert report.removed == [] and sorted(report.unchanged) == ["kettle.md", "team/notes.md"]
    assert set(before) <= {d.doc_id for d in service.documents()}
    assert service.store.committed().root == str(seeds.resolve())
    # A file of the ingested folder with an upload's id is skipped, never indexed over it.
    (seeds / "kettle.md").write_text("# Other kettle\n\nA different text.\n", encoding="utf-8")
    report = ingest(seeds, settings, progress=False)
    assert "uploaded document" in report.skipped["kettle.md"]
    assert service.document("kettle.md").text == new.decode()
    (seeds / "kettle.md").unlink()

    # Deleting uploads removes their files from the upload folder only.
    for doc_id in ("kettle.md", "team/notes.md"):
        response = client.delete(f"/v1/documents/{doc_id}")
        assert response.status_code == 200 and response.json()["removed"], response.text
    assert not (uploads / "kettle.md").exists() and not (uploads / "team/notes.md").exists()
    assert contents(seeds) == before
    assert sorted(d.doc_id for d in service.documents()) == sorted(before)
