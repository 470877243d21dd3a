"""Says hello, with provenance."""


def hello() -> str:
    return "hello, SLSA"
