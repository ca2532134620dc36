"""The package's layering: stages never import the exports or the web app, and the knowledge
layer holds data only."""
import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "dateline"
# modules that present results: a stage must not depend on them
PRESENTATION = ("export", "web", "cli")
STAGES = ["clean.py", "dedupe.py", "entities.py", "events.py", "gazetteer.py", "link.py",
          "pipeline.py", "sentences.py", "timeline.py", "text.py", "model.py", "query.py",
          "curate.py",
          "reason/commitments.py", "reason/conflicts.py", "time/tagger.py", "time/normalize.py",
          "time/pubdate.py", "lang/identify.py", "lang/common.py"]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            out.append("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            out.extend(a.name for a in node.names)
    return out


@pytest.mark.parametrize("module", STAGES)
def test_stage_imports_no_presentation_module(module):
    path = PKG / module
    assert path.exists(), module
    for name in _imports(path):
        parts = name.lstrip(".").split(".")
        top = parts[1] if parts[0] == "dateline" and len(parts) > 1 else parts[0]
        assert top not in PRESENTATION, f"{module} imports {name}"


def _language_modules():
    mods = sorted(p for p in (PKG / "lang").glob("*/*.py"))
    assert len(mods) >= 10, mods   # en and ru have several data modules each
    return mods


@pytest.mark.parametrize("path", _language_modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_language_modules_are_data(path):
    """lang/<code>/*.py declare data: no function or class definitions, no control flow
    beyond building tables; a linguist edits them without reading stage code."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                     ast.While, ast.Try, ast.With)), \
            f"{path.name}:{node.lineno} is code ({type(node).__name__}), not data"
