"""The quality gate's logic (benchmarks/gate.py) on small synthetic floors and figures."""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("gate", ROOT / "benchmarks" / "gate.py")
gate = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("gate", gate)
_spec.loader.exec_module(gate)


def _doc(**floors):
    return {"epsilon": 1e-6, "log": [],
            "floors": {k: {"floor": v, "note": "n"} for k, v in floors.items()}}


def test_floor4_rounds_down():
    assert gate.floor4(0.80549) == 0.8054
    assert gate.floor4(0.805) == 0.805          # not 0.8049 through float noise
    assert gate.floor4(0.33333333) == 0.3333
    assert gate.floor4(1.0) == 1.0


def test_drop_below_floor_fails_equal_passes():
    rows = {r["name"]: r for r in gate.compare(_doc(a=0.5, b=0.5, c=0.5)["floors"],
                                               {"a": 0.5, "b": 0.4999, "c": 0.6, "d": 0.1})}
    assert rows["a"]["ok"] and rows["a"]["status"] == "ok"
    assert not rows["b"]["ok"] and rows["b"]["status"] == "FAIL"
    assert rows["c"]["ok"] and rows["c"]["delta"] == pytest.approx(0.1)
    assert rows["d"]["status"] == "new" and rows["d"]["ok"]


def test_epsilon_is_float_noise_only():
    floors = _doc(a=0.5)["floors"]
    assert gate.compare(floors, {"a": 0.5 - 1e-9})[0]["ok"]
    assert not gate.compare(floors, {"a": 0.5 - 1e-5})[0]["ok"]


def test_pin_raises_only():
    doc = _doc(up=0.5, down=0.5, same=0.5)
    changed = gate.pin(doc, {"up": 0.61239, "down": 0.4, "same": 0.5, "new": 0.7777777},
                       {"new": "a new figure"}, "2024-01-01")
    f = doc["floors"]
    assert f["up"]["floor"] == 0.6123
    assert f["down"]["floor"] == 0.5            # never lowered by --pin
    assert f["same"]["floor"] == 0.5
    assert f["new"] == {"floor": 0.7777, "note": "a new figure"}
    assert sorted(c[0] for c in changed) == ["new", "up"]
    assert [e["figure"] for e in doc["log"]] == ["up"]


def test_lowering_needs_a_reason_and_is_logged():
    doc = _doc(a=0.5)
    for reason in (None, "", "   "):
        with pytest.raises(ValueError):
            gate.lower(doc, "a", {"a": 0.4}, reason, "2024-01-01")
    assert doc["floors"]["a"]["floor"] == 0.5 and doc["log"] == []
    with pytest.raises(ValueError):             # not below its floor: nothing to lower
        gate.lower(doc, "a", {"a": 0.6}, "because", "2024-01-01")
    gate.lower(doc, "a", {"a": 0.41239}, "gold replaced", "2024-01-01")
    assert doc["floors"]["a"]["floor"] == 0.4123
    assert doc["log"] == [{"date": "2024-01-01", "figure": "a", "old": 0.5, "new": 0.4123,
                           "reason": "gold replaced"}]


class _Fake:
    """A registry of one benchmark whose figures the test sets."""

    def __init__(self, figures):
        self.figures = figures
        self.calls = 0

    def __call__(self, name, bench, shared, use_cache=True):
        self.calls += 1
        return {"figures": dict(self.figures), "seconds": 0.0, "cached": False}


def _registry():
    return {"fake": gate.Benchmark("fake.py", None, lambda sh: [], lambda j: j,
                                   {"x": "a figure", "y": "another"}, needs_shared=False)}


def test_main_exit_codes_and_files(tmp_path, capsys):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps(_doc(**{"fake.x": 0.5, "fake.y": 0.5})))
    run = _Fake({"x": 0.5, "y": 0.7})
    assert gate.main(["--floors", str(floors)], _registry(), run) == 0
    run.figures["x"] = 0.49
    assert gate.main(["--floors", str(floors)], _registry(), run) == 1
    assert "FAIL" in capsys.readouterr().out
    # --pin raises y, leaves x, and still fails on x
    assert gate.main(["--floors", str(floors), "--pin"], _registry(), run) == 1
    doc = json.loads(floors.read_text())
    assert doc["floors"]["fake.y"]["floor"] == 0.7 and doc["floors"]["fake.x"]["floor"] == 0.5
    # lowering without a reason is refused before anything runs
    calls = run.calls
    assert gate.main(["--floors", str(floors), "--lower", "fake.x"], _registry(), run) == 2
    assert run.calls == calls
    assert json.loads(floors.read_text())["floors"]["fake.x"]["floor"] == 0.5
    assert gate.main(["--floors", str(floors), "--lower", "fake.x", "--reason", "new gold"],
                     _registry(), run) == 0
    doc = json.loads(floors.read_text())
    assert doc["floors"]["fake.x"]["floor"] == 0.49
    assert doc["log"][-1]["reason"] == "new gold" and doc["log"][-1]["old"] == 0.5


def test_a_figure_no_longer_measured_fails(tmp_path):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps(_doc(**{"fake.x": 0.5, "fake.gone": 0.5})))
    assert gate.main(["--floors", str(floors)], _registry(), _Fake({"x": 0.5})) == 1


def test_a_skipped_benchmark_does_not_fail(tmp_path, capsys):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps(_doc(**{"fake.x": 0.5})))

    def skip(*a, **k):
        raise gate.Skipped("no data")
    assert gate.main(["--floors", str(floors)], _registry(), skip) == 0
    assert "SKIPPED fake" in capsys.readouterr().out


def test_cache_key_follows_content(tmp_path, monkeypatch):
    data = tmp_path / "d"
    data.mkdir()
    (data / "a.txt").write_text("one")
    big = data / "big.bin"
    big.write_bytes(b"x" * (gate.BIG + 10))
    b = gate.Benchmark("seed.py", None, lambda sh: [data], lambda j: j, {})
    k1 = gate.code_key("t", b, tmp_path)
    assert gate.code_key("t", b, tmp_path) == k1
    (data / "a.txt").write_text("two")          # same size, new content
    k2 = gate.code_key("t", b, tmp_path)
    assert k2 != k1
    big.write_bytes(b"x" * (gate.BIG + 9) + b"y")  # the big file's last byte
    assert gate.code_key("t", b, tmp_path) != k2
