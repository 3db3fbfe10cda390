from __future__ import annotations

from typing import Any


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: Any) -> None:
    """Print the triage classifier's measured accuracy whenever its tests ran."""
    ran = any(
        "test_triage" in report.nodeid
        for reports in terminalreporter.stats.values()
        for report in reports
        if hasattr(report, "nodeid")
    )
    if not ran:
        return
    from tests.unit.tickets.triage_report import report

    terminalreporter.section("ticket triage")
    for line in report():
        terminalreporter.write_line(line)
