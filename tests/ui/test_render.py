"""ui/render.py: the HTML and text the UI shows, from the contracts, without a browser."""

from qa.types import Answer, Citation, Document, DocumentInfo, Job, JobFile
from ui.render import (
    DocumentView,
    answer_html,
    copy_text,
    corpus_html,
    document_page,
    documents_table_html,
    examples,
    jobs_html,
    paragraph_number,
    reader_html,
    turn_markdown,
    where_words,
)

TEXT = (
    "Intro <b>line</b>.\n\nFirst paragraph on page one.\n\n"
    "Second page starts here. The <script>alert(1)</script> quote is here.\n\nLast one."
)
QUOTE = "The <script>alert(1)</script> quote is here."
START = TEXT.index(QUOTE)
PAGES = [(0, TEXT.index("Second page"), 1), (TEXT.index("Second page"), len(TEXT), 2)]


def citation(**extra) -> Citation:
    fields = {"id": 1, "doc_id": "r<1>.pdf", "title": "Report <i>x</i>", "passage_id": "p1",
              "quote": QUOTE, "start": START, "end": START + len(QUOTE)}  # fmt: skip
    return Citation(**{**fields, **extra})


def answer(**extra) -> Answer:
    fields = {"question": 'Why "<img src=x>"?', "answer": f"{QUOTE} [1]\n\nMore [2].",
              "abstained": False, "mode": "extractive", "citations": [citation(page=2)]}  # fmt: skip
    return Answer(**{**fields, **extra})


def lookup(doc_id: str) -> DocumentView:
    return DocumentView(TEXT, PAGES)


def test_an_answer_escapes_everything_and_links_only_its_own_markers():
    html = answer_html(answer(), "t9", lookup)
    assert "<script>" not in html and "<img" not in html and "<i>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'data-question="Why &quot;&lt;img src=x&gt;&quot;?"' in html
    assert html.count("class='cqa-cite'") == 1 and "aria-controls='src-t9-1'" in html
    assert "More [2]." in html  # a marker with no citation stays text
    assert "id='src-t9-1'" in html and "<mark class='cqa-quote'>" in html
    assert "page 2, paragraph 1" in html and "chars" not in html
    assert "/ui/document/r%3C1%3E.pdf?start=" in html


def test_where_a_quote_is_in_words():
    assert paragraph_number(DocumentView(TEXT), START) == 3  # counted from the document start
    assert paragraph_number(DocumentView(TEXT, PAGES), START) == 1  # from its page's start
    assert where_words(citation(page=2), lookup("x")) == "page 2, paragraph 1"
    assert where_words(citation(), DocumentView(TEXT)) == "paragraph 3"
    # A replaced document no longer has the quote there: no paragraph is claimed.
    assert where_words(citation(page=2), DocumentView("other text " * 20)) == "page 2"


def test_a_card_for_a_changed_or_deleted_document_shows_the_quote_only():
    changed = answer_html(answer(), "t1", lambda _d: DocumentView("x" * 400))
    assert "has changed since" in changed and "alert(1)" in changed
    gone = answer_html(answer(), "t1", lambda _d: None)
    assert "has changed" not in gone and "cqa-quote" in gone


def test_abstentions_notices_and_copy_text():
    abstained = answer_html(
        answer(abstained=True, citations=[], answer="The documents don't say: x."), "t", lookup
    )
    assert "Not in the documents" in abstained and "cqa-sources" not in abstained
    copied = copy_text(answer(notice="LLM fell back"), lookup)
    assert copied.startswith(QUOTE) and "LLM fell back" in copied
    assert "Sources:\n[1] Report <i>x</i>, page 2, paragraph 1: “" in copied
    markdown = turn_markdown("Why?", answer(), lookup)
    assert markdown.startswith("**You:** Why?") and f"characters {START}–" in markdown


def test_first_screen_names_the_corpus_and_offers_generic_examples():
    docs = [DocumentInfo(doc_id=f"d{i}.txt", title=f"Title <{i}>", passage_count=1, size=1,
                         sha256="x", ingested_at="2026-12-02T10:00:00+00:00") for i in range(10)]  # fmt: skip
    html = corpus_html(docs)
    assert (
        "Ask about 10 documents" in html and "Title &lt;0&gt;" in html and "Title <0>" not in html
    )
    assert "and 2 more" in html
    assert examples(docs)[0] == "What are these documents about?"
    assert all("Title <" in q for q in examples(docs)[1:])  # drawn from this corpus's titles
    assert "No documents yet" in corpus_html([])


def test_documents_table_reader_jobs_and_document_page():
    doc = Document(doc_id="a/r.pdf", title="R <x>", passage_count=1, size=len(TEXT), sha256="s",
                   ingested_at="2026-12-02T10:05:00+00:00", format="pdf", page_count=2,
                   text=TEXT, pages=PAGES)  # fmt: skip
    other = doc.model_copy(update={"doc_id": "seed.txt", "title": "Seed"})
    table = documents_table_html([doc, other], deletable={"a/r.pdf"})
    assert "R &lt;x&gt;" in table and "<td data-label='Format'>PDF</td>" in table
    assert "2 Dec 2026, 10:05 UTC" in table and "cqa-doc-delete" in table
    assert table.count("cqa-doc-delete") == 1, "only the uploaded document offers Delete"
    assert "cqa-doc-delete" not in documents_table_html([doc], deletable=())
    reader = reader_html(doc)
    assert "Page 2" in reader and "1 passage" in reader and "&lt;script&gt;" in reader
    page = document_page(doc.doc_id, doc.title, TEXT, START, START + len(QUOTE), PAGES)
    assert "<mark id='quote'>The &lt;script&gt;" in page and "the quote is on page 2" in page
    job = Job(job_id="j", kind="upload", created_at="now", total=2, files=[
        JobFile(name="a.pdf", doc_id="a.pdf", size=1, sha256="s", status="added", page_count=3, passage_count=1),
        JobFile(name="<b>.pdf", doc_id="b.pdf", size=1, sha256="s", status="failed", reason="no text layer"),
    ])  # fmt: skip
    progress = jobs_html([job])
    assert "Added: 3 pages, 1 passage" in progress and "no text layer" in progress
    assert "&lt;b&gt;.pdf" in progress and progress.count("<progress") == 2
