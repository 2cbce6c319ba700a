"""The insurer's back office: what its systems do, whoever asks.

Publishing documents, the support desk and the intermediaries' requests are services
here, used alike by the customer pages, the console, the control API and the CLI.
Services take a database session, ``now`` and plain values; they flush, raise named
domain errors and never know about HTTP, Flask or commits.
"""
