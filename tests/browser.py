"""Headless Chromium for the preview's tests and benchmark (Debian's chromium and
chromium-driver; .ci/run installs them). Never downloads a browser."""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Any

CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1100,900",
)


def find_chromium() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def chromium() -> Any:
    """A selenium WebDriver for headless Chromium with its own empty profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_chromium()
    if found is None:
        raise RuntimeError("chromium en chromedriver ontbreken")
    browser, driver = found
    options = webdriver.ChromeOptions()
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="regiodocs-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.binary_location = browser
    os.environ.setdefault("SE_AVOID_STATS", "true")
    os.environ.setdefault("SE_OFFLINE", "true")
    try:
        session = webdriver.Chrome(service=Service(driver), options=options)
    except BaseException:
        shutil.rmtree(profile, ignore_errors=True)
        raise
    close = session.quit

    def quit_and_remove_profile() -> None:
        """Quit the browser, then remove its profile folder (one per session)."""
        try:
            close()
        finally:
            shutil.rmtree(profile, ignore_errors=True)

    session.quit = quit_and_remove_profile  # type: ignore[method-assign]  # this session only
    return session
