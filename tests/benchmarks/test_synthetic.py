"""The benchmarks' synthetic passages go through the store's ordinary writer and appear
together, as one new corpus version, when committed (and not before)."""

import numpy as np

from benchmarks.synthetic import SyntheticCorpus
from qa.store import Store
from qa.types import Passage, Sentence


def test_synthetic_passages_appear_as_one_new_version(seed_settings, tmp_path):
    import shutil

    data_dir = tmp_path / "index"
    shutil.copytree(seed_settings.data_dir, data_dir)
    store = Store(seed_settings.model_copy(update={"data_dir": data_dir}))
    before = store.corpus_version()
    rng = np.random.default_rng(0)
    passages = []
    for i in range(3):
        text = f"synthetic sentence number {i}."
        passages.append(Passage(passage_id=f"syn{i}", doc_id="synthetic/0.txt", title="synthetic",
                                start=0, end=len(text), text=text,
                                sentences=[Sentence(start=0, end=len(text), text=text)]))  # fmt: skip
    vectors = rng.standard_normal((3, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    synthetic = SyntheticCorpus(store)
    synthetic.add(passages, vectors)
    assert store.corpus_version() == before  # staged, not visible yet
    assert synthetic.commit() != before
    assert store.passage_lists()["synthetic/0.txt"] == ["syn0", "syn1", "syn2"]
