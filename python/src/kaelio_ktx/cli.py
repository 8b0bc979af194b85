"""Command line entry point of the `ktx-daemon` console script."""

import argparse
import sys

from kaelio_ktx import __version__

PROG = "ktx-daemon"
# Read by the daemon module; repeated here to keep it out of --version.
TOKEN_ENV = "KTX_DAEMON_TOKEN"

# Repeated from kaelio_ktx.embeddings.resolve, which --help must not import.
DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"

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
    `--version` and help stay fast.
    """
    _add_serve_http(subcommands)


def _add_serve_http(subcommands):
    # The name is API: the Java side finds running daemons by looking for
    # `ktx-daemon serve-http` in process command lines.
    serve = subcommands.add_parser(
        "serve-http",
        help="serve the daemon's HTTP API on a loopback address",
        description="Serve the daemon's HTTP API on a loopback address. The "
                    "bearer token comes from --token-file or the %s "
                    "environment variable, never from the command line."
                    % TOKEN_ENV,
        # Otherwise `--token SECRET` would be taken as `--token-file SECRET`
        # and the secret would end up in an error message.
        allow_abbrev=False,
    )
    serve.add_argument(
        "--host", default="127.0.0.1",
        help="127.0.0.1, ::1 or localhost (default: %(default)s)")
    serve.add_argument(
        "--port", type=_port, default=0,
        help="TCP port; 0 lets the system pick a free one (default: 0)")
    serve.add_argument(
        "--ready-file", required=True, metavar="PATH",
        help="written atomically (mode 0600) with pid, port, host and version "
             "once listening; removed on shutdown")
    serve.add_argument(
        "--idle-timeout", type=_seconds, default=0.0, metavar="SECONDS",
        help="stop after this many seconds without requests (0: never)")
    serve.add_argument(
        "--log-file", metavar="PATH",
        help="append events to this file instead of stderr")
    serve.add_argument(
        "--token-file", metavar="PATH",
        help="file holding the bearer token (surrounding whitespace ignored)")
    serve.add_argument(
        "--model", metavar="MODEL",
        help="embedding model: a local directory or a Hugging Face repository id "
             "(default: $KTX_EMBEDDING_MODEL, else %s)" % DEFAULT_MODEL)
    serve.add_argument(
        "--preload", action="store_true",
        help="load the embedding model before listening, and refuse to start if it "
             "cannot be loaded (default: on first use)")
    serve.set_defaults(handler=_serve_http)


def _serve_http(args):
    # Imported here: http.server and friends would slow down --version.
    from kaelio_ktx.daemon import lifecycle
    return lifecycle.serve(args)


def _port(text):
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError("%r is not a port number (0-65535)" % text)
    return port


def _seconds(text):
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    # `not >= 0` also rejects NaN; inf would mean "never", which 0 says.
    if not 0 <= seconds < float("inf"):
        raise argparse.ArgumentTypeError(
            "%r is not a number of seconds (0 or more)" % text)
    return seconds


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
