"""`regiodocs preview`: a local web server that shows every document and follows every save.

Only the standard library: ThreadingHTTPServer on 127.0.0.1, server-sent events to push new
page bodies, and a watcher on the region's content folder and the templates: Linux inotify
through ctypes (preview/watch.py), else comparing size and modification time of the files
every few milliseconds (a few dozen files: works the same on Windows, no dependency).

Safety: it binds to the loopback address only, accepts only requests whose Host header names
that address (no DNS rebinding), and serves nothing from the file system: every page is
looked up by its key among the documents of the region.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import html as html_lib
import json
import os
import queue
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from regiodocs.diagnostics import ContentError, Diagnostic
from regiodocs.documents import html
from regiodocs.preview.session import Entry, Page, PreviewSession
from regiodocs.preview.watch import Inotify, editor_file

POLL_SECONDS = 0.005
FLUSH_WAIT_SECONDS = 0.05
BACKGROUND_NICENESS = 10
KEEPALIVE_SECONDS = 15.0

_CLIENT_SCRIPT = """
(function () {
  var key = document.body.getAttribute("data-doc");
  var main = document.getElementById("document");
  var banner = document.getElementById("meldingen");
  var status = document.getElementById("controle");
  var source = new EventSource("/events?doc=" + encodeURIComponent(key));
  // Replace only the sections whose text changed; unchanged ones keep their DOM nodes.
  function patch(sections) {
    var old = {}, heights = new Map();
    Array.prototype.forEach.call(main.children, function (el) {
      (old[el.getAttribute("data-k")] = old[el.getAttribute("data-k")] || []).push(el);
      heights.set(el, el.getBoundingClientRect().height);  // layout is clean: no work
    });
    var at = main.firstElementChild;
    sections.forEach(function (s) {
      var node = old[s[0]] && old[s[0]].shift();
      if (!node) {
        node = document.createElement("div");
        node.className = "deel";
        node.setAttribute("data-k", s[0]);
        node.innerHTML = s[1];
        // Out of view a new section is not laid out: until it is, it takes the height of
        // the section it replaces, so the text in view does not move.
        if (at && heights.get(at)) {
          node.style.containIntrinsicSize = "auto " + heights.get(at) + "px";
        }
      }
      if (node === at) { at = at.nextElementSibling; }
      else { main.insertBefore(node, at); }
    });
    while (at) { var next = at.nextElementSibling; main.removeChild(at); at = next; }
  }
  // When each kind of event was last painted (read by the benchmark): "tijd" is the task
  // right after the frame that drew the change (a message posted from requestAnimationFrame
  // runs once that frame's style, layout and paint are done); "volgend" is the start of the
  // frame after it (a second requestAnimationFrame), up to one frame interval later.
  window.regiodocsPainted = {};
  var painted_count = 0;
  function painted(version, kind, sent) {
    painted_count += 1;
    var mark = {versie: version, n: painted_count, tijd: null, volgend: null,
                verstuurd: sent || null, ontvangen: Date.now()};
    requestAnimationFrame(function () {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () {
        mark.tijd = Date.now();
        window.regiodocsPainted[kind] = mark;
      };
      channel.port2.postMessage(null);
      requestAnimationFrame(function () { mark.volgend = Date.now(); });
    });
  }
  function show(d) {
    var x = window.scrollX, y = window.scrollY;
    patch(d.sections);
    document.title = d.title;
    window.scrollTo(x, y);
  }
  source.addEventListener("update", function (e) {
    var d = JSON.parse(e.data);
    show(d);
    banner.hidden = true;
    banner.innerHTML = "";
    status.textContent = "Controle loopt\u2026";
    painted(d.versie, "update", d.verstuurd);
  });
  source.addEventListener("fout", function (e) {
    var d = JSON.parse(e.data);
    if (d.sections) { show(d); }  // the check refused the new version: the last good one
    banner.innerHTML = d.html;
    banner.hidden = false;
    status.textContent = "Controle: fouten gevonden";
    painted(d.versie, "fout");
  });
  source.addEventListener("in-orde", function (e) {
    var d = JSON.parse(e.data);
    banner.hidden = true;
    banner.innerHTML = "";
    status.textContent = "Gecontroleerd: geen fouten";
    painted(d.versie, "in-orde");
  });
  source.addEventListener("gecontroleerd", function (e) {
    var d = JSON.parse(e.data);
    banner.hidden = true;
    banner.innerHTML = "";
    status.textContent = "Gecontroleerd: geen fouten";
    painted(d.versie, "gecontroleerd");
  });
  source.addEventListener("weg", function () {
    banner.innerHTML = "<p>Dit document bestaat niet meer in de inhoud. " +
      "<a href=\\"/\\">Naar het overzicht</a></p>";
    banner.hidden = false;
  });
})();
"""

_BANNER_CSS = """
#meldingen { position: sticky; top: 0; z-index: 1; background: #FFF4F4; color: #6B0000;
  border-bottom: 3px solid #B00020; padding: 0.75rem 1.5rem; font-size: 0.95rem; }
