"""The bundle's size, and its start-up time against the source install's, in the same run.

Start-up is timed as scripts/bench_startup.py does (fresh processes, offscreen, warm disk
cache, the kinds alternating so drift hits all alike), but from outside the process, since a
bundle runs no code of ours before its own: each sample starts ``--self-check`` and is timed
from the start to its first line, which it prints once the main window is shown and audio is
ready (devices listed, interrupted takes recovered); the process is then stopped, before the
speech models load. The kinds:

- bundle: the built folder's ``pitchback``;
- source: ``.venv/bin/pitchback``, the program that ``scripts/run`` starts;
- scripts/run: the whole script, with its checks that the system packages and the venv are
  there before it starts the program.

    .venv/bin/python scripts/bench_bundle.py dist/Pitchback [--tarball FILE] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def to_window(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting ``command --self-check`` to its first line (the window's)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [*command, "--self-check"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    child.kill()
    child.wait()
    child.stdout.close()
    if not line.startswith("ok "):
        sys.exit(f"{command[0]}: the main window did not come up: {line.strip()!r}")
    return elapsed


def size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--tarball", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    kinds = {
        "bundle": [str(args.bundle.resolve() / "pitchback")],
        "source (.venv/bin/pitchback)": [str(ROOT / ".venv" / "bin" / "pitchback")],
        "scripts/run": [str(ROOT / "scripts" / "run")],
    }
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    with tempfile.TemporaryDirectory(prefix="pitchback-bench-") as tmp:
        # TMPDIR: a stopped self-check leaves its temporary data folder behind, in here.
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8", "TMPDIR": tmp}
        for command in kinds.values():  # warm the disk cache for all
            to_window(command, env)
        for _ in range(args.runs):
            for kind, command in kinds.items():
                times[kind].append(to_window(command, env))
    medians = {kind: statistics.median(found) for kind, found in times.items()}
    bundle = medians["bundle"]
    print(f"bundle size: {size(args.bundle) / 2**20:.0f} MiB unpacked", end="")
    if args.tarball:
        print(f", {size(args.tarball) / 2**20:.0f} MiB as {args.tarball.name}", end="")
    print()
    print(f"to a shown window with audio ready (median of {args.runs}):")
    for kind, median in medians.items():
        print(f"  {kind:30} {median * 1000:5.0f} ms  (bundle / this: {bundle / median:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
