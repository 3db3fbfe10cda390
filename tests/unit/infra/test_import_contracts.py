"""The import contracts of pyproject.toml stay true to the code (issue 18 part 3).

- Each domain's "protected" contract lists every module of the domain but its published
  contract (`events`, `queries`, and for notifications and payments their shared port): a
  module added to a domain is protected from the day it exists.
- A contract allows no importer but the domain itself: every call between domains became an
  event or a query, and a new one fails `make imports`.
- No import cycles among aftercare's modules, function-local imports included (grimp reads
  those too); the cycles left are KNOWN_CYCLES, exactly, each with who removes it.
"""

from __future__ import annotations

import pkgutil
import tomllib
from functools import cache
from importlib import import_module
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[3]
DOMAINS = (
    "aftersales", "analytics", "audits", "campaigns", "customers", "logistics", "notifications", "orders",
    "payments", "refunds", "surveys", "tickets",
)  # fmt: skip
PUBLISHED = frozenset({"events", "queries"})
SHARED_PORTS = {"notifications": frozenset({"port"}), "payments": frozenset({"provider"})}

# Import cycles still present (strongly connected sets of modules), each with its way out:
# none are left, so any cycle fails.
KNOWN_CYCLES: set[frozenset[str]] = set()


@cache
def contracts() -> dict[str, dict[str, list[str]]]:
    """domain → its protected contract."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found = {}
    for contract in config["tool"]["importlinter"]["contracts"]:
        if contract["type"] == "protected":
            domain = contract["protected_modules"][0].split(".")[1]
            found[domain] = contract
    return found


@cache
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("aftercare", include_external_packages=False)


def test_every_domain_has_its_contract() -> None:
    assert sorted(contracts()) == sorted(DOMAINS)


@pytest.mark.parametrize("domain", DOMAINS)
def test_a_domain_protects_every_module_but_its_published_ones(domain: str) -> None:
    package = import_module(f"aftercare.{domain}")
    modules = {
        f"aftercare.{domain}.{info.name}"
        for info in pkgutil.iter_modules(package.__path__)
        if info.name not in PUBLISHED | SHARED_PORTS.get(domain, frozenset())
    }
    assert sorted(contracts()[domain]["protected_modules"]) == sorted(modules)


@pytest.mark.parametrize("domain", DOMAINS)
def test_only_the_domain_itself_imports_its_protected_modules(domain: str) -> None:
    """No exceptions are left: every call between domains became an event or a query."""
    assert contracts()[domain]["allowed_importers"] == [f"aftercare.{domain}"]


def strongly_connected(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """Tarjan's strongly connected components of more than one module (iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def test_the_cycle_finder_finds_cycles() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a", "e"}, "e": {"d"}, "f": set()}
    assert set(strongly_connected(edges)) == {frozenset("abc"), frozenset("de")}


def test_no_import_cycles_but_the_known_ones() -> None:
    modules = graph().modules
    edges = {m: set(graph().find_modules_directly_imported_by(m)) & modules for m in modules}
    assert set(strongly_connected(edges)) == KNOWN_CYCLES
