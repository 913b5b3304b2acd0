"""The job records' reading of a job's state (qa.jobs.JobRecords.load): a job of this
process is read as running while the job thread has it, and as its saved final state once
it is done; a job whose process is gone reads as failed."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from qa.jobs import JobRecords
from qa.types import Job


def _job(state: str) -> Job:
    return Job(job_id=uuid.uuid4().hex, kind="upload", state=state, created_at="now", total=0,
               files=[])  # fmt: skip


def test_a_job_that_finishes_while_its_record_is_read_is_not_reported_failed(tmp_path: Path):
    """The job thread saves the final state and then forgets the job. A poll that read the
    record just before the final save and asked "is it ours?" just after the job was
    forgotten reported "failed" for a job that was done (seen in a CI run under load)."""
    records = JobRecords(tmp_path)
    job = _job("running")
    records.mine.add(job.job_id)
    records.save(job)
    path = records.path(job.job_id)
    running = path.read_text(encoding="utf-8")

    class Racing(type(path)):
        """The record as read just before the thread's final save, which it then makes
        (and forgets the job) before the reader asks whether the job is still running."""

        def read_text(self, *args, **kwargs) -> str:
            done = job.model_copy(update={"state": "done"})
            records.save(done)
            records.mine.discard(job.job_id)
            return running

    records.path = lambda job_id: Racing(path)  # type: ignore[method-assign]
    assert records.load(job.job_id).state == "running"  # next poll reads "done"
    records.path = lambda job_id: path  # type: ignore[method-assign]
    assert records.load(job.job_id).state == "done"


def test_a_running_job_of_this_process_that_it_no_longer_has_reads_failed(tmp_path: Path):
    records = JobRecords(tmp_path)
    job = _job("running")
    records.save(job)  # saved as running by this process, which does not run it
    loaded = records.load(job.job_id)
    assert loaded.state == "failed" and "stopped before this job finished" in loaded.error
    record = json.loads(records.path(job.job_id).read_text(encoding="utf-8"))
    assert record["job"]["state"] == "running"  # the record itself is left as it was
