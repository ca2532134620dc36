"""Faults of the machine, not the input: one line with the cause and what to do, exit 2,
nothing committed before lost."""
import os

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.pipeline import build
from dateline.store import Store
from dateline.store.sqlite import StoreError

GOOD = ("Delegations from both sides met in {} on Friday to resume talks that had stalled "
        "for a week, officials said.\n\nA second round is planned for next month.\n")


def _folder(tmp_path, name, cities):
    d = tmp_path / name
    d.mkdir()
    for c in cities:
        (d / f"{c}.txt").write_text(GOOD.format(c) + f"{c} word " * 400)
    return d


def test_disk_full_is_one_line_exit_2_and_keeps_what_was_stored(tmp_path, monkeypatch):
    db = tmp_path / "x.db"
    build([str(_folder(tmp_path, "a", ["Oslo", "Lima"]))], str(db), workers=1, entities=False)
    with Store(db, readonly=True) as s:
        before = s.dump()
    # a full disk, as SQLite reports it: the file may not grow past its current pages
    real = Store.__init__

    def capped(self, path, readonly=False):
        real(self, path, readonly)
        if not readonly:
            pages = self.db.execute("PRAGMA page_count").fetchone()[0]
            self.db.execute(f"PRAGMA max_page_count={pages}")

    monkeypatch.setattr(Store, "__init__", capped)
    more = _folder(tmp_path, "b", ["Rome", "Kyiv", "Riga", "Bern"])
    with pytest.raises(StoreError) as e:
        build([str(more)], str(db), workers=1, entities=False)
    assert e.value.environment and "full" in str(e.value) and "\n" not in str(e.value)
    r = CliRunner().invoke(main, ["build", str(more), "--db", str(db), "--quiet", "--no-entities"])
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert "disk (or the database's size limit) is full" in r.output, r.output
    monkeypatch.setattr(Store, "__init__", real)
    with Store(db, readonly=True) as s:
        after = dict(s.dump())
    assert dict(before)["documents"] == after["documents"]


def test_database_damaged_in_the_middle_names_it_from_every_command(tmp_path):
    db = tmp_path / "x.db"
    build([str(_folder(tmp_path, "a", ["Oslo", "Lima", "Rome"]))], str(db), workers=1,
          entities=False)
    size = db.stat().st_size
    with open(db, "r+b") as f:   # pages in the middle overwritten; the header page is intact
        f.seek(size // 4)
        f.write(b"\xff" * (size // 2))
    for args in (["export", "--db", str(db), "-o", str(tmp_path / "o.json")],
                 ["build", str(tmp_path / "a"), "--db", str(db), "--quiet", "--no-entities"]):
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 2, (args, r.output)
        line = r.output.strip()
        assert "\n" not in line and "x.db: the database file is damaged" in line, line
        assert "Traceback" not in r.output


@pytest.mark.skipif(os.geteuid() == 0, reason="as root, chmod does not stop writes or "
                    "folder changes, so a read-only folder cannot be made")
def test_valid_database_in_a_read_only_folder_is_readable(tmp_path):
    d = tmp_path / "ro"
    d.mkdir()
    db = d / "x.db"
    build([str(_folder(tmp_path, "a", ["Oslo"]))], str(db), workers=1, entities=False)
    d.chmod(0o555)
    try:
        r = CliRunner().invoke(main, ["docs", "--db", str(db), "--json"])
        assert r.exit_code == 0 and "Oslo" in r.output, r.output
        r = CliRunner().invoke(main, ["build", str(tmp_path / "a"), "--db", str(d / "new.db")])
        assert r.exit_code == 2 and "cannot be created or opened" in r.output, r.output
    finally:
        d.chmod(0o755)
