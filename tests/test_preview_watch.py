"""The preview notices a save: inotify on Linux, polling elsewhere."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

from regiodocs.preview import server as server_module
from regiodocs.preview.watch import Inotify

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify: Linux")


def _next_change(notify: Inotify) -> set[Path] | None:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        changed = notify.wait(0.1)
        if changed != set():
            return changed
    raise AssertionError("geen wijziging gezien")


@linux_only
def test_inotify_sees_saves_new_folders_and_removals_but_not_editor_files(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    (content / "raadsvoorstellen").mkdir(parents=True)
    notify = Inotify([content])
    try:
        assert notify.wait(0) == set()
        regio = content / "regio.yaml"
        regio.write_text("id: a\n", encoding="utf-8")
        assert _next_change(notify) == {regio}
        (content / ".#regio.yaml").write_text("lock", encoding="utf-8")
        (content / "regio.yaml.swp").write_text("swap", encoding="utf-8")
        assert notify.wait(0.05) == set()  # editor files are not content
        voorstel = content / "raadsvoorstellen" / "01.yaml"
        voorstel.write_text("id: b\n", encoding="utf-8")
        assert _next_change(notify) == {voorstel}
        new = content / "opgaven"
        new.mkdir()
        assert _next_change(notify) == {new}
        opgave = new / "01.yaml"
        opgave.write_text("id: c\n", encoding="utf-8")
        assert _next_change(notify) == {opgave}  # the new folder is watched too
        # An editor that writes a new file and moves it over the old one.
        spare = content / "regio.yaml.new"
        spare.write_text("id: d\n", encoding="utf-8")
        spare.replace(regio)
        seen: set[Path] = set()
        while regio not in seen:
            found = _next_change(notify)
            assert found is not None
            seen |= found
        voorstel.unlink()
        assert _next_change(notify) == {voorstel}
    finally:
        notify.close()


def test_without_inotify_the_watcher_polls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable(roots: list[Path]) -> Inotify:
        raise OSError("geen inotify")

    monkeypatch.setattr(server_module, "Inotify", unavailable)
    content, templates = tmp_path / "content", tmp_path / "templates"
    content.mkdir()
    templates.mkdir()
    (content / "regio.yaml").write_text("id: a\n", encoding="utf-8")
    published: list[bool] = []

    class Recorder:
        stopping = threading.Event()
        session = type("S", (), {"template_dir": templates})()

        # The server's own watcher, without a server around it.
        watch = server_module.PreviewServer.watch
        _poll = server_module.PreviewServer._poll

        def publish(self, templates_changed: bool) -> None:
            published.append(templates_changed)

    recorder = Recorder()
    watcher = threading.Thread(target=recorder.watch, args=([content, templates],))
    watcher.start()
    try:
        time.sleep(0.1)
        (content / "regio.yaml").write_text("id: bb\n", encoding="utf-8")
        deadline = time.monotonic() + 5
        while not published and time.monotonic() < deadline:
            time.sleep(0.01)
        (templates / "regeling.md.j2").write_text("x", encoding="utf-8")
        while len(published) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        recorder.stopping.set()
        watcher.join(timeout=5)
    assert published == [False, True]
