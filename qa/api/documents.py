"""/v1 routes that change the corpus (upload, replace, delete) and report upload jobs.

Thin: each handler checks the request's shape, hands the files to QAService (which checks
names, types and sizes, stages the files and runs the job: qa/jobs.py) and renders. Writes
need CORPUS_QA_ADMIN_KEY when it is set (`require_admin_key`); reads take either key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile

from qa.api.deps import ServiceDep, SettingsDep, require_admin_key, require_api_key
from qa.errors import BadUpload, UnsupportedFile
from qa.types import Job
from qa.uploads import IncomingFile

writes = APIRouter(prefix="/v1", tags=["documents"], dependencies=[Depends(require_admin_key)])
reads = APIRouter(prefix="/v1", tags=["jobs"], dependencies=[Depends(require_api_key)])

ACCEPTED = {202: {"description": "Queued: poll `GET /v1/jobs/{job_id}` (the Location header)."}}
REFUSED = {
    400: {
        "description": "A bad file name (`../`, absolute, hidden), an empty file, no file, or "
        "a document ingested from a folder rather than uploaded (the API changes uploads only)."
    },
    401: {"description": "No key, or a wrong one."},
    403: {"description": "A reader's key: changing the corpus needs CORPUS_QA_ADMIN_KEY."},
    409: {"description": "Another ingest or upload is writing; try again when it has finished."},
    413: {"description": "A file over CORPUS_QA_MAX_FILE_BYTES, or too many files."},
    415: {"description": "A type not supported, or content that does not match its suffix."},
}


def _multipart(field: str, many: bool) -> dict[str, Any]:
    """The request body as OpenAPI shows it (the handler reads the form itself, so that a
    request that is not multipart gets a 415 that says what to send)."""
    file = {"type": "string", "format": "binary"}
    schema = {"type": "array", "items": file} if many else file
    return {
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {"type": "object", "properties": {field: schema}, "required": [field]}
                }
            },
        }
    }


class Deleted(BaseModel):
    doc_id: str
    removed: bool = Field(description="It was in the index and is no longer.")
    corpus_version: str | None = Field(description="The corpus version after the delete.")


async def _files(request: Request, settings, example: str) -> tuple[list[IncomingFile], Any]:
    """The uploaded files of a multipart request, or a 4xx that says how to send them."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "multipart/form-data":
        raise UnsupportedFile(
            f"Send the files as multipart/form-data (got {kind or 'no content type'}), e.g. "
            f"{example}.",
            "files",
        )
    # The parser's own caps stay above the setting, so that too many files get the 413
    # that names CORPUS_QA_MAX_UPLOAD_FILES (the bytes are capped by BodyLimit anyway).
    cap = max(1000, settings.max_upload_files * 2 + 1)
    form = await request.form(max_files=cap, max_fields=cap)
    files, texts = [], []
    for field, value in form.multi_items():
        if isinstance(value, UploadFile):
            files.append(IncomingFile(value.filename or "", value.file, value.content_type))
        else:
            texts.append(field)
    if texts and not files:
        await form.close()
        raise BadUpload(
            f"The field {texts[0]!r} holds text, not a file: with curl, put an @ before the "
            f"path ({example}).",
            "files",
        )
    return files, form


async def _run_job(
    request: Request,
    response: Response,
    settings,
    example: str,
    submit: Callable[[list[IncomingFile]], Job],
) -> Job:
    """Read the form, submit its files off the event loop, and point Location at the job.
    The form is closed (its spooled files deleted) once the job has staged them."""
    files, form = await _files(request, settings, example)
    try:
        job = await run_in_threadpool(submit, files)
    finally:
        await form.close()
    response.headers["Location"] = f"/v1/jobs/{job.job_id}"
    return job


@writes.post(
    "/documents",
    status_code=202,
    response_model=Job,
    responses={**ACCEPTED, **REFUSED},
    openapi_extra=_multipart("files", many=True),
)
async def upload(
    request: Request, response: Response, service: ServiceDep, settings: SettingsDep
) -> Job:
    """Upload one or more documents (PDF, HTML, DOCX, Markdown, text). Returns at once with
    a job; the files are answerable when `GET /v1/jobs/{job_id}` says `done`. They are kept
    in the upload folder (CORPUS_QA_UPLOAD_DIR), apart from any ingested folder. A file
    with the same name and bytes as one already uploaded is `unchanged` (nothing is redone)."""
    return await _run_job(
        request, response, settings, "-F files=@report.pdf", service.submit_upload
    )


@writes.put(
    "/documents/{doc_id:path}",
    status_code=202,
    response_model=Job,
    responses={**ACCEPTED, **REFUSED, 404: {"description": "No such document to replace."}},
    openapi_extra=_multipart("file", many=False),
)
async def replace(
    doc_id: str, request: Request, response: Response, service: ServiceDep, settings: SettingsDep
) -> Job:
    """Replace an uploaded document by a new version of it (one file, same suffix), as a job."""

    def submit(files: list[IncomingFile]) -> Job:
        if len(files) != 1:
            raise BadUpload(f"Send exactly one file to replace {doc_id!r}.", "file")
        return service.replace_document(doc_id, files[0])

    return await _run_job(request, response, settings, "-F file=@report.pdf", submit)


@writes.delete(
    "/documents/{doc_id:path}",
    response_model=Deleted,
    responses={**REFUSED, 404: {"description": "No such document."}},
)
def delete(doc_id: str, service: ServiceDep) -> Deleted:
    """Remove an uploaded document from the index and its file from the upload folder, at once."""
    report = service.delete_document(doc_id)
    return Deleted(
        doc_id=doc_id,
        removed=doc_id in report.removed,
        corpus_version=service.store.corpus_version(),
    )


@reads.get("/jobs", response_model=list[Job])
def jobs(service: ServiceDep, limit: int = 50) -> list[Job]:
    """The most recent upload jobs, newest first."""
    return service.recent_jobs(max(1, min(limit, 200)))


@reads.get("/jobs/{job_id}", response_model=Job, responses={404: {"description": "No such job."}})
def job(job_id: str, service: ServiceDep) -> Job:
    """An upload job: `state` (queued, running, done, failed), `done` of `total`, and each
    file's `status` (added, updated, unchanged, skipped with its `reason`, failed)."""
    return service.job(job_id)
