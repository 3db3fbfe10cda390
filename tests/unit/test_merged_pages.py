"""One page over several sorted lanes (a queue across the statuses of a by-status index):
every row exactly once, in order, whatever the page size."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from aftercare.pagination import Lane, merged_page


def lane(name: str, rows: list[int], reads: list[str]) -> Lane[tuple[int, str, int]]:
    """A lane of (sort value, lane, position) rows that pages as DynamoDB does: a start key
    names the last row read, and a full page always reports a last key."""
    items = [(value, name, position) for position, value in enumerate(sorted(rows))]

    def fetch(
        start: dict[str, Any] | None, limit: int
    ) -> tuple[list[tuple[int, str, int]], dict[str, Any] | None]:
        reads.append(name)
        begin = 0 if start is None else start["after"] + 1
        page = items[begin : begin + limit]
        last = {"after": page[-1][2]} if page and begin + limit <= len(items) else None
        return page, last

    return Lane(name, fetch, lambda row: {"after": row[2]})


def walk(lanes: list[Lane[tuple[int, str, int]]], limit: int) -> list[list[tuple[int, str, int]]]:
    pages, position = [], None
    for _ in range(1000):
        rows, position = merged_page(
            lanes, order=lambda row: (row[0], row[1]), limit=limit, position=position
        )
        pages.append(rows)
        if position is None:
            return pages
    raise AssertionError("paging did not end")


@given(
    st.lists(st.lists(st.integers(0, 20), max_size=12), min_size=1, max_size=4),
    st.integers(1, 7),
)
def test_paging_through_lanes_yields_every_row_once_in_order(lanes_rows: list[list[int]], limit: int) -> None:
    reads: list[str] = []
    lanes = [lane(f"L{index}", rows, reads) for index, rows in enumerate(lanes_rows)]
    pages = walk(lanes, limit)
    seen = [row for page in pages for row in page]
    assert [row[0] for row in seen] == sorted(value for rows in lanes_rows for value in rows)
    assert len({(row[1], row[2]) for row in seen}) == len(seen)
    assert all(len(page) <= limit for page in pages)


def test_a_finished_lane_is_not_read_again() -> None:
    reads: list[str] = []
    lanes = [lane("NEW", [1], reads), lane("OPEN", [2, 3, 4, 5], reads)]
    pages = walk(lanes, 2)
    assert [[row[0] for row in page] for page in pages] == [[1, 2], [3, 4], [5]]
    assert reads.count("NEW") == 1


def test_no_lane_with_rows_is_an_empty_last_page() -> None:
    assert merged_page([lane("NEW", [], [])], order=lambda row: row, limit=5, position=None) == ([], None)
