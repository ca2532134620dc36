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
