"""``python -m tests.corpus fetch [--all|NAME...]`` / ``python -m tests.corpus build [--all|NAME...]``."""

import sys

from . import build, fetch

USAGE = "usage: python -m tests.corpus {fetch|build|tools} [args...]"

if __name__ == "__main__":
    cmd, rest = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if cmd == "fetch":
        raise SystemExit(fetch.main(rest))
    if cmd == "build":
        raise SystemExit(build.main(rest))
    if cmd == "tools":
        from . import tools

        for k, v in tools.check_all().items():
            print(f"{k:14} {v}")
        raise SystemExit(0)
    print(USAGE, file=sys.stderr)
    raise SystemExit(2)