#meldingen pre { white-space: pre-wrap; font-size: 0.9rem; margin: 0.25rem 0; }
main { overflow-anchor: none; }
/* Sections out of view are not laid out or painted (a long regeling redraws only what shows);
   they stay in the text, find-in-page and the accessibility tree, and keep their last size. */
main > .deel { content-visibility: auto; contain-intrinsic-size: auto 12rem; }
nav.preview { background: #F3F3F3; padding: 0.4rem 1.5rem; font-size: 0.9rem; }
#controle { margin-left: 1.5rem; color: #3A3A3A; }
"""


@dataclass
class _Client:
    key: str
    events: queue.Queue[tuple[str, str]] = field(default_factory=queue.Queue)
    # Set when the connection has written every event put so far.
    written: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.written.set()  # nothing to write yet

    def put(self, event: str, data: str) -> None:
        self.written.clear()
        self.events.put((event, data))


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, session: PreviewSession, host: str, port: int) -> None:
        self.session = session
        self.clients: list[_Client] = []
        self.clients_lock = threading.Lock()
        self.stopping = threading.Event()
        # Work after the new pages are sent (the deferred check, garbage collection).
        self.background = ThreadPoolExecutor(1, "regiodocs-controle", _lower_priority)
        super().__init__((host, port), _Handler)

    def server_close(self) -> None:
        super().server_close()
        self.background.shutdown(wait=False)

    # -- pushing changes -----------------------------------------------------------------

    def publish(self, templates_changed: bool) -> None:
        """Refresh and push what changed to every open page.

        No garbage collection runs in the middle of a refresh (a full one takes longer than
        the whole refresh): the garbage it leaves is collected at the end, once the
        connections have written the new pages."""
        with self.clients_lock:
            clients = list(self.clients)
        gc.disable()
        try:
            self._publish(clients, templates_changed)
        finally:
            for client in clients:
                client.written.wait(FLUSH_WAIT_SECONDS)
            gc.enable()
            self.background.submit(gc.collect).result()

    def _publish(self, clients: list[_Client], templates_changed: bool) -> None:
        watched = {c.key for c in clients}
        session = self.session
        with session.lock:
            result = session.refresh(watched, templates_changed)
            pending = result.pending
            version = session.version + (1 if pending is not None else 0)
            links = session.link_targets(pending) if result.changed else {}
            if result.errors is not None:
                _send_errors(clients, result.errors, version, {}, {})
                return
            shown: list[_Client] = []
            for client in clients:
                if client.key in result.changed:
                    page = result.changed[client.key]
                    shown.append(client)
                    client.put("update", json.dumps(_update(page, links, version)))
                elif client.key in result.removed:
                    client.put("weg", "{}")
                elif pending is None:
                    client.put("in-orde", json.dumps({"versie": version}))
            session.clock.lap("verzenden")
            if pending is None:
                return
            # The new pages are on their way; the check of the whole region runs now, after
            # the connections have written them (so it does not hold up the browser).
            for client in shown:
                client.written.wait(FLUSH_WAIT_SECONDS)
            session.clock.lap("schrijven")
            # At a lower priority, so the browser drawing the new page goes first.
            errors = self.background.submit(session.finish, pending).result()
            if errors is None:
                payload = json.dumps({"versie": version})
                for client in clients:
                    if client.key not in result.removed:
                        client.put("gecontroleerd", payload)
                return
            # Refused: back to the last good version, with the same messages as `check`.
            good = {c.key: session.page(c.key) for c in shown}
            links = session.link_targets() if shown else {}
            restore = {k: p for k, p in good.items() if p is not None}
            _send_errors(clients, errors, version, restore, links)

    def watch(self, paths: list[Path]) -> None:
        """Follow the content and template folders until the server stops: inotify where
        the system has it (a save is seen the moment the file is closed), else polling."""
        try:
            notify = Inotify(paths)
        except OSError:
            self._poll(paths)
            return
        templates = self.session.template_dir
        try:
            while not self.stopping.is_set():
                changed = notify.wait(0.2)
                if changed == set():
                    continue
                # Events that came with it (a save of several files) count as one change.
                while changed is not None and (more := notify.wait(0)) != set():
                    changed = None if more is None else changed | more
                self.publish(
                    templates_changed=changed is None
                    or any(p == templates or templates in p.parents for p in changed)
                )
        finally:
            notify.close()

    def _poll(self, paths: list[Path]) -> None:
        """Compare size and modification time of every file every few milliseconds."""
        seen = _snapshot(paths)
        while not self.stopping.is_set():
            time.sleep(POLL_SECONDS)
            now = _snapshot(paths)
            if now == seen:
                continue
            # An editor that truncates and then writes shows an empty file for an instant:
            # wait until two scans a few milliseconds apart agree.
            for _ in range(10):
                time.sleep(0.002)
                again = _snapshot(paths)
                if again == now:
                    break
                now = again
            changed = {p for p in now.keys() | seen.keys() if now.get(p) != seen.get(p)}
            seen = now
            templates = self.session.template_dir
            self.publish(templates_changed=any(templates in p.parents for p in changed))


def _lower_priority() -> None:
    """Give the calling thread a lower CPU priority where the system allows (Linux sets it
    per thread): on a busy machine the browser and the next save go first."""
    if sys.platform == "linux":  # elsewhere the number would name a process, not a thread
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)


def _send_errors(
    clients: list[_Client],
    errors: list[Diagnostic],
    version: int,
    restore: dict[str, Page],
    links: dict[str, str],
) -> None:
    """The located messages for every open page; a page that showed the refused version gets
    the last good one back underneath."""
    message = errors_html(errors)
    for client in clients:
        data: dict[str, object] = {"html": message, "versie": version}
        if client.key in restore:
            data |= _update(restore[client.key], links, version)
        client.put("fout", json.dumps(data))


def _snapshot(roots: list[Path]) -> dict[Path, tuple[int, int]]:
    found: dict[Path, tuple[int, int]] = {}
    for root in roots:
        for folder, _dirs, files in os.walk(root):
            for name in files:
                if editor_file(name):
                    continue
                path = Path(folder, name)
                with contextlib.suppress(OSError):
                    st = path.stat()
                    found[path] = (st.st_mtime_ns, st.st_size)
    return found


def _parts(page: Page, links: dict[str, str]) -> list[tuple[str, str]]:
    """(key, html) per section; the key names the section's text, so the page can keep it."""
    local = html.anchors("".join(page.sections))
    parts = [html.link_outside(part, local, links) for part in page.sections]
    return [(hashlib.sha1(part.encode("utf-8")).hexdigest()[:16], part) for part in parts]


def _body(parts: list[tuple[str, str]]) -> str:
    return "".join(f'<div class="deel" data-k="{key}">{part}</div>\n' for key, part in parts)


def _update(page: Page, links: dict[str, str], version: int) -> dict[str, object]:
    return {
        "sections": _parts(page, links),
        "title": page.title,
        "versie": version,
        "verstuurd": time.time() * 1000,  # when the server sent it (the benchmark's split)
    }


def errors_html(errors: list[Diagnostic]) -> str:
    count = sum(1 for d in errors if d.severity == "fout")
    lines = "\n".join(html_lib.escape(str(d)) for d in errors)
    return (
        f"<p><strong>De inhoud bevat {count} {'fout' if count == 1 else 'fouten'}.</strong> "
        "Hieronder staat de laatste goede "
        f"versie; na het herstellen verdwijnt deze melding vanzelf.</p><pre>{lines}</pre>"
    )


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        """Quiet: the terminal shows what changed, not every request."""

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if not self._host_allowed():
            self._send(HTTPStatus.FORBIDDEN, "text/plain", "Alleen via 127.0.0.1.")
            return
        url = urlsplit(self.path)
        path = unquote(url.path)
        if path == "/":
            self._index()
        elif path.startswith("/doc/"):
            self._document(path.removeprefix("/doc/"))
        elif path == "/events":
            self._events(parse_qs(url.query).get("doc", [""])[0])
        else:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", "Niet gevonden.")

    def _host_allowed(self) -> bool:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        return host in {"127.0.0.1", "localhost"}

    def _send(self, status: HTTPStatus, content_type: str, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header(
            "Content-Security-Policy",
            "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'",
        )
        self.end_headers()
        self.wfile.write(data)

    def _index(self) -> None:
        session = self.server.session
        with session.lock:
            if session.checked is None:
                errors = session.errors or []
                body = "<h1>regiodocs: voorbeeld</h1>" + errors_html(errors)
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", _shell(body, "", None))
                return
            entries = session.entries()
            region = session.region.regio.naam
        self._send(HTTPStatus.OK, "text/html; charset=utf-8", index_page(region, entries))

    def _document(self, key: str) -> None:
        session = self.server.session
        with session.lock:
            if session.checked is None:
                page = None
                errors = session.errors or []
            else:
                try:
                    page = session.page(key)
                except ContentError as exc:
                    page, errors = None, exc.diagnostics
                else:
                    errors = session.errors or []
                links = session.link_targets() if page is not None else {}
        if page is None:
            if errors:
                self._send(
                    HTTPStatus.OK, "text/html; charset=utf-8", _shell("", errors_html(errors), key)
                )
            else:
                self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", "Onbekend document.")
            return
        body = _body(_parts(page, links))
        banner = errors_html(errors) if errors else ""
        self._send(HTTPStatus.OK, "text/html; charset=utf-8", document_page(page, body, banner))

    def _events(self, key: str) -> None:
        client = _Client(key)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "keep-alive")
        self.end_headers()
        with self.server.clients_lock:
            self.server.clients.append(client)
        try:
            self.wfile.write(b": verbonden\n\n")
            self.wfile.flush()
            for event, data in _events(client, self.server.stopping):
                self.wfile.write(f"event: {event}\ndata: {data}\n\n".encode())
                self.wfile.flush()
                if client.events.empty():
                    client.written.set()
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with self.server.clients_lock:
                self.server.clients.remove(client)
            self.close_connection = True


def _events(client: _Client, stopping: threading.Event) -> Iterator[tuple[str, str]]:
    while not stopping.is_set():
        try:
            yield client.events.get(timeout=KEEPALIVE_SECONDS)
        except queue.Empty:
            yield ("houd-vast", "{}")


def _shell(body: str, banner: str, key: str | None, style: html.HtmlStyle | None = None) -> str:
    script = f"<script>{_CLIENT_SCRIPT}</script>" if key is not None else ""
    hidden = "" if banner else " hidden"
    # What the check of the whole region said about what the page shows.
    said = "Controle: fouten gevonden" if banner else "Gecontroleerd: geen fouten"
    status = f' <span id="controle" role="status">{said}</span>' if key is not None else ""
    page = html.page(
        "regiodocs: voorbeeld",
        body,
        style or html.HtmlStyle(),
        head_extra=f"<style>{_BANNER_CSS}</style>\n",
    )
    return page.replace(
        "<body>\n",
        f'<body data-doc="{html_lib.escape(key or "")}">\n'
        '<nav class="preview" aria-label="Voorbeeld"><a href="/">Alle documenten</a>'
        f"{status}</nav>\n"
        f'<div id="meldingen" role="alert"{hidden}>{banner}</div>\n',
        1,
    ).replace("</body>", f"{script}</body>", 1)


def document_page(page: Page, body: str, banner: str) -> str:
    shell = _shell(body, banner, page.key, page.style)
    return shell.replace(
        "<title>regiodocs: voorbeeld</title>", f"<title>{html_lib.escape(page.title)}</title>", 1
    )


def index_page(region: str, entries: list[Entry]) -> str:
    def items(selected: list[Entry]) -> str:
        return "".join(
            f'<li><a href="/doc/{html_lib.escape(e.key)}">{html_lib.escape(e.title)}</a></li>'
            for e in selected
        )

    regional = [e for e in entries if e.gemeente is None]
    parts = [f"<h1>{html_lib.escape(region)}: alle documenten</h1>"]
    if regional:
        parts.append(f"<h2>Regionale documenten</h2><ul>{items(regional)}</ul>")
    for gemeente in dict.fromkeys(e.gemeente for e in entries if e.gemeente is not None):
        mine = [e for e in entries if e.gemeente == gemeente]
        parts.append(f"<h2>{html_lib.escape(str(gemeente))}</h2><ul>{items(mine)}</ul>")
    return _shell("\n".join(parts), "", None)


def serve(
    content_dir: Path, template_dir: Path, region_id: str, host: str, port: int
) -> PreviewServer:
    """Load the region and start serving (in background threads); the caller stops it."""
    session = PreviewSession(content_dir, template_dir, region_id)
    session.load()
    # What is loaded now (modules, templates, schemas) lives as long as the server: keep it
    # out of every later garbage collection.
    gc.collect()
    gc.freeze()
    server = PreviewServer(session, host, port)
    roots = [content_dir / region_id, template_dir]
    threading.Thread(target=server.watch, args=(roots,), daemon=True).start()
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True
    ).start()
    return server
