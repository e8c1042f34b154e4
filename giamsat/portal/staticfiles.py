"""Static files with content hashes in their names, so browsers may keep them for a year.

After `giamsat collectstatic` (production), `{% static %}` gives hashed names (portal.3f2a….css) and
WhiteNoise serves them with `Cache-Control: max-age=315360000, immutable` (plus gzip copies). Before
it (tests, a first demo run) there is no manifest and the plain names are used, served by WhiteNoise
from the apps' folders with a short max-age, as before.
"""

from __future__ import annotations

from typing import Any

from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedStaticStorage(CompressedManifestStaticFilesStorage):
    manifest_strict = False
    # CSS url()s are rewritten to hashed names; JS is left alone (the vendored Chart.js names a source map
    # that is not shipped).
    patterns = tuple((glob, rules) for glob, rules in CompressedManifestStaticFilesStorage.patterns if glob != "*.js")

    def stored_name(self, name: str) -> Any:
        if not self.hashed_files:  # collectstatic has not run: plain names
            return name
        try:
            return super().stored_name(name)
        except ValueError:  # a file added since the last collectstatic
            return name
