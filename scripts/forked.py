"""Run a function in a forked process and collect its result later.

The child inherits the parent's memory (a loaded package, a validation context) instead of receiving a
pickled copy, and only its result travels back. Used where the second core would otherwise sit idle: the
validator runs frictionless beside its own rules, and the site build writes the release downloads while
MkDocs renders. Where fork is unavailable the function runs at once, in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import traceback


def _child(receive, send, fn, args, nice: int, group: bool, stream: bool = False) -> None:
    # The child holds a copy of the pipe's reading end after fork: closed, so that a child of ours writing a
    # large result into its own pipe gets an error, not a block, when its reader is gone.
    receive.close()
    try:
        if group:
            os.setpgid(0, 0)  # a process group of its own: cancel() ends it with every child it forked
        if nice:
            os.nice(nice)
        if stream:  # each item as soon as the child has it
            for item in fn(*args):
                send.send(("item", item))
            send.send(("ok", None))
        else:
            send.send(("ok", fn(*args)))
    except BaseException:  # noqa: BLE001 - every failure goes back to the parent, which raises it
        send.send(("error", traceback.format_exc()))
    finally:
        send.close()


class Forked:
    """fn(*args) in a forked child; result() waits for it and raises RuntimeError(what + traceback) if it
    failed. A daemon child ends with its parent but may not fork again: pass daemon=False to a child that
    uses Forked itself, and group=True so that cancel() ends its children too (its process group). With
    stream=True, fn is a generator whose items next_item() hands over one by one, as the child yields them."""

    def __init__(
        self, what: str, fn, *args, daemon: bool = True, nice: int = 0, group: bool = False, stream: bool = False
    ):
        self.what = what
        self.group = group
        self._process = None
        self._outcome: tuple[str, object] | None = None
        self._items: list | None = None
        if "fork" not in multiprocessing.get_all_start_methods():
            try:
                self._items = list(fn(*args)) if stream else None
                self._outcome = ("ok", None if stream else fn(*args))
            except Exception:
                self._outcome = ("error", traceback.format_exc())
            return
        ctx = multiprocessing.get_context("fork")
        self._receive, send = ctx.Pipe(duplex=False)
        child_args = (self._receive, send, fn, args, nice, group, stream)
        self._process = ctx.Process(target=_child, args=child_args, daemon=daemon)
        self._process.start()
        send.close()

    def next_item(self):
        """The next item of a stream=True child, or None once it has yielded them all."""
        if self._items:
            return self._items.pop(0)
        if self._outcome is None:
            try:
                status, payload = self._receive.recv()
            except EOFError:
                status, payload = None, None
            if status == "item":
                return payload
            self._receive.close()
            self._process.join()
            self._outcome = (status, payload) if status else ("error", f"it ended (exit code {self._process.exitcode})")
        self.result()  # raises what the child raised
        return None

    def result(self):
        if self._outcome is None:
            try:
                outcome = self._receive.recv()
            except EOFError:
                outcome = None
            self._receive.close()
            self._process.join()
            self._outcome = outcome or ("error", f"it ended (exit code {self._process.exitcode}) without a result")
        status, payload = self._outcome
        if status != "ok":
            raise RuntimeError(f"{self.what} failed:\n{payload}")
        return payload

    def cancel(self) -> None:
        """End the child (and, with group=True, every process it started) at once; never waits on them."""
        if self._process is None or self._outcome is not None:
            return
        if self.group:
            try:
                os.killpg(self._process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass  # already gone (or not yet its own group: the kill below ends the child)
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._receive.close()
        self._outcome = ("error", "it was cancelled")
