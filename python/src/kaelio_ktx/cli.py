"""Command line entry point of the `ktx-daemon` console script."""

import argparse
import sys

from kaelio_ktx import __version__

PROG = "ktx-daemon"

# Exit status when no subcommand is given, matching argparse's usage errors.
EXIT_USAGE = 2


def build_parser():
    # prog is fixed so `python -m kaelio_ktx` reports the same name as the
    # installed script instead of "__main__.py".
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Companion daemon of the ktx command line tool.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version="%s %s" % (PROG, __version__),
    )
    subcommands = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND")
    _add_subcommands(subcommands)
    return parser


def _add_subcommands(subcommands):
    """Register subcommands; each sets `handler(args) -> int` via set_defaults.

    Subcommand modules should be imported inside their handler so that
    `--version` and help stay fast (e.g. a future `serve-http`).
    """


def main(argv=None):
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        # argparse exits for --version, --help and usage errors; returning the
        # code keeps main() usable in-process and by the console script alike.
        return _exit_code(exc.code)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    return args.handler(args)


def _exit_code(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    return 1
