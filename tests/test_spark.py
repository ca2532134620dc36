"""The Spark runner (`dateline build --engine spark`, then `dateline import`) against the local
runner: the same corpus must give the same dateline/1 export, field for field.

Spark starts once for the module, in local[2] (start-up is slow); the tests skip, saying why,
only when pyspark or Java is missing (`make test` installs both)."""
import json
import shutil

import pytest
from click.testing import CliRunner

from conftest import SHARED

T17_MJ = SHARED / "bench" / "t17" / "MJ" / "articles.jsonl"   # the smallest Timeline17 topic


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="pyspark not installed: pip install 'dateline[spark]'")
    pytest.importorskip("pyarrow", reason="pyarrow not installed: pip install 'dateline[spark]'")
    if shutil.which("java") is None:
        pytest.skip("no java on PATH: Spark needs a JDK (apt-get install openjdk-17-jre-headless)")
    from dateline.spark import session

    s = session("local[2]", app="dateline-tests")
    yield s
    s.stop()


def _export(db) -> dict:
    from dateline.export.json import export
    from dateline.store import Store

    with Store(db, readonly=True) as store:
        return export(store)


def _spark_db(spark, paths, tmp_path, name="spark"):
    from dateline.cli import main
    from dateline.spark import build

    out = tmp_path / f"{name}-parquet"
    report = build([str(p) for p in paths], str(out), spark=spark)
    db = tmp_path / f"{name}.db"
    r = CliRunner().invoke(main, ["import", str(out), "--db", str(db)])
    assert r.exit_code == 0, r.output
    return report, out, db


def _same(a: dict, b: dict) -> None:
    # nothing in dateline/1 is build-specific (no build time, ids are content hashes), so the
    # two exports must be equal as a whole; compare part by part for a readable failure
    assert a.keys() == b.keys()
    for key in a:
        assert a[key] == b[key], key


def test_seed_corpus_same_as_local(spark, seed_build, seed_dir, tmp_path):
    report, out, db = _spark_db(spark, [seed_dir], tmp_path)
    assert not report.failed and report.documents == 5
    local = _export(seed_build)
    _same(_export(db), local)
    assert local["events"] and local["commitments"] and local["conflicts"]
    assert any(d["repeated"] for d in local["documents"])
    # importing the same tables again adds nothing and changes nothing
    from dateline.cli import main
    r = CliRunner().invoke(main, ["import", str(out), "--db", str(db)])
    assert r.exit_code == 0 and r.output.startswith("0 added, 5 already"), r.output
    _same(_export(db), local)


def test_timeline17_topic_same_as_local(spark, tmp_path):
    if not T17_MJ.is_file():
        pytest.skip(f"Timeline17 not found at {T17_MJ} (set DATELINE_SHARED)")
    from dateline.pipeline import build

    local_db = tmp_path / "local.db"
    local_report = build([str(T17_MJ)], str(local_db))
    report, _, db = _spark_db(spark, [T17_MJ], tmp_path)
    # the topic has lines without a text: both runners report the same ones
    assert local_report.failed and sorted(report.failed) == sorted(local_report.failed)
    local, ours = _export(local_db), _export(db)
    # wire copy repeats paragraphs across the topic's articles: Spark's banding found them
    repeated = {(d["id"], r["start"]) for d in local["documents"] for r in d["repeated"]}
    assert len(repeated) > 100 and report.counters["repeated_paragraphs"] == len(repeated)
    _same(ours, local)


def test_duplicates_and_bad_input_as_local(spark, seed_dir, tmp_path):
    """Exact and near copies (dedupe's group by text hash and by LSH band), and bad input:
    one line naming the file, the same errors as the local runner's."""
    from dateline.pipeline import build

    src = tmp_path / "in"
    src.mkdir()
    text = sorted(seed_dir.glob("*.txt"))[0].read_text()
    edited = text[:len(text) // 2] + text[len(text) // 2:].replace(" the ", " a ", 1)
    lines = [{"text": text, "date": "2020-10-06", "source": "A"},
             {"text": text, "date": "2020-10-07", "source": "B"},                 # exact copy
             {"text": edited, "date": "2020-10-08", "source": "C"}]   # near copy
    (src / "a.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines) + "{not json\n")
    (src / "b.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    paths = [src, tmp_path / "missing.txt"]
    local_db = tmp_path / "local.db"
    local_report = build([str(p) for p in paths], str(local_db))
    report, out, db = _spark_db(spark, paths, tmp_path)
    assert report.documents == 3
    assert report.counters["exact_duplicates"] == 1 and report.counters["near_duplicates"] == 1
    errors = sorted(report.failed)
    assert errors == sorted(local_report.failed)
    assert len(errors) == 3 and all("\n" not in e for e in errors)
    assert errors[0] == (f"{src}/a.jsonl#L4: not valid JSON (Expecting property name enclosed "
                         "in double quotes at column 2)")
    assert errors[1] == f"{src}/b.warc.gz: no HTML response records in WARC"
    assert errors[2] == f"{tmp_path}/missing.txt: no such file or directory"
    local = _export(local_db)
    assert sum(1 for d in local["documents"] if d["duplicate_of"]) == 2
    _same(_export(db), local)


def test_import_of_a_folder_that_is_not_spark_output(tmp_path):
    pytest.importorskip("pyarrow", reason="pyarrow not installed: pip install 'dateline[spark]'")
    from dateline.cli import main

    (tmp_path / "pq" / "meta").mkdir(parents=True)
    (tmp_path / "pq" / "meta" / "part-0.parquet").write_bytes(b"PAR1 not really")
    r = CliRunner().invoke(main, ["import", str(tmp_path / "pq"), "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 1
    assert "cannot read Parquet" in r.output and str(tmp_path / "pq" / "meta") in r.output
    assert len(r.output.strip().splitlines()) == 1
