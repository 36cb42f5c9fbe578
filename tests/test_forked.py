"""Work in a forked process: its result, its failures and a child that dies, all reach the parent."""

from __future__ import annotations

import os

import pytest

from spf.forked import Forked


def test_result_comes_back_from_the_child():
    data = list(range(1000))
    assert Forked("summing", sum, data).result() == sum(data)


def test_an_exception_in_the_child_is_raised_with_its_traceback():
    job = Forked("parsing", int, "not a number")
    with pytest.raises(RuntimeError, match=r"parsing failed:\n(.|\n)*ValueError: invalid literal"):
        job.result()


def test_a_job_that_dies_without_a_word_is_reported_with_its_exit_code():
    job = Forked("a job that is killed", os._exit, 3)
    with pytest.raises(RuntimeError, match=r"a job that is killed failed:\nit ended \(exit code 3\) without a result"):
        job.result()


def _items(n: int, fail_at: int | None = None):
    for i in range(n):
        if i == fail_at:
            raise ValueError(f"item {i} is bad")
        yield i, os.getpid()


def test_a_stream_hands_over_each_item_as_the_child_yields_it():
    job = Forked("counting", _items, 3, stream=True)
    items = [job.next_item(), job.next_item(), job.next_item()]
    assert [i for i, _ in items] == [0, 1, 2] and {pid for _, pid in items} != {os.getpid()}
    assert job.next_item() is None and job.next_item() is None


def test_a_stream_raises_what_the_child_raised_after_the_items_before():
    job = Forked("counting", _items, 3, 1, stream=True)
    assert job.next_item()[0] == 0
    with pytest.raises(RuntimeError, match=r"counting failed:\n(.|\n)*ValueError: item 1 is bad"):
        job.next_item()
