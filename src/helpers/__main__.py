"""The command line: ``python -m helpers extract RAW_DIR OUT_DIR`` (and ``batch``, see ``--help``)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _extract(args: argparse.Namespace) -> int:
    from .extract import RawDirError, extract
    from .tables import OutputError, write_tables

    try:
        result = extract(Path(args.raw_dir))
    except RawDirError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        counts = write_tables(Path(args.out_dir), result.tables())
    except OutputError as error:
        print(f"error: {error}; the earlier tables are left as they were.", file=sys.stderr)
        return 3
    for name, count in counts.items():
        print(f"{name}.csv: {count} rows -> {Path(args.out_dir) / (name + '.csv')}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m helpers",
                                     description="Vietnamese provincial office reports into comparable tables.")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="read RAW_DIR, write reports/facts/panel/rejected CSVs to OUT_DIR")
    extract.add_argument("raw_dir", metavar="RAW_DIR")
    extract.add_argument("out_dir", metavar="OUT_DIR")
    extract.set_defaults(run=_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("interrupted; the earlier tables are left as they were.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
