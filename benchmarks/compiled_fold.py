"""What compiling the fold's modules with mypyc gives: the same log decoded and replayed by the
package as it is and by a copy whose fold modules are compiled, in turn, in CPU time.

    python benchmarks/compiled_fold.py [--entries 50000] [--dyads 10] [--rounds 2]
        [--callgrind 5000] [--keep DIR]

The compiled copy is built in a temporary folder (or ``--keep DIR``), never in the package: the
modules are copied, rewritten where mypyc cannot take them as written (each rewrite below says
why; none changes what the code does), and compiled with the ``mypyc`` beside this Python (it
needs a C compiler, and takes a few minutes). Three of the fold's modules stay interpreted.
``_dates``: its ``Day`` subclasses ``date`` and makes itself with ``date.__new__``, which mypyc
refuses. ``_vector`` and ``_table`` compile, but wrongly: a native class derived from an ABC
(``Sequence``, ``Mapping``) answers for the ABC's registry, so that ``issubclass(str, Vector)``
holds and the codec writes a text as a list of its letters; kept as Python classes, their
generic bases meet a metaclass conflict when the module is imported. Nothing here is needed to
install or test the package.

Each measure runs in a fresh process pinned to one core, the plain and the compiled package
taking turns, and the fastest of ``--rounds`` is kept for each: reading the log into checked
entries, replaying every dyad to its final state, the fold alone through one builder frozen
every 16 entries and through ``reduce(apply)``, and a date asked of a replay. With
``--callgrind N``, valgrind also counts the instructions of reading and replaying N entries, less
those of a process that stops once the package is imported, per entry.
"""

from __future__ import annotations

import argparse
import ast
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

#: The fold's modules that mypyc compiles once rewritten.
COMPILED = ("_state", "_reducer", "_replay", "_entries", "_compiled")

#: What a counted process does once the package is imported and its decoder made: nothing, read
#: the log, read it and replay every dyad to its final state.
STAGES = ("import", "decode", "replay")

_NOT_NATIVE = "@mypyc_attr(native_class=False)\n"
_IMPORT_ATTR = "from mypy_extensions import mypyc_attr\n"
_ANY_VALUE = "\n\ndef _any_value(value: object) -> _Any:\n    return value\n"


def _header(text: str, addition: str) -> str:
    """``addition`` placed after the module's ``from __future__`` line."""
    future = "from __future__ import annotations\n"
    return text.replace(future, future + "\n" + addition, 1)


def _not_native(text: str, *names: str) -> str:
    """Classes kept as Python classes (their methods compiled): a plain base of attrs classes
    must not be native, since attrs classes cannot be."""
    for name in names:
        text = re.sub(rf"^class {name}\b", f"{_NOT_NATIVE}class {name}", text, count=1, flags=re.M)
    return _header(text, _IMPORT_ATTR)


def _untyped_fields(text: str) -> str:
    """Every ``attrs.field(...)`` of a class body given its default, factory and validator as
    ``Any``: typed, ``field`` returns the attribute's type, and mypyc then checks the definition
    it returns at class creation against that type, and fails."""
    tree = ast.parse(text)
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + len(text[starts[line - 1] :].encode()[:column].decode())

    edits: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "field"):
            continue
        wrapped = [kw for kw in node.keywords if kw.arg in ("default", "factory", "validator")]
        if not wrapped:
            func = node.func
            edits.append(
                (
                    offset(func.end_lineno or 0, func.end_col_offset or 0) + 1,
                    "validator=_any_value(None), ",
                )
            )
        for keyword in wrapped:
            value = keyword.value
            edits.append((offset(value.lineno, value.col_offset), "_any_value("))
            edits.append((offset(value.end_lineno or 0, value.end_col_offset or 0), ")"))
    for at, inserted in sorted(edits, key=lambda edit: edit[0], reverse=True):
        text = text[:at] + inserted + text[at:]
    if edits:
        text = _header(text, "from typing import Any as _Any\n" + _ANY_VALUE)
    return text


def _quoted_annotations(text: str) -> str:
    """Every annotation of a class body written as a string: mypyc writes a class's annotations
    as bare classes, ``ClassVar`` and the parameters of generics left out (``tuple[Source,
    ...]`` becomes ``tuple``), so attrs would take class variables for fields, and the compiled
    decoder, which reads the fields' types to make its Structs, would find none it can read.
    Under ``from __future__ import annotations`` a string is what the module holds anyway; a
    union is written ``Union[...]``, since mypyc keeps a string only of a subscripted name."""
    lines = text.splitlines(keepends=True)
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.ClassDef):
            continue
        for statement in node.body:
            annotation = statement.annotation if isinstance(statement, ast.AnnAssign) else None
            if annotation is None or annotation.lineno != annotation.end_lineno:
                continue
            line = lines[annotation.lineno - 1].encode()
            start, end = annotation.col_offset, annotation.end_col_offset or 0
            written = line[start:end].decode()
            if isinstance(annotation, ast.BinOp):  # a union: kept whole only as Union[...]
                written = f"Union[{', '.join(map(ast.unparse, _members(annotation)))}]"
            if not written.startswith(("'", '"')):
                lines[annotation.lineno - 1] = (
                    line[:start] + f'"{written}"'.encode() + line[end:]
                ).decode()
    return _header("".join(lines), "from typing import Union\n")


