"""The settings object: every tuned constant documented, listed by the CLI, settable."""
import json

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.settings import SETTINGS, Settings


def test_every_setting_says_what_it_does_and_what_chose_it():
    rows = SETTINGS.describe()
    assert len(rows) >= 60, len(rows)   # the stages' constants moved here
    stages = {r["stage"] for r in rows}
    assert {"events", "link", "timeline", "reason", "clean", "dedupe", "lang", "ingest"} <= stages
    for r in rows:
        assert r["what"].strip(), r["name"]
        assert (r["measured"] + r["figure"]).strip(), f"{r['stage']}.{r['name']} cites nothing"
        assert r["name"].isupper(), r["name"]


def test_set_converts_to_the_settings_type(monkeypatch):
    s = Settings()
    s.set("link.AVG_LINK", "0.5")
    assert s.link.AVG_LINK == 0.5 and isinstance(s.link.AVG_LINK, float)
    assert SETTINGS.link.AVG_LINK == 0.3   # a new Settings() leaves the shared one alone
    with pytest.raises(AttributeError):
        s.set("link.NO_SUCH_SETTING", "1")


def test_cli_lists_settings():
    r = CliRunner().invoke(main, ["settings", "--stage", "timeline", "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert rows and {x["stage"] for x in rows} == {"timeline"}
    assert any(x["name"] == "LOCAL_NORM" and x["value"] == 0.25 for x in rows)
    bad = CliRunner().invoke(main, ["settings", "--stage", "nope"])
    assert bad.exit_code != 0 and "no stage 'nope'" in bad.output
