"""Shared fixtures: builds of the real site and of the site extended with a test report."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

PROJECT = ["mkdocs.yml", "mkdocs.en.yml", "docs", "hooks", "overrides", "data", "seeds"]
SITE_URL = "https://example.org/gwr/"
FIXTURE_ENTRY = """
  - id: examplecity-2024
    file: seeds/examplecity-2024.txt
    city: 示例
    year: 2024
    kind: full
  - id: examplecity-2025
    file: seeds/examplecity-2025.txt
    city: 示例
    year: 2025
    kind: full
"""


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def build(project: Path, site_dir: Path, **extra_env: str) -> subprocess.CompletedProcess:
    """Both editions, as `make build` does: Chinese at the root, English under en/."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000", SITE_URL=SITE_URL, **extra_env)
    result = None
    for config, dest in (("mkdocs.yml", site_dir), ("mkdocs.en.yml", site_dir / "en")):
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config), "-d", str(dest)],
            cwd=project, env=env, capture_output=True, text=True, timeout=600,
        )
        if result.returncode:
            return result
    return result


def build_ok(project: Path, site_dir: Path, **extra_env: str) -> Path:
    result = build(project, site_dir, **extra_env)
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = [ln for ln in result.stderr.splitlines() if ln.startswith("WARNING")]
    assert not warnings, "\n".join(warnings)
    return site_dir


def add_fixture_report(project: Path) -> None:
    for name in ("examplecity-2024.txt", "examplecity-2025.txt"):
        shutil.copy2(ROOT / "tests/fixtures" / name, project / "seeds" / name)
    with open(project / "data/reports.yml", "a", encoding="utf-8") as f:
        f.write(FIXTURE_ENTRY)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real project, built with --strict."""
    return build_ok(ROOT, tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def ext_project(tmp_path_factory) -> Path:
    """The project plus a report written for the tests, registered through data/reports.yml only."""
    project = copy_project(tmp_path_factory.mktemp("ext") / "project")
    add_fixture_report(project)
    return project


@pytest.fixture(scope="session")
def ext_site(ext_project, tmp_path_factory) -> Path:
    return build_ok(ext_project, tmp_path_factory.mktemp("extsite") / "site")


@pytest.fixture(scope="session")
def ext_model(ext_project):
    from gwr.pipeline import load_site

    return load_site(ext_project)


# --- browser tests -------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def require_chromium() -> None:
    """Skip a browser test module where Chromium is absent, unless GWR_REQUIRE_BROWSER (CI) makes it an error."""
    if not CHROMIUM:
        if os.environ.get("GWR_REQUIRE_BROWSER"):
            raise RuntimeError("GWR_REQUIRE_BROWSER is set but no chromium is installed")
        pytest.skip("chromium not installed", allow_module_level=True)


@pytest.fixture(scope="session")
def server(site):
    """The built site over HTTP at the path of SITE_URL (/gwr/), as a host serves it: the 404 page's absolute
    links work, and any other path is a 404."""
    prefix = urlsplit(SITE_URL).path

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def translate_path(self, path):
            inside = path.startswith(prefix)
            return super().translate_path("/" + path[len(prefix):] if inside else "/__outside__")

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = (site / "404.html").read_bytes()  # as GitHub Pages does
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield b
        b.close()
