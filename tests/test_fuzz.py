"""A small seeded run of benchmarks/fuzz.py: hostile inputs through the real `dateline build`
CLI beside good articles; no crash, no hang, no good article lost, every error one line
naming its input. The full 10,000-input run is `benchmarks/fuzz.py` (README, Bad input)."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import fuzz  # noqa: E402


def test_small_seeded_fuzz_run_has_no_fault():
    # two builds of 100 mixed inputs, the second a full one (entities, linking, reasoning)
    figures = fuzz.fuzz(inputs=200, per_batch=100, full_every=2, seed=7, hang_seconds=240,
                        log=lambda *a: None)
    total = figures["total"]
    assert total["inputs"] == 200 and total["batches"] == 2 and total["full_builds"] == 1
    assert all(row["inputs"] > 0 for row in figures["per_kind"].values()), figures["per_kind"]
    assert {f: total[f] for f in fuzz.FAULTS} == dict.fromkeys(fuzz.FAULTS, 0), figures["failures"]
    # the inputs are hostile, not a disguised good corpus: most fail, each on its own line
    assert total["error_lines"] > total["inputs"] // 3 and total["stored"] > 0


def test_same_seed_same_inputs(tmp_path):
    import random

    real = fuzz.real_articles()

    def contents(folder):
        fuzz.make_batch(random.Random(3), real, folder, 40)
        return sorted((p.relative_to(folder).as_posix().encode("utf-8", "surrogateescape"), p.read_bytes())
                      for p in folder.rglob("*") if p.is_file())

    assert contents(tmp_path / "a") == contents(tmp_path / "b")


GOOD = ["/in/a_good/0.txt", "/in/a_good/1.jsonl#L1"]
NAMES = ["/in/zz_hostile/0001.txt", "/in/zz_hostile/0002.jsonl", "/in/a_good/0.txt", "/in/a_good/1.jsonl"]


def _judge(rc, stderr, stored=frozenset(GOOD)):
    return fuzz.judge(rc, stderr, NAMES, set(stored), GOOD)


def test_judge_passes_a_clean_build():
    out = _judge(1, "error /in/zz_hostile/0001.txt: empty file\n"
                    "error /in/zz_hostile/0002.jsonl#L3: not valid JSON (x at column 1)\n"
                    "warning 2 unsafe characters replaced\nnote: 1 hidden file skipped\n")
    assert (out["crashes"], out["lost"], out["bad_lines"], len(out["errors"])) == (0, [], [], 2)
    assert _judge(0, "")["crashes"] == 0


def test_judge_counts_each_fault():
    tb = "Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: x\n"
    assert _judge(1, tb)["crashes"] == 1
    assert _judge(1, "")["crashes"] == 1                                   # exit 1, no error
    assert _judge(0, "error /in/zz_hostile/0001.txt: empty\n")["crashes"] == 1   # error, exit 0
    assert _judge(2, "error /in/zz_hostile/0001.txt: empty\n")["crashes"] == 1
    assert _judge(0, "", stored={GOOD[0]})["lost"] == [GOOD[1]]
    # an error that names no input, a second line, a raw bidi control
    assert _judge(1, "error something failed\n")["bad_lines"] == ["error something failed"]
    assert _judge(1, "error /in/zz_hostile/0001.txt: a\n  Offset: 3\n")["bad_lines"] == ["  Offset: 3"]
    assert len(_judge(1, "error /in/zz_hostile/0001.txt: a\u202eb\n")["bad_lines"]) == 1
    # a name that only starts like an input is not that input
    assert len(_judge(1, "error /in/zz_hostile/0001.txtx: a\n")["bad_lines"]) == 1


def test_display_matches_the_documented_escapes():
    assert fuzz.display(b"/d/bad\xffname\n\xe2\x80\xae.txt") == "/d/bad\\xffname\\n\\u202e.txt"
