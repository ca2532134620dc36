import json
from importlib import resources

import jsonschema


def schema():
    return json.loads(resources.files("dateline").joinpath("schema/dateline-1.schema.json").read_text())


def test_seed_export_validates(seed_export):
    data, _ = seed_export
    jsonschema.validate(data, schema())
    assert data["schema"] == "dateline/1"
    assert data["events"] == [] or isinstance(data["events"], list)


def test_schema_rejects_wrong_shapes(seed_export):
    data, _ = seed_export
    bad = json.loads(json.dumps(data))
    bad["documents"][0]["published_how"] = "guessed"
    try:
        jsonschema.validate(bad, schema())
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("schema accepted an invalid published_how")


def test_every_exported_quote_is_verbatim_at_its_offsets(seed_export):
    data, _ = seed_export
    texts = {d["id"]: d["text"] for d in data["documents"]}
    n = 0
    for ev in data["events"]:
        for s in ev["sources"]:
            assert texts[s["doc"]][s["start"]:s["end"]] == s["quote"]
            if s["trigger"]:
                t = s["trigger"]
                assert texts[s["doc"]][t["start"]:t["end"]] == t["text"]
                assert s["start"] <= t["start"] and t["end"] <= s["end"]
            n += 1
    for c in data["commitments"]:
        for s in c["sources"]:
            assert texts[s["doc"]][s["start"]:s["end"]] == s["quote"]
    assert n >= 20
    ids = {e["id"] for e in data["entities"]}
    for ev in data["events"]:
        assert set(ev["actors"]) <= ids and set(ev["places"]) <= ids
