"""Issue 11, item 4: one place writes the outbox. Read as source (the AST of every
module of portal/, auth/, models/ and seed/): only models/outbox_writer.py builds an
OutboxMessage, and only it reads the faults that lose a message (RG-1, RG-2)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("portal", "auth", "models", "seed")
WRITER = "models/outbox_writer.py"


def modules() -> dict[str, ast.Module]:
    return {
        path.relative_to(ROOT).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    }


def names_used(tree: ast.Module) -> set[str]:
    used = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            used.add(node.id)
        elif isinstance(node, ast.Attribute):
            used.add(node.attr)
    return used


def test_only_the_outbox_writer_constructs_an_outbox_message():
    builders = set()
    for name, tree in modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if called == "OutboxMessage":
                    builders.add(name)
    assert builders == {WRITER}


def test_only_the_outbox_writer_reads_the_faults_that_lose_a_message():
    readers = {
        name
        for name, tree in modules().items()
        if {"LETTER_LOST", "SMS_NOT_DELIVERED"} & names_used(tree)
    }
    # sim.py declares them; activation.py reads the letter switch only to cost as much
    # time as posting a letter when no letter goes (RG-6), and marks nothing lost.
    assert readers == {WRITER, "models/sim.py", "auth/activation.py"}


def test_no_module_writes_a_message_text_in_code_any_more():
    """The texts live in models/messages/*.toml: the modules that post messages keep no
    subject or body constants of their own."""
    for name in ("auth/messages.py", "portal/backoffice/desk.py"):
        assert "Text" not in names_used(modules()[name]), name
