"""Generation one batch ahead of the inserts, in a second process (`seed_customers(...,
ahead=True)`): while the database takes batch k, a forked child draws batch k+1.

The rows are exactly those of generating in-process. The child draws each batch with
the ids that follow the previous one and sends them with the batch; the parent checks
them against the ids it reserved (`seed.columns.reserve_ids`). When another writer took
ids or national numbers in between, the child goes back to the state it had before that
batch (random source, ids, national-number counters) and draws it again with the
reserved ids and the new numbers to avoid, as the in-process generator would.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterable, Sequence
from multiprocessing.connection import Connection

from seed.generator import Batch, Generator

ACCEPTED = None  # the parent's answer to a batch it takes as it is
NumbersSince = Callable[[int], set[str]]  # national numbers of the records from an id on
Prepare = Callable[[Batch], Batch]  # what the child does to a batch before sending it


def can_fork() -> bool:
    """Whether a child can be forked here (it inherits the generator and its pools)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _child(pipe: Connection, generator: Generator, sizes: Sequence[int],
           prepare: Prepare | None = None) -> None:  # fmt: skip
    """Draw the batches of `sizes` one after the other (each one `prepare`d for the
    inserts); draw one again when told to."""
    for size in sizes:
        state = generator.checkpoint()
        ids = list(generator.ids)
        batch = generator.batch(size)
        pipe.send((ids, prepare(batch) if prepare else batch))
        answer = pipe.recv()
        while answer is not ACCEPTED:
            ids, numbers = answer
            generator.restore(state)
            generator.ids = list(ids)
            generator.numbers.taken |= numbers
            batch = generator.batch(size)
            pipe.send((list(ids), prepare(batch) if prepare else batch))
            answer = pipe.recv()
    pipe.close()


class InProcess:
    """The generator drawing each batch when asked, in this process."""

    def __init__(self, generator: Generator) -> None:
        self.generator = generator

    def batch(self, size: int, ids: list[int], numbers_since: NumbersSince) -> Batch:
        """The next `size` customers with the reserved `ids`, avoiding the national
        numbers of records another writer added since the last batch."""
        g = self.generator
        if ids[0] > g.ids[0]:
            g.numbers.taken |= numbers_since(g.ids[0])
        g.ids = list(ids)
        return g.batch(size)

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class Ahead:
    """The child process and the parent's end of its pipe (a context manager)."""

    def __init__(self, generator: Generator, sizes: Iterable[int],
                 prepare: Prepare | None = None) -> None:  # fmt: skip
        context = multiprocessing.get_context("fork")
        self.pipe, child_end = context.Pipe()
        self.process = context.Process(
            target=_child, args=(child_end, generator, list(sizes), prepare), daemon=True
        )
        self.process.start()
        child_end.close()

    def batch(self, size: int, ids: list[int], numbers_since: NumbersSince) -> Batch:
        """The next batch (of the `size` planned) drawn with the reserved `ids`."""
        drawn_with, batch = self._receive()
        if drawn_with != ids:
            numbers = numbers_since(drawn_with[0]) if ids[0] > drawn_with[0] else set()
            self.pipe.send((ids, numbers))
            batch = self._receive()[1]
        self.pipe.send(ACCEPTED)
        return batch

    def _receive(self) -> tuple[list[int], Batch]:
        """Unpickling makes a million tuples: no cyclic collection meanwhile."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self.pipe.recv()
        except EOFError as exc:
            raise RuntimeError("the generating process ended early") from exc
        finally:
            if enabled:
                gc.enable()

    def __enter__(self) -> Ahead:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pipe.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()
