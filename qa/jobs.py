"""Upload jobs: files written into the upload folder and ingested in the background.

Uploads have a folder of their own, CORPUS_QA_UPLOAD_DIR (default `<data_dir>/documents`):
never the folder the index was ingested from (with `make run`, the repo's seeds/), which
the API does not write to. An uploaded document's id is its path in the upload folder;
a name already indexed from an ingested folder is refused, and a folder ingest neither
removes uploaded documents nor takes their ids (ingest.pipeline). The API replaces and
deletes uploaded documents only.

A request is checked and its files staged at once (`JobRunner.submit`: bad names, types and
sizes are refused before anything is written), then the job runs on this process's one job
thread; a second upload to the same process waits in its queue. The job holds the data
dir's writer lock (qa/lock.py) for its whole run, so it never interleaves with a CLI ingest
or another worker's upload: those wait for it, and a request that finds another process
writing is refused at once (`WriterBusy`, HTTP 409) rather than queued behind it.

Per file, under the lock: the staged copy is renamed into the upload folder (a temp file
in the same folder, then `os.replace`, so the folder never holds half a file), then
`ingest.pipeline.ingest` indexes that one file with its single commit point. A file the
readers refuse (a corrupt PDF, a scan with no text layer) is reported as skipped and the
folder is put back as it was (the previous version of a replaced file is restored, a new
one removed), so the folder and the index keep agreeing. If the process dies mid-job, the
pipeline's commit point leaves the index answering as before; the job's record then reads
as failed (its process is gone), and the next writer repairs what the dead one left.

Job records are JSON files in `<data_dir>/jobs`, written atomically, so any worker of a
`--workers N` server (they share the data dir) can report a job another worker runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import queue
import re
import shutil
import socket
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from qa.config import Settings
from qa.errors import BadUpload, CorpusQAError, NotFound, UnsupportedFile, UploadTooLarge
from qa.errors import public_message as public
from qa.lock import held, writer_lock
from qa.store import Store
from qa.types import IngestReport, Job, JobFile
from qa.uploads import IncomingFile, StagedFile, check_name, stage, target_path

log = logging.getLogger(__name__)
_JOB_ID = re.compile(r"^[0-9a-f]{32}$")
KEEP_JOBS = 200  # job records kept on disk (the newest)
_OUTCOMES = ("added", "updated", "unchanged")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass
class _Queued:
    job: Job
    staged: list[StagedFile]


class JobRecords:
    """The job records on disk, readable by every worker of the data dir."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.mine: set[str] = set()  # jobs queued or running in this process

    def path(self, job_id: str) -> Path:
        return self.folder / f"{job_id}.json"

    def save(self, job: Job) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        record = {"job": job.model_dump(mode="json"), "pid": os.getpid(), "host": _host()}
        tmp = self.folder / f".{job.job_id}.{threading.get_ident()}.tmp"
        tmp.write_text(json.dumps(record), encoding="utf-8")
        os.replace(tmp, self.path(job.job_id))

    def load(self, job_id: str) -> Job:
        """The job as last saved; a queued or running job whose process is gone reads as
        failed (the server stopped mid-job)."""
        if not _JOB_ID.match(job_id):
            raise NotFound(f"No job {job_id!r}; a job id is the `job_id` an upload returned.")
        # Whether this process runs it, asked BEFORE the record is read: the job thread saves
        # the final state and only then forgets the job, so a job still ours before the read
        # is alive whatever the record says, and one forgotten before it has its final state
        # saved. (Asked after the read, a job that finished in between read as "running" and
        # no longer ours: "failed", though it was done. Seen once, in a CI run under load.)
        ours = job_id in self.mine
        try:
            record = json.loads(self.path(job_id).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise NotFound(
                f"No job {job_id!r}: it never existed, or it is older than the last "
                f"{KEEP_JOBS} jobs."
            ) from None
        job = Job.model_validate(record["job"])
        if job.state in ("queued", "running") and not self._alive(record, ours):
            job.state = "failed"
            job.error = (
                "The server stopped before this job finished. Files it had not finished are "
                "not in the index (nothing half-written is); upload them again."
            )
            for f in job.files:
                if f.status in ("pending", "running"):
                    f.status, f.reason = "failed", job.error
        return job

    def _alive(self, record: dict, ours: bool) -> bool:
        """Whether the process that runs the job still does (on another host: assumed);
        `ours`: this process runs it (`load`)."""
        pid, host = record["pid"], record["host"]
        if host != _host():
            return True
        if pid == os.getpid():  # this process (or an earlier one with the same pid)
            return ours
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def recent(self, limit: int) -> list[Job]:
        paths = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        jobs = []
        for path in paths[:limit]:
            with contextlib.suppress(NotFound, OSError, ValueError):
                jobs.append(self.load(path.stem))
        return jobs

    def prune(self, keep: int = KEEP_JOBS) -> None:
        paths = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
        for path in paths[:-keep] if len(paths) > keep else []:
            path.unlink(missing_ok=True)


class JobRunner:
    """This process's upload jobs: checked and staged on submit, run one at a time."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store  # for reads only: each job writes through its own client
        self.records = JobRecords(settings.data_dir / "jobs")
        self.staging = settings.data_dir / "uploads"
        self._queue: queue.Queue[_Queued] = queue.Queue()
        self._pending = 0  # queued or running in this process
        self._guard = threading.Lock()
        self._thread: threading.Thread | None = None

    # --- the front ends' entry points -------------------------------------------------
    def submit(self, files: list[IncomingFile], replace: str | None = None) -> Job:
        """Check and stage the files, queue the job and return it at once. Raises
        BadUpload (400), UnsupportedFile (415), UploadTooLarge (413), NotFound (replace
        of an unknown document) or WriterBusy (409: another process is writing)."""
        doc_ids = self._doc_ids(files, replace)
        root = self.upload_folder()
        indexed = self.store.committed().records
        for doc_id in doc_ids:
            target = target_path(root, doc_id)  # refuses a name whose folder leads outside
            if doc_id in indexed and not target.is_file():
                raise _not_uploaded(doc_id)
        if replace is not None and not (root / replace).is_file():
            raise NotFound(
                f"No document {replace!r} to replace; upload it with POST /v1/documents."
            )
        self._check_not_busy()
        job_id = uuid.uuid4().hex
        folder = self.staging / job_id
        folder.mkdir(parents=True)
        try:
            staged = [
                stage(f, doc_id, folder / str(n), self.settings.max_file_bytes)
                for n, (f, doc_id) in enumerate(zip(files, doc_ids, strict=True))
            ]
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        job = Job(
            job_id=job_id,
            kind="replace" if replace is not None else "upload",
            created_at=_now(),
            total=len(staged),
            files=[JobFile(name=s.name, doc_id=s.doc_id, size=s.size, sha256=s.sha256) for s in staged],
        )  # fmt: skip
        self.records.mine.add(job_id)
        self.records.save(job)
        self.records.prune()
        with self._guard:
            self._pending += 1
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="upload-jobs", daemon=True)
                self._thread.start()
        queued = job.model_copy(deep=True)  # the job thread changes `job` from now on
        self._queue.put(_Queued(job, staged))
        log.info("upload job %s queued: %d files", job_id, len(staged))
        return queued

    def job(self, job_id: str) -> Job:
        return self.records.load(job_id)

    def recent(self, limit: int = 50) -> list[Job]:
        return self.records.recent(limit)

    def wait_idle(self, timeout: float) -> bool:
        """Tests and shutdown: True once this process has no queued or running job."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._guard:
                if self._pending == 0:
                    return True
            time.sleep(0.05)
        return False

    def delete(self, doc_id: str) -> IngestReport:
        """Remove an uploaded document from the index and its file from the upload folder,
        now. WriterBusy (409) while a job or an ingest is writing; NotFound if neither the
        index nor the folder has it; BadUpload (400) for a document ingested from a folder
        (that folder is not the API's to change)."""
        from ingest.pipeline import remove

        _check_doc_id(doc_id)
        with writer_lock(self.settings, wait=0, purpose=f"delete {doc_id}"):
            store = Store(self.settings)
            try:
                indexed = doc_id in store.committed().records
                target = target_path(self.upload_folder(), doc_id)
                if not indexed and not target.is_file():
                    raise NotFound(f"No document {doc_id!r}; GET /v1/documents lists them.")
                if not target.is_file():
                    raise _not_uploaded(doc_id)
                # The file goes first, hidden, so that a crash before the commit leaves a
                # folder the next ingest prunes the document from, never one it re-adds.
                hidden = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.deleting")
                if target.is_file():
                    os.replace(target, hidden)
                try:
                    report = remove([doc_id], self.settings, store=store, lock_wait=0)
                except BaseException:
                    if hidden.exists():
                        os.replace(hidden, target)
                    raise
                hidden.unlink(missing_ok=True)
                log.info("deleted %s", doc_id)
                return report
            finally:
                store.reconnect()

    def uploaded(self, doc_ids: Iterable[str]) -> set[str]:
        """Those of `doc_ids` whose file is in the upload folder."""
        root = self.settings.upload_root
        return {d for d in doc_ids if (root / d).is_file()}

    # --- where the files go ----------------------------------------------------------------
    def upload_folder(self) -> Path:
        """CORPUS_QA_UPLOAD_DIR: uploaded documents' ids are paths relative to it. Not the
        ingested folder (unless configured so): the API never writes into that one."""
        folder = self.settings.upload_root
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    # --- checks ----------------------------------------------------------------------------
    def _doc_ids(self, files: list[IncomingFile], replace: str | None) -> list[str]:
        if not files:
            raise BadUpload("No file was sent: send one or more files in the `files` field.")
        limit = self.settings.max_upload_files
        if replace is not None:
            _check_doc_id(replace)
            if len(files) != 1:
                raise BadUpload(f"Send exactly one file to replace {replace!r}.", "file")
            suffix = PurePosixPath(replace).suffix.lower()
            sent = PurePosixPath(files[0].name or "").suffix.lower()
            if sent and sent != suffix:
                raise UnsupportedFile(
                    f"{replace!r} can only be replaced by a {suffix} file (got {sent}); "
                    "delete it and upload the new file instead.",
                    "file",
                )
            return [replace]
        if len(files) > limit:
            raise UploadTooLarge(
                f"{len(files)} files in one request; the limit is {limit} "
                "(CORPUS_QA_MAX_UPLOAD_FILES): send them in several requests.",
                "files",
            )
        doc_ids = [check_name(f.name) for f in files]
        twice = sorted({d for d in doc_ids if doc_ids.count(d) > 1})
        if twice:
            raise BadUpload(f"{', '.join(map(repr, twice))} sent twice in one request.", "files")
        return doc_ids

    def _check_not_busy(self) -> None:
        """WriterBusy now, rather than a job that waits, when another process is writing.
        A job of this process in progress is no reason: the new one queues behind it.
        The probe runs under `_guard`, so two requests checking at once never see each
        other's probe as a writer (the second one then saw "another thread" and got 409)."""
        with self._guard:
            if self._pending or held(self.settings):
                return
            with writer_lock(self.settings, wait=0, purpose="upload (checking for writers)"):
                pass

    # --- the job thread --------------------------------------------------------------------
    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            try:
                self._run(item.job, item.staged)
            except Exception:  # never let the job thread die: later jobs must still run
                log.exception("upload job %s crashed", item.job.job_id)
            finally:
                self.records.mine.discard(item.job.job_id)
                with self._guard:
                    self._pending -= 1

    def _run(self, job: Job, staged: list[StagedFile]) -> None:
        job.state, job.started_at = "running", _now()
        self.records.save(job)
        store = Store(self.settings)  # its own client: a reader's reconnect never closes it
        try:
            with writer_lock(self.settings, purpose=f"corpus-qa upload job {job.job_id}"):
                root = self.upload_folder()
                for file, source in zip(job.files, staged, strict=True):
                    file.status = "running"
                    self.records.save(job)
                    self._ingest_file(job, file, source, root, store)
                    job.done += 1
                    self.records.save(job)
            job.state = "done"
        except CorpusQAError as exc:
            log.warning("upload job %s failed: %s", job.job_id, exc)
            self._fail(job, public(exc))
        except Exception:
            log.exception("upload job %s failed", job.job_id)
            self._fail(job, "The job failed inside corpus-qa; the server log says why.")
        finally:
            self._finish(job, store)
            shutil.rmtree(self.staging / job.job_id, ignore_errors=True)

    def _ingest_file(
        self, job: Job, file: JobFile, source: StagedFile, root: Path, store: Store
    ) -> None:
        from ingest.pipeline import ingest

        target = target_path(root, file.doc_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        existed = target.is_file()
        same = existed and _sha256(target) == source.sha256  # the same bytes: write nothing
        backup = None
        if not same:
            if existed:
                backup = target.with_name(f".{target.name}.{job.job_id[:8]}.previous")
                shutil.copy2(target, backup)
            tmp = target.with_name(f".{target.name}.{job.job_id[:8]}.upload")
            shutil.copyfile(source.path, tmp)
            os.replace(tmp, target)  # the folder holds the old file or the new one, whole

        def put_back() -> None:
            """The folder as it was: the previous file, or none."""
            if backup is not None:
                os.replace(backup, target)
            elif not same:
                target.unlink(missing_ok=True)

        try:
            report = ingest(target, self.settings, store=store, prune=False, progress=False, lock_wait=0)  # fmt: skip
        except BaseException:
            put_back()
            raise
        file.warnings = report.warnings.get(file.doc_id, [])
        if file.doc_id in report.skipped:
            put_back()
            file.status, file.reason = "skipped", report.skipped[file.doc_id]
        else:
            outcome = next((o for o in _OUTCOMES if file.doc_id in getattr(report, o)), None)
            if outcome is None:  # not expected: the pipeline names every file it was given
                put_back()
                file.status, file.reason = "failed", "The ingest did not report this file."
            else:
                self._describe(job, file, store)
                file.status = outcome  # set after its facts, so no saved state shows it bare
        if backup is not None:
            backup.unlink(missing_ok=True)
        log.info("upload job %s: %s %s", job.job_id, file.doc_id, file.status)

    def _fail(self, job: Job, message: str) -> None:
        job.state, job.error = "failed", message
        for f in job.files:
            if f.status in ("pending", "running"):
                f.status, f.reason = "failed", message

    def _describe(self, job: Job, file: JobFile, store: Store) -> None:
        """The indexed file's format, pages and passages, read back from the store."""
        try:
            info = store.document_info(file.doc_id)
        except CorpusQAError as exc:
            log.warning("upload job %s: could not read %s back: %s", job.job_id, file.doc_id, exc)
            return
        if info is not None:
            file.format, file.page_count, file.passage_count = (
                info.format or None,
                info.page_count,
                info.passage_count,
            )

    def _finish(self, job: Job, store: Store) -> None:
        """The corpus version the job left, for the caller to wait on."""
        try:
            job.corpus_version = store.corpus_version()
        except CorpusQAError as exc:
            log.warning("upload job %s: could not read the result back: %s", job.job_id, exc)
        finally:
            store.reconnect()  # closes its client: an embedded store is then re-read by others
        job.finished_at = _now()
        self.records.save(job)
        log.info(
            "upload job %s %s: %s",
            job.job_id,
            job.state,
            ", ".join(f"{f.doc_id} {f.status}" for f in job.files),
        )


def _not_uploaded(doc_id: str) -> BadUpload:
    return BadUpload(
        f"{doc_id!r} was ingested from a folder (`corpus-qa ingest`), not uploaded, and the API "
        "changes uploaded documents only: upload yours under another name, or change the "
        "file in its folder and run `corpus-qa ingest` again.",
        "files",
    )


def _check_doc_id(doc_id: str) -> None:
    """A document id in a URL names a path under the corpus folder: the upload name rules."""
    try:
        check_name(doc_id)
    except UnsupportedFile:
        raise NotFound(f"No document {doc_id!r}; GET /v1/documents lists them.") from None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _host() -> str:
    return socket.gethostname()
