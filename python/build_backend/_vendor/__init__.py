"""Third-party code the backend carries so that building needs no network: tomli (MIT, see tomli/LICENSE),
the same parser as the standard library's tomllib, for Python 3.10."""
