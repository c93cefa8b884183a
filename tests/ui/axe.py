"""Accessibility audits with axe-core (vendored in ``vendor/axe-core``, MPL-2.0): injected into the open page, run on
the whole document with its WCAG 2.x A and AA rules and best practices."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
SEVERE = ("serious", "critical")
RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ["violations"]}).then((result) => done(result.violations.map((v) => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + ": " + n.failureSummary.replace(/\\n/g, " "))}))))
  .catch((error) => done([{id: "axe-error", impact: "critical", help: String(error), nodes: []}]));
"""


@cache
def _source() -> str:
    return AXE.read_text(encoding="utf-8")


def violations(browser: Any) -> list[dict[str, Any]]:
    """The axe violations of the page open in ``browser`` (rule id, impact, help and up to five nodes each)."""
    if not browser.execute_script("return typeof window.axe === 'object'"):
        browser.execute_script(_source())
    browser.set_script_timeout(120)
    return browser.execute_async_script(RUN)


def severe(browser: Any) -> list[dict[str, Any]]:
    """The serious and critical violations only."""
    return [v for v in violations(browser) if v["impact"] in SEVERE]