def _members(union: ast.expr) -> list[ast.expr]:
    """The members of ``A | B | C``, in order."""
    if isinstance(union, ast.BinOp) and isinstance(union.op, ast.BitOr):
        return [*_members(union.left), *_members(union.right)]
    return [union]


def _plain_dispatch(text: str) -> str:
    """``rule`` made by ``functools.singledispatch`` at run time: mypyc compiles a
    ``@singledispatch`` function into a dispatcher of its own, without ``dispatch`` and
    ``registry``, which the fold reads; and a local its narrowing typed ``None``, annotated."""
    text = text.replace(
        "@singledispatch\ndef rule(",
        "_singledispatch: Any = singledispatch\n\n\n"
        "@_singledispatch  # type: ignore[untyped-decorator]\ndef rule(",
        1,
    )
    return text.replace("        at = self.at\n", "        at: date | None = self.at\n", 1)


REWRITES = {
    "_entries": lambda text: _quoted_annotations(
        _untyped_fields(_not_native(text, "_OnceComputed"))
    ),
    "_state": lambda text: _quoted_annotations(_untyped_fields(text)),
    "_reducer": _plain_dispatch,
}


def build(folder: Path) -> Path:
    """The package copied into ``folder``, its fold modules rewritten and compiled in place."""
    shutil.rmtree(folder / "tracker", ignore_errors=True)
    shutil.copytree(
        REPO / "tracker", folder / "tracker", ignore=shutil.ignore_patterns("*.so", "__pycache__")
    )
    for name, rewrite in REWRITES.items():
        path = folder / "tracker" / f"{name}.py"
        path.write_text(rewrite(path.read_text()))
    # mypyc reads the mypy configuration; setuptools must not read the project's metadata.
    (folder / "pyproject.toml").write_text(
        '[tool.mypy]\nstrict = true\nplugins = ["tracker.mypy_plugin"]\n'
    )
    mypyc = Path(sys.executable).parent / "mypyc"
    modules = [f"tracker/{name}.py" for name in COMPILED]
    done = subprocess.run(
        [str(mypyc), *modules], cwd=folder, capture_output=True, text=True, check=False
    )
    built = [name for name in COMPILED if list((folder / "tracker").glob(f"{name}.*.so"))]
    if done.returncode != 0 or len(built) != len(COMPILED):
        errors = [line for line in done.stdout.splitlines() if ": error:" in line]
        shown = errors or done.stderr[-2000:]
        msg = f"mypyc did not compile the fold (exit status {done.returncode}): {shown}"
        raise SystemExit(msg)
    return folder


_CHILD = r"""
import copy, functools, gc, json, os, random, sys, time
from pathlib import Path
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
import tracker
import tracker._reducer
path = Path(sys.argv[1])
cpu = time.process_time
out = {"compiled": tracker._reducer.__file__.endswith(".so")}
begin = cpu()
log = tracker.read_log(path)
out["decode_us"] = 1e6 * (cpu() - begin) / len(log)
begin = cpu()
replays = tracker.replays(log.entries)
finals = [replay.final for replay in replays.values()]
out["replay_us"] = 1e6 * (cpu() - begin) / len(log)
out["end_to_end_per_s"] = 1e6 / (out["decode_us"] + out["replay_us"])
groups = {}
for entry in log.entries:
    groups.setdefault(entry.parties, []).append(entry)
for group in groups.values():
    group.sort(key=lambda entry: entry.on)
gc.collect(); gc.freeze(); gc.disable()
fresh = {dyad: list(map(copy.copy, group)) for dyad, group in groups.items()}
begin = cpu()
for dyad, group in fresh.items():
    list(tracker.checkpoints(group, tracker.State(dyad), 16))
out["builder_us"] = 1e6 * (cpu() - begin) / len(log)
fresh = {dyad: list(map(copy.copy, group)) for dyad, group in groups.items()}
begin = cpu()
for dyad, group in fresh.items():
    functools.reduce(tracker.apply, group, tracker.State(dyad))
out["reduce_us"] = 1e6 * (cpu() - begin) / len(log)
gc.enable()
pick, days = random.Random(1), sorted(entry.on for entry in log.entries)
chosen = [(pick.choice(list(replays.values())), pick.choice(days)) for _ in range(2000)]
begin = cpu()
for replay, day in chosen:
    replay.at(day)
out["date_ms"] = 1e3 * (cpu() - begin) / len(chosen)
out["fingerprint"] = [
    [str(dyad), state.applied, str(state.phase), len(state.pending), len(state.anomalies)]
    for dyad, state in sorted(zip(map(str, replays), finals), key=lambda pair: pair[0])
]
print(json.dumps(out))
"""

