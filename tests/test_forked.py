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
