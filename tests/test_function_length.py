"""No function in scripts/ runs over 60 lines (the seed scripts aside): long ones are split by what they do."""

from __future__ import annotations

import ast

from conftest import ROOT

LIMIT = 60
EXEMPT = {ROOT / "scripts" / "seed"}


def long_functions(root) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if any(path.is_relative_to(e) for e in EXEMPT):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > LIMIT:
                    found.append(f"{path.relative_to(root).as_posix()}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_no_function_over_60_lines_in_scripts():
    assert long_functions(ROOT / "scripts") == []


def test_the_check_sees_a_long_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMIT))
    (tmp_path / "long.py").write_text(f"def f():\n{body}\n", encoding="utf-8")
    (tmp_path / "short.py").write_text("def g():\n    return 1\n", encoding="utf-8")
    assert [line.split(" ")[1] for line in long_functions(tmp_path)] == ["f"]
