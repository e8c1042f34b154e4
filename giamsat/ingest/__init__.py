"""Reading plans: documents in, structured plans out. Pure Python, no Django."""

from . import rxcache

rxcache.install()  # the regular expressions' programs recorded by scripts/setup.sh, where there are
