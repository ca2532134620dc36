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


def _read_only_check(tmp_path, run):
    """A valid database in a read-only folder: `docs`, `timeline` and `export` read it (as
    immutable when the folder cannot hold the -shm file); `build` into it, or a new database
    there, is one line and exit 2. ``run(args)`` runs the CLI with the folder read-only."""
    d = tmp_path / "ro"
    d.mkdir()
    db = d / "x.db"
    build([str(_folder(tmp_path, "a", ["Oslo"]))], str(db), workers=1, entities=False)
    out = run([["docs", "--db", str(db), "--json"],
               ["timeline", "--db", str(db), "--json"],
               ["export", "--db", str(db), "-o", str(tmp_path / "out.json")],
               ["build", str(tmp_path / "a"), "--db", str(d / "new.db"), "--quiet"],
               ["build", str(tmp_path / "a"), "--db", str(db), "--quiet"]])
    (rc_docs, docs), (rc_tl, _), (rc_ex, _), (rc_new, new), (rc_old, old) = out
    assert rc_docs == 0 and "Oslo" in docs, docs
    assert rc_tl == 0 and rc_ex == 0 and (tmp_path / "out.json").exists()
    assert rc_new == 2 and "new.db: the database cannot be created or opened" in new, new
    assert rc_old == 2 and "x.db: the database cannot be opened for writing" in old, old
    for text in (new, old):
        assert "Traceback" not in text and len(text.strip().splitlines()) == 1, text
    assert not (d / "new.db").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="as root, chmod does not stop writes or "
                    "folder changes (the bind-mount test below covers root)")
def test_valid_database_in_a_read_only_folder_is_readable(tmp_path):
    def run(commands):
        (tmp_path / "ro").chmod(0o555)
        try:
            out = []
            for args in commands:
                r = CliRunner().invoke(main, args)
                out.append((r.exit_code, r.output))
            return out
        finally:
            (tmp_path / "ro").chmod(0o755)
    _read_only_check(tmp_path, run)


def _can_bind_read_only() -> bool:
    import shutil
    import subprocess

    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    r = subprocess.run(["unshare", "-m", "sh", "-c", "mount --bind -o ro / /mnt 2>/dev/null || "
                        "mount --bind -o ro /tmp /tmp"], capture_output=True)
    return r.returncode == 0


@pytest.mark.skipif(not _can_bind_read_only(), reason="needs root and unshare to make a "
                    "read-only bind mount in a private mount namespace")
def test_valid_database_on_a_read_only_mount_is_readable_even_as_root(tmp_path):
    # a read-only file system stops root too: the folder is bind-mounted read-only in a
    # private mount namespace (nothing outside the child process sees it)
    import shlex
    import subprocess
    import sys

    def run(commands):
        ro = str(tmp_path / "ro")
        script = f"mount --bind -o ro {shlex.quote(ro)} {shlex.quote(ro)} && touch {shlex.quote(ro)}/t 2>/dev/null && exit 9; "
        for i, args in enumerate(commands):
            cli = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "dateline.cli", *args])
            script += f"{cli} > {tmp_path}/o{i} 2>&1; echo $? > {tmp_path}/rc{i}; "
        r = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True)
        assert r.returncode != 9, "the bind mount is writable"
        return [(int((tmp_path / f"rc{i}").read_text()), (tmp_path / f"o{i}").read_text())
                for i in range(len(commands))]
    _read_only_check(tmp_path, run)
