"""Snapshots of the main screens at 100×30 and at 80×24 (SSH-sized)."""

from __future__ import annotations

import pytest

from devday_tui.widgets.note_tree import NoteTree
from tests.app.conftest import settle, wait_home_shown, wait_loaded, wait_section_shown

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((80, 24), id="80x24")]


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_sample, size) -> None:
    async def ready(pilot) -> None:
        await wait_home_shown(pilot)

    assert snap_sample(size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_browse(snap_sample, size) -> None:
    async def ready(pilot) -> None:
        await wait_loaded(pilot)
        await pilot.press("b")
        await settle(pilot, 0.2)
        await pilot.press("down", "down")
        await wait_section_shown(pilot)

    assert snap_sample(size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_browse_wip_section(snap_sample, size) -> None:
    async def ready(pilot) -> None:
        await wait_loaded(pilot)
        await pilot.press("b")
        await settle(pilot, 0.2)
        await pilot.press("w")
        await settle(pilot, 0.3)
        tree = pilot.app.screen.query_one(NoteTree)
        node = next(
            n for n in tree.root.children[0].children[0].children if n.label.plain.startswith("トークセッション")
        )
        tree.move_cursor(node)
        await wait_section_shown(pilot)
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_sample(size, ready)
