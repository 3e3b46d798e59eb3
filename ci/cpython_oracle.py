#!/usr/bin/env python3
"""Check (or regenerate) tests/cases/*.expect against CPython 3.11.

Usage: ci/cpython-oracle.sh [--bless] [SUBSTRING...]

Every tests/cases/*.py whose first line is not `# sigpy-only` is run under
python3 exactly as tests/cases.rs runs sigpy (cwd = tests/cases, argument =
the file name, stdin = /dev/null, PYTHONPATH = tests/cases/helpers as
tests/cases.rs sets SIGPYPATH: the modules that import tests use live there). Its exit status, last stderr line and
stdout must equal the `.expect` file beside it; every mismatch is listed and
the script exits 1. With --bless the `.expect` files are rewritten from
python3's output instead.

Each case runs twice under two different str hash seeds; a case whose output
depends on the seed is reported as nondeterministic (sigpy's hashing differs
from CPython's, so such a case could never be a fair test).
"""

import concurrent.futures
import difflib
import os
import subprocess
import sys

TIMEOUT = 60
SIGPY_ONLY = "# sigpy-only"


def repo_root():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cases_dir():
    return os.path.join(repo_root(), "tests", "cases")


def last_line(text):
    return text.rstrip("\r\n").split("\n")[-1]


def render_expect(code, stderr, stdout):
    return "exit: %d\nstderr-last: %s\n--- stdout\n%s" % (code, last_line(stderr), stdout)


def is_sigpy_only(path):
    with open(path, encoding="utf-8") as f:
        return f.readline().rstrip("\r\n").strip() == SIGPY_ONLY


def run_python(name, seed):
    env = dict(os.environ)
    for var in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONHOME", "PYTHONINSPECT"):
        env.pop(var, None)
    env["PYTHONUTF8"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONHASHSEED"] = str(seed)
    env["PYTHONPATH"] = os.path.join(cases_dir(), "helpers")
    proc = subprocess.run(
        [sys.executable, name],
        cwd=cases_dir(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        timeout=TIMEOUT,
    )
    stdout = proc.stdout.decode("utf-8", "replace")
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode < 0:
        raise RuntimeError("%s: python3 killed by signal %d" % (name, -proc.returncode))
    return render_expect(proc.returncode, stderr, stdout)


def oracle(name):
    """Returns (name, expect text, problem or None)."""
    try:
        first = run_python(name, 1)
        second = run_python(name, 2)
    except subprocess.TimeoutExpired:
        return name, None, "python3 timed out after %d s" % TIMEOUT
    except RuntimeError as e:
        return name, None, str(e)
    if first != second:
        diff = "".join(
            difflib.unified_diff(
                first.splitlines(True), second.splitlines(True), "PYTHONHASHSEED=1", "PYTHONHASHSEED=2"
            )
        )
        return name, None, "output depends on the str hash seed:\n" + diff
    return name, first, None


def main(argv):
    bless = "--bless" in argv
    filters = [a for a in argv if a != "--bless"]
    for a in filters:
        if a.startswith("-"):
            print("usage: ci/cpython-oracle.sh [--bless] [SUBSTRING...]", file=sys.stderr)
            return 2
    if sys.version_info[:2] != (3, 11):
        print("cpython-oracle: python3 must be CPython 3.11, found %s" % sys.version.split()[0], file=sys.stderr)
        return 1

    names = sorted(n for n in os.listdir(cases_dir()) if n.endswith(".py"))
    if filters:
        names = [n for n in names if any(f in n for f in filters)]
    if not names:
        print("cpython-oracle: no case matches %r" % filters, file=sys.stderr)
        return 1

    problems = []
    skipped = []
    to_run = []
    for name in names:
        path = os.path.join(cases_dir(), name)
        if is_sigpy_only(path):
            skipped.append(name)
            if not os.path.exists(path[:-3] + ".expect"):
                problems.append((name, "sigpy-only case without a hand-written .expect"))
        else:
            to_run.append(name)

    blessed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        for name, actual, problem in pool.map(oracle, to_run):
            if problem:
                problems.append((name, problem))
                continue
            expect_path = os.path.join(cases_dir(), name[:-3] + ".expect")
            try:
                with open(expect_path, encoding="utf-8", newline="") as f:
                    expected = f.read()
            except FileNotFoundError:
                expected = None
            if expected == actual:
                continue
            if bless:
                with open(expect_path, "w", encoding="utf-8", newline="") as f:
                    f.write(actual)
                blessed += 1
                print("blessed %s" % expect_path[len(repo_root()) + 1 :], file=sys.stderr)
            elif expected is None:
                problems.append((name, "no .expect file (run ci/cpython-oracle.sh --bless)"))
            else:
                diff = "".join(
                    difflib.unified_diff(
                        expected.splitlines(True),
                        actual.splitlines(True),
                        name[:-3] + ".expect",
                        "python3 " + name,
                    )
                )
                problems.append((name, "CPython disagrees with the expectation:\n" + diff))

    for name, problem in problems:
        print("MISMATCH %s: %s" % (name, problem.rstrip("\n")), file=sys.stderr)
        print(file=sys.stderr)
    ran = len(to_run)
    summary = "cpython-oracle: %d cases run under %s, %d sigpy-only skipped" % (
        ran,
        sys.version.split()[0],
        len(skipped),
    )
    if bless:
        summary += ", %d .expect files rewritten" % blessed
    if problems:
        print("%s, %d FAILED: %s" % (summary, len(problems), " ".join(n for n, _ in problems)), file=sys.stderr)
        return 1
    print(summary + ", all agree", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
