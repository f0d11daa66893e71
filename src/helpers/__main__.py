"""The command line: ``python -m helpers extract RAW_DIR OUT_DIR`` (and ``batch``, see ``--help``)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _extract(args: argparse.Namespace) -> int:
    from .extract import RawDirError, run_extraction
    from .tables import OutputError

    try:
        counts = run_extraction(args.raw_dir, args.out_dir)
    except RawDirError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OutputError as error:
        print(f"error: {error}; the earlier tables are left as they were.", file=sys.stderr)
        return 3
    for name, count in counts.items():
        print(f"{name}.csv: {count} rows -> {Path(args.out_dir) / (name + '.csv')}")
    return 0


def _batch(args: argparse.Namespace) -> int:
    from .compare import ParameterError
    from .publish.batch import run_batch

    try:
        outcomes = run_batch(args.provinces, Path(args.processed), Path(args.out), jobs=args.jobs,
                             progress=not args.quiet, lang=args.lang)
    except ParameterError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    failed = [o for o in outcomes if not o.ok]
    rendered = sum(not o.cached for o in outcomes if o.ok)
    print(f"{len(outcomes) - len(failed)} of {len(outcomes)} pages ready in {args.out}/ ({rendered} rendered, "
          f"{sum(o.cached for o in outcomes)} unchanged); open {args.out}/index.html")
    for outcome in failed:
        print(f"failed: {outcome.province or outcome.slug}: {outcome.error}", file=sys.stderr)
    return 1 if failed else 0


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import EvaluationError, evaluate, render

    try:
        evaluation = evaluate(Path(args.processed_dir), Path(args.truth_dir))
    except EvaluationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(render(evaluation))
    shortfalls = [f"{name} {got:.3f} < {bar:.3f}" for name, got, bar in (
        ("recall", evaluation.recall, args.min_recall), ("precision", evaluation.precision, args.min_precision),
        ("report fields", evaluation.field_accuracy, args.min_fields)) if got < bar]
    if shortfalls:
        print("below the thresholds: " + "; ".join(shortfalls), file=sys.stderr)
        return 1
    return 0


def _officials(args: argparse.Namespace) -> int:
    from .officials_coverage import coverage_table

    sys.stdout.write(coverage_table())
    return 0


def _notebooks(args: argparse.Namespace) -> int:
    from .notebooks import execute_all

    execute_all()
    return 0


# The same as helpers.publish.i18n (a test checks): repeated so that `extract` does not import pandas to start.
LANGUAGES, DEFAULT_LANGUAGE = ("vi", "en"), "vi"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m helpers",
                                     description="Vietnamese provincial office reports into comparable tables.")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="read RAW_DIR, write reports/facts/panel/rejected CSVs to OUT_DIR")
    extract.add_argument("raw_dir", metavar="RAW_DIR")
    extract.add_argument("out_dir", metavar="OUT_DIR")
    extract.set_defaults(run=_extract)
    batch = commands.add_parser("batch", help="the site: one page per province, the comparison, the cleaning record "
                                              "and index.html (papermill; only pages whose inputs changed)")
    batch.add_argument("--provinces", default="all", help="`all` (default) or comma-separated names or codes")
    batch.add_argument("--processed", default="data/processed", help="folder of the processed tables")
    batch.add_argument("--out", default="reports", help="folder of the site: index.html, compare.html, cleaning.html, "
                                                       "<province>.html (and the executed .ipynb of each)")
    batch.add_argument("--jobs", type=int, default=2, help="provinces run at the same time (default 2)")
    batch.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE,
                       help=f"language of the pages (default {DEFAULT_LANGUAGE}: the readers are Vietnamese)")
    batch.add_argument("--quiet", action="store_true", help="no progress bar")
    batch.set_defaults(run=_batch)
    evaluate = commands.add_parser(
        "evaluate", help="score PROCESSED_DIR's tables against hand-labelled truth (one JSON per report) in TRUTH_DIR")
    evaluate.add_argument("processed_dir", metavar="PROCESSED_DIR")
    evaluate.add_argument("truth_dir", metavar="TRUTH_DIR")
    for name, what in (("recall", "share of labelled figures found"), ("precision", "share of extracted rows not wrong"),
                       ("fields", "share of report fields right")):
        evaluate.add_argument(f"--min-{name}", type=float, default=0.0, metavar="X",
                              help=f"exit 1 when the {what} is below X (default 0: always exit 0)")
    evaluate.set_defaults(run=_evaluate)
    officials = commands.add_parser("officials", help="print how much of each province's leadership officials.csv knows")
    officials.set_defaults(run=_officials)
    notebooks = commands.add_parser("notebooks", help="re-execute the notebooks in place with their default parameters")
    notebooks.set_defaults(run=_notebooks)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("interrupted: nothing half-written was left behind.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
