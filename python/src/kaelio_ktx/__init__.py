"""Python side of the ktx command line tool.

Importing this package must stay cheap: the Java CLI imports it to probe the
managed environment, so nothing heavy belongs at module level here.
"""

__version__ = "0.1.0"