_COUNTED = r"""
import sys
import tracker
with open(sys.argv[1], "rb") as handle:
    tracker.loads_entry(handle.readline())  # the decoder made, as any read makes it first
if sys.argv[2] != "import":
    log = tracker.read_log(sys.argv[1])
    if sys.argv[2] == "replay":
        for replay in tracker.replays(log.entries).values():
            replay.final
"""


def _environment(folder: Path | None) -> dict[str, str]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    env["PYTHONPATH"] = str(folder) if folder else str(REPO)
    return env


def _measure(log: Path, folder: Path | None) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(log)],
        env=_environment(folder),
        cwd=folder or REPO,  # a -c program imports from where it runs first
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        msg = f"the {'compiled' if folder else 'plain'} measure failed:\n{done.stderr[-3000:]}"
        raise SystemExit(msg)
    figures: dict[str, float] = json.loads(done.stdout)
    if figures["compiled"] != (folder is not None):
        msg = f"the {'compiled' if folder else 'plain'} package was not the one imported"
        raise SystemExit(msg)
    return figures


def _instructions(log: Path, folder: Path | None, stage: str, work: Path) -> int:
    out = work / f"callgrind-{'compiled' if folder else 'plain'}-{stage}.out"
    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            sys.executable,
            "-c",
            _COUNTED,
            str(log),
            stage,
        ],
        env=_environment(folder),
        cwd=folder or REPO,  # a -c program imports from where it runs first
        capture_output=True,
        check=True,
    )
    summary = re.search(r"^summary: (\d+)", out.read_text(), flags=re.M)
    if summary is None:
        msg = f"no summary in {out}"
        raise SystemExit(msg)
    return int(summary.group(1))


def _write_log(path: Path, entries: int, dyads: int) -> None:
    sys.path.insert(0, str(REPO))
    import tracker  # noqa: PLC0415 - the plain package, to write the log
    from tracker._synth import synthesize  # noqa: PLC0415

    with path.open("wb") as handle:
        for entry in synthesize(entries, dyads=dyads, seed=1):
            handle.write(tracker.dumps_entry(entry) + b"\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--dyads", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--callgrind", type=int, default=0, metavar="N")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the compiled copy here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        folder = args.keep.resolve() if args.keep else work / "compiled"
        folder.mkdir(parents=True, exist_ok=True)
        if not list((folder / "tracker").glob("_reducer.*.so")):
            build(folder)
        log = work / "log.jsonl"
        _write_log(log, args.entries, args.dyads)
        best: dict[str, dict[str, float]] = {}
        for _ in range(args.rounds):
            for name, built in (("plain", None), ("compiled", folder)):
                figures = _measure(log, built)
                kept = best.setdefault(name, figures)
                for key, value in figures.items():
                    if key.endswith(("_us", "_ms")):
                        kept[key] = min(kept[key], value)
                kept["end_to_end_per_s"] = 1e6 / (kept["decode_us"] + kept["replay_us"])
        if best["plain"]["fingerprint"] != best["compiled"]["fingerprint"]:
            msg = "the compiled fold gave other final states than the plain one"
            raise SystemExit(msg)
        print(
            f"{args.entries:,} entries over {args.dyads} dyads, CPU time, fastest of {args.rounds}"
        )
        for key in (
            "decode_us",
            "replay_us",
            "builder_us",
            "reduce_us",
            "date_ms",
            "end_to_end_per_s",
        ):
            plain, compiled = best["plain"][key], best["compiled"][key]
            ratio = compiled / plain if key == "end_to_end_per_s" else plain / compiled
            print(f"{key}: plain {plain:,.2f}, compiled {compiled:,.2f} ({ratio:.2f}x faster)")
        if args.callgrind:
            small = work / "small.jsonl"
            _write_log(small, args.callgrind, args.dyads)
            for name, built in (("plain", None), ("compiled", folder)):
                counts = [_instructions(small, built, stage, work) for stage in STAGES]
                decode, fold = (later - earlier for earlier, later in itertools.pairwise(counts))
                print(
                    f"instructions per entry, {name}: decode {decode / args.callgrind:,.0f}, "
                    f"replay {fold / args.callgrind:,.0f}, "
                    f"both {(decode + fold) / args.callgrind:,.0f}"
                )


if __name__ == "__main__":
    main()
