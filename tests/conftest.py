import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "corpus" / "karabakh-2020"
EXAMPLE = ROOT / "examples" / "ever-given"


def seed_files() -> dict[str, Path]:
    """The seed articles by their number prefix ('000' ... '004')."""
    return {p.name[:3]: p for p in sorted(SEED.glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not SEED.is_dir():
        pytest.skip(f"seed corpus not found at {SEED} (set DATELINE_SHARED)")
    return SEED


@pytest.fixture(scope="session")
def seed_build(seed_dir, tmp_path_factory):
    """A database built over the seed corpus (read it only)."""
    from dateline.pipeline import build

    db = tmp_path_factory.mktemp("seed") / "seed.db"
    report = build([str(seed_dir)], str(db), workers=1)
    assert not report.failed, report.failed
    return db


@pytest.fixture(scope="session")
def seed_export(seed_build):
    """The dateline/1 export of a build over the seed corpus, with docs keyed by file prefix."""
    from dateline.export.json import export
    from dateline.store import Store

    db = seed_build
    with Store(db, readonly=True) as store:
        data = export(store)
    by_name = {Path(d["path"]).name[:3]: d for d in data["documents"]}
    return data, by_name
