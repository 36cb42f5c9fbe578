"""The `make serve` budget: on a fresh clone (no build cache: every chart PNG is new), seconds until the address
is printed and the number of lines printed by then.

The clone is `git clone` of this repository's committed state into a temporary folder. Installing .venv is not
timed (it depends on the network): the clone's .venv is a bare virtual environment that reads this one's
packages (a .pth line) and whose `spf` is the clone's own scripts/, with a fresh stamp, so `make install` has
nothing to do. Used by bench.py; `python -m spf.bench_serve` runs it alone.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

from spf.paths import ROOT

BOUND = 600  # seconds: a run that takes longer is reported as such, never waited on forever


def clone(dest: Path) -> Path:
    subprocess.run(["git", "clone", "-q", str(ROOT), str(dest)], check=True)
    venv = dest / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site_packages = venv / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
    (site_packages / "bench-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    (site_packages / "spf").symlink_to(dest / "scripts", target_is_directory=True)
    (venv / ".installed").touch()
    return dest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(repo: Path, port: int) -> subprocess.Popen:
    """`make serve` in `repo` on 127.0.0.1:port, in a process group of its own (stop it with os.killpg), its
    output and errors on one text pipe; without this environment's SITE_URL and SPF_ settings. The benchmark
    and tests/test_serve.py start it here."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SITE_URL", "SPF_", "NO_MKDOCS"))}
    return subprocess.Popen(
        ["make", "serve", "HOST=127.0.0.1", f"PORT={port}"],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def serve_once(repo: Path) -> dict:
    """Start `make serve`, wait for the address line, stop it: seconds and lines until then."""
    port = free_port()
    start = time.perf_counter()
    process = start_serve(repo, port)
    lines: list[str] = []
    try:
        for line in process.stdout:  # ends when make serve ends (a failure) or at the address
            lines.append(line.rstrip("\n"))
            if "Serving on" in line or time.perf_counter() - start > BOUND:
                break
        seconds = time.perf_counter() - start
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    served = bool(lines) and "Serving on" in lines[-1]
    return {"seconds_to_address": round(seconds, 1), "lines": len(lines), "served": served}


def bench_serve() -> dict:
    with tempfile.TemporaryDirectory(prefix="spf-bench-serve-") as tmp:
        return serve_once(clone(Path(tmp) / "clone"))


if __name__ == "__main__":
    print(bench_serve())
